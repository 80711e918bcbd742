import CLibGit2

/// Collects every object a repository writes in memory and stores them as one pack file.
///
/// Writing hundreds of thousands of small objects one loose file each is slow (a file, a
/// directory entry and a zlib stream per object); here libgit2's in-memory object backend
/// takes the writes and `flush` hands them to the pack builder, which writes one pack and its
/// index. Only objects reachable from commits written since the last flush are packed, as
/// `git_mempack_dump` walks from those commits. Used to generate large review repositories.
///
/// The backend belongs to the repository's object database once added, so the packer keeps
/// the repository alive and never frees it; every later write of that repository goes to memory
/// until flushed.
package final class ObjectPacker {
    private let repository: Repository
    /// Owned by the repository's object database.
    private let backend: UnsafeMutablePointer<git_odb_backend>

    /// Routes the repository's object writes to memory.
    package init(_ repository: Repository) throws(GitError) {
        self.repository = repository
        var backend: UnsafeMutablePointer<git_odb_backend>?
        try check(git_mempack_new(&backend), "git_mempack_new")
        var odb: OpaquePointer?
        try check(git_repository_odb(&odb, repository.handle), "git_repository_odb")
        defer { git_odb_free(odb) }
        // Above every default backend, so writes go to memory and reads see it first.
        try check(git_odb_add_backend(odb, backend, 999), "git_odb_add_backend")
        self.backend = backend!
    }

    /// Writes the objects reachable from the commits written since the last flush as one pack
    /// with its index in `objects/pack`, then empties the memory.
    package func flush() throws(GitError) {
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        try check(git_mempack_dump(&buffer, repository.handle, backend), "git_mempack_dump")
        var odb: OpaquePointer?
        try check(git_repository_odb(&odb, repository.handle), "git_repository_odb")
        defer { git_odb_free(odb) }
        var options = git_indexer_options()
        try check(git_indexer_options_init(&options, UInt32(GIT_INDEXER_OPTIONS_VERSION)), "git_indexer_options_init")
        var indexer: OpaquePointer?
        let directory = repository.commonDirectory + "objects/pack"
        try check(git_indexer_new(&indexer, directory, 0, odb, &options), "git_indexer_new", subject: directory)
        defer { git_indexer_free(indexer) }
        var progress = git_indexer_progress()
        try check(git_indexer_append(indexer, buffer.ptr, buffer.size, &progress), "git_indexer_append")
        try check(git_indexer_commit(indexer, &progress), "git_indexer_commit")
        try check(git_mempack_reset(backend), "git_mempack_reset")
        // The pack directory changed behind libgit2's back.
        try check(git_odb_refresh(odb), "git_odb_refresh")
    }
}
