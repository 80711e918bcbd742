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

    /// A risk result's identity, or an integrity result's kind (fields that do not apply are
    /// left out).
    struct Properties: Sendable, Encodable {
        var workloadId: String?
        var workloadName: String?
        var lens: String?
        var questionId: String?
        var pillarId: String?
        var risk: String?
        var previousRisk: String?
        /// `base` for a risk judged by the base's lens versions.
        var rules: String?
        /// The integrity or evidence finding's kind.
        var kind: String?
        var lensVersion: String?
        /// For an evidence finding: the best practice and the answer file citing the evidence.
        var choiceId: String?
        var answerFile: String?
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
        let integrityRules = IntegrityFinding.Kind.allCases.map { kind in
            Rule(id: kind.ruleId, name: kind.rawValue.split(separator: "_").map { $0.prefix(1) + $0.dropFirst().lowercased() }.joined(),
                 shortDescription: Text(text: kind.title),
                 fullDescription: Text(text: Self.describe(kind)),
                 defaultConfiguration: Configuration(level: kind.fails ? "error" : "note"))
        }
        var results = result.findings.map { item in
            let high = item.risk == .high
            return Result(
                ruleId: high ? Self.highRule : Self.mediumRule, ruleIndex: high ? 0 : 1, level: high ? "error" : "warning",
                message: Text(text: CheckText.message(item)),
                locations: [Location(physicalLocation: PhysicalLocation(
                    artifactLocation: ArtifactLocation(uri: item.file), region: Region(startLine: item.line)))],
                partialFingerprints: ["welltreeRisk/v1": item.fingerprint, "primaryLocationLineHash": item.fingerprint + ":1"],
                properties: Properties(
                    workloadId: item.workloadId, workloadName: item.workloadName, lens: item.lens, questionId: item.questionId,
                    pillarId: item.pillarId, risk: item.risk.rawValue, previousRisk: item.otherRisk?.rawValue, rules: item.rules))
        }
        for finding in result.integrity {
            let index = rules.count + IntegrityFinding.Kind.allCases.firstIndex(of: finding.kind)!
            results.append(Result(
                ruleId: finding.kind.ruleId, ruleIndex: index, level: finding.fails ? "error" : "note",
                message: Text(text: CheckText.message(finding)),
                locations: [Location(physicalLocation: PhysicalLocation(
                    artifactLocation: ArtifactLocation(uri: finding.file), region: Region(startLine: 1)))],
                partialFingerprints: ["welltreeIntegrity/v1": finding.fingerprint, "primaryLocationLineHash": finding.fingerprint + ":1"],
                properties: Properties(
                    workloadId: finding.workloadId, workloadName: finding.workloadName, lens: finding.lens,
                    kind: finding.kind.rawValue, lensVersion: finding.version)))
        }
        let evidenceRules = EvidenceFinding.Kind.allCases.map { kind in
            Rule(id: kind.ruleId, name: kind.rawValue.split(separator: "_").map { $0.prefix(1) + $0.dropFirst().lowercased() }.joined(),
                 shortDescription: Text(text: kind.title),
                 fullDescription: Text(text: Self.describe(kind)),
                 defaultConfiguration: Configuration(level: "warning"))
        }
        for finding in result.evidence {
            let index = rules.count + integrityRules.count + EvidenceFinding.Kind.allCases.firstIndex(of: finding.kind)!
            results.append(Result(
                ruleId: finding.kind.ruleId, ruleIndex: index, level: finding.fails ? "error" : "warning",
                message: Text(text: CheckText.message(finding)),
                locations: [Location(physicalLocation: PhysicalLocation(
                    artifactLocation: ArtifactLocation(uri: finding.file), region: Region(startLine: finding.line)))],
                partialFingerprints: ["welltreeEvidence/v1": finding.fingerprint, "primaryLocationLineHash": finding.fingerprint + ":1"],
                properties: Properties(
                    workloadId: finding.workloadId, workloadName: finding.workloadName, lens: finding.lens, questionId: finding.questionId,
                    kind: finding.kind.rawValue, choiceId: finding.choiceId, answerFile: finding.answerFile)))
        }
        // The integrity rules are listed when there are integrity or evidence results, all of
        // them so that their indices never move; the evidence rules follow them.
        var allRules = result.integrity.isEmpty && result.evidence.isEmpty ? rules : rules + integrityRules
        if !result.evidence.isEmpty { allRules += evidenceRules }
        runs = [Run(tool: Tool(driver: Driver(version: toolVersion, rules: allRules)), results: results)]
    }

    /// What an evidence rule reports, for the rule's full description.
    static func describe(_ kind: EvidenceFinding.Kind) -> String {
        switch kind {
        case .evidenceChanged: "An answer cites this file or directory as evidence, and the change modified it since the answer was last confirmed."
        case .evidenceRemoved: "An answer cites this file or directory as evidence, and the change deleted or moved it."
        }
    }

    /// What an integrity rule guards, for the rule's full description.
    static func describe(_ kind: IntegrityFinding.Kind) -> String {
        switch kind {
        case .publishedVersionChanged: "A lens version published on the base branch has other content or another record: published versions are immutable."
        case .publishedVersionRemoved: "A lens version published on the base branch was removed: published versions are immutable."
        case .builtinLensModified: "A built-in AWS lens file differs from the one this Welltree ships, or a lens claims to be AWS's."
        case .workloadIdChanged: "A workload's id changed; ids are fixed at creation and key its risks, shares and milestones."
        case .lensRulesChanged: "A lens version was added or a workload's lenses changed; the answers are judged by the base's lens versions too."
        case .publishedProfileVersionChanged: "A profile version published on the base branch was edited or removed: published profile versions are immutable."
        case .templateChangedWithoutVersion: "A review template's answers, notes or lenses changed without its version rising, or its version went down."
        }
    }
}
