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
    @OptionGroup var format: FormatOptions

    func run(in workspace: Workspace, console: Console) throws {
        let (stored, review) = try workspace.review(of: target.workload, lens: target.lens)
        let updatedAt = review.answers.values.compactMap(\.updatedAt).max()
        switch format.format {
        case .json:
            let status = review.lens.record.status(ofVersionInUse: review.applied.version)
            let shape = LensReviewShape(record: review.lens.record, version: review.lens.version, status: status.rawValue,
                                        review: review.review, updatedAt: updatedAt ?? stored.workload.updatedAt)
            console.write(jsonText(GetLensReviewOutput(workloadId: stored.workload.id, review: shape)))
        case .text:
            console.write(ReviewText.status(workload: stored.workload.name, lensName: review.lens.record.name,
                                     version: review.lens.version, review: review.review))
        }
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
    @Option(help: "Output format: text for people, json in the AWS API's response shapes, csv for Jira's and GitHub's issue importers.")
    var format: ImprovementsFormat = .text

    func run(in workspace: Workspace, console: Console) throws {
        let (stored, review) = try workspace.review(of: target.workload, lens: target.lens)
        let priority = try stored.workload.pillarPriorities ?? workspace.settings().pillarPriority
        var items = review.review.improvements(lens: review.lens.lens, pillarPriority: priority, risks: risk.map { [$0.risk] } ?? [.high, .medium])
        if let pillar { items = items.filter { $0.pillarId == pillar } }
        switch format {
        case .json: console.write(jsonText(ListLensReviewImprovementsOutput(workloadId: stored.workload.id, lens: review.lens.record, items: items)))
        case .text: console.write(ReviewText.improvements(workload: stored.workload.name, items: items))
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
