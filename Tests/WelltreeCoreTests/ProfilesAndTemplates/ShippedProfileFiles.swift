import Foundation
import Testing

@testable import WelltreeCore

/// The profile files `welltree init` lays down, and the framework lens they refer to, read from
/// the project's workspace template.
enum ShippedProfileFiles {
    static let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func bytes(_ relative: String) throws -> [UInt8] {
        let path = projectRoot.appendingPathComponent(relative).path
        return Array(try #require(FileManager.default.contents(atPath: path), "cannot read \(path)"))
    }

    static func templateBytes() throws -> [UInt8] { try bytes("workspace-template/\(ProfileTemplate.fileName)") }
    static func prioritizationBytes() throws -> [UInt8] { try bytes("workspace-template/\(ProfilePrioritization.fileName)") }

    static func template() throws -> ProfileTemplate {
        try JSONNodeDecoder().decode(ProfileTemplate.self, from: templateBytes())
    }

    static func prioritization() throws -> ProfilePrioritization {
        try JSONNodeDecoder().decode(ProfilePrioritization.self, from: prioritizationBytes())
    }

    /// The framework lens's shipped versions, oldest first; the last is current.
    static let frameworkVersions = ["1.0", "1.1"]

    static func framework(_ version: String = frameworkVersions.last!) throws -> Lens {
        let file = "workspace-template/lenses/wellarchitected/versions/\(version).json"
        return try LensLoader.load(bytes(file), file: file, kind: .official).lens
    }

    /// A profile's answers from choice ids alone (choice ids are unique in the shipped template).
    static func answers(_ choices: [String], in template: ProfileTemplate) -> ProfileAnswers {
        var selections: [String: [String]] = [:]
        for choice in choices {
            guard let question = template.question(holdingChoice: choice) else {
                Issue.record("\(choice) is not a choice of the template")
                continue
            }
            selections[question.id, default: []].append(choice)
        }
        return ProfileAnswers(selections).normalized(to: template)
    }
}
