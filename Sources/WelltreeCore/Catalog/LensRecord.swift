/// Who provides a lens: the API's `LensType`.
package enum LensType: String, Sendable, Codable, CaseIterable {
    case awsOfficial = "AWS_OFFICIAL"
    case customShared = "CUSTOM_SHARED"
    case customSelf = "CUSTOM_SELF"
}

/// One published version of a lens.
package struct LensVersionRecord: Sendable, Equatable, Codable {
    /// Up to 32 letters, digits and periods, unique per lens.
    package var version: String
    /// Major versions are offered to workloads as upgrades; minor ones apply automatically.
    package var isMajor: Bool
    /// When it was published, ISO 8601 in UTC.
    package var createdAt: String
    /// Set when the lens's provider declared this version outdated (AWS does so for old
    /// framework versions): workloads on it are told to upgrade more urgently than "not current".
    package var deprecatedAt: String?

    package init(version: String, isMajor: Bool, createdAt: String, deprecatedAt: String? = nil) {
        self.version = version
        self.isMajor = isMajor
        self.createdAt = createdAt
        self.deprecatedAt = deprecatedAt
    }
}

/// What the workspace knows about a lens besides its content: `lenses/<alias>/lens.json`.
///
/// The content of each version lives beside it in `versions/<version>.json`, and an unpublished
/// draft in `draft.json`, so publishing is adding a file and old versions stay retrievable.
package struct LensRecord: Sendable, Equatable, Codable {
    /// The short name workloads and commands use (`wellarchitected`, `serverless`, `my-lens`).
    package var alias: String
    /// The lens name, unique in the workspace ignoring case, spaces and punctuation.
    package var name: String
    /// Who owns it: "AWS" for built-in lenses, else the principal who imported it.
    package var owner: String
    package var type: LensType
    /// Published versions, oldest first; the last one is current.
    package var versions: [LensVersionRecord]
    /// Set when the owner deleted the lens: workloads keep it, nobody can apply it any more.
    package var deletedAt: String?
    /// When the lens was first imported (custom lenses).
    package var createdAt: String?

    package init(alias: String, name: String, owner: String, type: LensType, versions: [LensVersionRecord] = [],
                 deletedAt: String? = nil, createdAt: String? = nil) {
        self.alias = alias
        self.name = name
        self.owner = owner
        self.type = type
        self.versions = versions
        self.deletedAt = deletedAt
        self.createdAt = createdAt
    }

    /// The current (latest) published version, or nil for a lens that is still only a draft.
    package var currentVersion: LensVersionRecord? { versions.last }

    /// The version a workload on `version` is automatically moved to: the newest version
    /// reachable from it through minor versions only.
    package func latestMinor(after version: String) -> String {
        guard let start = versions.firstIndex(where: { $0.version == version }) else { return version }
        var result = version
        for record in versions[(start + 1)...] {
            if record.isMajor { break }
            result = record.version
        }
        return result
    }

    /// Lens names are unique ignoring case, spaces and punctuation, as the service normalises them.
    package static func normalizedName(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }.map(Character.init))
    }
}
