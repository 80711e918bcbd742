import WelltreeCore

extension ConsolidatedReportModel {
    /// "2 workloads could not be read and are left out of this report.", or nil when none was.
    package var omissionNotice: String? {
        guard !omitted.isEmpty else { return nil }
        let n = omitted.count
        return "\(n) workload\(n == 1 ? "" : "s") could not be read and \(n == 1 ? "is" : "are") left out of this report."
    }

    /// The dashboard's headline numbers and the risk totals over all workloads.
    package var totals: DashboardOutput.DashboardTotals {
        var totals = WorkloadTotals()
        for workload in workloads { totals.add(workload.riskCounts, prioritized: workload.prioritizedRiskCounts) }
        var result = DashboardOutput.DashboardTotals(totals)
        let stale = workloads.compactMap { staleEvidence(of: $0.workload.id) }.reduce(0, +)
        result.AnswersWithStaleEvidence = stale == 0 ? nil : stale
        return result
    }

    /// The dashboard rows, one per workload, with the stale-evidence counts and, for workloads
    /// with a profile, the profile and the prioritized risk counts.
    package var summaries: [WorkloadSummaryShape] {
        workloads.map {
            var row = WorkloadSummaryShape($0.workload, updatedAt: $0.updatedAt, riskCounts: $0.riskCounts)
            row.StaleEvidenceAnswers = staleEvidence(of: $0.workload.id)
            // As the dashboard: the profile and prioritized risks only for a workload with one.
            row.Profiles = $0.workload.profile.map { [WorkloadProfileShape($0)] }
            row.PrioritizedRiskCounts = $0.prioritizedRiskCounts
            return row
        }
    }
}
