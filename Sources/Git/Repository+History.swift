import CLibGit2

/// The kind of a git object, as a push hook needs to tell tags from commits.
package enum ObjectKind: Sendable, Equatable {
    case commit
    case tree
    case blob
    case tag
    case other
}

extension Repository {
    /// Opens the repository a git hook runs in, as git describes it in the environment: `GIT_DIR`,
    /// and in `pre-receive` the quarantine (`GIT_OBJECT_DIRECTORY` holding the pushed objects,
    /// `GIT_ALTERNATE_OBJECT_DIRECTORIES` the existing ones), so pushed objects can be read
    /// before they are accepted.
    ///
    /// Ownership validation (`safe.directory`) is turned off for this process: a server hook
    /// runs as whichever account the hosting layer uses, and the repository it is invoked on is
    /// by definition the one to judge. `path` (`welltree hook -C DIR`) names the repository
    /// instead of `GIT_DIR`; the object directories still come from the environment.
    package static func openForHook(at path: String? = nil) throws(GitError) -> Repository {
        ensureLibGit2()
        _ = welltree_set_owner_validation(0)
        var pointer: OpaquePointer?
        try check(
            git_repository_open_ext(&pointer, path, GIT_REPOSITORY_OPEN_FROM_ENV.rawValue, nil), "git_repository_open_ext",
            subject: path ?? "$GIT_DIR")
        return Repository(handle: pointer!)
    }

    /// Whether `commit` has `ancestor` in its history (a commit is not its own descendant).
    package func isDescendant(_ commit: ObjectID, of ancestor: ObjectID) throws(GitError) -> Bool {
        var one = commit.raw
        var two = ancestor.raw
        return try check(git_graph_descendant_of(handle, &one, &two), "git_graph_descendant_of", subject: commit.hex) == 1
    }

    /// The kind and raw bytes of any object, read from the object database as stored.
    package func object(_ id: ObjectID) throws(GitError) -> (kind: ObjectKind, bytes: [UInt8]) {
        var odb: OpaquePointer?
        try check(git_repository_odb(&odb, handle), "git_repository_odb")
        defer { git_odb_free(odb) }
        var oid = id.raw
        var object: OpaquePointer?
        try check(git_odb_read(&object, odb, &oid), "git_odb_read", subject: id.hex)
        defer { git_odb_object_free(object) }
        let kind: ObjectKind =
            switch git_odb_object_type(object) {
            case GIT_OBJECT_COMMIT: .commit
            case GIT_OBJECT_TREE: .tree
            case GIT_OBJECT_BLOB: .blob
            case GIT_OBJECT_TAG: .tag
            default: .other
            }
        let size = git_odb_object_size(object)
        let bytes = git_odb_object_data(object).map { Array(UnsafeRawBufferPointer(start: $0, count: size)) } ?? []
        return (kind, bytes)
    }
}
