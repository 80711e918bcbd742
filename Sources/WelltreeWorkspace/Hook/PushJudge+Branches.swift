import Git
import WelltreeCore

extension PushJudge {
    /// Judges a branch update file by file (see `PushJudge` for the rules).
    func judgeBranch(_ update: PushUpdate) throws(WorkspaceError) -> [PushRefusal] {
        let isDefault = update.reference == defaultBranch
        guard let new = update.new else {
            if isDefault { return [refusal(update, rule: "the default branch is never deleted")] }
            if policy.isAdministrator(pusher) { return [] }
            return [refusal(update, rule: "only administrators (\(administratorList)) delete branches")]
        }
        guard try wrap({ () throws(GitError) in try repository.object(new).kind }) == .commit else {
            return [refusal(update, rule: "a branch must point at a commit")]
        }
        let base: ObjectID?
        if isDefault {
            base = update.old
        } else if let serverTip {
            base = try wrap { () throws(GitError) in try repository.mergeBase(new, serverTip) } ?? update.old
        } else {
            base = update.old
        }
        // Both sides are compared in the current layout: moving the workloads of a repository
        // written before shards into their shards changes no workload, only the settings.
        let before = try base.map { id throws(WorkspaceError) in try Workspace(repository: repository, commit: id) }
        let after = try Workspace(repository: repository, commit: new)
        let changes = try wrap { () throws(GitError) in try repository.changedFiles(from: before?.baseTree, to: after.baseTree) }
        if changes.isEmpty { return [] }

        var workloads: [String: [String]] = [:]
        var lenses: [String: [String]] = [:]
        var refusals: [PushRefusal] = []
        for change in changes {
            let parts = change.path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            if let directory = Layout.workloadDirectory(inPathComponents: parts) {
                workloads[directory, default: []].append(change.path)
            } else if parts.count >= 3, parts[0] == Layout.lenses {
                lenses[parts[1], default: []].append(change.path)
            } else if !policy.isAdministrator(pusher) {
                refusals.append(
                    refusal(
                        update, file: change.path,
                        rule:
                            "files outside workload directories and custom lenses are the repository's settings; only administrators (\(administratorList)) change them"
                    ))
            }
        }
        for (directory, paths) in workloads.sorted(by: { $0.key < $1.key }) {
            refusals += try judgeWorkload(directory, paths: paths, before: before, after: after, update: update)
        }
        for (alias, paths) in lenses.sorted(by: { $0.key < $1.key }) {
            refusals += try judgeLens(alias, paths: paths, before: before, after: after, update: update)
        }
        return refusals
    }

    /// The workload in directory `directory` as the server knows it: on the default branch,
    /// else where the branch started; nil for a workload the push creates.
    private func knownWorkload(_ directory: String, before: Workspace?) throws(WorkspaceError) -> Workload? {
        for snapshot in [server, before].compactMap({ $0 }) {
            guard let entry = try snapshot.entry(Layout.workloadDirectory(directory)), entry.kind == .tree else { continue }
            return try snapshot.loadWorkload(TreeEntry(name: directory, id: entry.id, kind: .tree)).workload
        }
        return nil
    }

    private func judgeWorkload(
        _ directory: String, paths: [String], before: Workspace?, after: Workspace, update: PushUpdate
    ) throws(WorkspaceError) -> [PushRefusal] {
        guard let workload = try knownWorkload(directory, before: before) else {
            // A new workload: anyone may create one, as its owner.
            let file = Layout.workloadFile(directory)
            guard let entry = try after.entry(Layout.workloadDirectory(directory)), entry.kind == .tree else { return [] }
            let created = try after.loadWorkload(TreeEntry(name: directory, id: entry.id, kind: .tree)).workload
            if created.owner == pusher { return [] }
            return [
                refusal(
                    update, subject: "new workload \"\(created.name)\"", file: file,
                    rule: "a new workload must record its creator as owner; it names \(created.owner), the pusher is \(pusher)")
            ]
        }
        let access = try access(to: workload)
        if access == .owner { return [] }
        let answers = Layout.workloadDirectory(directory) + "/\(Layout.answersDirectoryName)/"
        var refusals: [PushRefusal] = []
        for path in paths {
            if path.hasPrefix(answers) {
                if access < .contributor {
                    refusals.append(
                        refusal(
                            update, subject: describe(workload), file: path,
                            rule: "answers need the owner or an accepted CONTRIBUTOR share; \(pusher) has \(access)"))
                }
            } else {
                refusals.append(
                    refusal(
                        update, subject: describe(workload), file: path,
                        rule:
                            "only the owner \(workload.owner) edits properties, applies or upgrades lenses, or deletes the workload; \(pusher) has \(access)"
                    ))
            }
        }
        return refusals
    }

    private func judgeLens(
        _ alias: String, paths: [String], before: Workspace?, after: Workspace, update: PushUpdate
    ) throws(WorkspaceError) -> [PushRefusal] {
        var record = try server?.lensRecord(alias)
        if record == nil { record = try before?.lensRecord(alias) }
        if let record {
            if record.type == .awsOfficial {
                if policy.isAdministrator(pusher) { return [] }
                return paths.map {
                    refusal(
                        update, subject: "lens \(alias)", file: $0,
                        rule: "AWS official lenses are the repository's; only administrators (\(administratorList)) change them")
                }
            }
            if record.owner == pusher { return [] }
            return paths.map {
                refusal(
                    update, subject: "lens \(alias) (owner \(record.owner))", file: $0,
                    rule: "only the lens's owner \(record.owner) changes it")
            }
        }
        guard let created = try after.lensRecord(alias) else {
            return paths.map {
                refusal(
                    update, subject: "lens \(alias)", file: $0,
                    rule: "a lens directory needs \(Layout.lensMetadata(alias)) naming its owner")
            }
        }
        if created.type == .awsOfficial ? policy.isAdministrator(pusher) : created.owner == pusher { return [] }
        return [
            refusal(
                update, subject: "new lens \(alias)", file: Layout.lensMetadata(alias),
                rule:
                    "a new custom lens must record its creator as owner (it names \(created.owner)); official lenses are added by administrators"
            )
        ]
    }
}
