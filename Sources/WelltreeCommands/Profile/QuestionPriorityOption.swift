import ArgumentParser
import WelltreeCore
import WelltreeWorkspace

/// `--question-priority prioritized|non-prioritized`: ListAnswers' and
/// ListLensReviewImprovements' `QuestionPriority` filter.
enum QuestionPriorityFilter: String, ExpressibleByArgument, CaseIterable {
    case prioritized
    case nonPrioritized = "non-prioritized"

    var type: QuestionType { self == .prioritized ? .prioritized : .nonPrioritized }
}

/// The questions the workload's profile prioritizes in the lens reviewed, and the filter asked
/// for. A filter that cannot be applied (no profile, or a lens the mapping does not cover) is
/// refused rather than answered with every question or none.
struct QuestionPriorityOption: ParsableArguments {
    @Option(
        name: .customLong("question-priority"),
        help: "Only the questions the workload's profile prioritizes, or only the others (Welltree's mapping).")
    var filter: QuestionPriorityFilter?

    func priorities(of workload: Workload, review: WorkloadLensReview, in workspace: Workspace) throws -> QuestionPriorities? {
        let priorities = try workspace.questionPriorities(of: workload, lensAlias: review.applied.alias, lens: review.lens.lens)
        if filter != nil, priorities == nil {
            let why =
                workload.profile == nil
                ? "workload \"\(workload.name)\" uses no profile (`welltree profile associate` gives it one)"
                : "profile-prioritization.json prioritizes no question of lens \(review.applied.alias)"
            throw WorkspaceError.refused("--question-priority cannot be applied: \(why)", code: .refused, subject: workload.id)
        }
        return priorities
    }
}
