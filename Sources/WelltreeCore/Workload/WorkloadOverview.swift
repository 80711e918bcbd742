/// What lists and the dashboard show of one workload: who it is and its risk summary.
///
/// Everything here is a function of the workload's directory tree and the lens versions it is
/// evaluated against, which is what lets `SummaryCache` keep it by those ids.
package struct WorkloadOverview: Sendable, Equatable {
    package var id: String
    package var name: String
    /// The principal who created the workload.
    package var owner: String
    /// The `ImprovementStatus` raw value.
    package var improvementStatus: String
    /// Aliases of the applied lenses, in the workload's order.
    package var lenses: [String]
    package var summary: WorkloadRiskSummary
    /// The profile (and version) the workload uses; nil without one.
    package var profile: ProfileReference?

    package init(
        id: String, name: String, owner: String, improvementStatus: String, lenses: [String], summary: WorkloadRiskSummary,
        profile: ProfileReference? = nil
    ) {
        self.id = id
        self.name = name
        self.owner = owner
        self.improvementStatus = improvementStatus
        self.lenses = lenses
        self.summary = summary
        self.profile = profile
    }
}

/// What the dashboard and lists need of a workload: its risk counts over all applied lenses and
/// when anything of it last changed.
package struct WorkloadRiskSummary: Sendable, Equatable {
    package var riskCounts: RiskCounts
    /// The newest of the workload file's and its answers' update times.
    package var updatedAt: String
    /// Whether an answer of an applied lens cites evidence: only such workloads are read for
    /// the dashboard's stale-evidence counts.
    package var citesEvidence: Bool
    /// The risks of the questions the workload's profile prioritizes, over every applied lens
    /// the mapping covers (ListWorkloads' `PrioritizedRiskCounts`); nil without a profile, or
    /// when it prioritizes nothing the workload applies.
    package var prioritizedRiskCounts: RiskCounts?

    package init(riskCounts: RiskCounts, updatedAt: String, citesEvidence: Bool = false, prioritizedRiskCounts: RiskCounts? = nil) {
        self.riskCounts = riskCounts
        self.updatedAt = updatedAt
        self.citesEvidence = citesEvidence
        self.prioritizedRiskCounts = prioritizedRiskCounts
    }
}
