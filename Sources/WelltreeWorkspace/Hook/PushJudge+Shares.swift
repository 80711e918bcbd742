import Git
import WelltreeCore

extension PushJudge {
    /// Judges an update of the shares ref (see `PushJudge` for the rules).
    func judgeShares(_ update: PushUpdate) throws(WorkspaceError) -> [PushRefusal] {
        guard let new = update.new else {
            return [refusal(update, rule: "\(ShareStore.reference) is never deleted: it is the record of who may do what")]
        }
        guard try wrap({ () throws(GitError) in try repository.object(new).kind }) == .commit else {
            return [refusal(update, rule: "\(ShareStore.reference) must point at a commit")]
        }
        if let old = update.old, try !wrap({ () throws(GitError) in try repository.isDescendant(new, of: old) }) {
            return [
                refusal(
                    update,
                    rule:
                        "\(ShareStore.reference) only moves forward; fetch it (`git fetch origin \(ShareStore.reference):\(ShareStore.reference)`) and make the change again"
                )
            ]
        }
        let oldTree = try update.old.map { id throws(WorkspaceError) in try wrap { () throws(GitError) in try repository.commit(id).tree } }
        let newTree = try wrap { () throws(GitError) in try repository.commit(new).tree }
        let pushed = try ShareStore(repository: repository, at: new)
        var refusals: [PushRefusal] = []
        for change in try wrap({ () throws(GitError) in try repository.changedFiles(from: oldTree, to: newTree) }) {
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
                        rule: "the shares ref holds only access.json, allowed_signers, workloads/<id>.json and lenses/<alias>.json"))
                continue
            }
            refusals += try judgeShareFile(subject, file: file, deleted: change.new == nil, pushed: pushed, update: update)
        }
        return refusals
    }

    private func judgeShareFile(
        _ subject: ShareSubject, file: String, deleted: Bool, pushed: ShareStore, update: PushUpdate
    ) throws(WorkspaceError) -> [PushRefusal] {
        guard let (name, owner) = try owner(of: subject) else {
            return [
                refusal(
                    update, subject: "\(subject)", file: file,
                    rule: "the default branch has no such \(subject); shares follow the workload or lens onto the server")
            ]
        }
        if deleted {
            if pusher == owner { return [] }
            return [refusal(update, subject: name, file: file, rule: "only the owner \(owner) manages its shares")]
        }
        let newFile = try pushed.file(subject)
        if newFile.subject != subject {
            return [refusal(update, subject: name, file: file, rule: "the file describes \(newFile.subject), not \(subject)")]
        }
        if pusher == owner {
            return newFile.violations(at: now).map { refusal(update, subject: name, file: file, rule: "\($0)") }
        }
        let problems = ShareAccess.changesBeyondAnswers(from: try shares.file(subject), to: newFile, by: pusher, policy: policy, now: now)
        if problems.isEmpty { return [] }
        return [
            refusal(
                update, subject: name, file: file,
                rule:
                    "only the owner \(owner) manages its shares; an invitee may only accept or reject a pending invitation addressed to them (\(problems.joined(separator: "; ")))"
            )
        ]
    }

    /// The name (for messages) and owner of a share file's subject on the default branch.
    private func owner(of subject: ShareSubject) throws(WorkspaceError) -> (String, String)? {
        guard let server else { return nil }
        switch subject {
        case .workload(let id):
            for entry in try server.workloadDirectories() {
                let workload = try server.loadWorkload(entry).workload
                if workload.id == id { return (describe(workload), workload.owner) }
            }
            return nil
        case .lens(let alias):
            guard let record = try server.lensRecord(alias), record.type != .awsOfficial else { return nil }
            return ("lens \(alias) (owner \(record.owner))", record.owner)
        }
    }
}
