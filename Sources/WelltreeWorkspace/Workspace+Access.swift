import WelltreeCore

extension Workspace {
    /// The administrators and groups (`access.json` on the shares ref).
    package func accessPolicy() throws(WorkspaceError) -> AccessPolicy {
        try shareStore().access()
    }

    /// Changes the administrators or groups in one commit on the shares ref. Only an
    /// administrator may, except in a repository that has none yet, where the first ones are
    /// named this way (installing the server hook names them too). Returns the new policy and
    /// whether anything changed.
    package func changeAccess(
        message: String, _ change: (inout AccessPolicy) throws(ValidationError) -> Void
    ) throws(WorkspaceError) -> (AccessPolicy, changed: Bool) {
        let actor = try principal()
        var store = try shareStore()
        var policy = try store.access()
        guard policy.administrators.isEmpty || policy.isAdministrator(actor) else {
            throw .forbidden(
                "only administrators (\(policy.administrators.joined(separator: ", "))) change administrators and groups; you are \(actor)")
        }
        do {
            try change(&policy)
        } catch {
            throw .invalid(error)
        }
        var changes = ChangeSet()
        try changes.write(ShareStore.accessFile, json: policy)
        let changed = try store.write(changes, message: message, as: actor)
        return (policy, changed)
    }
}
