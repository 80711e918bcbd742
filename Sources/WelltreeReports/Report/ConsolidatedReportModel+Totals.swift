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
        var totals = DashboardOutput.DashboardTotals()
        for workload in workloads {
            let counts = workload.riskCounts
            totals.Workloads += 1
            if counts[.high] > 0 { totals.WorkloadsWithHighRisks += 1 }
            if counts[.medium] > 0 { totals.WorkloadsWithMediumRisks += 1 }
            totals.RiskCounts.add(counts)
        }
        return totals
    }

    /// The dashboard rows, one per workload.
    package var summaries: [WorkloadSummaryShape] {
        workloads.map { WorkloadSummaryShape($0.workload, updatedAt: $0.updatedAt, riskCounts: $0.riskCounts) }
    }
}
