import WelltreeCore

/// A SARIF 2.1.0 log of a check, for GitHub code scanning and other SARIF consumers.
///
/// One rule per risk level (`welltree/high-risk`, `welltree/medium-risk`); one result per
/// finding, located at the answer file's `"selectedChoices"` line, with a partial fingerprint
/// derived from workload id, lens alias and question id only, so the same risk keeps its
/// identity across runs whatever lines move.
package struct SARIFLog: Sendable, Encodable {
    package static let schema = "https://json.schemastore.org/sarif-2.1.0.json"
    package static let highRule = "welltree/high-risk"
    package static let mediumRule = "welltree/medium-risk"

    var schema = SARIFLog.schema
    var version = "2.1.0"
    var runs: [Run]

    enum CodingKeys: String, CodingKey {
        case schema = "$schema"
        case version, runs
    }

    struct Run: Sendable, Encodable {
        var tool: Tool
        var results: [Result]
        var columnKind = "unicodeCodePoints"
    }

    struct Tool: Sendable, Encodable { var driver: Driver }

    struct Driver: Sendable, Encodable {
        var name = "welltree"
        var version: String
        var informationUri = "https://docs.aws.amazon.com/wellarchitected/latest/userguide/workloads.html"
        var rules: [Rule]
    }

    struct Rule: Sendable, Encodable {
        var id: String
        var name: String
        var shortDescription: Text
        var fullDescription: Text
        var defaultConfiguration: Configuration
        var helpUri = "https://docs.aws.amazon.com/wellarchitected/latest/userguide/workloads.html"
    }

    struct Configuration: Sendable, Encodable { var level: String }
    struct Text: Sendable, Encodable { var text: String }

    struct Result: Sendable, Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Text
        var locations: [Location]
        var partialFingerprints: [String: String]
        var properties: Properties
    }

    struct Location: Sendable, Encodable { var physicalLocation: PhysicalLocation }

    struct PhysicalLocation: Sendable, Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region
    }

    struct ArtifactLocation: Sendable, Encodable {
        var uri: String
        var uriBaseId = "%SRCROOT%"
    }

    struct Region: Sendable, Encodable { var startLine: Int }

    struct Properties: Sendable, Encodable {
        var workloadId: String
        var workloadName: String
        var lens: String
        var questionId: String
        var pillarId: String
        var risk: String
        var previousRisk: String?
    }

    package init(_ result: CheckResult, toolVersion: String) {
        let rules = [
            Rule(id: Self.highRule, name: "HighRiskIssue",
                 shortDescription: Text(text: "A question of a Well-Architected review has a high risk"),
                 fullDescription: Text(text: "The answer leaves out best practices whose absence the lens rates as a high-risk issue (HRI)."),
                 defaultConfiguration: Configuration(level: "error")),
            Rule(id: Self.mediumRule, name: "MediumRiskIssue",
                 shortDescription: Text(text: "A question of a Well-Architected review has a medium risk"),
                 fullDescription: Text(text: "The answer leaves out best practices whose absence the lens rates as a medium-risk issue (MRI)."),
                 defaultConfiguration: Configuration(level: "warning")),
        ]
        let results = result.findings.map { item in
            let high = item.risk == .high
            return Result(
                ruleId: high ? Self.highRule : Self.mediumRule, ruleIndex: high ? 0 : 1, level: high ? "error" : "warning",
                message: Text(text: CheckText.message(item)),
                locations: [Location(physicalLocation: PhysicalLocation(
                    artifactLocation: ArtifactLocation(uri: item.file), region: Region(startLine: item.line)))],
                partialFingerprints: ["welltreeRisk/v1": item.fingerprint, "primaryLocationLineHash": item.fingerprint + ":1"],
                properties: Properties(
                    workloadId: item.workloadId, workloadName: item.workloadName, lens: item.lens, questionId: item.questionId,
                    pillarId: item.pillarId, risk: item.risk.rawValue, previousRisk: item.otherRisk?.rawValue))
        }
        runs = [Run(tool: Tool(driver: Driver(version: toolVersion, rules: rules)), results: results)]
    }
}
