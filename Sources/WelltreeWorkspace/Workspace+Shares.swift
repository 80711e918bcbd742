import Foundation
import Git
import WelltreeCore

/// A pending invitation addressed to the acting principal (directly or through a group).
package struct PendingInvitation: Sendable, Equatable {
    package var subject: ShareSubject
    package var share: Share
    /// The workload's or lens's name, when the checked-out commit has it.
    package var name: String?
    /// Who owns the workload or lens.
    package var owner: String?
}

extension Workspace {
    /// Seconds since 1970, now: the clock share expiry is judged by.
    package var nowSeconds: Int64 { Int64(Date.now.timeIntervalSince1970) }

    /// The share data of this repository (`refs/welltree/shares`).
    package func shareStore() throws(WorkspaceError) -> ShareStore {
        try ShareStore(repository: repository)
    }

    /// What the acting principal may do to a workload, judged by the shares on the shares ref.
    package func access(to workload: Workload) throws(WorkspaceError) -> WorkloadAccess {
        let store = try shareStore()
        return ShareAccess.access(
            of: try principal(), owner: workload.owner, shares: try store.file(.workload(id: workload.id)).shares,
            policy: try store.access(), now: nowSeconds)
    }

    /// Refuses unless the acting principal owns the workload or holds an accepted CONTRIBUTOR share.
    package func requireAnswerAccess(to workload: Workload) throws(WorkspaceError) {
        let access = try access(to: workload)
        guard access >= .contributor else {
            let actor = try principal()
            throw .forbidden(
                "\(actor) may not change answers of workload \"\(workload.name)\": it needs the owner or an accepted CONTRIBUTOR share, and \(actor) has \(access)"
            , subject: workload.id)
        }
    }

    /// The shares of a workload; only its owner sees them (the console's Shares tab).
    package func workloadShares(_ reference: String) throws(WorkspaceError) -> (StoredWorkload, ShareFile) {
        let stored = try findWorkload(reference)
        try requireOwner(of: stored.workload, to: "manage the shares")
        return (stored, try shareStore().file(.workload(id: stored.workload.id)))
    }

    /// Invites `principal` to a workload with `permission`, as one commit on the shares ref.
    package func createWorkloadShare(_ reference: String, principal invitee: String, permission: SharePermission) throws(WorkspaceError)
        -> (StoredWorkload, Share)
    {
        let stored = try findWorkload(reference)
        try requireOwner(of: stored.workload, to: "manage the shares")
        let share = try changeShares(
            .workload(id: stored.workload.id), message: "Share workload \(stored.workload.name) with \(invitee) (\(permission.rawValue))"
        ) { (file, actor, now) throws(ValidationError) in
            try file.create(
                principal: invitee, permission: permission, owner: stored.workload.owner, actor: actor, now: now, id: Share.newID())
        }
        return (stored, share)
    }

    /// Changes the permission of a workload share.
    package func updateWorkloadShare(_ reference: String, shareId: String, permission: SharePermission) throws(WorkspaceError) -> (
        StoredWorkload, Share
    ) {
        let stored = try findWorkload(reference)
        try requireOwner(of: stored.workload, to: "manage the shares")
        let share = try changeShares(
            .workload(id: stored.workload.id),
            message: "Change share \(shareId) of workload \(stored.workload.name) to \(permission.rawValue)"
        ) { (file, actor, now) throws(ValidationError) in
            try file.update(shareId, permission: permission, actor: actor, now: now)
        }
        return (stored, share)
    }

    /// Revokes a workload share.
    package func deleteWorkloadShare(_ reference: String, shareId: String) throws(WorkspaceError) -> (StoredWorkload, Share) {
        let stored = try findWorkload(reference)
        try requireOwner(of: stored.workload, to: "manage the shares")
        let share = try changeShares(
            .workload(id: stored.workload.id), message: "Revoke share \(shareId) of workload \(stored.workload.name)"
        ) { (file, _, now) throws(ValidationError) in
            try file.revoke(shareId, now: now)
        }
        return (stored, share)
    }

    /// The shares of a custom lens; only its owner sees them.
    package func lensShares(_ alias: String) throws(WorkspaceError) -> (LensRecord, ShareFile) {
        let record = try shareableLens(alias)
        return (record, try shareStore().file(.lens(alias: alias)))
    }

    /// Shares a custom lens READONLY with `principal`.
    package func createLensShare(_ alias: String, principal invitee: String) throws(WorkspaceError) -> Share {
        let record = try shareableLens(alias)
        return try changeShares(.lens(alias: alias), message: "Share lens \(record.name) with \(invitee)") {
            (file, actor, now) throws(ValidationError) in
            try file.create(principal: invitee, permission: .readonly, owner: record.owner, actor: actor, now: now, id: Share.newID())
        }
    }

    /// Revokes a lens share.
    package func deleteLensShare(_ alias: String, shareId: String) throws(WorkspaceError) -> Share {
        let record = try shareableLens(alias)
        return try changeShares(.lens(alias: alias), message: "Revoke share \(shareId) of lens \(record.name)") {
            (file, _, now) throws(ValidationError) in
            try file.revoke(shareId, now: now)
        }
    }

    private func shareableLens(_ alias: String) throws(WorkspaceError) -> LensRecord {
        let record = try requireLensRecord(alias)
        guard record.type != .awsOfficial else {
            throw .refused(
                "lens \(alias) is an AWS official lens, available to everyone; only custom lenses are shared",
                code: .builtinLens, subject: alias)
        }
        try requireLensOwner(record, to: "manage the shares")
        return record
    }

    /// Pending invitations addressed to the acting principal or one of their groups.
    package func invitations() throws(WorkspaceError) -> [PendingInvitation] {
        let actor = try principal()
        let store = try shareStore()
        let policy = try store.access()
        let now = nowSeconds
        var result: [PendingInvitation] = []
        for file in try store.allFiles() {
            for share in file.shares where share.status(at: now) == .pending && ShareAccess.mayRespond(actor, to: share, policy: policy) {
                let (name, owner) = try describe(file.subject)
                result.append(PendingInvitation(subject: file.subject, share: share, name: name, owner: owner))
            }
        }
        return result
    }

    /// The share file holding share `id`, or nil when none does. A share id names one share:
    /// when hand-written files give two shares the same id, acting on either could act for
    /// the other, so the command is refused, naming the files.
    private func uniqueShareFile(holding id: String, in store: ShareStore) throws(WorkspaceError) -> ShareFile? {
        let holders = try store.allFiles().filter { $0.share(id) != nil }
        guard holders.count <= 1 else {
            throw .refused(
                "share id \(id) is used by \(holders.count) share files (\(holders.map { ShareStore.path(of: $0.subject) }.joined(separator: ", "))); "
                    + "an administrator removes the copy that is not the owner's before anyone answers it", subject: id)
        }
        return holders.first
    }

    /// Accepts or rejects the invitation `id`; only its invitee (or a member of the invited
    /// group) may. One commit on the shares ref.
    package func respond(toInvitation id: String, accept: Bool) throws(WorkspaceError) -> PendingInvitation {
        let actor = try principal()
        let store = try shareStore()
        let policy = try store.access()
        guard let file = try uniqueShareFile(holding: id, in: store), let share = file.share(id) else {
            throw .notFound(what: "share invitation", name: id, hint: "`welltree share invitations` lists yours")
        }
        guard ShareAccess.mayRespond(actor, to: share, policy: policy) else {
            throw .forbidden("\(actor) may not answer invitation \(id): it is addressed to \(share.principal)", subject: id)
        }
        let verb = accept ? "Accept" : "Reject"
        let (name, owner) = try describe(file.subject)
        let answered = try changeShares(file.subject, message: "\(verb) invitation \(id) to \(name ?? "\(file.subject)")") {
            (file, _, now) throws(ValidationError) in
            try file.respond(id, accept: accept, now: now)
        }
        return PendingInvitation(subject: file.subject, share: answered, name: name, owner: owner)
    }

    /// Leaves the accepted share `id` (the console's "Reject share" on a shared workload or lens):
    /// it becomes REJECTED, one commit on the shares ref. Only its invitee may, and only a
    /// share made with them by name (`ShareAccess.leaveProblem`).
    package func leaveShare(_ id: String) throws(WorkspaceError) -> PendingInvitation {
        let actor = try principal()
        let store = try shareStore()
        guard let file = try uniqueShareFile(holding: id, in: store), let share = file.share(id) else {
            throw .notFound(
                what: "share", name: id,
                hint: "`welltree workload list --shared-with-me` and `welltree lens list` show what is shared with you")
        }
        if let problem = ShareAccess.leaveProblem(actor, share: share, policy: try store.access()) {
            throw .forbidden("\(actor) may not leave: \(problem)", subject: id)
        }
        let (name, owner) = try describe(file.subject)
        let left = try changeShares(file.subject, message: "Leave share \(id) of \(name ?? "\(file.subject)")") {
            (file, _, now) throws(ValidationError) in
            try file.leave(id, now: now)
        }
        return PendingInvitation(subject: file.subject, share: left, name: name, owner: owner)
    }

    private func describe(_ subject: ShareSubject) throws(WorkspaceError) -> (String?, String?) {
        switch subject {
        case .workload(let id):
            let stored = try? findWorkload(id)
            return (stored?.workload.name, stored?.workload.owner)
        case .lens(let alias):
            let record = try lensRecord(alias)
            return (record?.name, record?.owner)
        case .profile(let id):
            let profile = try profilesById()[id]?.profile
            return (profile?.name, profile?.owner)
        case .template(let id):
            let stored = try? findTemplate(id)
            return (stored?.template.name, stored?.template.owner)
        }
    }

    /// Reads a share file, applies `change` and commits the result to the shares ref.
    func changeShares(
        _ subject: ShareSubject, message: String, _ change: (inout ShareFile, String, Int64) throws(ValidationError) -> Share
    ) throws(WorkspaceError) -> Share {
        let actor = try principal()
        var store = try shareStore()
        var file = try store.file(subject)
        let share: Share
        do {
            share = try change(&file, actor, nowSeconds)
        } catch {
            throw .invalid(error)
        }
        var changes = ChangeSet()
        try changes.write(ShareStore.path(of: subject), json: file)
        try store.write(changes, message: message, as: actor)
        return share
    }
}

extension Workspace {
    /// Refuses to apply a custom lens the acting principal neither owns nor holds an accepted
    /// share of (directly or through a group). Official lenses are everyone's.
    func requireLensUse(_ record: LensRecord) throws(WorkspaceError) {
        guard record.type != .awsOfficial else { return }
        let actor = try principal()
        guard actor != record.owner else { return }
        let store = try shareStore()
        let policy = try store.access()
        let now = nowSeconds
        let shared = try store.file(.lens(alias: record.alias)).shares.contains {
            $0.status(at: now) == .accepted && policy.reaches($0.principal, actor)
        }
        guard shared else {
            throw .forbidden(
                "\(actor) may not apply lens \(record.alias): it is owned by \(record.owner) and not shared with \(actor) (an accepted lens share is needed)"
            , subject: record.alias)
        }
    }
}
