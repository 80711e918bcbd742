import ArgumentParser
import WelltreeCore
import WelltreeReports
import WelltreeWorkspace

/// `welltree status W [--lens ALIAS]`: the console's lens overview.
struct StatusCommand: WorkspaceCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Per pillar: questions answered, high and medium risks.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: AnswerTarget
    @OptionGroup var milestone: MilestoneSelection
    @OptionGroup var format: FormatOptions

    func run(in workspace: Workspace, console: Console) throws {
        let (selected, review) = try milestone.review(target.workload, lens: target.lens, in: workspace, console: console)
        let state = try selected.workspace.lensReviewState(
            of: selected.workload, review: review, milestone: selected.milestone, evidence: format.format == .text)
        console.write(format.format, json: GetLensReviewOutput(state)) { ReviewText.statusPage(state) }
    }
}

/// `welltree improvements W`: the improvement plan.
struct ImprovementsCommand: WorkspaceCommand {
    static let configuration = CommandConfiguration(
        commandName: "improvements",
        abstract: "The improvement plan: questions with risk, HRIs first, by pillar priority, with the best practices to add.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: AnswerTarget
    @Option(help: "Only this pillar (its id).")
    var pillar: String?
    @Option(help: "Only this risk: high or medium.")
    var risk: RiskLevel?
    @OptionGroup var questionPriority: QuestionPriorityOption
    @OptionGroup var milestone: MilestoneSelection
    @Option(help: "Output format: text for people, json in the AWS API's response shapes, csv for Jira's and GitHub's issue importers.")
    var format: ImprovementsFormat = .text

    func run(in workspace: Workspace, console: Console) throws {
        let (selected, review) = try milestone.review(target.workload, lens: target.lens, in: workspace, console: console)
        let stored = selected.workload
        let priority = try stored.workload.pillarPriorities ?? selected.workspace.settings().pillarPriority
        let priorities = try questionPriority.priorities(of: stored.workload, review: review, in: selected.workspace)
        let items = review.improvements(
            pillarPriority: priority, risks: risk.map { [$0.risk] } ?? [.high, .medium], pillar: pillar, priorities: priorities,
            only: questionPriority.filter?.type)
        switch format {
        case .json: console.write(jsonText(ListLensReviewImprovementsOutput(workloadId: stored.workload.id, lens: review.lens.record, items: items, milestone: selected.milestoneNumber)))
        case .text: console.write(selected.banner + ReviewText.improvements(workload: stored.workload.name, items: items))
        case .csv: console.write(ImprovementCSV.render(workload: stored.workload, lens: review.lens.record, items: items))
        }
    }
}

/// `improvements --format`: the shared formats and csv, one row per improvement item.
enum ImprovementsFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv
}

/// `--risk high|medium`.
enum RiskLevel: String, ExpressibleByArgument, CaseIterable {
    case high, medium

    var risk: Risk { self == .high ? .high : .medium }
}
