import CLibGit2

/// libgit2 is initialised once per process, on first use, and never shut down: the process owns
/// it until exit. Strict hash verification of objects read from the odb is turned off because
/// every object Welltree reads was already verified when it entered the repository (fetch,
/// index-pack or our own writes) and it doubles blob read time.
private let libgit2Initialised: Bool = {
    git_libgit2_init()
    welltree_set_strict_hash_verification(0)
    return true
}()

/// Ensures libgit2 is initialised before any call into it.
func ensureLibGit2() {
    _ = libgit2Initialised
}

/// Converts a libgit2 return code into a thrown `GitError`, reading `git_error_last()` at once
/// on the same thread (it is thread-local and may be NULL in 1.5.1).
@discardableResult
func check(_ code: Int32, _ function: String, subject: String? = nil) throws(GitError) -> Int32 {
    guard code < 0 else { return code }
    throw GitError.last(code: code, function: function, subject: subject)
}
