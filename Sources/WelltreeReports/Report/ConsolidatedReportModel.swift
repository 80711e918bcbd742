import WelltreeCore

/// The consolidated report: every workload's lens reviews at one commit, the dashboard as a
/// document. Each workload is an ordinary `WorkloadReportModel`, so the per-workload sections
/// read the same facts the single-workload report does.
package struct ConsolidatedReportModel: Sendable, Equatable {
    /// Workloads sorted by name, as the dashboard lists them.
    package var workloads: [WorkloadReportModel]
    package var commit: String?
    package var generatedAt: String
    /// Workloads that could not be read and are left out, so the document says it is incomplete.
    package var omitted: [OmittedWorkload]

    package init(workloads: [WorkloadReportModel], commit: String? = nil, generatedAt: String, omitted: [OmittedWorkload] = []) {
        self.workloads = workloads
        self.commit = commit
        self.generatedAt = generatedAt
        self.omitted = omitted
    }

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

/// A workload a report leaves out because it could not be read.
package struct OmittedWorkload: Sendable, Equatable, Encodable {
    /// `workloads/<shard>/<dir>`.
    package var directory: String
    /// What is wrong, naming the file.
    package var reason: String

    package init(directory: String, reason: String) {
        self.directory = directory
        self.reason = reason
    }

    /// PascalCase in JSON, like the API shapes around it.
    private enum CodingKeys: String, CodingKey {
        case directory = "Directory"
        case reason = "Reason"
    }
}
