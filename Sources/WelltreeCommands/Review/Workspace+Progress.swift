import WelltreeReports
import WelltreeWorkspace

extension Workspace {
    /// `overviews()`, with a progress line on a terminal while workloads are being read, spread
    /// over worker processes when there are many to compute.
    func overviewsShowingProgress() throws(WorkspaceError) -> [WorkloadOverview] {
        var progress: TerminalProgress?
        defer { progress?.finish() }
        return try overviews(workers: .forThisProcess()) { done, total in
            if progress == nil { progress = TerminalProgress("reading workloads", total: total) }
            progress?.update(done)
        }
    }
}

extension WorkloadSummaryShape {
    /// The API's summary of a workload overview.
    init(_ overview: WorkloadOverview) {
        self.init(
            id: overview.id, name: overview.name, owner: overview.owner, lenses: overview.lenses,
            improvementStatus: overview.improvementStatus, updatedAt: overview.summary.updatedAt,
            riskCounts: overview.summary.riskCounts)
    }
}

extension [WorkloadSummaryShape] {
    /// Sorts by name, ignoring case, as the console lists workloads.
    mutating func sortByName() {
        let keys = map { $0.WorkloadName.lowercased() }
        let order = indices.sorted { keys[$0] < keys[$1] }
        self = order.map { self[$0] }
    }
}
