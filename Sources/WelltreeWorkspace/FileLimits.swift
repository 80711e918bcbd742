import WelltreeCore

/// The largest size each kind of workspace file may have, in bytes: a file over it is refused
/// before it is read or parsed, so a hand edit or a push cannot make a command read hundreds of
/// megabytes (a valid file of each kind is far smaller).
///
/// Each limit is derived from the API model's limits on what the file holds, with every
/// character written in its longest JSON form (a `\uXXXX` escape pair, 12 bytes, for a code
/// point outside the Basic Multilingual Plane) and room left for indentation; canonical files
/// are a small fraction of it. `workspace-template/SCHEMA.md` (Limits) documents them.
package enum FileLimits {
    /// The longest JSON spelling of one code point: a surrogate pair of `\uXXXX` escapes.
    static let bytesPerCodePoint = 12

    /// An answer file: notes (2,084 code points) and up to 15 notes on choices marked not
    /// applicable (250 each) make 5,834 code points of text, at most 70,008 bytes; up to 20
    /// citations of a path of 400 code points (4,800 bytes) or an ASCII URL of 2,048, each with
    /// an object id, a choice id and keys, stay under 7 KB each, 140 KB together; choice ids,
    /// reasons and keys stay under 8 KB. 256 KiB.
    package static let answer = 256 * 1024

    /// `workload.json`: name, description, review owner, 50 Regions, 5 other regions, 100
    /// account ids, the design URL, industry, 50 tags, notes and 20 lenses come to about 33,600
    /// code points, at most 403 KB. 512 KiB.
    package static let workload = 512 * 1024

    /// A lens version or draft: AWS's limit for a custom lens file (`LensLimits.fileSize`).
    package static let lensVersion = LensLimits.fileSize

    /// `lens.json`: a name and alias of 128 code points and up to 100 version records of a few
    /// short fields each. 64 KiB.
    package static let lensRecord = 64 * 1024

    /// `welltree.json`: a format number, a flag and a list of pillar ids. 64 KiB.
    package static let settings = 64 * 1024

    /// `profiles/<dir>/profile.json`: a name and description of 100 code points, an owner and
    /// one record (a version and a time, under 100 bytes) per published version: 256 KiB holds
    /// more than two thousand versions.
    package static let profileRecord = 256 * 1024

    /// `profiles/<dir>/versions/<v>.json`: at most 20 questions of 20 choices, ids of 128 and 64
    /// code points: 28,160 code points, at most 338 KB. 512 KiB.
    package static let profileVersion = 512 * 1024

    /// `profile-template.json` and `profile-prioritization.json`: a template at Welltree's limits
    /// holds at most 673,280 code points (8 MB in the longest spelling); the mapping lists
    /// question ids per choice. 8 MiB.
    package static let profileData = 8 * 1024 * 1024

    /// Anything else below `workloads/`, `lenses/` or `profiles/`, which Welltree reads only to report it.
    package static let other = 512 * 1024

    /// The limit for the file at `path`, or nil for files outside the workspace layout (which
    /// Welltree does not read).
    package static func maximumSize(of path: String) -> Int? {
        if path == Layout.settings { return settings }
        if path == Layout.profileTemplate || path == Layout.profilePrioritization { return profileData }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard let first = parts.first else { return nil }
        if first == Layout.workloads {
            if parts.count == 4, parts[3] == Layout.workloadFileName { return workload }
            if parts.count >= 5, parts[3] == Layout.answersDirectoryName { return answer }
            return other
        }
        if first == Layout.templates {
            // A template answer is a workload answer; its record and notes are small.
            if parts.count >= 5, parts[2] == Layout.answersDirectoryName { return answer }
            return other
        }
        if first == Layout.lenses {
            if parts.count == 3, parts[2] == Layout.lensMetadataFileName { return lensRecord }
            if parts.count == 3, parts[2] == Layout.lensDraftFileName { return lensVersion }
            if parts.count == 4, parts[2] == Layout.lensVersionsDirectoryName { return lensVersion }
            return other
        }
        if first == Layout.profiles {
            if parts.count == 3, parts[2] == Profile.fileName { return profileRecord }
            if parts.count == 4, parts[2] == Layout.profileVersionsDirectoryName { return profileVersion }
            return other
        }
        return nil
    }
}
