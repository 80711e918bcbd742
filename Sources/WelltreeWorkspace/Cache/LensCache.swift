import Git
import WelltreeCore

/// Lens versions imported before, kept between runs by the blob id of the version file, so a
/// command that needs a lens another command already read decodes a `LensArchive` instead of
/// parsing and validating JSON (the framework lens is ~400 KB of it).
///
/// A blob id names the file's content, so an entry can never be stale, only unused: an edited
/// lens is a new blob. The archive also records the kind the lens was validated as and its
/// blob id, so it is used only for the same file checked the same way. Only lenses that passed
/// validation are stored, so a lens with errors is parsed, and its errors reported, every time.
///
/// One file per lens version, `welltree/cache/lenses-v1/<blob id>.bin` in the git directory
/// shared by all work trees, never in the work tree or in commits. It is only an accelerator:
/// a missing, damaged, truncated or foreign file reads as a miss and is written again, write
/// failures are ignored (a read-only repository still works), and the directory is safe to
/// delete. Its version is the archive format's, increased whenever the format or the loader's
/// result changes, so files of an older Welltree are ignored.
struct LensCache {
    /// The directory name under `welltree/cache/`.
    static let directoryName = "lenses-v\(LensArchive.version)"

    /// The directory holding the files, with a trailing slash.
    let directory: String

    /// The cache of the repository whose common git directory is `commonDirectory`.
    init(commonDirectory: String) {
        directory = Layout.cache(Self.directoryName, commonDirectory: commonDirectory) + "/"
    }

    /// The file holding the lens version whose file has blob id `blob`.
    func path(_ blob: ObjectID) -> String {
        directory + blob.hex + ".bin"
    }

    /// The lens stored for `blob` as validated as `kind`, or nil.
    func lens(_ blob: ObjectID, kind: LensKind) -> Lens? {
        CacheFile.read(path(blob)).flatMap { LensArchive.decode($0, kind: kind, key: blob.bytes) }
    }

    /// Stores `lens`, imported from the blob `blob` as `kind`; failures are ignored, as the
    /// cache only accelerates.
    func store(_ lens: Lens, blob: ObjectID, kind: LensKind) {
        try? CacheFile.write(LensArchive.encode(lens, kind: kind, key: blob.bytes), to: path(blob))
    }
}
