import WelltreeCore

extension Workspace {
    /// The ids of the workloads shared with the acting principal: an ACCEPTED share of their own,
    /// or of a group or account that reaches them (`ShareAccess`, as every other permission is
    /// judged). Reads the share files only, so its cost follows the number of shared workloads.
    /// Workloads the principal owns are the caller's to leave out (their owner is in the workload).
    package func workloadIdsSharedWithActingPrincipal() throws(WorkspaceError) -> Set<String> {
        let store = try shareStore()
        let policy = try store.access()
        let principal = try principal()
        var ids = Set<String>()
        for file in try store.allFiles() {
            guard case .workload(let id) = file.subject else { continue }
            // No owner given: only the shares decide.
            if ShareAccess.access(of: principal, owner: "", shares: file.shares, policy: policy, now: nowSeconds) > .none {
                ids.insert(id)
            }
        }
        return ids
    }
}

/// Which workloads `workload list` lists.
package enum WorkloadListScope: Sendable {
    /// Every workload.
    case all
    /// The workloads the acting principal owns.
    case owned
    /// The workloads others own and share with the acting principal (an accepted share of
    /// theirs, their group's or account's).
    case sharedWithMe
}

extension Workspace {
    /// The overviews of `overviews` that `scope` lists, in their order.
    package func overviews(_ overviews: [WorkloadOverview], in scope: WorkloadListScope) throws(WorkspaceError) -> [WorkloadOverview] {
        if scope == .all { return overviews }
        let principal = try principal()
        let shared = scope == .sharedWithMe ? try workloadIdsSharedWithActingPrincipal() : []
        return overviews.filter { scope == .owned ? $0.owner == principal : $0.owner != principal && shared.contains($0.id) }
    }
}
