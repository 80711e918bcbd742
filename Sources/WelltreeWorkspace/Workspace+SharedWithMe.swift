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
