import CLibGit2

/// libgit2 is initialised once per process, on first use, and never shut down: the process owns
/// it until exit. Strict hash verification of objects read from the odb is turned off because
/// every object Welltree reads was already verified when it entered the repository (fetch,
/// index-pack or our own writes) and it doubles blob read time.
///
/// libgit2's object cache is off: Welltree reads each object of a commit about once per command
/// (a dashboard over a large repository reads every tree once), so the cache only held memory,
/// and parsed trees take several times their raw size (a 10,000-workload dashboard peaked
/// about 60 MB higher with the default 256 MB cache, about 11 MB higher with a 4 MB one).
/// Pack files keep libgit2's default of one mapping per pack: reading every answer jumps all
/// over the pack (to delta bases), and with smaller windows the unmapping and remapping cost
/// more system time than the rest of the dashboard.
private let libgit2Initialised: Bool = {
    git_libgit2_init()
    welltree_set_strict_hash_verification(0)
    welltree_set_caching(0)
    return true
}()

/// Ensures libgit2 is initialised before any call into it.
func ensureLibGit2() {
    _ = libgit2Initialised
}

/// Converts a libgit2 return code into a thrown `GitError`, reading `git_error_last()` at once
/// on the same thread (it is thread-local and may be NULL in 1.5.1).
/// The subject is only worked out on failure (formatting an object id for every successful read
/// was measurable over hundreds of thousands of reads).
@discardableResult
func check(_ code: Int32, _ function: String, subject: @autoclosure () -> String? = nil) throws(GitError) -> Int32 {
    guard code < 0 else { return code }
    throw GitError.last(code: code, function: function, subject: subject())
}
