import Git
import WelltreeCore

/// Repositories written before workloads were sharded.
///
/// Settings format 1 kept every workload directory straight below `workloads/`; format 2 puts
/// each in the shard of its first two characters (`Layout`). Commits of the old layout stay in
/// history (milestones tag them, branches start from them), so they are read through a view in
/// the current layout: the same tree with its workload directories grouped into shards, built
/// from the unchanged subtrees in the repository's in-memory scratch store. Every reader then
/// sees one layout, and a comparison across the move finds the workloads unchanged (their tree
/// ids are the same). Nothing is committed on such a view: `welltree init` moves the workloads
/// in one commit first.
extension Workspace {
    /// The settings format of the sharded layout.
    package static let shardedFormat = 2

    /// True when this workspace reads a view of a commit written before workloads were sharded.
    package var isUnsharded: Bool { baseTree != commitTree }

    /// `tree` itself, or for a tree written before workloads were sharded (settings format 1
    /// with a `workloads/` directory) its view in the current layout.
    func readingTree(of tree: ObjectID) throws(GitError) -> ObjectID {
        guard let workloads = try repository.entry(at: Layout.workloads, inTree: tree), workloads.kind == .tree,
            let settings = try repository.entry(at: Layout.settings, inTree: tree), settings.kind == .blob,
            Self.settingsFormat(try repository.blob(settings.id)) < Self.shardedFormat
        else { return tree }
        var shards: [String: [TreeEntry]] = [:]
        var others: [TreeEntry] = []
        for entry in try repository.treeEntries(workloads.id) {
            if entry.kind == .tree {
                shards[Layout.shard(ofDirectory: entry.name), default: []].append(entry)
            } else {
                others.append(entry)
            }
        }
        var entries = others
        for (shard, directories) in shards {
            entries.append(TreeEntry(name: shard, id: try repository.scratchTree(directories), kind: .tree))
        }
        let sharded = try repository.scratchTree(entries)
        var root = try repository.treeEntries(tree)
        for index in root.indices where root[index].name == Layout.workloads {
            root[index].id = sharded
        }
        return try repository.scratchTree(root)
    }

    /// The `format` of a settings file; 1 when it names none, and the current format when the
    /// file cannot be read (the settings' own checks report it).
    static func settingsFormat(_ bytes: [UInt8]) -> Int {
        guard let root = try? JSONParser.parse(bytes) else { return shardedFormat }
        guard let node = root["format"] else { return 1 }
        guard case .number(let text) = node.value, let format = Int(text) else { return shardedFormat }
        return format
    }

    /// Refuses to commit on a view of a repository written before workloads were sharded.
    func refuseUnsharded() throws(WorkspaceError) {
        guard isUnsharded else { return }
        throw .refused(
            "this repository keeps its workloads straight below \(Layout.workloads)/, the layout before shards; "
                + "`welltree init` moves each into \(Layout.workloads)/<first two characters>/ in one commit; nothing was written", subject: Layout.workloads)
    }

    /// Moves every workload of a repository written before shards into its shard, in one
    /// commit; returns how many moved, nil when the repository needed no move.
    func shardWorkloads() throws(WorkspaceError) -> Int? {
        guard let changes = try shardingChanges() else { return nil }
        let count = changes.removedDirectories.count
        let message = "Move workloads into shards\n\n"
            + "Each workload directory moves unchanged from workloads/<dir> to workloads/<first two characters of dir>/<dir> "
            + "(\(count) workload\(count == 1 ? "" : "s")); welltree.json records settings format \(Self.shardedFormat)."
        guard try commit(changes, message: message, sharding: true) != nil else { return nil }
        return count
    }

    /// The changes that move every workload of a repository written before shards into its
    /// shard and record the sharded settings format: one file each, with the blob it has.
    func shardingChanges() throws(WorkspaceError) -> ChangeSet? {
        guard isUnsharded, let commitTree else { return nil }
        var changes = ChangeSet()
        guard let file = try git({ () throws(GitError) in try repository.entry(at: Layout.settings, inTree: commitTree) })
        else { return nil }
        var settings = try decode(WorkspaceSettings.self, from: try read(file, path: Layout.settings), path: Layout.settings)
        settings.format = Self.shardedFormat
        try changes.write(Layout.settings, json: settings)
        let workloads = try git { () throws(GitError) in try repository.entry(at: Layout.workloads, inTree: commitTree) }
        guard let workloads else { return changes }
        for directory in try git({ () throws(GitError) in try repository.treeEntries(workloads.id) }) where directory.kind == .tree {
            let old = Layout.workloads + "/" + directory.name
            var files: [(path: String, blob: ObjectID)] = []
            try collectFiles(of: directory.id, at: old, below: "", into: &files)
            changes.moveDirectory(old, to: Layout.workloadDirectory(directory.name), files: files)
        }
        return changes
    }

    /// Every file below the tree `id` (the directory at `path`), relative to it, with its blob.
    private func collectFiles(
        of id: ObjectID, at path: String, below relative: String, into files: inout [(path: String, blob: ObjectID)]
    ) throws(WorkspaceError) {
        for entry in try git({ () throws(GitError) in try repository.treeEntries(id) }) {
            let name = relative + entry.name
            switch entry.kind {
            case .tree:
                try collectFiles(of: entry.id, at: path, below: name + "/", into: &files)
            case .blob, .executable:
                files.append((name, entry.id))
            case .symlink:
                throw .notARegularFile(path: path + "/" + name, found: "a symbolic link")
            case .submodule:
                throw .notARegularFile(path: path + "/" + name, found: "a submodule")
            }
        }
    }
}
