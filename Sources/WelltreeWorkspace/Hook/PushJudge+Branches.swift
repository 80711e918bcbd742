import Git
import WelltreeCore

extension PushJudge {
    /// How `git push` is told to override a protection, for messages.
    static let overrideHint =
        "an administrator may override with `git push -o welltree.override=REASON` (the audit record keeps the reason)"

    /// Judges a branch update: its history first, then every file it changes (see `PushJudge`).
    func judgeBranch(_ update: PushUpdate) throws(WorkspaceError) -> [PushRefusal] {
        let protection = protection(of: update.reference)
        guard let new = update.new else {
            if update.reference == defaultBranch { return [refusal(update, rule: "the default branch is never deleted")] }
            if let protection {
                if isOverriding { return [] }
                return [refusal(update, rule: "\(protection) is never deleted; \(Self.overrideHint)")]
            }
            return try rewriteProblem(update).map { [$0] } ?? []
        }
        guard try git({ () throws(GitError) in try repository.object(new).kind }) == .commit else {
            return [refusal(update, rule: "a branch must point at a commit")]
        }
        if let old = update.old, try !git({ () throws(GitError) in try repository.isAncestor(old, of: new) }) {
            if let protection {
                if !isOverriding {
                    return [
                        refusal(
                            update,
                            rule:
                                "\(protection) only moves forward: \(new.hex.prefix(7)) does not contain \(old.hex.prefix(7)), so the push would replace history that is the review record; \(Self.overrideHint)"
                        )
                    ]
                }
            } else if let problem = try rewriteProblem(update) {
                return [problem]
            }
        }
        return try judgeBranchContent(update, new: new)
    }

    /// How a protected branch is named in refusals (`the default branch`, or the branch and why
    /// it is protected), or nil for a branch the rules do not protect. When the settings cannot
    /// be read, every branch counts as protected: a rule that cannot be read is not waived.
    func protection(of reference: String) -> String? {
        if reference == defaultBranch { return "the default branch" }
        let named = "\(reference) is protected (protectedBranches in \(Layout.settings)): it"
        switch settings {
        case .success(let settings): return settings.protects(branch: reference) ? named : nil
        case .failure: return "\(reference) may be protected (the server cannot read \(Layout.settings)): it"
        }
    }

    /// Why the pusher may not rewrite or delete a branch the rules do not protect: only the
    /// principal who created it (as the audit record shows) and administrators may.
    private func rewriteProblem(_ update: PushUpdate) throws(WorkspaceError) -> PushRefusal? {
        if policy.isAdministrator(pusher) { return nil }
        let creator = try audit.creator(of: update.reference)
        if creator == pusher { return nil }
        if let creator {
            return refusal(
                update, rule: "only the branch's creator \(creator) (as the audit record shows) or an administrator rewrites or deletes it")
        }
        return refusal(
            update,
            rule:
                "the audit record does not show who created the branch (it predates the record); only administrators (\(administratorList)) rewrite or delete it"
        )
    }

    /// Judges the files a branch update changes.
    private func judgeBranchContent(_ update: PushUpdate, new: ObjectID) throws(WorkspaceError) -> [PushRefusal] {
        let base: ObjectID?
        if update.reference == defaultBranch {
            base = update.old
        } else if let serverTip {
            base = try git { () throws(GitError) in try repository.mergeBase(new, serverTip) } ?? update.old
        } else {
            base = update.old
        }
        // Both sides are compared in the current layout: moving the workloads of a repository
        // written before shards into their shards changes no workload, only the settings.
        // The workspace stays where the server has it (where the push puts it, on an empty
        // server); only its files are judged, the rest of the repository is the host's.
        var prefix = server?.prefix ?? ""
        if server == nil {
            prefix = try git { () throws(GitError) in
                try Layout.locatePrefix(in: repository.commit(new).tree, startingAt: "", repository: repository)
            } ?? ""
        }
        let before = try base.map { id throws(WorkspaceError) in try Workspace(repository: repository, commit: id, prefix: prefix) }
        let after = try Workspace(repository: repository, commit: new, prefix: prefix)
        if let problem = try placementProblem(before: before, after: after, update: update) { return [problem] }
        let comparison = try git { () throws(GitError) in try repository.compareTrees(from: before?.baseTree, to: after.baseTree) }
        if comparison.files.isEmpty && comparison.directories.isEmpty { return [] }

        // Entries no review repository holds are refused before anything reads them.
        let entryRefusals = entryProblems(comparison, update: update)
        if !entryRefusals.isEmpty { return entryRefusals }

        var workloads: [String: [String]] = [:]
        var lenses: [String: [String]] = [:]
        var profiles: [String: [String]] = [:]
        var templates: [String: [String]] = [:]
        var refusals: [PushRefusal] = []
        for change in comparison.files {
            if let directory = Layout.workloadDirectory(ofPath: change.path) {
                workloads[directory, default: []].append(change.path)
            } else if let directory = Layout.templateDirectory(ofPath: change.path) {
                templates[directory, default: []].append(change.path)
            } else if let alias = Layout.lensAlias(ofPath: change.path) {
                lenses[alias, default: []].append(change.path)
            } else if let directory = Layout.profileDirectory(ofPath: change.path) {
                profiles[directory, default: []].append(change.path)
            } else if let marker = Layout.evidenceMarker(ofPath: change.path) {
                // A marker of the evidence index belongs to the answer it names: whoever may
                // write that answer writes its markers, and nobody else.
                workloads[marker.directory, default: []].append(change.path)
            } else if !policy.isAdministrator(pusher) {
                refusals.append(
                    refusal(
                        update, file: change.path,
                        rule:
                            "files outside workload directories, custom lenses, profiles and templates are the repository's settings; only administrators (\(administratorList)) change them"
                    ))
            }
        }
        var created: [String: (directory: String, workload: Workload)] = [:]
        for (directory, paths) in workloads.sorted(by: { $0.key < $1.key }) {
            refusals += try judgeWorkload(directory, paths: paths, before: before, after: after, created: &created, update: update)
            if paths.contains(Layout.workloadFile(directory)) {
                refusals += try judgeWorkloadProfile(directory, before: before, after: after, update: update)
            }
        }
        for (directory, paths) in profiles.sorted(by: { $0.key < $1.key }) {
            refusals += try judgeProfile(directory, paths: paths, before: before, after: after, update: update)
        }
        for (alias, paths) in lenses.sorted(by: { $0.key < $1.key }) {
            refusals += try judgeLens(alias, paths: paths, before: before, after: after, update: update)
        }
        for (directory, paths) in templates.sorted(by: { $0.key < $1.key }) {
            refusals += try judgeTemplate(directory, paths: paths, before: before, after: after, update: update)
        }
        refusals += validate(comparison, before: before, after: after, update: update)
        return refusals
    }

    /// Why a push may not land because of where it puts the workspace: a repository holds one,
    /// marked by its `welltree.json`, which stays where it is (a regular file in a real
    /// directory: a symbolic link there would make the hook judge other files than a checkout
    /// reads), and no second `welltree.json` appears anywhere. Costs one comparison of the
    /// whole trees, which skips every directory the push left alone.
    private func placementProblem(before: Workspace?, after: Workspace, update: PushUpdate) throws(WorkspaceError) -> PushRefusal? {
        let prefix = after.prefix
        let marker = Layout.repositoryPath(Layout.settings, prefix: prefix)
        let where_ = prefix.isEmpty ? "the repository's root" : String(prefix.dropLast()) + "/"
        let hadWorkspace = try before.map { before throws(WorkspaceError) in try before.entry(Layout.settings) != nil } ?? false
        if hadWorkspace {
            if let directory = try prefixDirectoryProblem(after) {
                return refusal(update, file: String(prefix.dropLast()), rule: directory)
            }
            let entry = try after.entry(Layout.settings)
            if entry == nil || !(entry!.kind == .blob || entry!.kind == .executable) {
                return refusal(
                    update, file: marker,
                    rule: "the workspace stays at \(where_): \(Layout.settings) marks its root and is never moved, removed or replaced by anything but a file")
            }
        }
        // In a workspace at the root, every other file is judged by the rules below already.
        if prefix.isEmpty { return nil }
        let changed = try git { () throws(GitError) in try repository.changedFiles(from: before?.rootTree, to: after.rootTree) }
        for change in changed where change.new != nil && change.path != marker {
            let name = change.path.split(separator: "/").last.map(String.init) ?? change.path
            guard name == Layout.settings else { continue }
            return refusal(
                update, file: change.path,
                rule: "a repository holds one workspace, at \(where_); a second \(Layout.settings) would make another")
        }
        return nil
    }

    /// Why the workspace's directory in a pushed commit is not a real directory, or nil.
    private func prefixDirectoryProblem(_ after: Workspace) throws(WorkspaceError) -> String? {
        guard !after.prefix.isEmpty, let tree = after.rootTree else { return nil }
        var path = ""
        for component in after.prefix.split(separator: "/") {
            path += (path.isEmpty ? "" : "/") + component
            guard let entry = try git({ () throws(GitError) in try repository.entry(at: path, inTree: tree) }) else { return nil }
            if entry.kind != .tree {
                return "the workspace's directory \(path) must be a directory (found \(entry.kind == .symlink ? "a symbolic link" : "a file"))"
            }
        }
        return nil
    }

    /// A workload directory as the server knows it.
    private enum KnownWorkload {
        /// On neither the default branch nor where the branch started: the push creates it.
        case new
        case known(Workload)
        /// There, but its `workload.json` cannot be read (damaged before the rules held).
        case unreadable
    }

    /// The workload in directory `directory` as the server knows it: on the default branch,
    /// else where the branch started.
    private func knownWorkload(_ directory: String, before: Workspace?) throws(WorkspaceError) -> KnownWorkload {
        for snapshot in [server, before].compactMap({ $0 }) {
            guard let entry = try snapshot.entry(Layout.workloadDirectory(directory)), entry.kind == .tree else { continue }
            do {
                return .known(try snapshot.loadWorkload(TreeEntry(name: directory, id: entry.id, kind: .tree)).workload)
            } catch {
                if case .git = error { throw error }
                return .unreadable
            }
        }
        return .new
    }

    private func judgeWorkload(
        _ directory: String, paths: [String], before: Workspace?, after: Workspace,
        created: inout [String: (directory: String, workload: Workload)], update: PushUpdate
    ) throws(WorkspaceError) -> [PushRefusal] {
        let file = Layout.workloadFile(directory)
        let administrator = policy.isAdministrator(pusher)
        // The workload as the push leaves it; nil when deleted or unreadable (which
        // validation reports).
        var pushed: Workload?
        if let entry = try after.entry(Layout.workloadDirectory(directory)), entry.kind == .tree {
            pushed = try? after.loadWorkload(TreeEntry(name: directory, id: entry.id, kind: .tree)).workload
        }
        switch try knownWorkload(directory, before: before) {
        case .new:
            guard let pushed else { return [] }
            var refusals: [PushRefusal] = []
            if pushed.owner != pusher && !administrator {
                refusals.append(
                    refusal(
                        update, subject: "new workload \"\(pushed.name)\"", file: file,
                        rule:
                            "a new workload must record its creator as owner; it names \(pushed.owner), the pusher is \(pusher)"
                    ))
            }
            refusals += try identityProblems(pushed, directory: directory, created: &created, update: update)
            refusals += try templateReferenceProblems(pushed, old: nil, file: file, after: after, update: update)
            return refusals
        case .unreadable:
            guard administrator else {
                return [
                    refusal(
                        update, subject: "workload \(Layout.workloadDirectory(directory))", file: paths.first,
                        rule:
                            "the server cannot read \(file), so it cannot tell who owns the workload; only administrators (\(administratorList)) repair or remove it"
                    )
                ]
            }
            guard let pushed else { return [] }
            return try identityProblems(pushed, directory: directory, created: &created, update: update)
        case .known(let workload):
            var refusals: [PushRefusal] = []
            if let pushed, pushed.id != workload.id {
                refusals.append(
                    refusal(
                        update, subject: describe(workload), file: file,
                        rule: "a workload's id never changes: it is \(workload.id) on the server, the push makes it \(pushed.id)"))
            }
            if let pushed { refusals += try templateReferenceProblems(pushed, old: workload, file: file, after: after, update: update) }
            if administrator { return refusals }
            let access = try access(to: workload)
            if access == .owner { return refusals }
            let answers = Layout.workloadDirectory(directory) + "/\(Layout.answersDirectoryName)/"
            // Lens and pillar notes are part of the review, as in the service (UpdateLensReview).
            let notes = Layout.workloadDirectory(directory) + "/\(Layout.notesDirectoryName)/"
            for path in paths {
                let marker = Layout.isInEvidenceIndex(path)
                if path.hasPrefix(answers) || path.hasPrefix(notes) || marker {
                    if access < .contributor {
                        let what = marker ? "the evidence index's markers of its answers" : path.hasPrefix(answers) ? "answers" : "lens and pillar notes"
                        refusals.append(
                            refusal(
                                update, subject: describe(workload), file: path,
                                rule: "\(what) need the owner or an accepted CONTRIBUTOR share; \(pusher) has \(access)"))
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
    }

    /// Why a workload the push creates (or an administrator rewrites) may not have its id: the
    /// id belongs to another workload of the default branch, to another workload this push
    /// creates, or to a deleted workload whose shares or milestones remain. Who owns an id is
    /// the server's to say, so an id is never taken over.
    private func identityProblems(
        _ workload: Workload, directory: String, created: inout [String: (directory: String, workload: Workload)],
        update: PushUpdate
    ) throws(WorkspaceError) -> [PushRefusal] {
        let file = Layout.workloadFile(directory)
        func refuse(_ rule: String) -> [PushRefusal] {
            [refusal(update, subject: "new workload \"\(workload.name)\"", file: file, rule: rule)]
        }
        let index = try index.get()
        if let other = index.workloads(withId: workload.id).first(where: { $0.directory != directory }) {
            var holder = "workload in \(Layout.workloadDirectory(other.directory))"
            if let server, let entry = try server.entry(Layout.workloadDirectory(other.directory)),
                let known = try? server.loadWorkload(TreeEntry(name: other.directory, id: entry.id, kind: .tree)).workload
            {
                holder = "\(describe(known)) in \(Layout.workloadDirectory(other.directory))"
            }
            return refuse("id \(workload.id) is already used by \(holder)")
        }
        if let twin = created[workload.id] {
            return refuse(
                "id \(workload.id) is already used by new workload \"\(twin.workload.name)\" in \(Layout.workloadDirectory(twin.directory)) (this push)"
            )
        }
        created[workload.id] = (directory, workload)
        if index.workloads(withId: workload.id).contains(where: { $0.directory == directory }) { return [] }
        if try shares.hasFile(.workload(id: workload.id)) {
            return refuse(
                "id \(workload.id) belongs to a deleted workload: its shares remain on \(ShareStore.reference); ids are never reused")
        }
        let tags = try git { () throws(GitError) in try repository.referenceNames(matching: Milestone.tagGlob(workloadId: workload.id)) }
        for tag in tags {
            guard let target = try git({ () throws(GitError) in try repository.referenceTarget(tag) }),
                let object = try? repository.tagObject(target), Milestone(tagMessage: object.message)?.workloadId == workload.id
            else { continue }
            return refuse(
                "id \(workload.id) belongs to a deleted workload: its milestones remain (\(Milestone.tagName(ofReference: tag))); ids are never reused"
            )
        }
        return []
    }

    private func judgeLens(
        _ alias: String, paths: [String], before: Workspace?, after: Workspace, update: PushUpdate
    ) throws(WorkspaceError) -> [PushRefusal] {
        if policy.isAdministrator(pusher) { return [] }
        var record = try server?.lensRecord(alias)
        if record == nil { record = try before?.lensRecord(alias) }
        if let record {
            if record.type == .awsOfficial {
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
        if created.type != .awsOfficial && created.owner == pusher { return [] }
        return [
            refusal(
                update, subject: "new lens \(alias)", file: Layout.lensMetadata(alias),
                rule:
                    "a new custom lens must record its creator as owner (it names \(created.owner)); official lenses are added by administrators"
            )
        ]
    }
}
