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
            var rows: [LensReviewSummaryShape] = []
            for review in try selected.workspace.reviews(of: stored) {
                let status = try selected.workspace.lensStatus(review.applied, record: review.lens.record, of: stored.workload)
                rows.append(
                    LensReviewSummaryShape(
                        record: review.lens.record, version: review.lens.version, status: status.rawValue,
                        riskCounts: review.review.riskCounts,
                        updatedAt: review.answers.values.compactMap(\.updatedAt).max() ?? stored.workload.updatedAt,
                        prioritizedRiskCounts: try selected.workspace.prioritizedRiskCounts(of: stored, review: review)?.riskCounts,
                        profile: stored.workload.profile))
            }
            switch format.format {
            case .json:
                console.write(jsonText(ListLensReviewsOutput(workloadId: stored.workload.id, summaries: rows, milestone: selected.milestoneNumber)))
            case .text:
                console.write(selected.banner + ReviewText.lensReviews(workload: stored.workload.name, rows: rows))
            }
        }
    }
}
