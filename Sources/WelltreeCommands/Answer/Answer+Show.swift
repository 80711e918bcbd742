import ArgumentParser
import WelltreeCore
import WelltreeReports
import WelltreeWorkspace

extension AnswerCommand {
    /// `welltree answer show W QUESTION`.
    struct Show: WorkspaceCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one question with its best practices and answer.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: AnswerTarget
        @Argument(help: "The question id.", completion: .custom(Completions.questions))
        var question: String
        @OptionGroup var milestone: MilestoneSelection
        @OptionGroup var format: FormatOptions

        func run(in workspace: Workspace, console: Console) throws {
            let (selected, review) = try milestone.review(target.workload, lens: target.lens, in: workspace, console: console)
            let stored = selected.workload
            let (pillar, lensQuestion) = try review.question(question)
            let storedAnswer = review.answers[question]
            let risk = review.risk(of: question)
            let evidence = try selected.workspace.citations(of: stored, review: review, question: question)
            switch format.format {
            case .json:
                let shape = AnswerShape(
                    pillarId: pillar.id, question: lensQuestion, answer: storedAnswer?.answer, risk: risk, updatedAt: storedAnswer?.updatedAt,
                    evidence: evidence)
                console.write(jsonText(GetAnswerOutput(workloadId: stored.workload.id, lens: review.lens.record, answer: shape, milestone: selected.milestoneNumber)))
            case .text:
                console.write(
                    selected.banner + AnswerText.render(pillar: pillar, question: lensQuestion, answer: storedAnswer?.answer, risk: risk, evidence: evidence))
                // Why the workload's profile prioritizes the question: the choices whose mapping lists it.
                if let reason = try selected.workspace.questionPriorityReason(of: stored.workload, review: review, question: question) {
                    console.write(AnswerText.priorityReason(reason))
                }
            }
        }
    }

    /// `welltree answer list W`.
    struct List: WorkspaceCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List a lens's questions with their answers and risks.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: AnswerTarget
        @Option(help: "Only this pillar (its id).")
        var pillar: String?
        @OptionGroup var priority: QuestionPriorityOption
        @OptionGroup var milestone: MilestoneSelection
        @OptionGroup var format: FormatOptions

        func run(in workspace: Workspace, console: Console) throws {
            let (selected, review) = try milestone.review(target.workload, lens: target.lens, in: workspace, console: console)
            let stored = selected.workload
            let priorities = try priority.priorities(of: stored.workload, review: review, in: selected.workspace)
            let summaries = try review.questions(inPillar: pillar, priorities: priorities, only: priority.filter?.type).map {
                AnswerSummaryShape(pillarId: $0.pillarId, question: $0.question, answer: $0.answer, risk: $0.risk, questionType: $0.type)
            }
            console.write(
                format.format,
                json: ListAnswersOutput(workloadId: stored.workload.id, lens: review.lens.record, summaries: summaries, milestone: selected.milestoneNumber)
            ) { selected.banner + AnswerText.list(summaries, priority: priorities != nil) }
        }
    }
}
