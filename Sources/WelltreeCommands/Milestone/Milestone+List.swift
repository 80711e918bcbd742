import ArgumentParser
import WelltreeCore
import WelltreeReports
import WelltreeWorkspace

extension MilestoneCommand {
    /// `welltree milestone list W`.
    struct List: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List a workload's milestones with their risks and signature status.",
            discussion: """
                Works for a deleted workload too (by its id or former name): its milestone tags stay. \
                Risks are computed from each tagged commit, never taken from the tag's message. A tag that \
                the repository does not show the workload's owner made (its commit is not on the branch's \
                history, its workload.json names another owner or directory, or it was tagged or signed by \
                someone else) is not listed; a warning names it and why.
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The workload: its name or its id.", completion: .custom(Completions.workloads))
        var workload: String
        @OptionGroup var format: FormatOptions

        func run(in workspace: Workspace, console: Console) throws {
            let listing = try workspace.milestoneListing(workload)
            let output = ListMilestonesOutput(workloadId: listing.workloadId, listed: listing.listed, unattributed: listing.unattributed)
            defer {
                for warning in MilestoneText.warnings(output.MilestoneSummaries, output.UnattributedTags ?? [], workloadName: listing.workloadName) {
                    console.diagnostic(warning)
                }
            }
            console.write(format.format, json: output) { MilestoneText.list(output.MilestoneSummaries, workloadName: listing.workloadName) }
        }
    }

    /// `welltree milestone show W M`.
    struct Show: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show a milestone: the workload's data and risks as they were, read from the tagged commit.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: MilestoneTarget
        @OptionGroup var format: FormatOptions

        func run(in workspace: Workspace, console: Console) throws {
            let detail = try workspace.milestoneDetail(target.workload, target.milestone)
            for warning in MilestoneText.discrepancyWarnings(detail) { console.diagnostic(warning) }
            console.write(format.format, json: GetMilestoneOutput(detail)) { MilestoneText.show(detail) }
        }
    }
}
