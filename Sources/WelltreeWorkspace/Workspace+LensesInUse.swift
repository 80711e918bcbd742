import WelltreeCore

/// One lens a workload applies, with the version its answers are judged by: the version the
/// workload pinned, advanced through the minor versions published since (they apply by
/// themselves). Every view that names a workload's lens version names this one.
package struct LensInUse: Sendable {
    package var applied: WorkloadLens
    package var record: LensRecord
    /// The pinned version advanced through minors: what `status` evaluates against.
    package var version: String
    package var status: WorkloadLensStatus

    /// The version `lens upgrade` moves to; nil when the lens is current or deleted.
    package var upgradeVersion: String? {
        status == .notCurrent || status == .deprecated ? record.currentVersion?.version : nil
    }
}

extension Workspace {
    /// Every lens `stored` applies, in its order, with the version in use and its status.
    package func lensesInUse(of stored: StoredWorkload) throws(WorkspaceError) -> [LensInUse] {
        var result: [LensInUse] = []
        for applied in stored.workload.lenses {
            let record = try requireLensRecord(applied.alias)
            result.append(
                LensInUse(
                    applied: applied, record: record, version: record.latestMinor(after: applied.version),
                    status: try lensStatus(applied, record: record, of: stored.workload)))
        }
        return result
    }
}
