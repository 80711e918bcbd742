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
            let state = try workspace.milestoneState(target.workload, target.milestone)
            let stored = state.checked.stored
            for discrepancy in state.checked.discrepancies {
                console.diagnostic(MilestoneText.discrepancyWarning(number: stored.milestone.number, name: stored.milestone.name, discrepancy))
            }
            switch format.format {
            case .json:
                var shape = WorkloadShape(state.workload.workload, riskCounts: state.summary.riskCounts,
                                          pillarPriorities: try state.snapshot.settings().pillarPriority)
                shape.workload.updatedAt = state.summary.updatedAt
                let milestoneShape = MilestoneShape(stored.milestone, workload: shape, tagName: stored.tagName, signature: state.checked.signature)
                console.write(jsonText(GetMilestoneOutput(workloadId: stored.milestone.workloadId, milestone: milestoneShape)))
            case .text:
                console.write(MilestoneText.header(
                    stored.milestone, tagName: stored.tagName, tagger: stored.tag.tagger.map(Workspace.taggerIdentity), commit: stored.commit.hex,
                    signature: state.checked.signature))
                console.write("\n" + WorkloadText.render(state.workload.workload, summary: (state.summary.riskCounts, state.summary.updatedAt)))
                for review in try state.snapshot.reviews(of: state.workload) {
                    console.write("\n" + ReviewText.status(workload: state.workload.workload.name, lensName: review.lens.record.name,
                                                    version: review.lens.version, review: review.review))
                }
            }
        }
    }
}
