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
    /// How many answers of each workload (by id) cite evidence changed or missing since they
    /// were confirmed, at this commit; workloads without any are absent. The dashboard's count.
    package var staleEvidenceAnswers: [String: Int]

    package init(
        workloads: [WorkloadReportModel], commit: String? = nil, generatedAt: String, omitted: [OmittedWorkload] = [],
        staleEvidenceAnswers: [String: Int] = [:]
    ) {
        self.workloads = workloads
        self.commit = commit
        self.generatedAt = generatedAt
        self.omitted = omitted
        self.staleEvidenceAnswers = staleEvidenceAnswers.filter { $0.value > 0 }
    }

    /// The stale-evidence count of a workload (by id), nil when none of its answers has any.
    package func staleEvidence(of workloadId: String) -> Int? { staleEvidenceAnswers[workloadId] }
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
