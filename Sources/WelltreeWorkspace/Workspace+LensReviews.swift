import WelltreeCore

extension Workspace {
    /// Every lens the workload applies, in its order, with its status, risks, last update and
    /// prioritized risks (ListLensReviews).
    package func lensReviewSummaries(of stored: StoredWorkload) throws(WorkspaceError) -> [LensReviewSummary] {
        var summaries: [LensReviewSummary] = []
        for review in try reviews(of: stored) {
            summaries.append(LensReviewSummary(
                record: review.lens.record, version: review.lens.version,
                status: try lensStatus(review.applied, record: review.lens.record, of: stored.workload),
                riskCounts: review.review.riskCounts,
                updatedAt: review.answers.values.compactMap(\.updatedAt).max() ?? stored.workload.updatedAt,
                prioritizedRiskCounts: try prioritizedRiskCounts(of: stored, review: review)?.riskCounts))
        }
        return summaries
    }
}
