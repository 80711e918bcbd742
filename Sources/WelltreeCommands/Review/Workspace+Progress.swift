import ArgumentParser
import WelltreeReports
import WelltreeWorkspace

extension Workspace {
    /// `readableOverviews()`, with a progress line on a terminal while workloads are being
    /// read, spread over worker processes when there are many to compute.
    func overviewsShowingProgress(on console: Console) throws(WorkspaceError) -> WorkloadOverviews {
        var progress: TerminalProgress?
        defer { progress?.finish() }
        return try readableOverviews(workers: .forThisProcess(console.environment)) { done, total in
            if progress == nil { progress = console.progress("reading workloads", total: total) }
            progress?.update(done)
        }
    }
}

/// After a command has shown every workload it could read: throws `CommandError.incomplete`
/// naming each damaged workload (its file and what is wrong), since the output is incomplete.
func reportDamaged(_ damaged: [DamagedWorkload], leftOutOf what: String) throws(CommandError) {
    guard !damaged.isEmpty else { return }
    throw .incomplete(damaged: damaged, leftOutOf: what)
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
