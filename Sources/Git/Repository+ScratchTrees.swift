import CLibGit2

extension Repository {
    /// Stores a tree of `entries` in this repository's scratch store and returns its id.
    ///
    /// The scratch store is an in-memory object backend read after the repository's own (its
    /// lowest priority keeps every ordinary write on disk): a tree put there is read through
    /// this `Repository` like any other object, is never written to the repository, and is gone
    /// when the `Repository` is released. For read-only views of a commit in another shape (a
    /// repository written in an older layout); nothing may commit a tree that refers to one.
    package func scratchTree(_ entries: [TreeEntry]) throws(GitError) -> ObjectID {
        let backend = try scratchBackend()
        var raw: [UInt8] = []
        for entry in entries.sorted(by: { Self.gitTreeOrder($0, $1) }) {
            raw += Array(Self.mode(of: entry.kind).utf8)
            raw.append(UInt8(ascii: " "))
            raw += Array(entry.name.utf8)
            raw.append(0)
            withUnsafeBytes(of: entry.id.raw) { raw += $0 }
        }
        var oid = git_oid()
        try check(git_odb_hash(&oid, raw, raw.count, GIT_OBJECT_TREE), "git_odb_hash")
        try check(welltree_backend_write(backend, &oid, raw, raw.count, GIT_OBJECT_TREE), "git_odb_backend.write")
        return ObjectID(oid)
    }

    private func scratchBackend() throws(GitError) -> UnsafeMutablePointer<git_odb_backend> {
        if let scratch { return scratch }
        var backend: UnsafeMutablePointer<git_odb_backend>?
        try check(git_mempack_new(&backend), "git_mempack_new")
        // Priority 0: after the packs (2) and loose objects (1), which keep taking the writes.
        try check(git_odb_add_backend(try objectDatabase(), backend, 0), "git_odb_add_backend")
        scratch = backend
        return backend!
    }

    /// Git's order of tree entries: by name bytes, a directory's name compared as if it ended in `/`.
    static func gitTreeOrder(_ a: TreeEntry, _ b: TreeEntry) -> Bool {
        var left = Array(a.name.utf8)
        var right = Array(b.name.utf8)
        if a.kind == .tree { left.append(UInt8(ascii: "/")) }
        if b.kind == .tree { right.append(UInt8(ascii: "/")) }
        return left.lexicographicallyPrecedes(right)
    }

    private static func mode(of kind: EntryKind) -> String {
        switch kind {
        case .blob: "100644"
        case .executable: "100755"
        case .symlink: "120000"
        case .tree: "40000"
        case .submodule: "160000"
        }
    }
}
