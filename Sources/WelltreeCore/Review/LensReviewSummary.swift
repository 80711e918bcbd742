/// One lens a workload applies, as `lens reviews` lists it (ListLensReviews).
package struct LensReviewSummary: Sendable {
    package var record: LensRecord
    /// The version the workload is evaluated against.
    package var version: String
    /// The version's status for the workload (current, not current, deprecated, deleted, unshared).
    package var status: WorkloadLensStatus
    package var riskCounts: RiskCounts
    /// The last update of one of the lens's answers, or of the workload when none has one.
    package var updatedAt: String
    /// The risks of the questions the workload's profile prioritizes; nil when it prioritizes none.
    package var prioritizedRiskCounts: RiskCounts?

    package init(
        record: LensRecord, version: String, status: WorkloadLensStatus, riskCounts: RiskCounts, updatedAt: String,
        prioritizedRiskCounts: RiskCounts?
    ) {
        self.record = record
        self.version = version
        self.status = status
        self.riskCounts = riskCounts
        self.updatedAt = updatedAt
        self.prioritizedRiskCounts = prioritizedRiskCounts
    }
}
