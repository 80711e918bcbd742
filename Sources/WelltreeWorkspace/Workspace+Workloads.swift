import Git
import WelltreeCore

extension Workspace {
    /// The workload directories (`workloads/<shard>/<dir>`), as entries named `<dir>`, in path
    /// order. Files directly below `workloads/` or a shard are no workloads and are passed over;
    /// a directory in the wrong shard, or a workload directory straight below `workloads/` (the
    /// layout before shards), is refused with its path and where it belongs.
    package func workloadDirectories() throws(WorkspaceError) -> [TreeEntry] {
        try workloadDirectories { path, rule throws(WorkspaceError) in throw .misplaced(path: path, rule: rule) }
    }

    /// `workloadDirectories()`, passing the path of each misplaced directory and the rule it
    /// breaks to `misplaced` (which may throw) and leaving it out.
    package func workloadDirectories(
        misplaced: (_ path: String, _ rule: String) throws(WorkspaceError) -> Void
    ) throws(WorkspaceError) -> [TreeEntry] {
        var result: [TreeEntry] = []
        for shard in try directory(Layout.workloads) where shard.kind == .tree {
            let entries = try git { () throws(GitError) in try repository.treeEntries(shard.id) }
            let shardPath = Layout.workloads + "/" + shard.name
            if entries.contains(where: { $0.name == Layout.workloadFileName && $0.kind != .tree }) {
                try misplaced(shardPath, Layout.unshardedRule(shard.name))
                continue
            }
            for entry in entries where entry.kind == .tree {
                guard Layout.shard(ofDirectory: entry.name) == shard.name else {
                    try misplaced(
                        shardPath + "/" + entry.name,
                        "a workload directory belongs in the shard of its first two characters, \(Layout.workloadDirectory(entry.name))")
                    continue
                }
                result.append(entry)
            }
        }
        return result
    }

    /// Reads the workload stored in `entry` (a workload directory, named by its `<dir>`).
    package func loadWorkload(_ entry: TreeEntry) throws(WorkspaceError) -> StoredWorkload {
        try loadWorkload(entry, file: try git { () throws(GitError) in
            try repository.entry(at: Layout.workloadFileName, inTree: entry.id)
        })
    }

    /// `loadWorkload(_:)` given the directory's `workload.json` entry (nil when it has none).
    func loadWorkload(_ entry: TreeEntry, file: TreeEntry?) throws(WorkspaceError) -> StoredWorkload {
        let path = Layout.workloadFile(entry.name)
        guard let fileEntry = file else {
            throw .invalidFile(path: path, JSONDocumentError(path: .root, position: nil, message: "the workload directory has no \(Layout.workloadFileName)"))
        }
        let bytes = try read(fileEntry, path: path)
        let workload = try decode(Workload.self, from: bytes, path: path)
        // Every read refuses a workload without the framework lens, so no command can show it
        // (or a check pass it) with the framework's risks silently left out.
        guard workload.lenses.contains(where: { $0.alias == Workload.frameworkLens }) else {
            let node = (try? JSONParser.parse(bytes))?["lenses"]
            throw .invalidFile(path: path, JSONDocumentError(
                path: JSONPath([.key("lenses")]), position: node.map { SourcePosition(offset: $0.offset, in: bytes) },
                message: "must include the framework lens \(Workload.frameworkLens), which applies to every workload"))
        }
        return StoredWorkload(directory: entry.name, workload: workload, tree: entry.id)
    }

    /// Every workload, in directory order; refuses a tree where two directories hold one id.
    package func allWorkloads() throws(WorkspaceError) -> [StoredWorkload] {
        var result: [StoredWorkload] = []
        for entry in try workloadDirectories() { result.append(try loadWorkload(entry)) }
        try Self.refuseDuplicateIds(result)
        return result
    }

    /// Every workload that can be read, in directory order, and those that cannot (a misplaced
    /// directory, a `workload.json` that is invalid or no regular file, two directories with
    /// one id, which are both left out): for commands that show the rest.
    package func readableWorkloads() throws(WorkspaceError) -> (workloads: [StoredWorkload], damaged: [DamagedWorkload]) {
        var damaged: [DamagedWorkload] = []
        var workloads: [StoredWorkload] = []
        let directories = try workloadDirectories { path, rule throws(WorkspaceError) in
            damaged.append(DamagedWorkload(directory: path, error: .misplaced(path: path, rule: rule)))
        }
        for entry in directories {
            do {
                workloads.append(try loadWorkload(entry))
            } catch {
                damaged.append(DamagedWorkload(directory: Layout.workloadDirectory(entry.name), error: error))
            }
        }
        var byId: [String: [String]] = [:]
        for stored in workloads { byId[stored.workload.id, default: []].append(Layout.workloadDirectory(stored.directory)) }
        let duplicated = byId.filter { $0.value.count > 1 }
        if !duplicated.isEmpty {
            for stored in workloads {
                guard let paths = duplicated[stored.workload.id] else { continue }
                damaged.append(DamagedWorkload(
                    directory: Layout.workloadDirectory(stored.directory), error: .duplicateWorkloadId(id: stored.workload.id, paths: paths)))
            }
            workloads.removeAll { duplicated[$0.workload.id] != nil }
        }
        return (workloads, damaged)
    }

    /// A workload's directory, id and name, and the workload itself when it had to be read.
    struct WorkloadIdentity {
        var directory: TreeEntry
        var id: String
        var name: String
        var stored: StoredWorkload?
    }

    /// Each workload's identity in directory order, until `stop` returns true for one (which
    /// is returned). The summary cache knows the id and name of every workload tree it has
    /// seen, so once a dashboard or a list has run only new or changed workloads are read.
    /// A workload that cannot be read is passed with the id and name its file claims (empty
    /// when it claims none) and no `stored`: looking up one workload never fails because
    /// another is damaged, and loading the damaged one reports why.
    @discardableResult
    func scanIdentities(
        in directories: [TreeEntry], until stop: (WorkloadIdentity) -> Bool
    ) throws(WorkspaceError) -> WorkloadIdentity? {
        let known = SummaryCache.load(from: summaryCachePath)
        for entry in directories {
            let identity: WorkloadIdentity
            if let cached = known[entry.id]?.overview {
                identity = WorkloadIdentity(directory: entry, id: cached.id, name: cached.name)
            } else if let stored = try? loadWorkload(entry) {
                identity = WorkloadIdentity(directory: entry, id: stored.workload.id, name: stored.workload.name, stored: stored)
            } else {
                let file = try git { () throws(GitError) in try repository.entry(at: Layout.workloadFileName, inTree: entry.id) }
                let claim = claim(directory: entry.name, file: file)
                identity = WorkloadIdentity(directory: entry, id: claim.id ?? "", name: claim.name ?? "")
            }
            if stop(identity) { return identity }
        }
        return nil
    }

    /// Every workload's identity, for the rule that names are unique.
    func workloadIdentities() throws(WorkspaceError) -> [WorkloadIdentity] {
        var result: [WorkloadIdentity] = []
        try scanIdentities(in: try workloadDirectories()) { identity in
            result.append(identity)
            return false
        }
        return result
    }

    /// Finds a workload by id, by name (spaces and case ignored) or by its directory's name.
    ///
    /// The directory a name maps to is tried first, so the usual lookup reads one file; when
    /// that misses (an id, a renamed workload, a name spelled with other spaces) every other
    /// directory is looked at, through the summary cache where it knows them, and a reference
    /// that more than one workload matches is refused rather than resolved to whichever
    /// directory sorts first (two directories with one id, two workloads with one name).
    package func findWorkload(_ reference: String) throws(WorkspaceError) -> StoredWorkload {
        // A misplaced directory does not stop the lookup of another workload; it is named when
        // nothing is found, since the workload meant may be the one misplaced.
        var misplaced: WorkspaceError?
        let entries = try workloadDirectories { path, rule throws(WorkspaceError) in
            if misplaced == nil { misplaced = .misplaced(path: path, rule: rule) }
        }
        let wanted = Workload.normalizedName(reference)
        let guess = Layout.workloadDirectoryName(for: reference)
        if let entry = entries.first(where: { $0.name == guess }) {
            let stored = try loadWorkload(entry)
            if Workload.normalizedName(stored.workload.name) == wanted || entry.name == reference {
                return stored
            }
        }
        var matches: [WorkloadIdentity] = []
        try scanIdentities(in: entries) { identity in
            if (!reference.isEmpty && (identity.id == reference || identity.directory.name == reference))
                || (!wanted.isEmpty && Workload.normalizedName(identity.name) == wanted)
            {
                matches.append(identity)
            }
            return false
        }
        guard let found = matches.first else {
            if let misplaced { throw misplaced }
            throw .notFound(what: "workload", name: reference, hint: "`welltree workload list` shows the workloads")
        }
        if matches.count > 1 {
            let paths = matches.map { Layout.workloadDirectory($0.directory.name) }
            if matches.allSatisfy({ $0.id == found.id }) { throw .duplicateWorkloadId(id: found.id, paths: paths) }
            throw .refused(
                "\"\(Violation.visible(reference))\" names \(matches.count) workloads (\(paths.joined(separator: ", "))); "
                    + "name one by its id: \(matches.map(\.id).joined(separator: ", "))", code: .ambiguous, subject: reference)
        }
        if let stored = found.stored { return stored }
        return try loadWorkload(found.directory)
    }

    /// The workload in `directory` as the current base commit has it: after a write, the
    /// workload is read again from its known directory instead of being looked up among all.
    package func reloadWorkload(directory: String) throws(WorkspaceError) -> StoredWorkload {
        guard let entry = try entry(Layout.workloadDirectory(directory)), entry.kind == .tree else {
            throw .notFound(what: "workload directory", name: Layout.workloadDirectory(directory), hint: nil)
        }
        return try loadWorkload(TreeEntry(name: directory, id: entry.id, kind: .tree))
    }

    /// A directory name for a new workload: the name's slug, with a number added on collision.
    func freshDirectory(for name: String, taken: Set<String>) -> String {
        let slug = Layout.workloadDirectoryName(for: name)
        if !taken.contains(slug) { return slug }
        var n = 2
        while taken.contains("\(slug)-\(n)") { n += 1 }
        return "\(slug)-\(n)"
    }

    /// Creates a workload with the framework lens and `lenses` applied, and the latest version
    /// of `profile` when one is named (`usableProfile`), in one commit; with `template`, also
    /// the template's lenses, answers and notes (`templateContents`).
    package func createWorkload(
        _ properties: WorkloadProperties, lenses extraLenses: [String], profile: String? = nil, template: String? = nil
    ) throws(WorkspaceError) -> StoredWorkload {
        try requireInitialised()
        let owner = try principal()
        let profileUse = try profile.map { reference throws(WorkspaceError) in try usableProfile(reference).1 }
        let existing = try workloadIdentities()
        var aliases = [BuiltinLens.framework]
        for alias in extraLenses where !aliases.contains(alias) { aliases.append(alias) }
        var applied = try applicableLenses(aliases)
        let now = isoNow()
        let directory = freshDirectory(for: properties.name ?? "", taken: Set(existing.map(\.directory.name)))
        let source = try template.map { reference throws(WorkspaceError) in try findTemplate(reference) }
        var changes = ChangeSet()
        if let source { (applied, changes) = try templateContents(source, asked: applied, directory: directory, now: now) }
        try checkPillarPriorities(properties.pillarPriorities, lenses: applied)
        var workload: Workload
        do {
            workload = try Workload.create(
                id: Workload.newID(), properties: properties, owner: owner, lenses: applied, now: now,
                existingNames: existing.map(\.name))
        } catch {
            throw .invalid(error)
        }
        workload.profile = profileUse
        workload.template = source.map { TemplateReference(id: $0.template.id, version: $0.template.version) }
        try changes.write(Layout.workloadFile(directory), json: workload)
        let from = source.map { " from template \($0.template.name) (version \($0.template.version))" } ?? ""
        try commit(changes, message: "Create workload \(workload.name)\(from)")
        return try reloadWorkload(directory: directory)
    }

    /// Applies an update request; only the owner may change a workload's properties.
    package func updateWorkload(_ reference: String, _ properties: WorkloadProperties) throws(WorkspaceError) -> (StoredWorkload, changed: Bool) {
        let stored = try findWorkload(reference)
        try requireOwner(of: stored.workload, to: "edit its properties")
        let others = try workloadIdentities().filter { $0.id != stored.workload.id }.map(\.name)
        try checkPillarPriorities(properties.pillarPriorities, lenses: stored.workload.lenses)
        let updated: Workload
        do {
            updated = try stored.workload.updated(with: properties, now: isoNow(), existingNames: others)
        } catch {
            throw .invalid(error)
        }
        if updated == stored.workload { return (stored, false) }
        var changes = ChangeSet()
        try changes.write(Layout.workloadFile(stored.directory), json: updated)
        let fields = Self.changedFields(stored.workload, updated)
        let title = updated.name == stored.workload.name ? updated.name : "\(stored.workload.name) -> \(updated.name)"
        let committed = try commit(changes, message: "Update workload \(title): \(fields.joined(separator: ", "))")
        return (try reloadWorkload(directory: stored.directory), committed != nil)
    }

    /// Deletes a workload's data (its milestone tags stay in history), then revokes its shares
    /// that are still pending or accepted, in one commit on the shares ref: an invitation to a
    /// deleted workload can no longer be accepted. Owner only. Returns the workload and the
    /// shares revoked.
    ///
    /// The branch and the shares ref are two refs, written one after the other. When revoking
    /// fails after the deletion was committed, the error says so; running the deletion's
    /// revocation again needs only `welltree share delete` with the workload's id.
    package func deleteWorkload(_ reference: String) throws(WorkspaceError) -> (workload: Workload, revoked: [Share]) {
        let stored = try findWorkload(reference)
        try requireOwner(of: stored.workload, to: "delete it")
        var changes = ChangeSet()
        changes.removeDirectory(Layout.workloadDirectory(stored.directory))
        try commit(changes, message: "Delete workload \(stored.workload.name)")
        do {
            return (stored.workload, try revokeShares(of: stored.workload))
        } catch {
            throw .refused(
                "deleted workload \"\(stored.workload.name)\" (\(stored.workload.id)), but revoking its shares failed: \(error); "
                    + "revoke them with `welltree share delete \(stored.workload.id) SHARE_ID`", code: .partlyDone, subject: stored.workload.id)
        }
    }

    /// Revokes every pending or accepted share of `workload` (one commit on the shares ref, none
    /// when there is nothing to revoke).
    private func revokeShares(of workload: Workload) throws(WorkspaceError) -> [Share] {
        var store = try shareStore()
        var file = try store.file(.workload(id: workload.id))
        let actor = try principal()
        let revoked = file.revokeActive(now: nowSeconds)
        guard !revoked.isEmpty else { return [] }
        var changes = ChangeSet()
        try changes.write(ShareStore.path(of: .workload(id: workload.id)), json: file)
        try store.write(changes, message: "Revoke the shares of deleted workload \(workload.name)", as: actor)
        return revoked
    }

    /// Refuses unless the acting principal owns the workload.
    package func requireOwner(of workload: Workload, to action: String) throws(WorkspaceError) {
        let actor = try principal()
        guard actor == workload.owner else {
            throw .forbidden(
                "\(actor) may not \(action) of workload \"\(workload.name)\": only its owner \(workload.owner) may",
                subject: workload.id)
        }
    }

    /// The property names that differ, for commit messages.
    static func changedFields(_ old: Workload, _ new: Workload) -> [String] {
        var fields: [String] = []
        func note(_ changed: Bool, _ name: String) { if changed { fields.append(name) } }
        note(old.name != new.name, "name")
        note(old.description != new.description, "description")
        note(old.reviewOwner != new.reviewOwner, "review owner")
        note(old.environment != new.environment, "environment")
        note(old.awsRegions != new.awsRegions, "AWS regions")
        note(old.nonAwsRegions != new.nonAwsRegions, "non-AWS regions")
        note(old.accountIds != new.accountIds, "account ids")
        note(old.architecturalDesign != new.architecturalDesign, "architectural design")
        note(old.industryType != new.industryType || old.industry != new.industry, "industry")
        note(old.tags != new.tags, "tags")
        note(old.notes != new.notes, "notes")
        note(old.improvementStatus != new.improvementStatus, "improvement status")
        note(old.lenses != new.lenses, "lenses")
        return fields.isEmpty ? ["no property changes"] : fields
    }
}

/// The id and name a workload directory's `workload.json` claims, for the rules that both are
/// unique; nil where the file cannot be read (a damaged workload is reported where it is read,
/// and has no id to clash with).
package struct WorkloadClaim: Sendable, Equatable {
    /// `<dir>` of `workloads/<shard>/<dir>`.
    package var directory: String
    package var id: String?
    package var name: String?
}

extension Workspace {
    /// Every workload directory's claimed id and name, in directory order: from the summary
    /// cache where it knows the directory's tree, else from its `workload.json`, parsed for
    /// those two members only. Listed once per workspace.
    ///
    /// This is the only way to learn that an id or name is unique, so callers ask only when a
    /// change brings an id or name to a directory that did not have it (a new workload, an
    /// edited id or name): then the cost is one listing of the workloads, as creating a
    /// workload has; an edit of answers never pays it.
    package func workloadClaims() throws(WorkspaceError) -> [WorkloadClaim] {
        if let claimsMemo { return claimsMemo }
        let known = SummaryCache.load(from: summaryCachePath)
        var result: [WorkloadClaim] = []
        for entry in try workloadDirectories(misplaced: { _, _ throws(WorkspaceError) in }) {
            if let cached = known[entry.id]?.overview {
                result.append(WorkloadClaim(directory: entry.name, id: cached.id, name: cached.name))
                continue
            }
            let file = try git { () throws(GitError) in try repository.entry(at: Layout.workloadFileName, inTree: entry.id) }
            result.append(claim(directory: entry.name, file: file))
        }
        claimsMemo = result
        return result
    }

    /// The id and name `workload.json` of the workload directory `directory` claims; nil when
    /// there is no such directory.
    package func workloadClaim(directory: String) throws(WorkspaceError) -> WorkloadClaim? {
        guard let entry = try entry(Layout.workloadDirectory(directory)), entry.kind == .tree else { return nil }
        let file = try git { () throws(GitError) in try repository.entry(at: Layout.workloadFileName, inTree: entry.id) }
        return claim(directory: directory, file: file)
    }

    /// The claim of a directory whose `workload.json` entry is `file`: only its id and name are
    /// parsed, and a file that cannot be read claims nothing.
    private func claim(directory: String, file: TreeEntry?) -> WorkloadClaim {
        var claim = WorkloadClaim(directory: directory)
        if let file, let bytes = try? read(file, path: Layout.workloadFile(directory)), let root = try? JSONParser.parse(bytes) {
            claim.id = root["id"]?.stringValue
            claim.name = root["name"]?.stringValue
        }
        return claim
    }

    /// The workload directories other than `excluded` that claim one of `ids`, or one of
    /// `names` (normalised with `Workload.normalizedName`).
    package func workloadsClaiming(
        ids: Set<String>, names: Set<String> = [], excluding excluded: Set<String>
    ) throws(WorkspaceError) -> [WorkloadClaim] {
        guard !ids.isEmpty || !names.isEmpty else { return [] }
        return try workloadClaims().filter { claim in
            !excluded.contains(claim.directory)
                && (claim.id.map(ids.contains) ?? false || claim.name.map { names.contains(Workload.normalizedName($0)) } ?? false)
        }
    }
}
