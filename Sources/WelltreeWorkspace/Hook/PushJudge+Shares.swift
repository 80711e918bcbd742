import Git
import WelltreeCore

extension PushJudge {
    /// Judges an update of the shares ref (see `PushJudge` for the rules).
    func judgeShares(_ update: PushUpdate) throws(WorkspaceError) -> [PushRefusal] {
        guard let new = update.new else {
            return [refusal(update, rule: "\(ShareStore.reference) is never deleted: it is the record of who may do what")]
        }
        guard try git({ () throws(GitError) in try repository.object(new).kind }) == .commit else {
            return [refusal(update, rule: "\(ShareStore.reference) must point at a commit")]
        }
        if let old = update.old, try !git({ () throws(GitError) in try repository.isDescendant(new, of: old) }) {
            return [
                refusal(
                    update,
                    rule:
                        "\(ShareStore.reference) only moves forward; fetch it (`git fetch origin \(ShareStore.reference):\(ShareStore.reference)`) and make the change again"
                )
            ]
        }
        let oldTree = try update.old.map { id throws(WorkspaceError) in try git { () throws(GitError) in try repository.commit(id).tree } }
        let newTree = try git { () throws(GitError) in try repository.commit(new).tree }
        let pushed = try ShareStore(repository: repository, at: new)
        var refusals: [PushRefusal] = []
        let comparison = try git { () throws(GitError) in try repository.compareTrees(from: oldTree, to: newTree) }
        let entryRefusals = entryProblems(comparison, update: update)
        if !entryRefusals.isEmpty { return entryRefusals }
        for change in comparison.files {
            let file = "\(ShareStore.reference):\(change.path)"
            if change.path == ShareStore.accessFile || change.path == ShareStore.allowedSignersFile {
                if !policy.isAdministrator(pusher) {
                    refusals.append(
                        refusal(
                            update, file: file,
                            rule: "administrators, groups and signing keys are changed by administrators only (\(administratorList))"))
                } else if change.path == ShareStore.accessFile, change.new != nil {
                    _ = try pushed.access()
                }
                continue
            }
            guard let subject = ShareStore.subject(of: change.path) else {
                refusals.append(
                    refusal(
                        update, file: file,
                        rule:
                            "the shares ref holds only \(ShareStore.accessFile), \(ShareStore.allowedSignersFile), \(ShareStore.path(of: .workload(id: "<id>"))), \(ShareStore.path(of: .lens(alias: "<alias>"))), \(ShareStore.path(of: .profile(id: "<id>"))) and \(ShareStore.path(of: .template(id: "<id>")))"))
                continue
            }
            refusals += try judgeShareFile(subject, file: file, deleted: change.new == nil, pushed: pushed, update: update)
        }
        return refusals
    }

    private func judgeShareFile(
        _ subject: ShareSubject, file: String, deleted: Bool, pushed: ShareStore, update: PushUpdate
    ) throws(WorkspaceError) -> [PushRefusal] {
        let owner: (name: String, principal: String)
        switch try subjectOwner(subject) {
        case .none:
            return [
                refusal(
                    update, subject: "\(subject)", file: file,
                    rule: "the default branch has no such \(subject); shares follow the workload, lens or profile onto the server")
            ]
        case .ambiguous(let directories):
            if policy.isAdministrator(pusher) { return [] }
            guard case .workload(let id) = subject else { return [] }
            return [
                refusal(
                    update, subject: "\(subject)", file: file,
                    rule:
                        "\(directories.count) workloads on the default branch have id \(id) (\(directories.map(Layout.workloadDirectory).joined(separator: ", "))); only administrators (\(administratorList)) change its shares until one is removed"
                )
            ]
        case .one(let name, let principal):
            owner = (name, principal)
        }
        if deleted {
            if pusher == owner.principal { return [] }
            return [refusal(update, subject: owner.name, file: file, rule: "only the owner \(owner.principal) manages its shares")]
        }
        let newFile = try pushed.file(subject)
        if newFile.subject != subject {
            return [refusal(update, subject: owner.name, file: file, rule: "the file describes \(newFile.subject), not \(subject)")]
        }
        // A share id names one share on the whole ref: an id the push brings into this file
        // may not be one another file holds (a copied id would let its holder's invitee answer
        // or leave the wrong share).
        let introduced = Set(newFile.shares.map(\.shareId)).subtracting(try shares.file(subject).shares.map(\.shareId))
        if !introduced.isEmpty {
            for other in try pushed.allFiles() + shares.allFiles() where other.subject != subject {
                if let clash = other.shares.first(where: { introduced.contains($0.shareId) }) {
                    return [
                        refusal(
                            update, subject: owner.name, file: file,
                            rule: "share id \(clash.shareId) is already used in \(ShareStore.reference):\(ShareStore.path(of: other.subject)); a new share gets a new id")
                    ]
                }
            }
        }
        if pusher == owner.principal {
            return newFile.violations(at: now).map { refusal(update, subject: owner.name, file: file, rule: "\($0)") }
        }
        let problems = ShareAccess.changesBeyondAnswers(from: try shares.file(subject), to: newFile, by: pusher, policy: policy, now: now)
        if problems.isEmpty { return [] }
        return [
            refusal(
                update, subject: owner.name, file: file,
                rule:
                    "only the owner \(owner.principal) manages its shares; an invitee may only accept or reject a pending invitation addressed to them, or leave an accepted share made with them (\(problems.joined(separator: "; ")))"
            )
        ]
    }

    /// Who owns a share file's subject on the default branch before the push.
    private enum SubjectOwner {
        case none
        /// A workload id that more than one directory carries (damage from before the rule held).
        case ambiguous([String])
        case one(name: String, principal: String)
    }

    /// The name (for messages) and owner of a share file's subject on the default branch,
    /// looked up by id in the server's workload index: the directory a pushed `workload.json`
    /// claims never decides it.
    private func subjectOwner(_ subject: ShareSubject) throws(WorkspaceError) -> SubjectOwner {
        guard let server else { return .none }
        switch subject {
        case .workload(let id):
            let holders = try index.get().workloads(withId: id)
            guard let holder = holders.first else { return .none }
            if holders.count > 1 { return .ambiguous(holders.map(\.directory)) }
            guard let entry = try server.entry(Layout.workloadDirectory(holder.directory)), entry.kind == .tree else { return .none }
            let workload = try server.loadWorkload(TreeEntry(name: holder.directory, id: entry.id, kind: .tree)).workload
            return .one(name: describe(workload), principal: workload.owner)
        case .lens(let alias):
            guard let record = try server.lensRecord(alias), record.type != .awsOfficial else { return .none }
            return .one(name: "lens \(alias) (owner \(record.owner))", principal: record.owner)
        case .profile(let id):
            guard let profile = try Self.profile(in: server, id: id) else { return .none }
            return .one(name: "profile \"\(profile.name)\" (owner \(profile.owner))", principal: profile.owner)
        case .template(let id):
            guard let template = try templateById(id, in: server) else { return .none }
            return .one(name: "template \"\(template.name)\" (owner \(template.owner))", principal: template.owner)
        }
    }
}
