import Git

/// The built-in lens versions this Welltree ships, as the git blob ids of their files.
///
/// The CI gate compares a branch's built-in lens files with these: a workspace can hold any
/// bytes at `lenses/wellarchitected/versions/1.0.json`, and a check run by this binary knows
/// what AWS's lens, as Welltree ships it, contains without finding its template on disk (CI
/// installs only the executable). `ShippedLensesTests` recomputes the ids from
/// `workspace-template/lenses/`, so the table cannot fall behind the files; regenerate it with
/// `scripts/generate-builtin-lenses.py --blob-ids` after changing them.
package enum ShippedLenses {
    /// Blob id (hex) of each shipped version file, by alias and version.
    package static let versionBlobs: [String: [String: String]] = [
        "foundationaltechnicalreview": [
            "1.0": "97267a153fd88fac57abfbb716e91f91fc5caca2", "1.1": "77000b465ccb6700104174774ecb7c84f891462f",
        ],
        "serverless": ["1.0": "f5099d2811dccc31751040c0fe84600812800bac", "1.1": "17466cf53fdbaa1db059c52b614374d260ae9e45"],
        "softwareasaservice": [
            "1.0": "698131bb76b06377742ca3eb3ef3293a5fc9487f", "1.1": "c69db4e918545ebbfc23ada0885b9cd089a7b1e6",
        ],
        "wellarchitected": ["1.0": "e3e1ed9fdd31d70fddcbb6031c5813fb398f2a5a", "1.1": "ec35dc084a98d25c3a285b4da9226d2b2879740e"],
    ]

    /// The blob id of the shipped file of `alias` at `version`, or nil when this Welltree ships
    /// no such version.
    package static func blob(_ alias: String, version: String) -> ObjectID? {
        versionBlobs[alias]?[version].flatMap { ObjectID(hex: $0) }
    }
}
