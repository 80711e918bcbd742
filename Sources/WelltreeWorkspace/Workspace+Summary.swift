import Git
import WelltreeCore

/// What the dashboard and lists need of a workload: its risk counts over all applied lenses and
/// when anything of it last changed.
package struct WorkloadRiskSummary: Sendable, Equatable {
    package var riskCounts: RiskCounts
    /// The newest of the workload file's and its answers' update times.
    package var updatedAt: String
}

extension Workspace {
    /// Risk counts and last update of one workload.
    package func summary(of stored: StoredWorkload) throws(WorkspaceError) -> WorkloadRiskSummary {
        var counts = RiskCounts()
        var updatedAt = stored.workload.updatedAt
        for review in try reviews(of: stored) {
            counts.add(review.review.riskCounts)
            for answer in review.answers.values {
                if let time = answer.updatedAt, time > updatedAt { updatedAt = time }
            }
        }
        return WorkloadRiskSummary(riskCounts: counts, updatedAt: updatedAt)
    }
}
