import CLibGit2

/// The repository's index (staging area), opened for an update and written back explicitly.
package final class Index {
    let handle: OpaquePointer
    let repository: Repository

    deinit {
        git_index_free(handle)
    }

    /// Opens the index of a repository with a work tree, reading the current file from disk.
    package init(of repository: Repository) throws(GitError) {
        var pointer: OpaquePointer?
        try check(git_repository_index(&pointer, repository.handle), "git_repository_index")
        try check(git_index_read(pointer, 0), "git_index_read")
        handle = pointer!
        self.repository = repository
    }

    /// Opens the index file at `path` for `repository`: the temporary index git names in
    /// `GIT_INDEX_FILE` while `git commit -a` or `git commit PATH` runs its hooks. Only reading
    /// it (and writing its tree into the repository) is supported. libgit2 reads a missing file
    /// as an empty index: callers that must not take that for "everything deleted" check first.
    package init(file path: String, of repository: Repository) throws(GitError) {
        var pointer: OpaquePointer?
        try check(git_index_open(&pointer, path), "git_index_open", subject: path)
        handle = pointer!
        self.repository = repository
    }

    /// Stages the work-tree file at `path` (hashing it and recording its stat data).
    package func addFromWorkdir(_ path: String) throws(GitError) {
        try check(git_index_add_bypath(handle, path), "git_index_add_bypath", subject: path)
    }

    /// Unstages `path`; a path not in the index is ignored.
    package func remove(_ path: String) throws(GitError) {
        let code = git_index_remove_bypath(handle, path)
        if code == GIT_ENOTFOUND.rawValue { return }
        try check(code, "git_index_remove_bypath", subject: path)
    }

    /// Unstages everything below the directory `path`.
    package func removeDirectory(_ path: String) throws(GitError) {
        try check(git_index_remove_directory(handle, path, 0), "git_index_remove_directory", subject: path)
    }

    /// Writes the index back atomically (through index.lock).
    package func write() throws(GitError) {
        try check(git_index_write(handle), "git_index_write")
    }
}
