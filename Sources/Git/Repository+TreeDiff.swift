import CLibGit2

/// One path whose content differs between two trees: a file (or, in `TreeComparison`, a
/// directory) added, removed or modified.
package struct TreeDelta: Sendable, Equatable {
    /// Slash-separated path from the root of the compared trees.
    package var path: String
    /// The object on the old side (a blob, or a tree for a directory), nil when the path was added.
    package var old: ObjectID?
    /// The object on the new side, nil when the path was removed.
    package var new: ObjectID?

    package init(path: String, old: ObjectID?, new: ObjectID?) {
        self.path = path
        self.old = old
        self.new = new
    }
}

/// What differs between two trees: the files, and the directories the walk entered on the way
/// to them (with their tree ids on each side), so callers can read a changed directory without
/// looking its path up again from the root.
package struct TreeComparison: Sendable, Equatable {
    /// Files added, removed or modified, in path order.
    package var files: [TreeDelta] = []
    /// Directories whose tree id differs, parents before children.
    package var directories: [TreeDelta] = []

    package init(files: [TreeDelta] = [], directories: [TreeDelta] = []) {
        self.files = files
        self.directories = directories
    }
}

extension Repository {
    /// The files that differ between two trees (nil for an empty side), in path order.
    package func changedFiles(from old: ObjectID?, to new: ObjectID?, under prefix: String = "") throws(GitError) -> [TreeDelta] {
        try compareTrees(from: old, to: new, under: prefix).files
    }

    /// The files and directories that differ between two trees (nil for an empty side).
    ///
    /// A recursive walk that never enters a subtree whose id is the same on both sides: an
    /// unchanged directory costs one id comparison however many files it holds, so comparing
    /// two states of a large repository costs in proportion to what changed (plus the listing
    /// of the directories on the way down). `git_diff_tree_to_tree` would instead load every
    /// entry of every directory it visits. `prefix` restricts the walk to one subdirectory.
    package func compareTrees(from old: ObjectID?, to new: ObjectID?, under prefix: String = "") throws(GitError) -> TreeComparison {
        var oldRoot = old
        var newRoot = new
        if !prefix.isEmpty {
            oldRoot = try old.flatMap { tree throws(GitError) in try subtree(prefix, of: tree) }
            newRoot = try new.flatMap { tree throws(GitError) in try subtree(prefix, of: tree) }
        }
        var result = TreeComparison()
        try walk(old: oldRoot, new: newRoot, path: prefix, into: &result)
        return result
    }

    private func subtree(_ path: String, of tree: ObjectID) throws(GitError) -> ObjectID? {
        guard let entry = try entry(at: path, inTree: tree), entry.kind == .tree else { return nil }
        return entry.id
    }

    private func walk(old: ObjectID?, new: ObjectID?, path: String, into result: inout TreeComparison) throws(GitError) {
        if old == new { return }
        let oldTree = try old.map { id throws(GitError) in try lookupTree(id) }
        defer { git_tree_free(oldTree) }
        let newTree = try new.map { id throws(GitError) in try lookupTree(id) }
        defer { git_tree_free(newTree) }
        // Both entry lists are in git's order, so one merge pass pairs them up; entries with the
        // same name, mode and id are skipped without copying anything out of libgit2 (a
        // directory of 10,000 workloads with one changed costs 10,000 id comparisons).
        let oldCount = oldTree.map { git_tree_entrycount($0) } ?? 0
        let newCount = newTree.map { git_tree_entrycount($0) } ?? 0
        var i = 0
        var j = 0
        while i < oldCount || j < newCount {
            let before = i < oldCount ? git_tree_entry_byindex(oldTree, i) : nil
            let after = j < newCount ? git_tree_entry_byindex(newTree, j) : nil
            let order: Int32 = if let before, let after { git_tree_entry_cmp(before, after) } else { before == nil ? 1 : -1 }
            if order == 0 {
                i += 1
                j += 1
                if git_tree_entry_filemode(before) == git_tree_entry_filemode(after),
                   git_oid_equal(git_tree_entry_id(before), git_tree_entry_id(after)) != 0 {
                    continue
                }
                try record(TreeEntry(before!), TreeEntry(after!), path: path, into: &result)
            } else if order < 0 {
                i += 1
                try record(TreeEntry(before!), nil, path: path, into: &result)
            } else {
                j += 1
                try record(nil, TreeEntry(after!), path: path, into: &result)
            }
        }
    }

    /// One differing pair of entries (same name, or one side missing): descend into trees,
    /// report files.
    private func record(_ before: TreeEntry?, _ after: TreeEntry?, path: String, into result: inout TreeComparison) throws(GitError) {
        let name = (after ?? before)!.name
        let child = path.isEmpty ? name : path + "/" + name
        let oldTree = before?.kind == .tree ? before?.id : nil
        let newTree = after?.kind == .tree ? after?.id : nil
        if oldTree != nil || newTree != nil {
            result.directories.append(TreeDelta(path: child, old: oldTree, new: newTree))
            try walk(old: oldTree, new: newTree, path: child, into: &result)
        }
        let oldBlob = before?.kind == .tree ? nil : before?.id
        let newBlob = after?.kind == .tree ? nil : after?.id
        if oldBlob != nil || newBlob != nil {
            result.files.append(TreeDelta(path: child, old: oldBlob, new: newBlob))
        }
    }

    private func lookupTree(_ id: ObjectID) throws(GitError) -> OpaquePointer {
        var oid = id.raw
        var tree: OpaquePointer?
        try check(git_tree_lookup(&tree, handle, &oid), "git_tree_lookup", subject: id.hex)
        return tree!
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
