import Foundation
import Git
import WelltreeCore

#if canImport(Glibc)
    import Glibc
#endif

/// The work tree of a non-bare repository, as the write path changes it: the checks before a
/// commit (no uncommitted changes in the files it touches, no symlink on the way), the update
/// after it (files written atomically, then the index), and the recovery of an update a killed
/// process left half done (`WriteJournal`).
///
/// Reads never come from here (a workspace reads the commit); only `Workspace.commit` and the
/// review session, which keeps answers in the work tree until they are committed, write here.
struct WorkTree {
    let repository: Repository
    /// The root, without a trailing slash.
    let root: String
    /// The directory (`architecture/`, empty for the root) whose files are the workspace's:
    /// only they are looked at for uncommitted changes.
    var scope = ""


    /// Refuses paths with uncommitted changes, and paths the work tree would reach through a
    /// symlink or a file where a directory belongs.
    func refuseUnsafeOrDirty(_ changes: ChangeSet, allowingDirty: Set<String>) throws(WorkspaceError) {
        for path in changes.paths + changes.removedDirectories.sorted() {
            try refuseUnsafePath(path)
        }
        var dirty: [String] = []
        let candidates = changes.paths.filter { !allowingDirty.contains($0) }
        let removed = changes.removedDirectories.sorted()
        if candidates.count + removed.count > 64 {
            // One status scan of the whole work tree: each query below scans the index again
            // (and for a directory the work tree), which made moving 10,000 workloads into
            // shards quadratic.
            let modified = try git { () throws(GitError) in try repository.modifiedPaths(under: scope) }
            let written = Set(candidates)
            let below = Set(removed.map { Substring($0) })
            dirty = modified.filter { written.contains($0) || Self.lies($0, below: below) }
        } else {
            for path in candidates {
                guard try git({ () throws(GitError) in try repository.isPathModified(path) }) else { continue }
                dirty.append(path)
            }
            for directory in removed {
                dirty += try git { () throws(GitError) in try repository.modifiedPaths(under: directory + "/") }
            }
        }
        if !dirty.isEmpty { throw .dirty(dirty) }
    }


    /// True for `a/b/c`: relative, no empty, `.` or `..` component, no NUL or backslash.
    static func isSafeRelativePath(_ path: String) -> Bool {
        guard !path.isEmpty, !path.utf8.contains(0), !path.contains("\\") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }


    /// Walks `path` below `root` without following symlinks: every existing parent must be a
    /// real directory and the path itself, when it exists, must not be a symlink.
    func refuseUnsafePath(_ path: String) throws(WorkspaceError) {
        let components = path.split(separator: "/").map(String.init)
        var current = root
        for (index, component) in components.enumerated() {
            current += "/" + component
            let relative = components[...index].joined(separator: "/")
            var info = stat()
            guard lstat(current, &info) == 0 else { return }
            let type = info.st_mode & S_IFMT
            if type == S_IFLNK { throw .unsafeWorkTree(path: relative, found: "a symbolic link") }
            if index < components.count - 1, type != S_IFDIR {
                throw .unsafeWorkTree(path: relative, found: "a file where a directory belongs")
            }
        }
    }

    /// Writes the committed files into the work tree and stages them, so `git status` is clean.
    /// `committed` is named in the error when git's index lock is in the way.
    func update(_ changes: ChangeSet, committed: ObjectID) throws(WorkspaceError) {
        let files = FileManager.default
        let moves = renameMovedDirectories(changes)
        let renamed = Set(moves.map { Substring($0.to) })
        let renamedFrom = Set(moves.map(\.from))
        // Removed directories go first: a file may be written where one was (a workload moved
        // into a shard of the same name).
        for directory in changes.removedDirectories {
            try? files.removeItem(atPath: root + "/" + directory)
            removeEmptyParents(of: root + "/" + directory)
        }
        // Files below a renamed directory are in place already, in the work tree and the index.
        let paths = changes.paths.filter { changes.copies[$0] == nil || !Self.lies($0, below: renamed) }
        for (number, path) in paths.enumerated() {
            let full = root + "/" + path
            if let bytes = try contents(of: path, in: changes) {
                let directory = (full as NSString).deletingLastPathComponent
                do {
                    try files.createDirectory(atPath: directory, withIntermediateDirectories: true)
                } catch {
                    throw .io(path: path, message: error.localizedDescription)
                }
                try Self.writeAtomically(bytes, to: full, path: path)
            } else {
                try? files.removeItem(atPath: full)
                removeEmptyParents(of: full)
            }
            if number == 0 { FaultPoint.midWorkTree.reach() }
        }
        FaultPoint.beforeIndex.reach()
        do {
            let index = try Index(of: repository)
            // A renamed directory's files are unchanged: their entries move with their stat data.
            try index.moveDirectories(moves)
            for directory in changes.removedDirectories where !renamedFrom.contains(directory) {
                try index.removeDirectory(directory)
            }
            for path in paths {
                if changes.writes(path) {
                    try index.addFromWorkdir(path)
                } else {
                    try index.remove(path)
                }
            }
            try index.write()
        } catch {
            if error.isLocked { throw .staleLock(path: repository.gitDirectory + "index.lock", committed: committed) }
            throw .git(error)
        }
    }

    /// Renames each moved directory in the work tree (its files were checked clean, so they are
    /// the committed ones), instead of deleting and writing every file again: moving 1,000
    /// workloads into shards wrote 44,000 files in a minute and a half, on file systems that
    /// make creating files slow right after deleting as many. A move whose target lies below a
    /// removed directory, or that fails, is left to the ordinary writes. Returns the moves made.
    private func renameMovedDirectories(_ changes: ChangeSet) -> [(from: String, to: String)] {
        var renamed: [(from: String, to: String)] = []
        let removed = Set(changes.removedDirectories.map { Substring($0) })
        for move in changes.movedDirectories {
            guard !Self.lies(move.to + "/", below: removed) else { continue }
            let parent = (root + "/" + move.to as NSString).deletingLastPathComponent
            var info = stat()
            guard lstat(root + "/" + move.to, &info) != 0, errno == ENOENT,
                (try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)) != nil,
                rename(root + "/" + move.from, root + "/" + move.to) == 0
            else { continue }
            renamed.append(move)
        }
        return renamed
    }

    /// True when one of `directories` is an ancestor of `path` (a look-up per ancestor).
    static func lies(_ path: String, below directories: Set<Substring>) -> Bool {
        !directories.isEmpty && nearestDirectory(of: path, where: directories.contains) != nil
    }

    /// The bytes `changes` puts at `path`, nil for a removal.
    private func contents(of path: String, in changes: ChangeSet) throws(WorkspaceError) -> [UInt8]? {
        if let written = changes.files[path] { return written }
        guard let blob = changes.copies[path] else { return nil }
        return try git { () throws(GitError) in try repository.blob(blob) }
    }

    /// Finishes a write that an earlier process left half done: the branch moved to its commit
    /// but the work tree and index were not (fully) brought up to date before it died.
    ///
    /// Each path the journal names is restored from HEAD only when its work-tree content is
    /// what the commit replaced (or what HEAD already holds, or absent where it was absent):
    /// nobody's edit can be lost, since both contents are in history. Any other content is left
    /// alone and reported with what to do. A journal whose commit never landed on the branch
    /// means the work tree was never touched; it is simply dropped.
    func finishInterruptedWrite() throws(WorkspaceError) {
        let journalPath = WriteJournal.path(gitDirectory: repository.gitDirectory)
        guard let journal = try WriteJournal.read(at: journalPath) else { return }
        guard let commit = ObjectID(hex: journal.commit) else {
            throw .io(
                path: journalPath, message: "names no commit (\(journal.commit.debugDescription)); remove it after checking `git status`")
        }
        let previous = journal.base.flatMap { ObjectID(hex: $0) }
        let current = try git { () throws(GitError) in try repository.referenceTarget(journal.branch) }
        var landed = current == commit
        if !landed, let current {
            // A commit that no longer exists (pruned by `git gc`) cannot be on the branch.
            if (try? repository.commit(commit)) != nil {
                landed = try git { () throws(GitError) in try repository.isAncestor(commit, of: current) }
            }
        }
        guard landed, let current else {
            try WriteJournal.remove(at: journalPath)
            return
        }
        let headTree = try git { () throws(GitError) in try repository.commit(current).tree }
        let oldTree = try previous.map { id throws(WorkspaceError) in try git { () throws(GitError) in try repository.commit(id).tree } }
        var restore = ChangeSet()
        var conflicts: [String] = []
        for path in journal.paths where Self.isSafeRelativePath(path) {
            try refuseUnsafePath(path)
            unlink(Self.temporaryName(for: root + "/" + path))
            let head = try blobID(at: path, in: headTree)
            let old = try oldTree.map { tree throws(WorkspaceError) in try blobID(at: path, in: tree) } ?? nil
            let work = try workTreeBlobID(root + "/" + path)
            guard work == .some(head) || work == .some(old) else {
                conflicts.append(path)
                continue
            }
            if let head {
                restore.write(path, try git { () throws(GitError) in try repository.blob(head) })
            } else {
                restore.remove(path)
            }
        }
        for directory in journal.removedDirectories where Self.isSafeRelativePath(directory) {
            guard try git({ () throws(GitError) in try repository.entry(at: directory, inTree: headTree) }) == nil else { continue }
            var clean = true
            for relative in FileManager.default.subpaths(atPath: root + "/" + directory) ?? [] {
                let path = directory + "/" + relative
                var info = stat()
                if lstat(root + "/" + path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { continue }
                let old = try oldTree.map { tree throws(WorkspaceError) in try blobID(at: path, in: tree) } ?? nil
                let work = try workTreeBlobID(root + "/" + path)
                if old == nil || work != .some(old) {
                    conflicts.append(path)
                    clean = false
                }
            }
            if clean { restore.removeDirectory(directory) }
        }
        guard conflicts.isEmpty else { throw .interruptedWrite(journal: journalPath, commit: commit, conflicts: conflicts) }
        if !restore.isEmpty { try update(restore, committed: commit) }
        try WriteJournal.remove(at: journalPath)
    }

    /// Writes a file through a temporary file in the same directory, renamed over the target,
    /// so a reader never sees half a file. The temporary file has a name of our own
    /// (`.NAME.welltree-tmp`), so one left behind by a killed process is recognised and removed
    /// by `finishInterruptedWrite` (a write only happens while a journal exists).
    static func writeAtomically(_ bytes: [UInt8], to full: String, path: String) throws(WorkspaceError) {
        let temporary = temporaryName(for: full)
        unlink(temporary)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o666)
        guard fd >= 0 else { throw .io(path: path, message: String(cString: strerror(errno))) }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, $0.count - written) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else {
                let message = String(cString: strerror(errno))
                close(fd)
                unlink(temporary)
                throw .io(path: path, message: message)
            }
            written += n
        }
        close(fd)
        guard rename(temporary, full) == 0 else {
            let message = String(cString: strerror(errno))
            unlink(temporary)
            throw .io(path: path, message: message)
        }
    }

    /// The temporary file `writeAtomically` uses for `full`.
    static func temporaryName(for full: String) -> String {
        let directory = (full as NSString).deletingLastPathComponent
        return directory + "/." + (full as NSString).lastPathComponent + ".welltree-tmp"
    }

    /// The blob at `path` in a tree, or nil when there is none (or something other than a file).
    private func blobID(at path: String, in tree: ObjectID) throws(WorkspaceError) -> ObjectID? {
        guard let entry = try git({ () throws(GitError) in try repository.entry(at: path, inTree: tree) }) else { return nil }
        return entry.kind == .blob || entry.kind == .executable ? entry.id : nil
    }

    /// The blob id of a work-tree file: `.some(nil)` when nothing is there, nil when something
    /// other than a regular file is (which matches no committed content).
    private func workTreeBlobID(_ full: String) throws(WorkspaceError) -> ObjectID?? {
        var info = stat()
        guard lstat(full, &info) == 0 else { return .some(nil) }
        guard info.st_mode & S_IFMT == S_IFREG, let data = FileManager.default.contents(atPath: full) else { return nil }
        return .some(try git { () throws(GitError) in try repository.blobID(of: Array(data)) })
    }

    private func removeEmptyParents(of path: String) {
        var directory = (path as NSString).deletingLastPathComponent
        while directory.count > root.count, directory.hasPrefix(root + "/") {
            guard let contents = try? FileManager.default.contentsOfDirectory(atPath: directory), contents.isEmpty else { return }
            try? FileManager.default.removeItem(atPath: directory)
            directory = (directory as NSString).deletingLastPathComponent
        }
    }


    /// Writes a work-tree file through a temporary file and a rename. The temporary file is
    /// created exclusively and never through a symbolic link, so a link planted at its name (a
    /// committed file, a hostile merge) is replaced, not written through.
    func writeFile(_ path: String, _ bytes: [UInt8]) throws(WorkspaceError) {
        let full = root + "/" + path
        let directory = (full as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .io(path: path, message: error.localizedDescription)
        }
        try Self.writeAtomically(bytes, to: full, path: path)
    }


    /// Removes a work-tree file if it exists.
    func removeFile(_ path: String) throws(WorkspaceError) {
        let full = root + "/" + path
        if unlink(full) != 0, errno != ENOENT {
            throw .io(path: path, message: String(cString: strerror(errno)))
        }
    }
}
