import WelltreeCore

extension Workspace {
    /// What `status` shows of `review` of the workload `stored` (read in this workspace: the
    /// present, or a milestone's snapshot, `milestone`): the lens's status, the notes, the
    /// profile's prioritized risks and its name, and, with `evidence`, the cited evidence with
    /// its states (read only for the text, which shows it).
    package func lensReviewState(
        of stored: StoredWorkload, review: WorkloadLensReview, milestone: Milestone? = nil, evidence: Bool = false
    ) throws(WorkspaceError) -> LensReviewState {
        let notes = try lensNotes(of: stored, lens: review.applied.alias)
        let prioritized = try prioritizedRiskCounts(of: stored, review: review)
        let status = try lensStatus(review.applied, record: review.lens.record, of: stored.workload)
        let profileName = prioritized == nil ? nil : try profile(of: stored.workload)?.profile.name
        let cited = evidence ? try citations(of: stored, lens: review.applied.alias, answers: review.answers.mapValues(\.answer)) : []
        return LensReviewState(
            workload: stored.workload, milestone: milestone, applied: review.applied, record: review.lens.record, version: review.lens.version,
            review: review.review, status: status, updatedAt: review.answers.values.compactMap(\.updatedAt).max() ?? stored.workload.updatedAt,
            notes: notes, prioritized: prioritized, profileName: profileName, evidence: cited)
    }

    /// `lensReviewState(of:review:)` of the lens `alias` (default: the framework) the workload
    /// applies, at present.
    package func lensReviewState(of stored: StoredWorkload, lens alias: String?) throws(WorkspaceError) -> LensReviewState {
        try lensReviewState(of: stored, review: try review(of: stored, lens: try appliedLens(stored, alias: alias)))
    }
}
