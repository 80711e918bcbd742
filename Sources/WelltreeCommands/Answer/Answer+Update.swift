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
            discussion: """
                --select replaces the selected best practices; --none selects the question's "None of these" \
                choice and clears the others. --choice-na marks a best practice not applicable: \
                CHOICE[:REASON[:NOTES]] with REASON one of OUT_OF_SCOPE, BUSINESS_PRIORITIES, \
                ARCHITECTURE_CONSTRAINTS, OTHER, NONE. --not-applicable marks the whole question as not \
                applying (its selections are kept and return with --applicable). --evidence cites evidence \
                (repeatable): a path of the repository, from its root, optionally with a line range \
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
        @Option(help: ArgumentHelp("Best practices to select, comma separated; replaces the selection.", valueName: "c1,c2"))
        var select: String?
        @Flag(help: "Select \"None of these\" (clears the other selections).")
        var none = false
        @Option(name: .customLong("choice-na"), help: ArgumentHelp("Mark a best practice not applicable (repeatable).", valueName: "choice[:reason[:notes]]"))
        var choiceNotApplicable: [String] = []
        @Option(name: .customLong("choice-applicable"), help: ArgumentHelp("Mark a best practice applicable again (repeatable).", valueName: "choice"))
        var choiceApplicable: [String] = []
        @Flag(help: "Mark the question as not applicable to this workload.")
        var notApplicable = false
        @Option(help: "Why the question does not apply: OUT_OF_SCOPE, BUSINESS_PRIORITIES, ARCHITECTURE_CONSTRAINTS, OTHER or NONE.")
        var reason: AnswerReason?
        @Flag(help: "Mark the question as applicable again.")
        var applicable = false
        @Option(help: "Question notes (at most 2084 characters; empty clears them).")
        var notes: String?
        @Option(help: ArgumentHelp("Cite evidence (repeatable): a repository path or an http(s) URL.", valueName: "[choice=]path[:l1-l2]|url"))
        var evidence: [String] = []
        @Flag(help: "Remove every citation (before the --evidence given are added).")
        var clearEvidence = false
        @OptionGroup var format: FormatOptions

        func validate() throws {
            if notApplicable && applicable { throw ValidationError("--not-applicable and --applicable exclude each other") }
            if reason != nil && !notApplicable { throw ValidationError("--reason goes with --not-applicable") }
        }

        func run(in workspace: Workspace, console: Console) throws {
            var marks: [AnswerUpdate.ChoiceMark] = []
            var violations: [Violation] = []
            for text in choiceNotApplicable {
                let parts = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
                var mark = AnswerUpdate.ChoiceMark(choiceId: parts[0])
                if parts.count > 1, !parts[1].isEmpty {
                    if let reason = AnswerReason(argument: parts[1]) {
                        mark.reason = reason
                    } else {
                        violations.append(Violation(field: "--choice-na", value: text, rule: "has an unknown reason \"\(parts[1])\"; use one of \(AnswerReason.allValueStrings.joined(separator: ", "))"))
                    }
                }
                if parts.count > 2 { mark.notes = parts[2] }
                marks.append(mark)
            }
            if !violations.isEmpty { throw WelltreeCore.ValidationError(violations) }
            let update = AnswerUpdate(
                select: select.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } },
                none: none, choiceNotApplicable: marks, choiceApplicable: choiceApplicable,
                notApplicable: notApplicable ? (reason ?? AnswerReason.none) : nil, applicable: applicable, notes: notes,
                clearEvidence: clearEvidence, evidence: evidence.map(Evidence.parse))
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
