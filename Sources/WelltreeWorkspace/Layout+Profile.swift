import WelltreeCore

extension Layout {
    /// `profiles/`: one directory per profile, named by a slug of its name at creation.
    ///
    /// ```
    /// profile-template.json                      the questions a profile answers (workspace data)
    /// profile-prioritization.json                which choices prioritize which questions
    /// profiles/<dir>/profile.json                Profile: id, name, description, owner, versions
    /// profiles/<dir>/versions/<version>.json     ProfileVersion: the answers as published
    /// ```
    package static let profiles = "profiles"
    package static let profileTemplate = ProfileTemplate.fileName
    package static let profilePrioritization = ProfilePrioritization.fileName
    package static let profileVersionsDirectoryName = "versions"

    package static func profileDirectory(_ dir: String) -> String { "\(profiles)/\(dir)" }
    package static func profileFile(_ dir: String) -> String { "\(profileDirectory(dir))/\(Profile.fileName)" }
    package static func profileVersionsDirectory(_ dir: String) -> String {
        "\(profileDirectory(dir))/\(profileVersionsDirectoryName)"
    }
    package static func profileVersion(_ dir: String, _ version: String) -> String {
        "\(profileVersionsDirectory(dir))/\(version)\(jsonExtension)"
    }

    /// The profile directory a path lies in (`profiles/<dir>/...`), or nil.
    package static func profileDirectory(ofPath path: String) -> String? {
        let parts = components(path)
        return parts.count >= 3 && parts[0] == profiles ? parts[1] : nil
    }

    /// Whether `path` is a published version file of a profile (`profiles/<dir>/versions/<v>.json`),
    /// which nobody edits or deletes once written.
    package static func isProfileVersionFile(_ path: String) -> Bool {
        let parts = components(path)
        return parts.count == 4 && parts[0] == profiles && parts[2] == profileVersionsDirectoryName
    }
}
