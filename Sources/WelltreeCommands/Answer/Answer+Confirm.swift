import ArgumentParser
import WelltreeCore
import WelltreeReports
import WelltreeWorkspace

extension AnswerCommand {
    /// `welltree answer confirm W QUESTION`.
    struct Confirm: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            commandName: "confirm",
            abstract: "Record that a reviewer looked at an answer's changed evidence and the answer stands (one commit).",
            discussion: """
                Records the object id every path the answer cites has in the current commit, so the \
                citations read as current again and `welltree check --base` stops reporting them. Refused \
                when a cited path is gone: cite what replaced it (answer update --clear-evidence --evidence \
                ...). No commit when every citation is already current.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: AnswerTarget
        @Argument(help: "The question id.", completion: .custom(Completions.questions))
        var question: String
        @OptionGroup var format: FormatOptions

        func run(in workspace: Workspace, console: Console) throws {
            let (stored, review, cited, changed) = try workspace.confirmAnswer(target.workload, lens: target.lens, question: question)
            switch format.format {
            case .json:
                let (pillar, lensQuestion) = try review.question(question)
                let shape = AnswerShape(
                    pillarId: pillar.id, question: lensQuestion, answer: review.answers[question]?.answer, risk: review.risk(of: question),
                    updatedAt: review.answers[question]?.updatedAt, evidence: cited)
                console.write(jsonText(GetAnswerOutput(workloadId: stored.workload.id, lens: review.lens.record, answer: shape)))
            case .text:
                console.line(
                    changed ? "Confirmed the evidence of \(question) of \(TerminalText.line(stored.workload.name))"
                        : "The evidence of \(question) of \(TerminalText.line(stored.workload.name)) is already current")
                console.write(EvidenceText.table(cited, showing: [.choice]))
            }
        }
    }
}
