import ArgumentParser
import WelltreeCore
import WelltreeReports
import WelltreeWorkspace

extension LensCommand {
    /// `welltree lens reviews W [--milestone M]`: ListLensReviews.
    struct Reviews: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            commandName: "reviews",
            abstract: "Every lens a workload applies, with its version, status and risk counts.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The workload: its name (spaces and case ignored) or its id.", completion: .custom(Completions.workloads))
        var workload: String
        @OptionGroup var milestone: MilestoneSelection
        @OptionGroup var format: FormatOptions

        func run(in workspace: Workspace, console: Console) throws {
            let selected = try milestone.select(workload, in: workspace, console: console)
            let stored = selected.workload
            let rows = try selected.workspace.lensReviewSummaries(of: stored).map {
                LensReviewSummaryShape(
                    record: $0.record, version: $0.version, status: $0.status.rawValue, riskCounts: $0.riskCounts, updatedAt: $0.updatedAt,
                    prioritizedRiskCounts: $0.prioritizedRiskCounts, profile: stored.workload.profile)
            }
            console.write(format.format, json: ListLensReviewsOutput(workloadId: stored.workload.id, summaries: rows, milestone: selected.milestoneNumber)) {
                selected.banner + ReviewText.lensReviews(workload: stored.workload.name, rows: rows)
            }
        }
    }
}
