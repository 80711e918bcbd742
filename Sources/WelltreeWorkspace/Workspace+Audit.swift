import Git
import WelltreeCore

/// The part of the server's audit record `welltree audit` shows.
package struct AuditSelection: Sendable {
    /// The recorded pushes (oldest first) at or after the date asked for, each with the commit of
    /// `refs/welltree/audit` recording it, keeping only the updates that concern the workload
    /// asked for (all of them without one).
    package var pushes: [(commit: ObjectID, entry: AuditEntry)]
    /// Reference values no recorded push set: for a workload, only on the references its
    /// selected pushes moved.
    package var unrecorded: [UnrecordedChange]
}

extension Workspace {
    /// The audit record of the repository (`AuditStore`), for one workload (its name or id; the
    /// id of a deleted workload too, since the record outlives it) or all, at or after `since`
    /// (seconds since 1970). Not found when the repository has no record (it was never fetched
    /// from a server with the hook).
    package func auditSelection(workload: String?, since: Int64?) throws(WorkspaceError) -> AuditSelection {
        var workloadId: String?
        if let workload {
            do {
                workloadId = try findWorkload(workload).workload.id
            } catch {
                guard case .notFound = error, Workload.isValidID(workload) else { throw error }
                workloadId = workload
            }
        }
        let store = try AuditStore(repository: repository)
        guard store.tip != nil else {
            throw .notFound(
                what: "audit record", name: AuditStore.reference,
                hint: "fetch it from a server with the Welltree hook: git fetch origin 'refs/welltree/*:refs/welltree/*'")
        }
        let recorded = try store.entries()
        let pushes = recorded.compactMap { item -> (commit: ObjectID, entry: AuditEntry)? in
            AuditLog.select([item.entry], workloadId: workloadId, since: since).first.map { (item.commit, $0) }
        }
        let references = workloadId == nil ? nil : Set(pushes.flatMap { $0.entry.updates.map(\.reference) })
        return AuditSelection(pushes: pushes, unrecorded: AuditLog.unrecorded(in: recorded.map(\.entry), references: references))
    }
}
