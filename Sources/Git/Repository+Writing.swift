import CLibGit2
#if canImport(Glibc)
import Glibc
#endif

/// One change to a tree: put a blob at a path, or remove whatever is there.
package struct TreeChange: Sendable, Equatable {
    package var path: String
    /// The new blob, or nil to remove the path.
    package var blob: ObjectID?
    /// How the blob is entered: a regular file, or a symbolic link whose target is the blob
    /// (as git records one found in a work tree).
    package var kind: EntryKind

    package init(path: String, blob: ObjectID?, kind: EntryKind = .blob) {
        self.path = path
        self.blob = blob
        self.kind = kind
    }
}

/// A person and a moment, as git records authors, committers and taggers.
package struct Signature: Sendable, Equatable {
    package var name: String
    package var email: String
    /// Seconds since 1970.
    package var time: Int64
    /// Minutes east of UTC.
    package var offsetMinutes: Int32

    package init(name: String, email: String, time: Int64, offsetMinutes: Int32 = 0) {
        self.name = name
        self.email = email
        self.time = time
        self.offsetMinutes = offsetMinutes
    }

    /// The `Name <email> 1700000000 +0000` form used in commit and tag objects.
    package var raw: String {
        let sign = offsetMinutes < 0 ? "-" : "+"
        let minutes = abs(Int(offsetMinutes))
        let hh = String(minutes / 60).leftPadded(to: 2)
        let mm = String(minutes % 60).leftPadded(to: 2)
        return "\(name) <\(email)> \(time) \(sign)\(hh)\(mm)"
    }

    func withRaw<T>(_ body: (UnsafeMutablePointer<git_signature>) throws(GitError) -> T) throws(GitError) -> T {
        var pointer: UnsafeMutablePointer<git_signature>?
        try check(git_signature_new(&pointer, name, email, time, offsetMinutes), "git_signature_new", subject: email)
        defer { git_signature_free(pointer) }
        return try body(pointer!)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

extension Repository {
    /// The author and committer git would use now (user.name and user.email, or the
    /// GIT_AUTHOR_* / GIT_COMMITTER_* environment is not consulted by libgit2), or nil when
    /// the configuration does not name one.
    package func defaultSignature() throws(GitError) -> Signature? {
        var pointer: UnsafeMutablePointer<git_signature>?
        let code = git_signature_default(&pointer, handle)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try check(code, "git_signature_default")
        defer { git_signature_free(pointer) }
        let s = pointer!.pointee
        return Signature(name: String(cString: s.name), email: String(cString: s.email), time: s.when.time, offsetMinutes: s.when.offset)
    }

    /// Applies `changes` to the tree `base` (nil for an empty tree) and returns the new tree's
    /// id; nothing but objects is written. Removing a path that does not exist is a no-op, and
    /// directories left empty disappear, as in git.
    package func updatedTree(base: ObjectID?, changes: [TreeChange]) throws(GitError) -> ObjectID {
        var current: ObjectID
        if let base { current = base } else { current = try emptyTree() }
        // Only paths that exist are removed (libgit2 fails on the others). Each parent
        // directory is listed once: looking every path up from the root read a large parent
        // (10,000 workload directories) once per removal.
        var removals: [TreeChange] = []
        var listings: [Substring: Set<String>] = [:]
        for change in changes where change.blob == nil {
            let slash = change.path.lastIndex(of: "/")
            let parent = slash.map { change.path[..<$0] } ?? ""
            let name = slash.map { String(change.path[change.path.index(after: $0)...]) } ?? change.path
            if listings[parent] == nil {
                var directory: ObjectID? = current
                if !parent.isEmpty, let found = try entry(at: String(parent), inTree: current) {
                    directory = found.kind == .tree ? found.id : nil
                } else if !parent.isEmpty {
                    directory = nil
                }
                var names: Set<String> = []
                if let directory { names = Set(try treeEntries(directory).map(\.name)) }
                listings[parent] = names
            }
            if listings[parent]!.contains(name) { removals.append(change) }
        }
        let additions = changes.filter { $0.blob != nil }
        // libgit2 mishandles a removal and an addition below the same directory in one call,
        // so removals go first, in a pass of their own.
        for batch in [removals, additions] where !batch.isEmpty {
            current = try applyUpdates(base: current, changes: batch)
        }
        return current
    }

    private func applyUpdates(base: ObjectID, changes: [TreeChange]) throws(GitError) -> ObjectID {
        var baseOid = base.raw
        var tree: OpaquePointer?
        try check(git_tree_lookup(&tree, handle, &baseOid), "git_tree_lookup", subject: base.hex)
        defer { git_tree_free(tree) }
        let paths = changes.map { strdup($0.path)! }
        defer { paths.forEach { free($0) } }
        var updates = changes.enumerated().map { index, change in
            var update = git_tree_update()
            update.action = change.blob == nil ? GIT_TREE_UPDATE_REMOVE : GIT_TREE_UPDATE_UPSERT
            update.id = change.blob?.raw ?? git_oid()
            update.filemode = switch change.kind {
            case .executable: GIT_FILEMODE_BLOB_EXECUTABLE
            case .symlink: GIT_FILEMODE_LINK
            default: GIT_FILEMODE_BLOB
            }
            update.path = UnsafePointer(paths[index])
            return update
        }
        var oid = git_oid()
        let code = updates.withUnsafeMutableBufferPointer { buffer in
            git_tree_create_updated(&oid, handle, tree, buffer.count, buffer.baseAddress)
        }
        try check(code, "git_tree_create_updated")
        return ObjectID(oid)
    }

    /// Writes a commit object (no reference is touched) and returns its id.
    package func createCommit(
        tree: ObjectID, parents: [ObjectID], message: String, author: Signature, committer: Signature
    ) throws(GitError) -> ObjectID {
        var treeOid = tree.raw
        var treeObject: OpaquePointer?
        try check(git_tree_lookup(&treeObject, handle, &treeOid), "git_tree_lookup", subject: tree.hex)
        defer { git_tree_free(treeObject) }
        var parentObjects: [OpaquePointer?] = []
        defer { parentObjects.forEach { git_commit_free($0) } }
        for parent in parents {
            var oid = parent.raw
            var commit: OpaquePointer?
            try check(git_commit_lookup(&commit, handle, &oid), "git_commit_lookup", subject: parent.hex)
            parentObjects.append(commit)
        }
        var oid = git_oid()
        try author.withRaw { (authorPointer) throws(GitError) in
            try committer.withRaw { (committerPointer) throws(GitError) in
                let code = parentObjects.withUnsafeMutableBufferPointer { buffer in
                    git_commit_create(
                        &oid, handle, nil, authorPointer, committerPointer, "UTF-8", message, treeObject,
                        buffer.count, buffer.baseAddress)
                }
                try check(code, "git_commit_create")
            }
        }
        return ObjectID(oid)
    }

    /// Moves (or creates) a reference as a compare-and-swap: it must still point at `expected`
    /// (or not exist, when `expected` is nil). Throws a `GitError` whose `isModified` is true when
    /// someone else moved it first; nothing changes then.
    package func setReference(_ name: String, to target: ObjectID, expected: ObjectID?, message: String) throws(GitError) {
        var ref: OpaquePointer?
        var targetOid = target.raw
        let code: Int32
        if var expectedOid = expected?.raw {
            code = git_reference_create_matching(&ref, handle, name, &targetOid, 1, &expectedOid, message)
        } else {
            code = git_reference_create(&ref, handle, name, &targetOid, 0, message)
        }
        if code == GIT_EEXISTS.rawValue {
            throw GitError(code: GIT_EMODIFIED.rawValue, function: "git_reference_create", subject: name,
                           message: "\(name) was created by someone else")
        }
        try check(code, "git_reference_create_matching", subject: name)
        git_reference_free(ref)
    }

    /// Deletes a reference that still points at `expected` (undoing a write that could not be
    /// completed); one that moved meanwhile fails with `isModified` and stays.
    package func deleteReference(_ name: String, expected: ObjectID) throws(GitError) {
        var ref: OpaquePointer?
        try check(git_reference_lookup(&ref, handle, name), "git_reference_lookup", subject: name)
        defer { git_reference_free(ref) }
        guard let target = git_reference_target(ref), ObjectID(target.pointee) == expected else {
            throw GitError(code: GIT_EMODIFIED.rawValue, function: "git_reference_delete", subject: name, message: "\(name) was moved by someone else")
        }
        try check(git_reference_delete(ref), "git_reference_delete", subject: name)
    }

    /// Whether the work tree or index differ from HEAD at `path` (false when the path exists
    /// nowhere). Ignored files count as clean.
    package func isPathModified(_ path: String) throws(GitError) -> Bool {
        var flags: UInt32 = 0
        let code = git_status_file(&flags, handle, path)
        if code == GIT_ENOTFOUND.rawValue { return false }
        try check(code, "git_status_file", subject: path)
        return flags & ~GIT_STATUS_IGNORED.rawValue != 0
    }

    /// Paths below `prefix` that differ between HEAD, the index and the work tree (untracked
    /// files included).
    package func modifiedPaths(under prefix: String) throws(GitError) -> [String] {
        var options = git_status_options()
        try check(git_status_options_init(&options, UInt32(GIT_STATUS_OPTIONS_VERSION)), "git_status_options_init")
        options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR
        options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED.rawValue | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS.rawValue
            | GIT_STATUS_OPT_DISABLE_PATHSPEC_MATCH.rawValue
        let pattern = strdup(prefix)
        defer { free(pattern) }
        var list: OpaquePointer?
        var paths: [UnsafeMutablePointer<CChar>?] = [pattern]
        let code = paths.withUnsafeMutableBufferPointer { buffer in
            options.pathspec = git_strarray(strings: prefix.isEmpty ? nil : buffer.baseAddress, count: prefix.isEmpty ? 0 : 1)
            return git_status_list_new(&list, handle, &options)
        }
        try check(code, "git_status_list_new", subject: prefix)
        defer { git_status_list_free(list) }
        var result: [String] = []
        for i in 0..<git_status_list_entrycount(list) {
            guard let entry = git_status_byindex(list, i)?.pointee else { continue }
            let delta = entry.index_to_workdir ?? entry.head_to_index
            if let delta, let path = delta.pointee.new_file.path {
                let name = String(cString: path)
                if name.hasPrefix(prefix) { result.append(name) }
            }
        }
        return result
    }
}
