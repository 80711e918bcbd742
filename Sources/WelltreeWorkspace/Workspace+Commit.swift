import Foundation
import Git
import WelltreeCore

extension Workspace {
    /// Commits `changes` as exactly one commit on the current branch.
    ///
    /// Order of work, so that a failure at any point leaves the repository consistent:
    /// 1. refuse if any touched file has uncommitted changes (never overwrite someone's work);
    /// 2. write blobs and trees (objects only: unreferenced if we stop here);
    /// 3. write the commit and move the branch with a compare-and-swap against `base`, so a
    ///    commit that landed meanwhile makes this one fail with nothing written;
    /// 4. bring the index and work tree up to date for the touched files.
    ///
    /// Returns the new commit, or nil when the changes leave the tree as it was (a no-op
    /// writes nothing).
    ///
    /// `allowingDirty` names paths whose work-tree changes are the very changes being committed
    /// (a review session writes its answers to the work tree first); only they skip step 1.
    @discardableResult
    package func commit(
        _ changes: ChangeSet, message: String, allowingDirty: Set<String> = []
    ) throws(WorkspaceError) -> ObjectID? {
        guard let branch else { throw .detachedHead }
        let paths = changes.paths
        if repository.workdir != nil {
            var dirty: [String] = []
            for path in paths where !allowingDirty.contains(path) {
                guard try wrap({ () throws(GitError) in try repository.isPathModified(path) }) else { continue }
                dirty.append(path)
            }
            for directory in changes.removedDirectories.sorted() {
                dirty += try wrap { () throws(GitError) in try repository.modifiedPaths(under: directory + "/") }
            }
            if !dirty.isEmpty { throw .dirty(dirty) }
        }
        var treeChanges = changes.removedDirectories.sorted().map { TreeChange(path: $0, blob: nil) }
        for path in paths {
            let contents = changes.files[path] ?? nil
            let blob = try contents.map { bytes throws(WorkspaceError) in
                try wrap { () throws(GitError) in try repository.writeBlob(bytes) }
            }
            treeChanges.append(TreeChange(path: path, blob: blob))
        }
        let tree = try wrap { () throws(GitError) in try repository.updatedTree(base: baseTree, changes: treeChanges) }
        if tree == baseTree { return nil }
        guard let signature = try wrap({ () throws(GitError) in try repository.defaultSignature() }) else {
            throw .noIdentity
        }
        let commit = try wrap { () throws(GitError) in
            try repository.createCommit(
                tree: tree, parents: base.map { [$0] } ?? [], message: message, author: signature, committer: signature)
        }
        do {
            let subject = message.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? message
            try repository.setReference(branch, to: commit, expected: base, message: "welltree: \(subject)")
        } catch {
            if error.isModified { throw .branchMoved(branch: branch) }
            throw .git(error)
        }
        setBase(commit: commit, tree: tree)
        try updateWorkTree(changes)
        return commit
    }

    /// Writes the committed files into the work tree and stages them, so `git status` is clean.
    private func updateWorkTree(_ changes: ChangeSet) throws(WorkspaceError) {
        guard let root else { return }
        let files = FileManager.default
        for path in changes.paths {
            let full = root + "/" + path
            if let bytes = changes.files[path] ?? nil {
                let directory = (full as NSString).deletingLastPathComponent
                do {
                    try files.createDirectory(atPath: directory, withIntermediateDirectories: true)
                    try Data(bytes).write(to: URL(fileURLWithPath: full), options: .atomic)
                } catch {
                    throw .io(path: path, message: error.localizedDescription)
                }
            } else {
                try? files.removeItem(atPath: full)
                removeEmptyParents(of: full, below: root)
            }
        }
        for directory in changes.removedDirectories {
            try? files.removeItem(atPath: root + "/" + directory)
            removeEmptyParents(of: root + "/" + directory, below: root)
        }
        let index = try wrap { () throws(GitError) in try Index(of: repository) }
        for directory in changes.removedDirectories {
            try wrap { () throws(GitError) in try index.removeDirectory(directory) }
        }
        for path in changes.paths {
            if changes.files[path] ?? nil != nil {
                try wrap { () throws(GitError) in try index.addFromWorkdir(path) }
            } else {
                try wrap { () throws(GitError) in try index.remove(path) }
            }
        }
        try wrap { () throws(GitError) in try index.write() }
    }

    private func removeEmptyParents(of path: String, below root: String) {
        var directory = (path as NSString).deletingLastPathComponent
        while directory.count > root.count, directory.hasPrefix(root + "/") {
            guard let contents = try? FileManager.default.contentsOfDirectory(atPath: directory), contents.isEmpty else { return }
            try? FileManager.default.removeItem(atPath: directory)
            directory = (directory as NSString).deletingLastPathComponent
        }
    }
}
