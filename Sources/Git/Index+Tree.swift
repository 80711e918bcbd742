import CLibGit2

extension Index {
    /// Writes the staged state as tree objects and returns the root tree's id (what the next
    /// commit would hold). Nothing but objects is written; fails while conflicts are unresolved.
    package func writeTree() throws(GitError) -> ObjectID {
        var oid = git_oid()
        try check(git_index_write_tree_to(&oid, handle, repository.handle), "git_index_write_tree_to")
        return ObjectID(oid)
    }
}
