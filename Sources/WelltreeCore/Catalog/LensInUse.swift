/// One lens a workload applies, with the version its answers are judged by: the version the
/// workload pinned, advanced through the minor versions published since (they apply by
/// themselves). Every view that names a workload's lens version names this one.
package struct LensInUse: Sendable {
    package var applied: WorkloadLens
    package var record: LensRecord
    /// The pinned version advanced through minors: what `status` evaluates against.
    package var version: String
    package var status: WorkloadLensStatus

    package init(applied: WorkloadLens, record: LensRecord, version: String, status: WorkloadLensStatus) {
        self.applied = applied
        self.record = record
        self.version = version
        self.status = status
    }

    /// The version `lens upgrade` moves to; nil when the lens is current or deleted.
    package var upgradeVersion: String? {
        status == .notCurrent || status == .deprecated ? record.currentVersion?.version : nil
    }
}
