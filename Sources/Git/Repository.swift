import CLibGit2

/// An open git repository. Owns its libgit2 handle and frees it when released.
///
/// Not shared across threads: libgit2 objects and its error state are per thread, so each
/// thread that needs a repository opens its own.
package final class Repository {
    let handle: OpaquePointer
    /// The object database, looked up once (it belongs to the repository; we hold a reference).
    private var odb: OpaquePointer?
    /// The in-memory store of `scratchTree(_:)`, once used (owned by the object database).
    var scratch: UnsafeMutablePointer<git_odb_backend>?

    init(handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        if let odb { git_odb_free(odb) }
        git_repository_free(handle)
    }

    /// The repository's object database, for reads that skip the object layer.
    func objectDatabase() throws(GitError) -> OpaquePointer {
        if let odb { return odb }
        var pointer: OpaquePointer?
        try check(git_repository_odb(&pointer, handle), "git_repository_odb")
        odb = pointer
        return pointer!
    }

    /// Opens the repository containing `path`, searching upwards like git does.
    package static func open(searchingFrom path: String) throws(GitError) -> Repository {
        ensureLibGit2()
        var pointer: OpaquePointer?
        try check(git_repository_open_ext(&pointer, path, 0, nil), "git_repository_open_ext", subject: path)
        return Repository(handle: pointer!)
    }

    /// Opens exactly the repository at `path` (a work tree or a bare repository), without searching.
    package static func open(at path: String) throws(GitError) -> Repository {
        ensureLibGit2()
        var pointer: OpaquePointer?
        try check(git_repository_open(&pointer, path), "git_repository_open", subject: path)
        return Repository(handle: pointer!)
    }

    /// Creates a repository at `path` whose unborn branch is `initialBranch`: with a work tree,
    /// or bare (the directory is the git directory) when `bare` is true.
    package static func create(at path: String, initialBranch: String = "main", bare: Bool = false) throws(GitError) -> Repository {
        ensureLibGit2()
        var options = git_repository_init_options()
        try check(git_repository_init_options_init(&options, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION)), "git_repository_init_options_init")
        options.flags = GIT_REPOSITORY_INIT_MKPATH.rawValue | (bare ? GIT_REPOSITORY_INIT_BARE.rawValue : 0)
        var pointer: OpaquePointer?
        let code = initialBranch.withCString { branch in
            options.initial_head = branch
            return git_repository_init_ext(&pointer, path, &options)
        }
        try check(code, "git_repository_init_ext", subject: path)
        return Repository(handle: pointer!)
    }

    /// The work tree's root with a trailing slash, or nil for a bare repository.
    package var workdir: String? {
        git_repository_workdir(handle).map { String(cString: $0) }
    }

    /// The `.git` directory (or the bare repository itself), with a trailing slash.
    package var gitDirectory: String {
        String(cString: git_repository_path(handle))
    }

    package var isBare: Bool { git_repository_is_bare(handle) == 1 }
    package var isShallow: Bool { git_repository_is_shallow(handle) == 1 }

    /// Where HEAD points: a branch (possibly unborn) or a detached commit.
    package enum Head: Sendable, Equatable {
        case branch(name: String, commit: ObjectID?)
        case detached(ObjectID)
    }

    /// Reads HEAD without requiring the branch to exist yet.
    package func head() throws(GitError) -> Head {
        var ref: OpaquePointer?
        try check(git_reference_lookup(&ref, handle, "HEAD"), "git_reference_lookup", subject: "HEAD")
        defer { git_reference_free(ref) }
        if git_reference_type(ref) == GIT_REFERENCE_SYMBOLIC {
            let name = String(cString: git_reference_symbolic_target(ref))
            return .branch(name: name, commit: try referenceTarget(name))
        }
        return .detached(ObjectID(git_reference_target(ref)))
    }

    /// The commit a direct reference points at, or nil when the reference does not exist.
    package func referenceTarget(_ name: String) throws(GitError) -> ObjectID? {
        var oid = git_oid()
        let code = git_reference_name_to_id(&oid, handle, name)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try check(code, "git_reference_name_to_id", subject: name)
        return ObjectID(oid)
    }

    /// Names of references matching a glob such as `refs/tags/welltree/*`.
    package func referenceNames(matching glob: String) throws(GitError) -> [String] {
        var iterator: OpaquePointer?
        try check(git_reference_iterator_glob_new(&iterator, handle, glob), "git_reference_iterator_glob_new", subject: glob)
        defer { git_reference_iterator_free(iterator) }
        var names: [String] = []
        var name: UnsafePointer<CChar>?
        while git_reference_next_name(&name, iterator) == 0, let name {
            names.append(String(cString: name))
        }
        return names.sorted()
    }

    /// Resolves any revision git accepts (`HEAD~1`, a branch, an id) to a commit id.
    package func resolveCommit(_ revision: String) throws(GitError) -> ObjectID {
        var object: OpaquePointer?
        try check(git_revparse_single(&object, handle, revision), "git_revparse_single", subject: revision)
        defer { git_object_free(object) }
        var commit: OpaquePointer?
        try check(git_object_peel(&commit, object, GIT_OBJECT_COMMIT), "git_object_peel", subject: revision)
        defer { git_object_free(commit) }
        return ObjectID(git_object_id(commit))
    }

    /// Reads a string from the repository's configuration (with the global and system files).
    package func configString(_ key: String) throws(GitError) -> String? {
        var config: OpaquePointer?
        try check(git_repository_config_snapshot(&config, handle), "git_repository_config_snapshot")
        defer { git_config_free(config) }
        var value: UnsafePointer<CChar>?
        let code = git_config_get_string(&value, config, key)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try check(code, "git_config_get_string", subject: key)
        return value.map { String(cString: $0) }
    }

    /// Reads a boolean from the configuration.
    package func configBool(_ key: String) throws(GitError) -> Bool? {
        var config: OpaquePointer?
        try check(git_repository_config_snapshot(&config, handle), "git_repository_config_snapshot")
        defer { git_config_free(config) }
        var value: Int32 = 0
        let code = git_config_get_bool(&value, config, key)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try check(code, "git_config_get_bool", subject: key)
        return value != 0
    }

    /// Where branches live among references: `refs/heads/`.
    package static let branchPrefix = "refs/heads/"

    /// `main` for `refs/heads/main`; any other reference as it is.
    package static func branchName(_ reference: String) -> String {
        reference.hasPrefix(branchPrefix) ? String(reference.dropFirst(branchPrefix.count)) : reference
    }

    /// Points HEAD at the branch `reference` (`refs/heads/main`), which need not exist yet: the
    /// next commit or push to it creates it. Refuses a name git would not accept as a branch.
    package func attachHead(to reference: String) throws(GitError) {
        var valid: Int32 = 0
        try check(git_reference_name_is_valid(&valid, reference), "git_reference_name_is_valid", subject: reference)
        guard valid == 1, reference.hasPrefix(Self.branchPrefix) else {
            throw GitError(code: GIT_EINVALIDSPEC.rawValue, function: "git_repository_set_head", subject: reference, message: "not a valid branch name")
        }
        try check(git_repository_set_head(handle, reference), "git_repository_set_head", subject: reference)
    }

    /// Sets a string in the repository's own configuration file (.git/config).
    package func setConfigString(_ key: String, _ value: String) throws(GitError) {
        var config: OpaquePointer?
        try check(git_repository_config(&config, handle), "git_repository_config")
        defer { git_config_free(config) }
        var local: OpaquePointer?
        try check(git_config_open_level(&local, config, GIT_CONFIG_LEVEL_LOCAL), "git_config_open_level")
        defer { git_config_free(local) }
        try check(git_config_set_string(local, key, value), "git_config_set_string", subject: key)
    }
}
