import Foundation
import Git

/// Where the state a command judges comes from.
package enum WorkspaceState: Sendable, Equatable {
    /// A commit, named by any revision git accepts.
    case revision(String)
    /// What is staged: the tree the next commit would have.
    case index
    /// The files in the work tree (staged or not, untracked included).
    case workTree

    /// How the state is named in reports.
    package var label: String {
        switch self {
        case .revision(let revision): revision
        case .index: "index"
        case .workTree: "work tree"
        }
    }
}

extension Workspace {
    /// A read-only workspace of `state` in this workspace's repository.
    ///
    /// The index and the work tree are turned into tree objects first (blobs and trees are
    /// written, no reference moves), so every comparison works on trees and can skip what did
    /// not change by id.
    package func snapshot(_ state: WorkspaceState) throws(WorkspaceError) -> Workspace {
        let snapshot = try openSnapshot(state)
        // Parsed lenses are keyed by blob id, so they hold for any commit of this repository.
        snapshot.parsed = parsed
        return snapshot
    }

    private func openSnapshot(_ state: WorkspaceState) throws(WorkspaceError) -> Workspace {
        switch state {
        case .revision(let revision):
            let commit: ObjectID
            do {
                commit = try repository.resolveCommit(revision)
            } catch {
                throw .notFound(what: "revision", name: revision, hint: "give a branch, tag or commit id (\(error.message))")
            }
            return try Workspace(repository: repository, commit: commit, prefix: prefix)
        case .index:
            guard repository.workdir != nil else { throw .bareRepository }
            let index: Index
            if let file = try indexFile() {
                index = try git { () throws(GitError) in try Index(file: file, of: repository) }
            } else {
                index = try git { () throws(GitError) in try Index(of: repository) }
            }
            let tree = try git { () throws(GitError) in try index.writeTree() }
            return try Workspace(repository: repository, tree: tree, prefix: prefix)
        case .workTree:
            return try Workspace(repository: repository, tree: try workTreeTree(), prefix: prefix)
        }
    }

    /// The index git uses in this process when it is not the repository's own: the file
    /// `GIT_INDEX_FILE` names, as git reads it (a relative path from the work tree's root, where
    /// git runs hooks). `git commit -a` and `git commit PATH` stage what they commit in a
    /// temporary index and run the pre-commit hook with it named there, while `.git/index`
    /// still holds the state before; checking that instead would pass what is committed
    /// unchecked. A name that leads to no file is refused: libgit2 would read it as an empty
    /// index, every file deleted.
    func indexFile(environment: [String: String] = ProcessInfo.processInfo.environment) throws(WorkspaceError) -> String? {
        guard let value = environment["GIT_INDEX_FILE"], !value.isEmpty else { return nil }
        let path = value.hasPrefix("/") ? value : (root ?? repository.gitDirectory) + "/" + value
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw .io(path: value, message: "GIT_INDEX_FILE names no index file (looked at \(path))")
        }
        return path
    }

    /// The whole tree of HEAD with the work tree's changes below the workspace's `workloads/`,
    /// `lenses/` and `profiles/`, its settings file and its profile data applied: only files that libgit2's status reports as changed
    /// are read.
    ///
    /// Files are taken as git would stage them and never read through a symbolic link: a
    /// symlink becomes a symlink entry (its target path, not the target's content, which every
    /// read then refuses as it refuses a committed one), and a path below a symlinked directory
    /// is absent. A file over its size limit (`FileLimits`) is refused without being read.
    package func workTreeTree() throws(WorkspaceError) -> ObjectID {
        guard let root else { throw .bareRepository }
        var changes: [TreeChange] = []
        var directories = WorkTreeDirectories(root: root)
        for part in [
            Layout.workloads + "/", Layout.lenses + "/", Layout.settings, Layout.profiles + "/", Layout.profileTemplate,
            Layout.profilePrioritization,
        ] {
            let paths = try git { () throws(GitError) in try repository.modifiedPaths(under: prefix + part) }
            for path in paths {
                switch try workTreeEntry(path, root: root, directories: &directories) {
                case .absent:
                    changes.append(TreeChange(path: path, blob: nil))
                case .file(let bytes):
                    let blob = try git { () throws(GitError) in try repository.writeBlob(bytes) }
                    changes.append(TreeChange(path: path, blob: blob))
                case .symlink(let target):
                    let blob = try git { () throws(GitError) in try repository.writeBlob(target) }
                    changes.append(TreeChange(path: path, blob: blob, kind: .symlink))
                }
            }
        }
        if changes.isEmpty, let rootTree { return rootTree }
        return try git { () throws(GitError) in try repository.updatedTree(base: rootTree, changes: changes) }
    }

    /// What a work-tree path holds, as git would stage it.
    enum WorkTreeEntry {
        case absent
        case file([UInt8])
        /// A symbolic link, with its target path (never what it points to).
        case symlink([UInt8])
    }

    /// Reads a work-tree path without following symbolic links, in it or in its directories.
    func workTreeEntry(_ path: String, root: String, directories: inout WorkTreeDirectories) throws(WorkspaceError) -> WorkTreeEntry {
        guard directories.isReal(parentOf: path) else { return .absent }
        let full = root + "/" + path
        var info = stat()
        guard lstat(full, &info) == 0 else { return .absent }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            return .absent
        case S_IFLNK:
            var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(full, &buffer, buffer.count)
            guard length >= 0 else { throw .io(path: path, message: String(cString: strerror(errno))) }
            return .symlink(Array(buffer[0..<length]))
        case S_IFREG:
            if let limit = FileLimits.maximumSize(of: path), Int(info.st_size) > limit {
                throw .fileTooLarge(path: path, size: Int(info.st_size), limit: limit)
            }
            // O_NOFOLLOW: a file swapped for a symlink after the check is refused, not followed.
            let descriptor = open(full, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
            guard descriptor >= 0 else { throw .io(path: path, message: String(cString: strerror(errno))) }
            let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            let limit = FileLimits.maximumSize(of: path) ?? Int.max
            do {
                let data = try handle.read(upToCount: limit == Int.max ? Int(info.st_size) + 1 : limit + 1) ?? Data()
                if data.count > limit { throw WorkspaceError.fileTooLarge(path: path, size: data.count, limit: limit) }
                return .file([UInt8](data))
            } catch let error as WorkspaceError {
                throw error
            } catch {
                throw .io(path: path, message: error.localizedDescription)
            }
        default:
            throw .notARegularFile(path: path, found: "a special file (a pipe, socket or device)")
        }
    }
}

/// Which directories of the work tree are real directories (not symbolic links), looked up
/// once each: a path below a symlinked directory is read as absent, as git sees it.
struct WorkTreeDirectories {
    let root: String
    private var known: [Substring: Bool] = [:]

    init(root: String) {
        self.root = root
    }

    /// Whether every directory on the way to `path` is a real directory.
    mutating func isReal(parentOf path: String) -> Bool {
        guard let slash = path.lastIndex(of: "/") else { return true }
        return isReal(directory: path[..<slash])
    }

    private mutating func isReal(directory: Substring) -> Bool {
        if let answer = known[directory] { return answer }
        var answer = true
        if let slash = directory.lastIndex(of: "/") { answer = isReal(directory: directory[..<slash]) }
        if answer {
            var info = stat()
            answer = lstat(root + "/" + directory, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
        }
        known[directory] = answer
        return answer
    }
}

extension Workspace {
    /// The files that differ between this workspace's commit and `other`.
    package func changedFiles(to other: Workspace) throws(WorkspaceError) -> [TreeDelta] {
        try git { () throws(GitError) in try repository.changedFiles(from: baseTree, to: other.baseTree) }
    }

    /// The merge base of two revisions, as a commit id, for judging a branch against the point
    /// it left its target.
    package func mergeBaseRevision(_ one: String, _ two: String) throws(WorkspaceError) -> String {
        let a = try snapshot(.revision(one)).base!
        let b = try snapshot(.revision(two)).base!
        guard let base = try git({ () throws(GitError) in try repository.mergeBase(a, b) }) else {
            throw .refused("\(one) and \(two) have no common history", subject: two)
        }
        return base.hex
    }
}
