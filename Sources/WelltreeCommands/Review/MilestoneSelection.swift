import ArgumentParser
import WelltreeCore
import WelltreeReports
import WelltreeWorkspace

/// `--milestone M` of the commands that read a review (`answer show`, `answer list`, `status`,
/// `improvements`, `lens reviews`): read the workload as milestone M recorded it, as the API's
/// GetAnswer, ListAnswers, GetLensReview, ListLensReviewImprovements and ListLensReviews do
/// with a `MilestoneNumber`.
struct MilestoneSelection: ParsableArguments {
    @Option(help: ArgumentHelp("Read the workload as this milestone recorded it (its number or name).", valueName: "milestone"))
    var milestone: String?

    /// What a reading command works on: the workspace at HEAD, or as the milestone's tagged
    /// commit holds it, with the workload in it and the milestone's number.
    struct Selected {
        var workspace: Workspace
        var workload: StoredWorkload
        /// Nil when reading the present.
        var milestone: Milestone?

        /// The API's `MilestoneNumber`: nil for the present.
        var milestoneNumber: Int? { milestone?.number }

        /// The line text output starts with when a milestone is read, so nobody takes it for
        /// the present; empty for the present.
        var banner: String { milestone.map(ReviewText.milestoneBanner) ?? "" }
    }

    /// The workload `reference` now or at the milestone. Only a milestone attributed to the
    /// workload's owner is read (as `milestone show` does); what its check corrected is said on
    /// standard error.
    func select(_ reference: String, in workspace: Workspace, console: Console) throws -> Selected {
        guard let milestone else {
            let stored = try workspace.findWorkload(reference)
            try warnOfUncommittedFiles(of: stored, in: workspace, console: console)
            return Selected(workspace: workspace, workload: stored)
        }
        let checked = try workspace.findCheckedMilestone(reference, milestone)
        for discrepancy in checked.discrepancies {
            console.diagnostic("warning: milestone \(checked.stored.milestone.number) \"\(checked.stored.milestone.name)\": \(discrepancy)")
        }
        let (then, workload) = try workspace.snapshot(of: checked.stored)
        return Selected(workspace: then, workload: workload, milestone: checked.stored.milestone)
    }

    /// The review of one lens (default: the framework) of the workload, now or at the milestone.
    func review(_ reference: String, lens alias: String?, in workspace: Workspace, console: Console) throws
        -> (Selected, WorkloadLensReview)
    {
        let selected = try select(reference, in: workspace, console: console)
        let review = try selected.workspace.review(
            of: selected.workload, lens: try selected.workspace.appliedLens(selected.workload, alias: alias))
        return (selected, review)
    }
}

/// Says in one line on standard error which files of the workload have uncommitted changes:
/// commands read the committed tree, and an edit they ignore must not go unnoticed.
func warnOfUncommittedFiles(of stored: StoredWorkload, in workspace: Workspace, console: Console) throws {
    let files = try workspace.uncommittedFiles(of: stored)
    guard !files.isEmpty else { return }
    console.diagnostic(ReviewText.uncommittedWarning(files))
}
