import Foundation
import ArgumentParser
import WelltreeCore
import WelltreeReports
import WelltreeWorkspace

extension AnswerCommand {
    /// `welltree answer update W QUESTION ...`.
    struct Update: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            commandName: "update",
            abstract: "Answer one question (one commit; none when nothing changes).",
            discussion: AnswerUpdateOptions.discussion + " " + """
                --evidence cites evidence (repeatable): a path of the repository, from its root, optionally with a line range \
                (infra/backup.tf, infra/backup.tf:12-40, docs/adr/) or an http(s) URL; prefix it with \
                CHOICE= to cite it for one best practice (rel_backup_automated=infra/backup.tf; write ./a=b \
                for a path starting with a=). A path records the object id it has in the current commit: \
                `welltree check --base` reports when a change modifies or deletes it, and `welltree answer \
                confirm` records its new state. --clear-evidence removes every citation first.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: AnswerTarget
        @Argument(help: "The question id (see `welltree answer list`).", completion: .custom(Completions.questions))
        var question: String
        @OptionGroup var options: AnswerUpdateOptions
        @Option(help: ArgumentHelp("Cite evidence (repeatable): a repository path or an http(s) URL.", valueName: "[choice=]path[:l1-l2]|url"))
        var evidence: [String] = []
        @Flag(help: "Remove every citation (before the --evidence given are added).")
        var clearEvidence = false
        @OptionGroup var format: FormatOptions

        func run(in workspace: Workspace, console: Console) throws {
            var update = try options.update()
            update.clearEvidence = clearEvidence
            update.evidence = evidence.map(Evidence.parse)
            let (stored, review, changed) = try workspace.updateAnswer(target.workload, lens: target.lens, question: question, update: update)
            switch format.format {
            case .json:
                let (pillar, lensQuestion) = try review.question(question)
                let shape = AnswerShape(pillarId: pillar.id, question: lensQuestion, answer: review.answers[question]?.answer,
                                        risk: review.risk(of: question), updatedAt: review.answers[question]?.updatedAt,
                                        evidence: try workspace.citations(of: stored, review: review, question: question))
                console.write(jsonText(GetAnswerOutput(workloadId: stored.workload.id, lens: review.lens.record, answer: shape)))
            case .text:
                let risk = review.risk(of: question).rawValue
                console.line(changed ? "Answered \(question) of \(stored.workload.name): risk \(risk)"
                                   : "Answer to \(question) unchanged: risk \(risk)")
                let counts = review.review.riskCounts
                console.line("\(review.applied.alias): \(counts.answered)/\(counts.total) answered, \(counts[.high]) HRIs, \(counts[.medium]) MRIs")
                if clearEvidence || !evidence.isEmpty {
                    console.line("Evidence: " + EvidenceText.summary(try workspace.citations(of: stored, review: review, question: question)))
                }
            }
        }
    }
}
