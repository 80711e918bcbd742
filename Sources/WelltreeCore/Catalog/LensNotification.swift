/// One workload whose lens is not current: a row of the console's "Lens upgrades" page.
package struct LensNotification: Sendable {
    package var workload: Workload
    package var record: LensRecord
    /// The version the workload is evaluated against (its pinned version advanced through minors).
    package var versionInUse: String
    package var status: WorkloadLensStatus

    package init(workload: Workload, record: LensRecord, versionInUse: String, status: WorkloadLensStatus) {
        self.workload = workload
        self.record = record
        self.versionInUse = versionInUse
        self.status = status
    }

    /// The version an upgrade moves to; nil for a deleted lens.
    package var availableVersion: String? { status == .deleted ? nil : record.currentVersion?.version }
}
