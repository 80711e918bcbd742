import Foundation
import Git
import WelltreeCore

extension Workspace {
    /// The files of `stored`'s directory whose work-tree content differs from the commit the
    /// workspace reads (edited, added or deleted: a hand-edited answer, a half-resolved merge,
    /// answers an interrupted review left), as repository paths in order; empty for a bare
    /// repository.
    ///
    /// Commands read the committed tree, so such edits would otherwise be ignored without a
    /// word. Only this directory is compared, each file hashed as git would store it, so the
    /// cost follows the workload's size, never the repository's (no index or status scan).
    /// Symbolic links are not followed; one in the work tree counts as a change.
    package func uncommittedFiles(of stored: StoredWorkload) throws(WorkspaceError) -> [String] {
        guard let root = workspaceRoot else { return [] }
        let directory = Layout.workloadDirectory(stored.directory)
        var committed: [String: ObjectID] = [:]
        try collect(tree: stored.tree, prefix: directory, into: &committed)
        var onDisk: [String: ObjectID?] = [:]
        collect(directory: root + "/" + directory, path: directory, into: &onDisk)
        var changed: [String] = []
        for (path, blob) in committed where onDisk[path] != .some(blob) { changed.append(path) }
        for path in onDisk.keys where committed[path] == nil && !path.hasSuffix(".welltree-tmp") { changed.append(path) }
        return changed.sorted().map { Layout.repositoryPath($0, prefix: prefix) }
    }

    /// Every file below `tree`, by path.
    private func collect(tree: ObjectID, prefix: String, into files: inout [String: ObjectID]) throws(WorkspaceError) {
        for entry in try git({ () throws(GitError) in try repository.treeEntries(tree) }) {
            let path = prefix + "/" + entry.name
            if entry.kind == .tree {
                try collect(tree: entry.id, prefix: path, into: &files)
            } else {
                files[path] = entry.id
            }
        }
    }

    /// Every entry below a work-tree directory, without following links: a regular file's blob
    /// id, nil for anything else (which matches no committed file).
    private func collect(directory full: String, path: String, into files: inout [String: ObjectID?]) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: full) else { return }
        for name in names {
            var info = stat()
            guard lstat(full + "/" + name, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                collect(directory: full + "/" + name, path: path + "/" + name, into: &files)
            case S_IFREG:
                let data = FileManager.default.contents(atPath: full + "/" + name)
                files[path + "/" + name] = data.flatMap { try? repository.blobID(of: Array($0)) }
            default:
                files[path + "/" + name] = .some(nil)
            }
        }
    }
}
