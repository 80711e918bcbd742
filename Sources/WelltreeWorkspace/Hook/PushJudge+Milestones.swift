import Git
import WelltreeCore

extension PushJudge {
    /// Judges a push to `refs/tags/welltree/*` (see `PushJudge` for the rules).
    ///
    /// Every fact is the server's: the workload is looked up in the default branch (before the
    /// push, or as this very push moves it, when it creates the workload with its first
    /// milestone), never in the tagged commit; the tagged commit must be in the default
    /// branch's history and hold that workload, with that id and owner, in that directory.
    func judgeMilestone(_ update: PushUpdate) throws(WorkspaceError) -> [PushRefusal] {
        let tag = Milestone.tagName(ofReference: update.reference)
        guard let new = update.new else {
            return [refusal(update, file: tag, rule: "milestone tags are never deleted")]
        }
        if update.old != nil {
            return [refusal(update, file: tag, rule: "milestone tags are never moved")]
        }
        guard try git({ () throws(GitError) in try repository.object(new).kind }) == .tag else {
            return [refusal(update, file: tag, rule: "a milestone must be an annotated tag (`welltree milestone create` makes one)")]
        }
        let pushed = try git { () throws(GitError) in try repository.tagObject(new) }
        guard pushed.name == tag else {
            return [refusal(update, file: tag, rule: "the tag object is named \(pushed.name), not \(tag)")]
        }
        guard pushed.targetType == "commit", try git({ () throws(GitError) in try repository.object(pushed.target).kind }) == .commit
        else {
            return [refusal(update, file: tag, rule: "a milestone tags a commit, not a \(pushed.targetType)")]
        }
        guard let (directory, workload) = try milestoneWorkload(tag) else {
            return [
                refusal(
                    update, file: tag,
                    rule:
                        "the tag names no workload of the default branch (expected welltree/<workload-dir>-<first 8 digits of its id>/...)"
                )
            ]
        }
        func refuse(_ rule: String) -> [PushRefusal] { [refusal(update, subject: describe(workload), file: tag, rule: rule)] }
        guard workload.owner == pusher else {
            return refuse("only the owner \(workload.owner) saves milestones; \(pusher) has \(try access(to: workload))")
        }
        guard let milestone = Milestone(tagMessage: pushed.message) else {
            return refuse("the tag message is no milestone record (Welltree-Milestone, -Name, -Workload-Id and -Recorded-At trailers)")
        }
        guard milestone.workloadId == workload.id else {
            return refuse("the tag message records workload id \(milestone.workloadId), not this workload's \(workload.id)")
        }
        if let problem = try historyProblem(pushed.target) { return refuse(problem) }
        if let problem = try taggedWorkloadProblem(pushed.target, directory: directory, workload: workload) { return refuse(problem) }
        let glob = Milestone.tagGlob(workloadId: workload.id)
        for other in try git({ () throws(GitError) in try repository.referenceNames(matching: glob) }) {
            guard let target = try git({ () throws(GitError) in try repository.referenceTarget(other) }),
                let object = try? repository.tagObject(target), let existing = Milestone(tagMessage: object.message),
                existing.workloadId == workload.id, existing.number == milestone.number
            else { continue }
            return refuse("milestone \(milestone.number) of this workload exists already (\(Milestone.tagName(ofReference: other)))")
        }
        let required: Bool
        switch settings {
        case .success(let settings): required = settings.requireSignedMilestones
        case .failure: required = true
        }
        guard required else { return [] }
        guard pushed.signature != nil else {
            return refuse("requireSignedMilestones is set in welltree.json: the milestone tag must be signed")
        }
        if let problem = try verifySignature(pushed) {
            return refuse("requireSignedMilestones is set: \(problem)")
        }
        return []
    }

    /// Why `commit` is not in the default branch's history (before the push, or as this push
    /// moves it), or nil.
    private func historyProblem(_ commit: ObjectID) throws(WorkspaceError) -> String? {
        for tip in [serverTip, pushedDefaultTip].compactMap({ $0 }) {
            if tip == commit { return nil }
            if try git({ () throws(GitError) in try repository.isAncestor(commit, of: tip) }) { return nil }
        }
        return
            "a milestone tags a commit of the default branch (\(defaultBranch ?? "none yet")); \(commit.hex.prefix(7)) is not in its history"
    }

    /// Why the tagged commit does not hold `workload` (same id and owner) in `directory`, or nil.
    private func taggedWorkloadProblem(_ commit: ObjectID, directory: String, workload: Workload) throws(WorkspaceError) -> String? {
        let tagged = try Workspace(repository: repository, commit: commit)
        let path = Layout.workloadDirectory(directory)
        guard let entry = try tagged.entry(path), entry.kind == .tree else { return "the tagged commit has no workload \(path)" }
        guard let there = try? tagged.loadWorkload(TreeEntry(name: directory, id: entry.id, kind: .tree)).workload else {
            return "the tagged commit's \(Layout.workloadFile(directory)) cannot be read"
        }
        if there.id != workload.id { return "in the tagged commit \(path) holds workload id \(there.id), not \(workload.id)" }
        if there.owner != workload.owner { return "in the tagged commit \(path) is owned by \(there.owner), not \(workload.owner)" }
        return nil
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

    /// The workload a milestone tag belongs to and its directory: the tag's first component is
    /// `<workload-dir>-<first 8 digits of the id>` (`Milestone.tagName(workloadDirectory:)`).
    /// Looked up on the default branch before the push, else as this push leaves it; never in
    /// the tagged commit, which the pusher wrote.
    private func milestoneWorkload(_ tag: String) throws(WorkspaceError) -> (String, Workload)? {
        guard let (directory, prefix) = Milestone.workloadOfTag(tag) else { return nil }
        let pushedDefault = try pushedDefaultTip.map { tip throws(WorkspaceError) in try Workspace(repository: repository, commit: tip) }
        for snapshot in [server, pushedDefault].compactMap({ $0 }) {
            guard let entry = try snapshot.entry(Layout.workloadDirectory(directory)), entry.kind == .tree,
                let workload = try? snapshot.loadWorkload(TreeEntry(name: directory, id: entry.id, kind: .tree)).workload
            else { continue }
            if workload.id.hasPrefix(prefix) { return (directory, workload) }
        }
        return nil
    }
}
