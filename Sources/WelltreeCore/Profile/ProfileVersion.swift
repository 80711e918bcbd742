/// One published version of a profile: `profiles/<dir>/versions/<version>.json`, holding the
/// answers as they were published. Immutable once written, so a workload that keeps an older
/// version keeps its prioritization, and reading any version is one file.
package struct ProfileVersion: Sendable, Equatable, Codable {
    package var answers: ProfileAnswers

    package init(answers: ProfileAnswers) {
        self.answers = answers
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case answers }

    package init(from decoder: any Decoder) throws {
        try JSONNodeDecoder.refuseUnknownKeys(in: decoder, known: Set(CodingKeys.allCases.map(\.rawValue)), what: "a profile version")
        answers = try decoder.container(keyedBy: CodingKeys.self).decode(ProfileAnswers.self, forKey: .answers)
    }

    /// The API's `ProfileVersion` length.
    package static let versionLength = 1...32

    /// Whether `version` fits the API's `ProfileVersion`: 1 to 32 ASCII letters, digits or `-`
    /// (`^[A-Za-z0-9-]+$`). Welltree writes 1, 2, 3, ...
    package static func isValid(_ version: String) -> Bool {
        versionLength.contains(version.unicodeScalars.count)
            && version.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
            }
    }

    /// The version after `version`: its number plus one. Versions Welltree did not write (not a
    /// plain number) are followed by the count of versions plus one, kept unique by the caller.
    package static func next(after versions: [String]) -> String {
        let numbers = versions.compactMap { Int($0) }
        var next = max(numbers.max() ?? 0, versions.count) + 1
        while versions.contains(String(next)) { next += 1 }
        return String(next)
    }
}

/// A published version in `profile.json`: its name and when it was published.
package struct ProfileVersionRecord: Sendable, Equatable, Codable {
    package var version: String
    package var createdAt: String

    package init(version: String, createdAt: String) {
        self.version = version
        self.createdAt = createdAt
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case version, createdAt }

    package init(from decoder: any Decoder) throws {
        try JSONNodeDecoder.refuseUnknownKeys(
            in: decoder, known: Set(CodingKeys.allCases.map(\.rawValue)), what: "a profile version record")
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decode(String.self, forKey: .version)
        createdAt = try c.decode(String.self, forKey: .createdAt)
    }
}
