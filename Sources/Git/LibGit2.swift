import CLibGit2

/// libgit2 is initialised once per process, on first use, and never shut down: the process owns
/// it until exit. Strict hash verification of objects read from the odb is turned off because
/// every object Welltree reads was already verified when it entered the repository (fetch,
/// index-pack or our own writes) and it doubles blob read time.
///
/// Memory is bounded for reads over a whole large repository, where a dashboard reads every
/// object once: parsed trees and commits are cached up to 4 MB of raw object size (libgit2's
/// default is 256 MB, and parsed trees take several times their raw size), and packs are mapped
/// in windows of 16 MB with at most 48 MB mapped at once (by default a whole pack is mapped,
/// and every page read through the mapping stays resident).
private let libgit2Initialised: Bool = {
    git_libgit2_init()
    welltree_set_strict_hash_verification(0)
    welltree_set_cache_max_size(4 << 20)
    welltree_set_mwindow_size(16 << 20)
    welltree_set_mwindow_mapped_limit(48 << 20)
    return true
}()

/// Whether this libgit2 was built thread-safe, so that repositories opened on different threads
/// may be used at the same time.
package let libgit2IsThreadSafe: Bool = {
    ensureLibGit2()
    return git_libgit2_features() & Int32(GIT_FEATURE_THREADS.rawValue) != 0
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
