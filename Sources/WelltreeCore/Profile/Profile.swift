/// A profile as stored in the review repository (`profiles/<dir>/profile.json`): what the API's
/// `Profile` holds besides the answers, which live in one file per published version
/// (`ProfileVersion`).
///
/// Reading is strict: an unknown key is an error naming its JSON path. Nil optionals are left
/// out when writing.
package struct Profile: Sendable, Equatable {
    /// 32 lowercase hexadecimal digits, fixed at creation; workloads refer to the profile by it.
    package var id: String
    /// 3 to 100 characters (`ProfileName`), unique among the workspace's profiles that are not
    /// deleted, ignoring spaces and case. Fixed at creation, as UpdateProfile cannot change it.
    package var name: String
    /// 3 to 100 characters (`ProfileDescription`).
    package var description: String
    /// The principal who created it; only they (or an administrator) change it.
    package var owner: String
    /// Published versions, oldest first; the last is the latest. Never empty.
    package var versions: [ProfileVersionRecord]
    /// ISO 8601 in UTC.
    package var createdAt: String
    /// ISO 8601 in UTC: the last change of the description or the answers.
    package var updatedAt: String
    /// Set when the owner deleted it: workloads keep their version, nobody associates it again.
    package var deletedAt: String?

    package init(
        id: String, name: String, description: String, owner: String, versions: [ProfileVersionRecord], createdAt: String,
        updatedAt: String, deletedAt: String? = nil
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.owner = owner
        self.versions = versions
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.deletedAt = deletedAt
    }

    /// The file name of a profile's record in its directory.
    package static let fileName = "profile.json"

    /// The latest published version (nil only for a damaged file without versions).
    package var latestVersion: String? { versions.last?.version }

    /// Whether `version` is one of the profile's published versions.
    package func hasVersion(_ version: String) -> Bool { versions.contains { $0.version == version } }

    /// A new random profile id (as a workload id: the API's profile ARNs end in hex digits too).
    package static func newID() -> String { Workload.newID() }

    /// Whether `id` has the form of a profile id.
    package static func isValidID(_ id: String) -> Bool { Workload.isValidID(id) }
}

extension Profile: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case id, name, description, owner, versions, createdAt, updatedAt, deletedAt
    }

    package init(from decoder: any Decoder) throws {
        try JSONNodeDecoder.refuseUnknownKeys(in: decoder, known: Set(CodingKeys.allCases.map(\.rawValue)), what: "a profile")
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        description = try c.decode(String.self, forKey: .description)
        owner = try c.decode(String.self, forKey: .owner)
        versions = try c.decode([ProfileVersionRecord].self, forKey: .versions)
        createdAt = try c.decode(String.self, forKey: .createdAt)
        updatedAt = try c.decode(String.self, forKey: .updatedAt)
        deletedAt = try c.decodeIfPresent(String.self, forKey: .deletedAt)
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(description, forKey: .description)
        try c.encode(owner, forKey: .owner)
        try c.encode(versions, forKey: .versions)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(updatedAt, forKey: .updatedAt)
        try c.encodeIfPresent(deletedAt, forKey: .deletedAt)
    }
}
