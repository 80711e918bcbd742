/// Files Welltree keeps in a repository's git directory, below `welltree/`: never in a commit
/// or the work tree, so they travel with no clone and no one reviews them.
///
/// ```
/// <common git dir>/welltree/cache/summaries-v3.bin       workload overviews (SummaryCache)
/// <common git dir>/welltree/cache/lenses-v1/<blob>.bin   imported lens versions (LensCache)
/// <common git dir>/welltree/cache/hook-workloads-v1      the server hook's workload index
/// <common git dir>/welltree/lock                         the write lock (WriteLock)
/// <git dir>/welltree/pending                             a write in progress (WriteJournal)
/// ```
///
/// Caches and the lock are shared by every work tree of the repository (they key by content,
/// or guard the refs all work trees share); the journal belongs to one work tree, whose files
/// it brings up to date.
extension Layout {
    /// The directory of Welltree's files in a git directory.
    static let gitDirectoryFolder = "welltree"

    /// The cache file or directory `name` of the repository whose common git directory is
    /// `commonDirectory`.
    package static func cache(_ name: String, commonDirectory: String) -> String {
        folder(in: commonDirectory) + "cache/" + name
    }

    /// The write lock of the repository whose common git directory is `commonDirectory`.
    static func writeLock(commonDirectory: String) -> String {
        folder(in: commonDirectory) + "lock"
    }

    /// The journal of a write in progress in the work tree whose git directory is `gitDirectory`.
    static func writeJournal(gitDirectory: String) -> String {
        folder(in: gitDirectory) + "pending"
    }

    /// `<directory>/welltree/`.
    private static func folder(in directory: String) -> String {
        (directory.hasSuffix("/") ? directory : directory + "/") + gitDirectoryFolder + "/"
    }
}
