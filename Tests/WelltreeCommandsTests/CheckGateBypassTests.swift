import Foundation
import TestSupport
import Testing

/// The CI gate against a contributor who wants a new high-risk issue merged: each test opens a
/// pull-request branch that introduces a real HRI (the `priorities` question answered "None of
/// these") and then tries to hide it from `welltree check --base main`, as a pull request on a
/// host without server hooks could. Every attempt must fail the gate: exit 1 with the reason as
/// a finding, or exit 2 when the branch cannot be evaluated.
@Suite("welltree check: gate bypasses")
struct CheckGateBypassTests {
    static let workload = Sandbox.tutorialName
    static let directory = "workloads/re/retail-website-north-america"
    /// The current version of the framework lens as `welltree init` lays it down.
    static let currentFramework: String = {
        let template = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("workspace-template/lenses/wellarchitected/lens.json")
        let record = try? JSONSerialization.jsonObject(with: Data(contentsOf: template)) as? [String: Any]
        return ((record?["versions"] as? [[String: Any]])?.last?["version"] as? String) ?? "1.0"
    }()
    static let frameworkVersion = "lenses/wellarchitected/versions/\(currentFramework).json"
    /// A minor version after the current one, which no Welltree ships.
    static let nextFramework = currentFramework + ".9"
    static let columns = ["Attempt", "Expected", "Observed"]

    /// main with the tutorial workload (priorities answered well), branch `change` checked out.
    static func sandbox() throws -> Sandbox {
        let sandbox = try Sandbox()
        try #require(try sandbox.createTutorialWorkload().status == 0)
        try #require(try sandbox.welltree(["answer", "update", workload, "priorities", "--select", allPriorities]).status == 0)
        try sandbox.git(["checkout", "-q", "-b", "change"])
        return sandbox
    }

    static let allPriorities = [
        "ops_priorities_ext_cust_needs", "ops_priorities_int_cust_needs", "ops_priorities_governance_reqs",
        "ops_priorities_compliance_reqs", "ops_priorities_eval_threat_landscape", "ops_priorities_eval_tradeoffs",
    ].joined(separator: ",")

    /// Answers `priorities` with "None of these": an HRI under the framework lens as shipped.
    static func introduceHRI(_ sandbox: Sandbox) throws {
        let result = try sandbox.welltree(["answer", "update", workload, "priorities", "--none"])
        try #require(result.status == 0, "\(result)")
    }

    /// Runs the check as CI does, records the outcome for RELIABILITY.md, and returns it.
    @discardableResult
    static func gate(_ sandbox: Sandbox, _ attempt: String, expected: String, format: String = "json") throws -> RunResult {
        let result = try sandbox.welltree(["check", "--base", "main", "--format", format])
        let verdict = result.stderr.split(separator: "\n").first.map(String.init) ?? ""
        ReliabilityLog.record("Gate bypasses", columns: columns, [attempt, expected, "exit \(result.status): \(verdict)"])
        return result
    }

    /// The integrity findings of a JSON check result, as (kind, file).
    static func integrity(_ sandbox: Sandbox, _ result: RunResult) throws -> [(kind: String, file: String)] {
        let json = try #require(try sandbox.json(result) as? [String: Any], "\(result)")
        return (json["integrity"] as? [[String: Any]] ?? []).map { ($0["kind"] as? String ?? "", $0["file"] as? String ?? "") }
    }

    /// Questions of the JSON result's findings, with the rules that judged them.
    static func findings(_ sandbox: Sandbox, _ result: RunResult) throws -> [(question: String, rules: String?)] {
        let json = try #require(try sandbox.json(result) as? [String: Any], "\(result)")
        return (json["findings"] as? [[String: Any]] ?? []).map { ($0["questionId"] as? String ?? "", $0["rules"] as? String) }
    }

    /// The framework lens with the `default` rule of `priorities` turned to NO_RISK.
    static func weakenedFrameworkLens(_ sandbox: Sandbox) throws -> Data {
        var lens = try sandbox.readJSON(frameworkVersion)
        var pillars = lens["pillars"] as! [[String: Any]]
        var questions = pillars[0]["questions"] as! [[String: Any]]
        questions[0]["riskRules"] = [["condition": "default", "risk": "NO_RISK"]]
        pillars[0]["questions"] = questions
        lens["pillars"] = pillars
        return try JSONSerialization.data(withJSONObject: lens, options: [.prettyPrinted, .sortedKeys])
    }

    // MARK: (a) a published version edited

    @Test func editingAPublishedBuiltInLensVersionFails() throws {
        let sandbox = try Self.sandbox()
        try sandbox.writeData(Self.frameworkVersion, try Self.weakenedFrameworkLens(sandbox))
        try sandbox.commitAll("Relax priorities")
        try Self.introduceHRI(sandbox)
        let result = try Self.gate(
            sandbox, "published version of the framework lens edited (default rule of priorities -> NO_RISK)",
            expected: "exit 1: published version changed, built-in lens modified, HRI under main's lens")
        #expect(result.status == 1, "\(result)")
        let kinds = try Self.integrity(sandbox, result)
        #expect(kinds.contains { $0.kind == "PUBLISHED_VERSION_CHANGED" && $0.file == Self.frameworkVersion }, "\(result)")
        #expect(kinds.contains { $0.kind == "BUILTIN_LENS_MODIFIED" && $0.file == Self.frameworkVersion }, "\(result)")
        #expect(try Self.findings(sandbox, result).contains { $0.question == "priorities" && $0.rules == "base" }, "\(result)")
    }

    /// Even with no risk moved, a changed published version fails on its own.
    @Test func editingAPublishedVersionFailsWithoutAnyRiskChange() throws {
        let sandbox = try Self.sandbox()
        try sandbox.writeData(Self.frameworkVersion, try Self.weakenedFrameworkLens(sandbox))
        try sandbox.commitAll("Relax priorities")
        let result = try Self.gate(sandbox, "published version edited, no answer changed", expected: "exit 1: published version changed")
        #expect(result.status == 1, "\(result)")
        #expect(try Self.integrity(sandbox, result).contains { $0.kind == "PUBLISHED_VERSION_CHANGED" }, "\(result)")
    }

    @Test func removingAPublishedVersionFails() throws {
        let sandbox = try Self.sandbox()
        try sandbox.git(["checkout", "-q", "main"])
        try publishCustomLens(sandbox, version: "1.0", defaultRisk: "HIGH_RISK")
        try publishCustomLens(sandbox, version: "2.0", defaultRisk: "HIGH_RISK", major: false)
        try sandbox.git(["checkout", "-q", "-B", "change"])
        try sandbox.git(["rm", "-q", "lenses/gate-lens/versions/1.0.json"])
        try sandbox.editJSON("lenses/gate-lens/lens.json") { record in
            record["versions"] = (record["versions"] as! [[String: Any]]).filter { $0["version"] as? String != "1.0" }
        }
        try sandbox.commitAll("Drop 1.0")
        let result = try Self.gate(
            sandbox, "published version of a custom lens removed (file and lens.json entry)",
            expected: "exit 1: published version removed")
        #expect(result.status == 1, "\(result)")
        #expect(try Self.integrity(sandbox, result).contains { $0.kind == "PUBLISHED_VERSION_REMOVED" }, "\(result)")
    }

    /// A published profile version moves which questions count as prioritized for every
    /// workload on it: a branch may publish a new version, never rewrite or drop one.
    @Test(arguments: ["edited", "removed"])
    func changingAPublishedProfileVersionFails(_ variant: String) throws {
        let sandbox = try Self.sandbox()
        try sandbox.git(["checkout", "-q", "main"])
        let created = try ProfileCommandTests.createProfile(sandbox)
        try #require(created.status == 0, "\(created)")
        try #require(try sandbox.welltree(["profile", "associate", Self.workload, ProfileCommandTests.name]).status == 0)
        try sandbox.git(["checkout", "-q", "-B", "change"])
        let version = "profiles/customer-facing-launching/versions/1.json"
        try #require(FileManager.default.fileExists(atPath: sandbox.repo + "/" + version))
        if variant == "edited" {
            try sandbox.editJSON(version) { file in
                var answers = file["answers"] as? [String: Any] ?? [:]
                answers["welltree-improvement-priorities"] = ["priority-cost"]
                file["answers"] = answers
            }
        } else {
            try sandbox.git(["rm", "-q", version])
        }
        try sandbox.commitAll("Rewrite profile version 1")
        let result = try Self.gate(
            sandbox, "published profile version \(variant)", expected: "exit 1 or 2: a published profile version never changes")
        #expect(result.status != 0, "\(result)")
        if variant == "edited" {
            #expect(result.status == 1, "\(result)")
            #expect(try Self.integrity(sandbox, result).contains { $0.kind == "PUBLISHED_PROFILE_VERSION_CHANGED" && $0.file == version }, "\(result)")
        }
    }

    /// A template's version names its content: a workload records the version it was created
    /// from, and `template status` reads the template's answers by version. A branch that
    /// changes a template's answers or notes without raising the version, or lowers it, fails.
    @Test(arguments: ["answer", "notes", "lowered", "raised"])
    func changingATemplateWithoutRaisingItsVersionFails(_ variant: String) throws {
        let sandbox = try Self.sandbox()
        try sandbox.git(["checkout", "-q", "main"])
        let t = "Platform baseline"
        try #require(try sandbox.welltree(["template", "create", "--name", t, "--description", "Answers the platform team owns"]).status == 0)
        try #require(try sandbox.welltree(["template", "answer", "update", t, "identities", "--select", "sec_identities_unique"]).status == 0)
        try #require(
            try sandbox.welltree(["template", "notes", t, "--lens", "wellarchitected", "--pillar-notes", "security=Landing zone v3"]).status == 0)
        try sandbox.git(["checkout", "-q", "-B", "change"])
        let directory = "templates/platform-baseline"
        let version = try #require(try sandbox.readJSON(directory + "/template.json")["version"] as? Int)
        switch variant {
        case "answer":
            try sandbox.editJSON(directory + "/answers/wellarchitected/identities.json") { $0["selectedChoices"] = ["sec_identities_no"] }
        case "notes":
            try sandbox.editJSON(directory + "/notes/wellarchitected.json") { $0["pillarNotes"] = ["security": "Landing zone v2"] }
        case "lowered":
            try sandbox.editJSON(directory + "/template.json") { $0["version"] = version - 1 }
        default:
            // The command commits, raising the version.
            try #require(try sandbox.welltree(["template", "answer", "update", t, "identities", "--none"]).status == 0)
        }
        if variant != "raised" { try sandbox.commitAll("Change the template") }
        let result = try Self.gate(
            sandbox, "template \(variant) without a new version", expected: "exit 1: a template's version rises with its content")
        let found = try Self.integrity(sandbox, result).filter { $0.kind == "TEMPLATE_CHANGED_WITHOUT_VERSION" }
        if variant == "raised" {
            #expect(result.status == 0 && found.isEmpty, "the commands raise the version: \(result)")
        } else {
            #expect(result.status == 1, "\(result)")
            #expect(found.map(\.file) == [directory + "/template.json"], "\(result)")
        }
    }

    @Test func reorderingOrRetypingPublishedVersionsFails() throws {
        let sandbox = try Self.sandbox()
        try sandbox.git(["checkout", "-q", "main"])
        try publishCustomLens(sandbox, version: "1.0", defaultRisk: "HIGH_RISK")
        try publishCustomLens(sandbox, version: "1.1", defaultRisk: "HIGH_RISK", major: false)
        try sandbox.git(["checkout", "-q", "-B", "change"])
        try sandbox.editJSON("lenses/gate-lens/lens.json") { record in
            var versions = record["versions"] as! [[String: Any]]
            versions[1]["isMajor"] = true
            record["versions"] = versions
        }
        try sandbox.commitAll("Make 1.1 major")
        let result = try Self.gate(
            sandbox, "isMajor of a published custom lens version flipped", expected: "exit 1: published version changed")
        #expect(result.status == 1, "\(result)")
        #expect(try Self.integrity(sandbox, result).contains { $0.kind == "PUBLISHED_VERSION_CHANGED" }, "\(result)")
    }

    // MARK: (b) a weaker new version

    @Test func aWeakerMinorVersionOfTheFrameworkLensFails() throws {
        let sandbox = try Self.sandbox()
        try sandbox.writeData("lenses/wellarchitected/versions/\(Self.nextFramework).json", try Self.weakenedFrameworkLens(sandbox))
        try sandbox.editJSON("lenses/wellarchitected/lens.json") { record in
            record["versions"] =
                (record["versions"] as! [[String: Any]])
                + [["version": Self.nextFramework, "isMajor": false, "createdAt": "2026-12-31T00:00:00Z"]]
        }
        try sandbox.commitAll("Framework \(Self.nextFramework)")
        try Self.introduceHRI(sandbox)
        let result = try Self.gate(
            sandbox, "weaker minor version of the framework lens added",
            expected: "exit 1: HRI under main's lens versions; lens-rules change; built-in lens modified")
        #expect(result.status == 1, "\(result)")
        let kinds = try Self.integrity(sandbox, result)
        #expect(kinds.contains { $0.kind == "LENS_RULES_CHANGED" }, "\(result)")
        #expect(
            kinds.contains {
                $0.kind == "BUILTIN_LENS_MODIFIED" && $0.file == "lenses/wellarchitected/versions/\(Self.nextFramework).json"
            },
            "\(result)")
        #expect(try Self.findings(sandbox, result).contains { $0.question == "priorities" && $0.rules == "base" }, "\(result)")
    }

    /// The lens owner publishes a weaker minor version with Welltree's own commands: the gate
    /// judges the branch's answers by the rules main has as well.
    @Test func aWeakerMinorVersionOfACustomLensFails() throws {
        let sandbox = try Self.sandbox()
        try sandbox.git(["checkout", "-q", "main"])
        try publishCustomLens(sandbox, version: "1.0", defaultRisk: "HIGH_RISK")
        try #require(try sandbox.welltree(["lens", "associate", Self.workload, "gate-lens"]).status == 0)
        try sandbox.git(["checkout", "-q", "-B", "change"])
        try publishCustomLens(sandbox, version: "1.1", defaultRisk: "NO_RISK", major: false)
        let answered = try sandbox.welltree(["answer", "update", Self.workload, "--lens", "gate-lens", "gate_question", "--none"])
        try #require(answered.status == 0, "\(answered)")
        let result = try Self.gate(
            sandbox, "weaker minor version of a custom lens published with `lens publish`",
            expected: "exit 1: HRI under main's lens versions")
        #expect(result.status == 1, "\(result)")
        #expect(try Self.findings(sandbox, result).contains { $0.question == "gate_question" && $0.rules == "base" }, "\(result)")
    }

    @Test func aWeakerMajorVersionWithTheWorkloadMovedToItFails() throws {
        let sandbox = try Self.sandbox()
        try sandbox.git(["checkout", "-q", "main"])
        try publishCustomLens(sandbox, version: "1.0", defaultRisk: "HIGH_RISK")
        try #require(try sandbox.welltree(["lens", "associate", Self.workload, "gate-lens"]).status == 0)
        try sandbox.git(["checkout", "-q", "-B", "change"])
        try publishCustomLens(sandbox, version: "2.0", defaultRisk: "NO_RISK", major: true)
        let upgraded = try sandbox.welltree(["lens", "upgrade", Self.workload, "gate-lens", "--milestone", "Before 2.0"])
        try #require(upgraded.status == 0, "\(upgraded)")
        try #require(
            try sandbox.welltree(["answer", "update", Self.workload, "--lens", "gate-lens", "gate_question", "--none"]).status == 0)
        let result = try Self.gate(
            sandbox, "weaker major version of a custom lens published and the workload upgraded to it",
            expected: "exit 1: HRI under main's lens versions; lens-rules change")
        #expect(result.status == 1, "\(result)")
        #expect(try Self.integrity(sandbox, result).contains { $0.kind == "LENS_RULES_CHANGED" }, "\(result)")
    }

    /// main has the workload on a strict 2.0; the branch pins it back to the weaker 1.0.
    @Test func movingAWorkloadBackToAWeakerPublishedVersionFails() throws {
        let sandbox = try Self.sandbox()
        try sandbox.git(["checkout", "-q", "main"])
        try publishCustomLens(sandbox, version: "1.0", defaultRisk: "NO_RISK")
        try #require(try sandbox.welltree(["lens", "associate", Self.workload, "gate-lens"]).status == 0)
        try publishCustomLens(sandbox, version: "2.0", defaultRisk: "HIGH_RISK", major: true)
        try #require(try sandbox.welltree(["lens", "upgrade", Self.workload, "gate-lens", "--milestone", "Before 2.0"]).status == 0)
        try sandbox.git(["checkout", "-q", "-B", "change"])
        try sandbox.editJSON(Self.directory + "/workload.json") { workload in
            workload["lenses"] = (workload["lenses"] as! [[String: Any]]).map { lens in
                lens["alias"] as? String == "gate-lens" ? ["alias": "gate-lens", "version": "1.0"] : lens
            }
        }
        try sandbox.commitAll("Back to 1.0")
        try #require(
            try sandbox.welltree(["answer", "update", Self.workload, "--lens", "gate-lens", "gate_question", "--none"]).status == 0)
        let result = try Self.gate(
            sandbox, "workload pinned back to an older, weaker published version",
            expected: "exit 1: HRI under main's lens versions; lens-rules change")
        #expect(result.status == 1, "\(result)")
        #expect(try Self.findings(sandbox, result).contains { $0.question == "gate_question" && $0.rules == "base" }, "\(result)")
    }

    // MARK: (c) the framework lens removed from the workload

    @Test(arguments: ["removed", "empty", "renamed", "case"])
    func removingTheFrameworkLensFromAWorkloadFails(_ variant: String) throws {
        let sandbox = try Self.sandbox()
        try Self.introduceHRI(sandbox)
        try sandbox.editJSON(Self.directory + "/workload.json") { workload in
            switch variant {
            case "removed": workload["lenses"] = [["alias": "serverless", "version": "1.0"]]
            case "empty": workload["lenses"] = [[String: Any]]()
            case "renamed":
                workload["lenses"] = [["alias": "serverless", "version": "1.0"], ["alias": "wellarchitected-copy", "version": "1.0"]]
            default: workload["lenses"] = [["alias": "WellArchitected", "version": "1.0"]]
            }
        }
        try sandbox.commitAll("Lenses")
        let result = try Self.gate(
            sandbox, "framework lens taken off the workload in workload.json (\(variant))",
            expected: "exit 2: the workload must apply wellarchitected")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("wellarchitected"), "\(result)")
        let validate = try sandbox.welltree(["validate", "--revision", "HEAD"])
        #expect(validate.status == 2, "\(validate)")
    }

    /// Taking another lens off hides nothing: the answers are judged by main's lenses too.
    @Test func removingAnotherLensStillCountsItsNewHRIs() throws {
        let sandbox = try Self.sandbox()
        try sandbox.git(["checkout", "-q", "main"])
        try #require(try sandbox.welltree(["lens", "associate", Self.workload, "serverless"]).status == 0)
        try sandbox.git(["checkout", "-q", "-B", "change"])
        let none = try sandbox.welltree(["answer", "update", Self.workload, "--lens", "serverless", "ops_q1", "--none"])
        try #require(none.status == 0, "\(none)")
        try #require(try sandbox.welltree(["lens", "disassociate", Self.workload, "serverless"]).status == 0)
        let result = try Self.gate(
            sandbox, "serverless answered badly, then the lens taken off the workload",
            expected: "exit 1: HRI under main's lenses; lens-rules change")
        #expect(result.status == 1, "\(result)")
        #expect(try Self.integrity(sandbox, result).contains { $0.kind == "LENS_RULES_CHANGED" }, "\(result)")
    }

    // MARK: (d) two directories with one id

    @Test(arguments: ["copy", "moved-and-copied", "other-shard"])
    func aSecondDirectoryWithTheSameIdFails(_ variant: String) throws {
        let sandbox = try Self.sandbox()
        let copy = variant == "other-shard" ? "workloads/zz/zz-retail" : "workloads/re/retail-website-old"
        try FileManager.default.createDirectory(atPath: sandbox.repo + "/" + copy, withIntermediateDirectories: true)
        _ = try Run.program("cp", ["-R", sandbox.repo + "/" + Self.directory + "/.", sandbox.repo + "/" + copy])
        try sandbox.editJSON(copy + "/workload.json") { $0["name"] = "Retail Website (old)" }
        if variant == "moved-and-copied" {
            try sandbox.git(["mv", Self.directory, "workloads/re/retail-website-new"])
        }
        try sandbox.commitAll("Copy")
        let path = variant == "moved-and-copied" ? "workloads/re/retail-website-new" : Self.directory
        let answer = sandbox.repo + "/" + path + "/answers/wellarchitected/priorities.json"
        try "{\n  \"selectedChoices\": [\n    \"ops_priorities_no\"\n  ]\n}\n".write(toFile: answer, atomically: true, encoding: .utf8)
        try sandbox.commitAll("HRI")
        let result = try Self.gate(
            sandbox, "second directory with the workload's id and the old answers (\(variant))",
            expected: "exit 2: id used by two directories")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("used by"), "\(result)")
        #expect(try sandbox.welltree(["validate", "--revision", "HEAD"]).status == 2)
        #expect(try sandbox.welltree(["diff", "main", "HEAD"]).status == 2)
    }

    // MARK: Other ways around

    /// A workload directory moved into the wrong shard is no workload of the layout: the gate
    /// must not read it as gone.
    @Test func movingAWorkloadOutOfItsShardFails() throws {
        let sandbox = try Self.sandbox()
        try Self.introduceHRI(sandbox)
        try FileManager.default.createDirectory(atPath: sandbox.repo + "/workloads/zz", withIntermediateDirectories: true)
        try sandbox.git(["mv", Self.directory, "workloads/zz/retail-website-north-america"])
        try sandbox.commitAll("Move")
        let result = try Self.gate(sandbox, "workload directory moved into another shard", expected: "exit 2: misplaced directory")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("workloads/zz/retail-website-north-america"), "\(result)")
    }

    @Test func changingAWorkloadsIdFails() throws {
        let sandbox = try Self.sandbox()
        try Self.introduceHRI(sandbox)
        try sandbox.editJSON(Self.directory + "/workload.json") { $0["id"] = String(repeating: "a", count: 32) }
        try sandbox.commitAll("New id")
        let result = try Self.gate(sandbox, "workload id changed in workload.json", expected: "exit 1: new HRIs of a new id; id changed")
        #expect(result.status == 1, "\(result)")
        #expect(try Self.integrity(sandbox, result).contains { $0.kind == "WORKLOAD_ID_CHANGED" }, "\(result)")
    }

    /// Settings format 1 makes Welltree read the tree in the layout before shards.
    @Test func claimingTheLayoutBeforeShardsFails() throws {
        let sandbox = try Self.sandbox()
        try Self.introduceHRI(sandbox)
        try sandbox.editJSON("welltree.json") { $0["format"] = 1 }
        try sandbox.commitAll("Format 1")
        let result = try Self.gate(sandbox, "welltree.json format set to 1 (the layout before shards)", expected: "exit 1 or 2, never 0")
        #expect(result.status != 0, "\(result)")
    }

    @Test func aLensOfTheWorkspaceClaimingToBeAWSFails() throws {
        let sandbox = try Self.sandbox()
        try sandbox.git(["checkout", "-q", "main"])
        try publishCustomLens(sandbox, version: "1.0", defaultRisk: "NO_RISK")
        try sandbox.git(["checkout", "-q", "-B", "change"])
        try sandbox.editJSON("lenses/gate-lens/lens.json") {
            $0["type"] = "AWS_OFFICIAL"
            $0["owner"] = "AWS"
        }
        try sandbox.commitAll("Official")
        let result = try Self.gate(sandbox, "custom lens relabelled AWS_OFFICIAL", expected: "exit 1: built-in lens modified")
        #expect(result.status == 1, "\(result)")
        #expect(try Self.integrity(sandbox, result).contains { $0.kind == "BUILTIN_LENS_MODIFIED" }, "\(result)")
    }

    @Test(arguments: ["symlink", "not-json", "unknown-question", "case", "directory"])
    func anAnswerFileTheGateCannotReadFails(_ variant: String) throws {
        let sandbox = try Self.sandbox()
        let answers = sandbox.repo + "/" + Self.directory + "/answers/wellarchitected"
        switch variant {
        case "symlink":
            try FileManager.default.removeItem(atPath: answers + "/priorities.json")
            try FileManager.default.createSymbolicLink(atPath: answers + "/priorities.json", withDestinationPath: "/etc/hostname")
        case "not-json":
            try "{ \"selectedChoices\": [\"ops_priorities_no\"".write(
                toFile: answers + "/priorities.json", atomically: true, encoding: .utf8)
        case "unknown-question":
            try "{\n  \"selectedChoices\": [\n    \"ops_priorities_no\"\n  ]\n}\n".write(
                toFile: answers + "/priority.json", atomically: true, encoding: .utf8)
        case "case":
            try FileManager.default.createDirectory(
                atPath: sandbox.repo + "/" + Self.directory + "/answers/WellArchitected", withIntermediateDirectories: true)
            try "{\n  \"selectedChoices\": [\n    \"ops_priorities_no\"\n  ]\n}\n".write(
                toFile: sandbox.repo + "/" + Self.directory + "/answers/WellArchitected/priorities.json", atomically: true, encoding: .utf8)
        default:
            try FileManager.default.createDirectory(atPath: answers + "/security.json", withIntermediateDirectories: true)
            try "{}\n".write(toFile: answers + "/security.json/x", atomically: true, encoding: .utf8)
        }
        try sandbox.commitAll("Answer")
        let result = try Self.gate(sandbox, "answer file the gate cannot judge (\(variant))", expected: "exit 2 naming the file")
        #expect(result.status == 2, "\(result)")
    }

    /// Workload files the gate cannot judge: the workload file deleted with the answers kept,
    /// a lens pinned to a version that does not exist, an invalid lens.json.
    @Test(arguments: ["workload-file-deleted", "unknown-version", "lens-record-invalid"])
    func aWorkloadTheGateCannotJudgeFails(_ variant: String) throws {
        let sandbox = try Self.sandbox()
        try Self.introduceHRI(sandbox)
        switch variant {
        case "workload-file-deleted":
            try sandbox.git(["rm", "-q", Self.directory + "/workload.json"])
        case "unknown-version":
            try sandbox.editJSON(Self.directory + "/workload.json") { $0["lenses"] = [["alias": "wellarchitected", "version": "0.9"]] }
        default:
            try sandbox.writeData("lenses/wellarchitected/lens.json", Data("{\"alias\": \"wellarchitected\"".utf8))
        }
        try sandbox.commitAll("Unjudgeable")
        let result = try Self.gate(sandbox, "workload the gate cannot judge (\(variant))", expected: "exit 2 naming the file")
        #expect(result.status == 2, "\(result)")
    }

    /// A built-in lens's version as this Welltree ships it is never reported; main already
    /// holding an edited copy is reported when it came in, not again on every branch.
    @Test func anUnchangedEditedBuiltInLensOnMainIsNotReportedAgain() throws {
        let sandbox = try Self.sandbox()
        try sandbox.git(["checkout", "-q", "main"])
        try sandbox.writeData(Self.frameworkVersion, try Self.weakenedFrameworkLens(sandbox))
        try sandbox.commitAll("Edited on main")
        try sandbox.git(["checkout", "-q", "-B", "change"])
        try #require(try sandbox.welltree(["workload", "update", Self.workload, "--review-owner", "John Roe"]).status == 0)
        let result = try Self.gate(
            sandbox, "main already holds an edited framework lens; branch edits a property",
            expected: "exit 0: nothing new")
        #expect(result.status == 0, "\(result)")
        #expect(try Self.integrity(sandbox, result).isEmpty, "\(result)")
    }

    /// Every output format carries the lens findings.
    @Test(arguments: ["text", "markdown", "sarif", "junit", "github", "gitlab"])
    func lensFindingsAppearInEveryFormat(_ format: String) throws {
        let sandbox = try Self.sandbox()
        try sandbox.writeData(Self.frameworkVersion, try Self.weakenedFrameworkLens(sandbox))
        try sandbox.commitAll("Relax priorities")
        let result = try sandbox.welltree(["check", "--base", "main", "--format", format])
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains(Self.frameworkVersion), "\(format): \(result)")
        #expect(
            result.stdout.contains("published-version-changed") || result.stdout.contains("PUBLISHED_VERSION_CHANGED")
                || result.stdout.contains("Published lens version changed"), "\(format): \(result)")
        let diff = try sandbox.welltree(["diff", "main", "HEAD", "--format", format == "markdown" ? "markdown" : "text"])
        #expect(diff.stdout.contains(Self.frameworkVersion), "\(diff)")
    }

    // MARK: Helpers

    /// Publishes a version of a one-question custom lens `gate-lens` on the current branch,
    /// whose `default` rule is `defaultRisk`.
    func publishCustomLens(_ sandbox: Sandbox, version: String, defaultRisk: String, major: Bool = true) throws {
        let lens: [String: Any] = [
            "schemaVersion": "2021-11-01", "name": "Gate lens", "description": "One question",
            "pillars": [
                [
                    "id": "gate_pillar", "name": "Gate",
                    "questions": [
                        [
                            "id": "gate_question", "title": "Is the gate kept?", "description": "About the gate",
                            "choices": [
                                [
                                    "id": "gate_question_kept", "title": "Kept",
                                    "improvementPlan": ["displayText": "Keep the gate", "url": "https://example.com/gate"],
                                ],
                                ["id": "gate_question_no", "title": "None of these"],
                            ],
                            "riskRules": [
                                ["condition": "gate_question_kept", "risk": "NO_RISK"], ["condition": "default", "risk": defaultRisk],
                            ],
                        ]
                    ],
                ]
            ],
        ]
        let file = sandbox.root + "/gate-lens-\(version).json"
        try JSONSerialization.data(withJSONObject: lens, options: [.prettyPrinted, .sortedKeys]).write(to: URL(fileURLWithPath: file))
        let imported = try sandbox.welltree(["lens", "import", file, "--alias", "gate-lens"])
        try #require(imported.status == 0, "\(imported)")
        let published = try sandbox.welltree(["lens", "publish", "gate-lens", "--version", version] + (major ? ["--major"] : ["--minor"]))
        try #require(published.status == 0, "\(published)")
    }
}

extension Sandbox {
    /// Writes bytes to a file of the work tree, creating its directory.
    func writeData(_ path: String, _ data: Data) throws {
        let url = URL(fileURLWithPath: repo + "/" + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// A JSON object file of the work tree.
    func readJSON(_ path: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: repo + "/" + path))) as! [String: Any]
    }

    /// Rewrites a JSON object file of the work tree by hand, as a contributor would.
    func editJSON(_ path: String, _ change: (inout [String: Any]) -> Void) throws {
        var object = try readJSON(path)
        change(&object)
        try writeData(path, try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]))
    }

    /// Stages everything and commits.
    func commitAll(_ message: String) throws {
        try git(["add", "-A"])
        let result = try git(["commit", "-qm", message])
        precondition(result.status == 0, "git commit failed: \(result)")
    }
}
