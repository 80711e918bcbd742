import CWelltreeBuild

/// What `welltree --version` prints: the version of these sources and, for a binary built by
/// `scripts/release`, the commit it was built from.
package enum BuildInfo {
    /// The version of Welltree, as in the file `VERSION` at the top of the source tree (a test
    /// keeps the two equal; release archives and the GitHub Action are named after it).
    package static let version = "0.1.0"

    /// The commit stamped into the binary by `scripts/release`, or nil for any other build.
    package static var commit: String? {
        let stamped = String(cString: welltree_build_commit())
        return stamped.isEmpty ? nil : stamped
    }

    /// `0.1.0 (commit 3043580e…)`, or `0.1.0 (unknown commit)` when nothing was stamped.
    package static var versionText: String {
        "\(version) (\(commit.map { "commit \($0)" } ?? "unknown commit"))"
    }
}
