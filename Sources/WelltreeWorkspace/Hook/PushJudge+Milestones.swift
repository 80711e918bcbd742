import Git
import WelltreeCore

extension PushJudge {
    /// Judges a push to `refs/tags/welltree/*` (see `PushJudge` for the rules).
    func judgeMilestone(_ update: PushUpdate) throws(WorkspaceError) -> [PushRefusal] {
        let tag = String(update.reference.dropFirst("refs/tags/".count))
        guard let new = update.new else {
            return [refusal(update, file: tag, rule: "milestone tags are never deleted")]
        }
        if update.old != nil {
            return [refusal(update, file: tag, rule: "milestone tags are never moved")]
        }
        guard try wrap({ () throws(GitError) in try repository.object(new).kind }) == .tag else {
            return [refusal(update, file: tag, rule: "a milestone must be an annotated tag (`welltree milestone create` makes one)")]
        }
        let pushed = try wrap { () throws(GitError) in try repository.tagObject(new) }
        guard let workload = try milestoneWorkload(tag, target: pushed.target) else {
            return [
                refusal(
                    update, file: tag, rule: "the tag names no workload (expected welltree/<workload-dir>-<first 8 digits of its id>/...)")
            ]
        }
        guard workload.owner == pusher else {
            return [
                refusal(
                    update, subject: describe(workload), file: tag,
                    rule: "only the owner \(workload.owner) saves milestones; \(pusher) has \(try access(to: workload))")
            ]
        }
        let required = try server?.settings().requireSignedMilestones ?? false
        guard required else { return [] }
        guard pushed.signature != nil else {
            return [
                refusal(
                    update, subject: describe(workload), file: tag,
                    rule: "requireSignedMilestones is set in welltree.json: the milestone tag must be signed")
            ]
        }
        if let problem = try verifySignature(pushed) {
            return [refusal(update, subject: describe(workload), file: tag, rule: "requireSignedMilestones is set: \(problem)")]
        }
        return []
    }

    /// Nil when `tag` carries a good signature by the pusher (who is the owner); else why not.
    ///
    /// Verification is `git tag -v`'s, with the server's signing configuration, except that SSH
    /// keys are trusted from `allowed_signers` on the shares ref when it has one (so trusting a
    /// key is as protected as granting a share). A good signature must name the pusher: the SSH
    /// principal, or an OpenPGP user id `Name <pusher>`.
    private func verifySignature(_ tag: TagObject) throws(WorkspaceError) -> String? {
        var configuration = try SigningConfiguration(repository: repository)
        let scratch = try ScratchDirectory()
        if let allowed = try shares.allowedSigners() {
            configuration.allowedSignersFile = try scratch.write(ShareStore.allowedSignersFile, allowed)
        }
        let check = SignatureVerifier(configuration: configuration).verify(tag)
        guard check.isGood else { return check.reason }
        let signer = check.signer ?? ""
        guard signer == pusher || signer.hasSuffix("<\(pusher)>") else {
            return "the signature is good but made by \(signer.isEmpty ? "an unnamed key" : signer), not by the owner \(pusher)"
        }
        return nil
    }

    /// The workload a milestone tag belongs to: its first component is
    /// `<workload-dir>-<first 8 digits of the id>` (`Milestone.tagName(workloadDirectory:)`). Looked up on the default branch, else in the
    /// tagged commit (a workload pushed together with its first milestone).
    private func milestoneWorkload(_ tag: String, target: ObjectID) throws(WorkspaceError) -> Workload? {
        let parts = tag.split(separator: "/")
        guard parts.count >= 3 else { return nil }
        let component = parts[1]
        guard component.count > 9, component.dropLast(8).hasSuffix("-") else { return nil }
        let directory = String(component.dropLast(9))
        let prefix = String(component.suffix(8))
        let commit: ObjectID
        switch try wrap({ () throws(GitError) in try repository.object(target).kind }) {
        case .commit: commit = target
        default: return nil
        }
        let tagged = try Workspace(repository: repository, commit: commit)
        for snapshot in [server, tagged].compactMap({ $0 }) {
            guard let entry = try snapshot.entry(Layout.workloadDirectory(directory)), entry.kind == .tree else { continue }
            let workload = try snapshot.loadWorkload(TreeEntry(name: directory, id: entry.id, kind: .tree)).workload
            if workload.id.hasPrefix(prefix) { return workload }
        }
        return nil
    }
}
