import ArgumentParser
import WelltreeReports
import WelltreeWorkspace

extension Workspace {
    /// `readableOverviews()`, with a progress line on a terminal while workloads are being
    /// read, spread over worker processes when there are many to compute.
    func overviewsShowingProgress() throws(WorkspaceError) -> WorkloadOverviews {
        var progress: TerminalProgress?
        defer { progress?.finish() }
        return try readableOverviews(workers: .forThisProcess()) { done, total in
            if progress == nil { progress = TerminalProgress("reading workloads", total: total) }
            progress?.update(done)
        }
    }
}

/// After a command has shown every workload it could read: names each damaged workload (its
/// file and what is wrong) on stderr and exits 2, since the output is incomplete.
func reportDamaged(_ damaged: [DamagedWorkload], leftOutOf what: String) throws {
    guard !damaged.isEmpty else { return }
    for workload in damaged { printError("error: " + workload.description) }
    let n = damaged.count
    printError("error: \(n) workload\(n == 1 ? "" : "s") could not be read and \(n == 1 ? "is" : "are") left out of the \(what)")
    throw ExitCode(2)
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
