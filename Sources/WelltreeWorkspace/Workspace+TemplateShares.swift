import WelltreeCore

extension Workspace {
    /// The shares of a template; only its owner (or an administrator) manages them.
    package func templateShares(_ reference: String) throws(WorkspaceError) -> (StoredTemplate, ShareFile) {
        let stored = try findTemplate(reference)
        try requireTemplateOwner(stored.template, to: "manage the shares")
        return (stored, try shareStore().file(.template(id: stored.template.id)))
    }

    /// CreateTemplateShare: invites `principal` (a user, `group:<name>` or an account id) to use
    /// the template, READONLY, as one commit on the shares ref. A deleted template is shared
    /// with nobody.
    package func createTemplateShare(_ reference: String, principal invitee: String) throws(WorkspaceError) -> (StoredTemplate, Share) {
        let stored = try findTemplate(reference)
        try requireTemplateOwner(stored.template, to: "manage the shares")
        guard stored.template.deletedAt == nil else {
            throw .refused("template \"\(stored.template.name)\" is deleted; it is shared with nobody", code: .refused, subject: stored.template.id)
        }
        let share = try changeShares(
            .template(id: stored.template.id), message: "Share review template \(stored.template.name) with \(invitee)"
        ) { (file, actor, now) throws(ValidationError) in
            try file.create(
                principal: invitee, permission: .readonly, owner: stored.template.owner, actor: actor, now: now, id: Share.newID())
        }
        return (stored, share)
    }

    /// DeleteTemplateShare: revokes a share; workloads already created from the template keep
    /// what they received.
    package func deleteTemplateShare(_ reference: String, shareId: String) throws(WorkspaceError) -> (StoredTemplate, Share) {
        let stored = try findTemplate(reference)
        try requireTemplateOwner(stored.template, to: "manage the shares")
        let share = try changeShares(
            .template(id: stored.template.id), message: "Revoke share \(shareId) of review template \(stored.template.name)"
        ) { (file, _, now) throws(ValidationError) in
            try file.revoke(shareId, now: now)
        }
        return (stored, share)
    }

    /// Whether the acting principal holds an accepted share of the template (directly or
    /// through a group).
    func holdsTemplateShare(_ template: ReviewTemplate) throws(WorkspaceError) -> Bool {
        let actor = try principal()
        let store = try shareStore()
        let policy = try store.access()
        let now = nowSeconds
        return try store.file(.template(id: template.id)).shares.contains {
            $0.status(at: now) == .accepted && policy.reaches($0.principal, actor)
        }
    }

    /// Revokes every pending or accepted share of a deleted template (one commit on the shares
    /// ref; none when there is nothing to revoke).
    func revokeTemplateShares(_ template: ReviewTemplate) throws(WorkspaceError) -> [Share] {
        var store = try shareStore()
        var file = try store.file(.template(id: template.id))
        let revoked = file.revokeActive(now: nowSeconds)
        guard !revoked.isEmpty else { return [] }
        var changes = ChangeSet()
        try changes.write(ShareStore.path(of: .template(id: template.id)), json: file)
        try store.write(changes, message: "Revoke the shares of deleted review template \(template.name)", as: try principal())
        return revoked
    }
}
