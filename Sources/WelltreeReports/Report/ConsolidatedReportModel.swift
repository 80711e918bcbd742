import WelltreeCore

/// The consolidated report: every workload's lens reviews at one commit, the dashboard as a
/// document. Each workload is an ordinary `WorkloadReportModel`, so the per-workload sections
/// read the same facts the single-workload report does.
package struct ConsolidatedReportModel: Sendable, Equatable {
    /// Workloads sorted by name, as the dashboard lists them.
    package var workloads: [WorkloadReportModel]
    package var commit: String?
    package var generatedAt: String

    package init(workloads: [WorkloadReportModel], commit: String? = nil, generatedAt: String) {
        self.workloads = workloads
        self.commit = commit
        self.generatedAt = generatedAt
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
