import CLibGit2

/// What a tree entry is.
package enum EntryKind: Sendable, Equatable {
    case blob
    case executable
    case symlink
    case tree
    case submodule
}

/// One entry of a tree, copied out of libgit2 at once.
package struct TreeEntry: Sendable, Equatable {
    package var name: String
    package var id: ObjectID
    package var kind: EntryKind

    init(_ entry: OpaquePointer) {
        name = String(cString: git_tree_entry_name(entry))
        id = ObjectID(git_tree_entry_id(entry))
        switch git_tree_entry_filemode(entry) {
        case GIT_FILEMODE_TREE: kind = .tree
        case GIT_FILEMODE_BLOB_EXECUTABLE: kind = .executable
        case GIT_FILEMODE_LINK: kind = .symlink
        case GIT_FILEMODE_COMMIT: kind = .submodule
        default: kind = .blob
        }
    }

    package init(name: String, id: ObjectID, kind: EntryKind) {
        self.name = name
        self.id = id
        self.kind = kind
    }
}

/// What a commit says about itself.
package struct CommitInfo: Sendable, Equatable {
    package var id: ObjectID
    package var tree: ObjectID
    package var parents: [ObjectID]
    package var message: String
    package var authorName: String
    package var authorEmail: String
    /// Seconds since 1970 of the commit (committer time).
    package var time: Int64
}

extension Repository {
    /// The tree and metadata of a commit.
    package func commit(_ id: ObjectID) throws(GitError) -> CommitInfo {
        var oid = id.raw
        var commit: OpaquePointer?
        try check(git_commit_lookup(&commit, handle, &oid), "git_commit_lookup", subject: id.hex)
        defer { git_commit_free(commit) }
        let author = git_commit_author(commit)!.pointee
        return CommitInfo(
            id: id,
            tree: ObjectID(git_commit_tree_id(commit)),
            parents: (0..<git_commit_parentcount(commit)).map { ObjectID(git_commit_parent_id(commit, $0)) },
            message: String(cString: git_commit_message(commit)),
            authorName: String(cString: author.name),
            authorEmail: String(cString: author.email),
            time: git_commit_time(commit)
        )
    }

    /// The entries of a tree, in git's order.
    package func treeEntries(_ id: ObjectID) throws(GitError) -> [TreeEntry] {
        var oid = id.raw
        var tree: OpaquePointer?
        try check(git_tree_lookup(&tree, handle, &oid), "git_tree_lookup", subject: id.hex)
        defer { git_tree_free(tree) }
        let count = git_tree_entrycount(tree)
        var entries: [TreeEntry] = []
        entries.reserveCapacity(count)
        for i in 0..<count {
            entries.append(TreeEntry(git_tree_entry_byindex(tree, i)))
        }
        return entries
    }

    /// The entry at a slash-separated `path` below a tree, or nil when there is none.
    package func entry(at path: String, inTree id: ObjectID) throws(GitError) -> TreeEntry? {
        var oid = id.raw
        var tree: OpaquePointer?
        try check(git_tree_lookup(&tree, handle, &oid), "git_tree_lookup", subject: id.hex)
        defer { git_tree_free(tree) }
        var entry: OpaquePointer?
        let code = git_tree_entry_bypath(&entry, tree, path)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try check(code, "git_tree_entry_bypath", subject: path)
        defer { git_tree_entry_free(entry) }
        return TreeEntry(entry!)
    }

    /// The contents of a blob.
    package func blob(_ id: ObjectID) throws(GitError) -> [UInt8] {
        var oid = id.raw
        var blob: OpaquePointer?
        try check(git_blob_lookup(&blob, handle, &oid), "git_blob_lookup", subject: id.hex)
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let raw = git_blob_rawcontent(blob) else { return [] }
        return Array(UnsafeRawBufferPointer(start: raw, count: size))
    }

    /// The size in bytes of object `id`, read from its header without inflating its content:
    /// lets a reader refuse an oversized file before reading it.
    package func objectSize(_ id: ObjectID) throws(GitError) -> Int {
        var oid = id.raw
        var size = 0
        var type = GIT_OBJECT_ANY
        try check(git_odb_read_header(&size, &type, try objectDatabase(), &oid), "git_odb_read_header", subject: id.hex)
        return size
    }

    /// Writes a blob and returns its id (writing the same bytes twice is free).
    package func writeBlob(_ bytes: [UInt8]) throws(GitError) -> ObjectID {
        var oid = git_oid()
        let code = bytes.withUnsafeBytes { git_blob_create_from_buffer(&oid, handle, $0.baseAddress, $0.count) }
        try check(code, "git_blob_create_from_buffer")
        return ObjectID(oid)
    }

    /// The id `bytes` would have as a blob, without writing anything: compares a work-tree file
    /// with a committed one by id rather than by reading both.
    package func blobID(of bytes: [UInt8]) throws(GitError) -> ObjectID {
        var oid = git_oid()
        let code = bytes.withUnsafeBytes { git_odb_hash(&oid, $0.baseAddress, $0.count, GIT_OBJECT_BLOB) }
        try check(code, "git_odb_hash")
        return ObjectID(oid)
    }

    /// True when `ancestor` is reachable from `descendant` by following parents (false for the
    /// same commit).
    package func isAncestor(_ ancestor: ObjectID, of descendant: ObjectID) throws(GitError) -> Bool {
        var a = ancestor.raw
        var d = descendant.raw
        return try check(git_graph_descendant_of(handle, &d, &a), "git_graph_descendant_of", subject: descendant.hex) == 1
    }

    /// The id of the empty tree, written to the object database if needed.
    package func emptyTree() throws(GitError) -> ObjectID {
        var builder: OpaquePointer?
        try check(git_treebuilder_new(&builder, handle, nil), "git_treebuilder_new")
        defer { git_treebuilder_free(builder) }
        var oid = git_oid()
        try check(git_treebuilder_write(&oid, builder), "git_treebuilder_write")
        return ObjectID(oid)
    }
}

extension Repository {
    /// Lends the contents of a blob to `body` without copying them: for readers that scan many
    /// blobs and keep only what they compute. The buffer is valid only during the call.
    package func withBlob<T>(_ id: ObjectID, _ body: (UnsafeRawBufferPointer) -> T) throws(GitError) -> T {
        try withRawObject(id, type: GIT_OBJECT_BLOB, body)
    }

    /// Lends the raw contents of object `id`, which must be of `type`, to `body`: straight from
    /// the object database, with no object wrapper and no object-cache lookup.
    func withRawObject<T>(
        _ id: ObjectID, type: git_object_t, _ body: (UnsafeRawBufferPointer) throws(GitError) -> T
    ) throws(GitError) -> T {
        var oid = id.raw
        var object: OpaquePointer?
        try check(git_odb_read(&object, try objectDatabase(), &oid), "git_odb_read", subject: id.hex)
        defer { git_odb_object_free(object) }
        guard git_odb_object_type(object) == type else {
            let name = String(cString: git_object_type2string(type))
            throw GitError(code: GIT_EINVALIDSPEC.rawValue, function: "git_odb_read", subject: id.hex, message: "the object is not a \(name)")
        }
        let size = Int(git_odb_object_size(object))
        return try body(UnsafeRawBufferPointer(start: size > 0 ? git_odb_object_data(object) : nil, count: size))
    }

    /// Writes a tree holding exactly `entries` (names unique; git sorts them) and returns its id.
    /// Building trees bottom-up this way is much cheaper than path updates when a whole
    /// hierarchy is new.
    package func writeTree(_ entries: [TreeEntry]) throws(GitError) -> ObjectID {
        var builder: OpaquePointer?
        try check(git_treebuilder_new(&builder, handle, nil), "git_treebuilder_new")
        defer { git_treebuilder_free(builder) }
        for entry in entries {
            var oid = entry.id.raw
            let mode: git_filemode_t = switch entry.kind {
            case .blob: GIT_FILEMODE_BLOB
            case .executable: GIT_FILEMODE_BLOB_EXECUTABLE
            case .symlink: GIT_FILEMODE_LINK
            case .tree: GIT_FILEMODE_TREE
            case .submodule: GIT_FILEMODE_COMMIT
            }
            try check(git_treebuilder_insert(nil, builder, entry.name, &oid, mode), "git_treebuilder_insert", subject: entry.name)
        }
        var oid = git_oid()
        try check(git_treebuilder_write(&oid, builder), "git_treebuilder_write")
        return ObjectID(oid)
    }
}
