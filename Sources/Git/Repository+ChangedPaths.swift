import CLibGit2

/// A file whose blob differs between two trees: added (`old` nil), removed (`new` nil) or changed.
package struct ChangedPath: Sendable, Equatable {
    package var path: String
    package var old: ObjectID?
    package var new: ObjectID?

    package init(path: String, old: ObjectID?, new: ObjectID?) {
        self.path = path
        self.old = old
        self.new = new
    }
}

extension Repository {
    /// The files that differ between two trees (nil for the empty tree), in path order.
    ///
    /// Subtrees with the same id are skipped without being read, so comparing two commits that
    /// touch one workload reads only that workload's directories, however large the repository.
    /// Anything that is not a tree (a symlink, a submodule) counts as a file of its own.
    package func changedPaths(from old: ObjectID?, to new: ObjectID?) throws(GitError) -> [ChangedPath] {
        var result: [ChangedPath] = []
        try compare(old: old, new: new, prefix: "", into: &result)
        return result
    }

    private func compare(old: ObjectID?, new: ObjectID?, prefix: String, into result: inout [ChangedPath]) throws(GitError) {
        if old == new { return }
        let oldEntries = try old.map { id throws(GitError) in try treeEntries(id) } ?? []
        let newEntries = try new.map { id throws(GitError) in try treeEntries(id) } ?? []
        var oldByName: [String: TreeEntry] = [:]
        for entry in oldEntries { oldByName[entry.name] = entry }
        var newByName: [String: TreeEntry] = [:]
        for entry in newEntries { newByName[entry.name] = entry }
        for name in Set(oldByName.keys).union(newByName.keys).sorted() {
            let a = oldByName[name]
            let b = newByName[name]
            if a == b { continue }
            let path = prefix + name
            let aTree = a?.kind == .tree ? a?.id : nil
            let bTree = b?.kind == .tree ? b?.id : nil
            if aTree != nil || bTree != nil {
                try compare(old: aTree, new: bTree, prefix: path + "/", into: &result)
            }
            let aFile = a?.kind == .tree ? nil : a?.id
            let bFile = b?.kind == .tree ? nil : b?.id
            if aFile != nil || bFile != nil, a?.kind != b?.kind || aFile != bFile {
                result.append(ChangedPath(path: path, old: aFile, new: bFile))
            }
        }
    }
}
