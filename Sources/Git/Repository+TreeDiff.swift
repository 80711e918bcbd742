import CLibGit2

/// One path whose content differs between two trees: a file added, removed or modified.
package struct TreeDelta: Sendable, Equatable {
    /// Slash-separated path from the root of the compared trees.
    package var path: String
    /// The blob on the old side, nil when the path was added.
    package var old: ObjectID?
    /// The blob on the new side, nil when the path was removed.
    package var new: ObjectID?

    package init(path: String, old: ObjectID?, new: ObjectID?) {
        self.path = path
        self.old = old
        self.new = new
    }
}

extension Repository {
    /// The files that differ between two trees (nil for an empty side), in path order.
    ///
    /// A recursive walk that never enters a subtree whose id is the same on both sides: an
    /// unchanged directory costs one id comparison however many files it holds, so comparing
    /// two states of a large repository costs in proportion to what changed (plus the listing
    /// of the directories on the way down). `git_diff_tree_to_tree` would instead load every
    /// entry of every directory it visits. `prefix` restricts the walk to one subdirectory.
    package func changedFiles(from old: ObjectID?, to new: ObjectID?, under prefix: String = "") throws(GitError) -> [TreeDelta] {
        var oldRoot = old
        var newRoot = new
        if !prefix.isEmpty {
            oldRoot = try old.flatMap { tree throws(GitError) in try subtree(prefix, of: tree) }
            newRoot = try new.flatMap { tree throws(GitError) in try subtree(prefix, of: tree) }
        }
        var result: [TreeDelta] = []
        try walk(old: oldRoot, new: newRoot, path: prefix, into: &result)
        return result
    }

    private func subtree(_ path: String, of tree: ObjectID) throws(GitError) -> ObjectID? {
        guard let entry = try entry(at: path, inTree: tree), entry.kind == .tree else { return nil }
        return entry.id
    }

    private func walk(old: ObjectID?, new: ObjectID?, path: String, into result: inout [TreeDelta]) throws(GitError) {
        if old == new { return }
        let oldEntries = try old.map { id throws(GitError) in try treeEntries(id) } ?? []
        let newEntries = try new.map { id throws(GitError) in try treeEntries(id) } ?? []
        var oldByName: [String: TreeEntry] = [:]
        for entry in oldEntries { oldByName[entry.name] = entry }
        var newByName: [String: TreeEntry] = [:]
        for entry in newEntries { newByName[entry.name] = entry }
        let names = Set(oldByName.keys).union(newByName.keys).sorted()
        for name in names {
            let before = oldByName[name]
            let after = newByName[name]
            if before?.id == after?.id, before?.kind == after?.kind { continue }
            let child = path.isEmpty ? name : path + "/" + name
            let oldTree = before?.kind == .tree ? before?.id : nil
            let newTree = after?.kind == .tree ? after?.id : nil
            if oldTree != nil || newTree != nil {
                try walk(old: oldTree, new: newTree, path: child, into: &result)
            }
            let oldBlob = before?.kind == .tree ? nil : before?.id
            let newBlob = after?.kind == .tree ? nil : after?.id
            if oldBlob != nil || newBlob != nil {
                result.append(TreeDelta(path: child, old: oldBlob, new: newBlob))
            }
        }
    }
}

extension Repository {
    /// The best common ancestor of two commits (what a pull request is judged against when the
    /// target branch moved on), or nil when they share no history.
    package func mergeBase(_ one: ObjectID, _ two: ObjectID) throws(GitError) -> ObjectID? {
        var out = git_oid()
        var a = one.raw
        var b = two.raw
        let code = git_merge_base(&out, handle, &a, &b)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try check(code, "git_merge_base")
        return ObjectID(out)
    }

    /// The repository's common directory: `.git` of the main work tree, shared by linked work
    /// trees (where hooks and configuration live).
    package var commonDirectory: String {
        String(cString: git_repository_commondir(handle))
    }
}
