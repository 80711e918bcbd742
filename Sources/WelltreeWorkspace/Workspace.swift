import Foundation
import Git
import WelltreeCore

#if canImport(Glibc)
    import Glibc
#endif

/// A review repository opened at one commit: reads come from that commit's tree, and changes
/// are committed on top of it with a compare-and-swap of the branch.
///
/// Reads never look at the work tree: what a command shows is what is committed, so two
/// people looking at the same commit see the same thing, and blob ids can key caches.
package final class Workspace {
    package let repository: Repository
    /// The branch HEAD names (`refs/heads/main`), or nil when HEAD is detached.
    package let branch: String?
    /// The commit every read comes from and every change builds on; nil on an unborn branch.
    package private(set) var base: ObjectID?
    /// The tree every read comes from: `commitTree`, or, in a repository written before
    /// workloads were sharded, a view of it in the current layout (see `readingTree(of:)`).
    package private(set) var baseTree: ObjectID?
    /// The workspace's tree in `base` as committed (the subtree at `prefix`), which every
    /// change builds on; nil when the commit has no such directory.
    package private(set) var commitTree: ObjectID?
    /// The whole tree of `base` (or the tree this workspace was opened on), code and all.
    package private(set) var rootTree: ObjectID?
    /// Where the workspace sits in the repository: empty for its root, else `dir/` (see
    /// `Layout.locatePrefix`). Every path of the layout is relative to it.
    package let prefix: String
    /// Lenses parsed in this process, by blob id: a lens is parsed once however many workloads
    /// (and snapshots of this workspace) use it.
    var parsed = ParseMemo()
    /// The lens version each applied lens resolves to at `base` (records can change with it).
    var effectiveLensCache: [WorkloadLens: LoadedLens] = [:]
    /// The blob id of the lens version each applied lens resolves to at `base`, or nil when it
    /// does not resolve; cheaper than `effectiveLensCache` as no lens is parsed.
    var effectiveBlobCache: [WorkloadLens: ObjectID?] = [:]
    /// The ids of the files prioritization reads (`profiles/`, the mapping, the profile
    /// template) at `base`, once looked up (see `profileDependency()`).
    var profileDependencyMemo: SummaryCache.ProfileDependency?
    /// For each profile version and lens version, which of the lens's questions the profile
    /// prioritizes (nil: none is said to be, the mapping does not cover the lens), at `base`.
    var prioritizedMasks: [PrioritizedMaskKey: [Bool]?] = [:]
    /// The repository's write lock while this workspace holds it (see `withWriteLock`).
    var heldLock: WriteLock?
    /// Every workload directory's id and name, once listed (see `workloadClaims()`).
    var claimsMemo: [WorkloadClaim]?

    /// Opens the repository containing `path` at its HEAD, and in it the workspace nearest to
    /// `path` (`Layout.locatePrefix`): the one whose directory holds `path`, else the one the
    /// repository holds elsewhere.
    package convenience init(at path: String) throws(WorkspaceError) {
        let repository: Repository
        do {
            repository = try Repository.open(searchingFrom: path)
        } catch {
            if error.isNotFound { throw .notARepository(path) }
            throw .git(error)
        }
        try self.init(headOf: repository, prefix: nil, start: Self.relativeDirectory(path, in: repository))
    }

    /// Opens `repository` at its HEAD, with the workspace at `prefix`, or (nil) the one found
    /// from the directory `start` (relative to the work tree's root).
    package init(headOf repository: Repository, prefix: String?, start: String = "") throws(WorkspaceError) {
        self.repository = repository
        var located = prefix
        do {
            switch try repository.head() {
            case .branch(let name, let commit):
                branch = name
                base = commit
            case .detached(let commit):
                branch = nil
                base = commit
            }
            if located == nil, let base {
                located = try Layout.locatePrefix(in: repository.commit(base).tree, startingAt: start, repository: repository)
            }
            self.prefix = located ?? ""
            if let base { try setTrees(repository.commit(base).tree) }
        } catch {
            throw .git(error)
        }
        // A write killed after moving the branch is finished as soon as anyone opens the
        // workspace, so even a command that ends up writing nothing leaves `git status` clean.
        // Failures are left for the write path, which reports them; reading never depends on
        // the work tree. One exception: a write killed inside git's own index update leaves
        // `index.lock`, which stops every finish; a command that wrote nothing would then
        // succeed over a half-written work tree, so the lock is reported (with how to remove
        // it) by every command until it is gone.
        if FileManager.default.fileExists(atPath: WriteJournal.path(gitDirectory: repository.gitDirectory)) {
            do {
                try withWriteLock { () throws(WorkspaceError) in try workTree?.finishInterruptedWrite() }
            } catch {
                let lock = repository.gitDirectory + "index.lock"
                if root != nil, FileManager.default.fileExists(atPath: lock) { throw .staleLock(path: lock, committed: nil) }
            }
        }
    }

    /// `path` relative to the repository's work tree (empty for the root, for a path outside
    /// it, or in a bare repository), symbolic links resolved on both sides.
    static func relativeDirectory(_ path: String, in repository: Repository) -> String {
        guard let workdir = repository.workdir, let root = realPath(workdir), var current = realPath(path) else { return "" }
        var info = stat()
        if stat(current, &info) == 0, info.st_mode & S_IFMT != S_IFDIR { current = (current as NSString).deletingLastPathComponent }
        guard current.hasPrefix(root + "/") else { return "" }
        return String(current.dropFirst(root.count + 1))
    }

    /// The canonical absolute path of an existing file or directory, without a trailing slash.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        let text = String(cString: resolved)
        return text.count > 1 && text.hasSuffix("/") ? String(text.dropLast()) : text
    }

    /// Opens the workspace at a given revision for reading only (milestones, diffs, checks):
    /// the one at `prefix`, or (nil) the one the commit holds (`Layout.locatePrefix`).
    package init(repository: Repository, commit: ObjectID, prefix: String? = nil) throws(WorkspaceError) {
        self.repository = repository
        branch = nil
        base = commit
        do {
            let tree = try repository.commit(commit).tree
            if let prefix {
                self.prefix = prefix
            } else {
                self.prefix = try Layout.locatePrefix(in: tree, startingAt: "", repository: repository) ?? ""
            }
            try setTrees(tree)
        } catch {
            throw .git(error)
        }
    }

    /// Opens a read-only view of any whole tree (a commit's, the index's, or one built from the
    /// work tree), with the workspace at `prefix`: what `welltree diff` compares when a side is
    /// not a commit.
    package init(repository: Repository, tree: ObjectID, prefix: String = "") throws(WorkspaceError) {
        self.repository = repository
        self.prefix = prefix
        branch = nil
        base = nil
        do {
            try setTrees(tree)
        } catch {
            throw .git(error)
        }
    }

    /// Reads the whole tree `tree` from now on: its workspace subtree, in the current layout.
    private func setTrees(_ tree: ObjectID) throws(GitError) {
        rootTree = tree
        commitTree = try workspaceSubtree(of: tree)
        baseTree = try commitTree.map { id throws(GitError) in try readingTree(of: id) }
    }

    /// The subtree at `prefix` of a whole tree; nil when there is no directory there (nothing,
    /// a file, or a symbolic link planted where the workspace belongs).
    func workspaceSubtree(of tree: ObjectID) throws(GitError) -> ObjectID? {
        if prefix.isEmpty { return tree }
        guard let entry = try repository.entry(at: String(prefix.dropLast()), inTree: tree), entry.kind == .tree else { return nil }
        return entry.id
    }

    /// The work tree's root, without a trailing slash, or nil for a bare repository.
    package var root: String? {
        repository.workdir.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
    }

    /// The workspace's directory in the work tree, without a trailing slash, or nil for a bare
    /// repository.
    package var workspaceRoot: String? {
        root.map { prefix.isEmpty ? $0 : $0 + "/" + String(prefix.dropLast()) }
    }

    /// Fails unless the commit holds a workspace (`welltree init` has been run).
    package func requireInitialised() throws(WorkspaceError) {
        guard try entry(Layout.settings) != nil else {
            throw .notAWorkspace(workspaceRoot ?? repository.gitDirectory)
        }
    }

    // MARK: Reading

    /// The tree entry at `path` in the base commit, or nil.
    package func entry(_ path: String) throws(WorkspaceError) -> TreeEntry? {
        guard let baseTree else { return nil }
        return try git { () throws(GitError) in try repository.entry(at: path, inTree: baseTree) }
    }

    /// The entries of the directory at `path` in the base commit (empty when it does not exist).
    package func directory(_ path: String) throws(WorkspaceError) -> [TreeEntry] {
        guard let entry = try entry(path), entry.kind == .tree else { return [] }
        return try git { () throws(GitError) in try repository.treeEntries(entry.id) }
    }

    /// The bytes of the regular file at `path`, or nil when there is nothing there. Anything
    /// other than a regular file (a symlink or submodule planted where data belongs) is refused.
    package func file(_ path: String) throws(WorkspaceError) -> [UInt8]? {
        guard let entry = try entry(path) else { return nil }
        return try read(entry, path: path)
    }

    /// The bytes of a blob entry, refusing non-files and files over their size limit
    /// (`FileLimits`), which are never read.
    package func read(_ entry: TreeEntry, path: String) throws(WorkspaceError) -> [UInt8] {
        switch entry.kind {
        case .blob, .executable:
            if let limit = FileLimits.maximumSize(of: path) {
                let size = try git { () throws(GitError) in try repository.objectSize(entry.id) }
                if size > limit { throw .fileTooLarge(path: path, size: size, limit: limit) }
            }
            return try git { () throws(GitError) in try repository.blob(entry.id) }
        case .symlink: throw .notARegularFile(path: path, found: "a symbolic link")
        case .tree: throw .notARegularFile(path: path, found: "a directory")
        case .submodule: throw .notARegularFile(path: path, found: "a submodule")
        }
    }

    /// Decodes the JSON document at `path`, or nil when there is none.
    package func document<T: Decodable>(_ type: T.Type, at path: String) throws(WorkspaceError) -> T? {
        guard let bytes = try file(path) else { return nil }
        return try decode(type, from: bytes, path: path)
    }

    /// Decodes a workspace file, naming the file in any error.
    package func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8], path: String) throws(WorkspaceError) -> T {
        do {
            return try JSONNodeDecoder().decode(type, from: bytes)
        } catch {
            throw .invalidFile(path: path, error)
        }
    }

    /// The workspace settings (defaults when the file has none of them).
    package func settings() throws(WorkspaceError) -> WorkspaceSettings {
        try document(WorkspaceSettings.self, at: Layout.settings) ?? WorkspaceSettings()
    }

    /// Who is acting, when the caller knows better than the environment (tests, server hooks).
    package var actingPrincipal: String?

    /// Who is acting: `actingPrincipal`, else `$WELLTREE_PRINCIPAL`, else git's user.email.
    package func principal() throws(WorkspaceError) -> String {
        if let actingPrincipal { return actingPrincipal }
        if let principal = ProcessInfo.processInfo.environment["WELLTREE_PRINCIPAL"], !principal.isEmpty {
            return principal
        }
        guard let email = try git({ () throws(GitError) in try repository.configString("user.email") }), !email.isEmpty else {
            throw .noIdentity
        }
        return email
    }

    /// Reads the branch's current commit again, so a change can be rebuilt on what others
    /// committed since this workspace was opened.
    package func reload() throws(WorkspaceError) {
        guard let branch else { throw .detachedHead }
        do {
            base = try repository.referenceTarget(branch)
            if let base {
                try setTrees(repository.commit(base).tree)
            } else {
                rootTree = nil
                commitTree = nil
                baseTree = nil
            }
        } catch {
            throw .git(error)
        }
    }

    /// After a commit of ours: the branch has moved, so this must not fail. Only the sharding
    /// commit lands on a repository written before shards, and it leaves none to view.
    func setBase(commit: ObjectID, tree: ObjectID) {
        base = commit
        rootTree = tree
        commitTree = (try? workspaceSubtree(of: tree)) ?? nil
        baseTree = commitTree.map { (try? readingTree(of: $0)) ?? $0 }
        effectiveLensCache = [:]
        effectiveBlobCache = [:]
        profileDependencyMemo = nil
        prioritizedMasks = [:]
    }
}
