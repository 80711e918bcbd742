import Foundation
import TestSupport
import Testing

/// Lens versions, notifications and upgrades through the built binary.
@Suite("Lens upgrades (end to end)")
struct LensUpgradeEndToEndTests {
    static let workload = Sandbox.tutorialName
    static let alias = "readiness-review"

    /// The tutorial workload reviewed with version 1.0 of the readiness lens, four questions answered.
    private func sandboxOnVersion1() throws -> Sandbox {
        let sandbox = try Sandbox()
        try #require(try sandbox.createTutorialWorkload().status == 0)
        let v1 = sandbox.root + "/readiness-v1.json"
        try ReadinessLens.write(ReadinessLens.version1, to: v1)
        try #require(try sandbox.welltree(["lens", "import", v1]).status == 0)
        try #require(try sandbox.welltree(["lens", "publish", Self.alias, "--version", "1.0"]).status == 0)
        try #require(try sandbox.welltree(["lens", "associate", Self.workload, Self.alias]).status == 0)
        let answers: [[String]] = [
            ["arch_retry", "--select", "arch_retry_backoff,arch_retry_sdk", "--notes", "SDK retries plus our own backoff"],
            ["arch_load_test", "--not-applicable", "--reason", "BUSINESS_PRIORITIES", "--notes", "Internal tool, no peak"],
            ["arch_legacy_dr", "--select", "arch_legacy_dr_sync"],
            ["event_recovery", "--select", "event_recovery_runbooks"],
        ]
        for answer in answers {
            let result = try sandbox.welltree(["answer", "update", Self.workload, "--lens", Self.alias] + answer)
            try #require(result.status == 0, "\(answer): \(result)")
        }
        return sandbox
    }

    private func publishVersion2(_ sandbox: Sandbox, major: Bool = true) throws {
        let v2 = sandbox.root + "/readiness-v2.json"
        try ReadinessLens.write(ReadinessLens.version2, to: v2)
        try #require(try sandbox.welltree(["lens", "import", v2]).status == 0)
        let published = try sandbox.welltree(["lens", "publish", Self.alias, "--version", "2.0", major ? "--major" : "--minor"])
        try #require(published.status == 0, "\(published)")
    }

    private func answerPath(_ question: String) -> String {
        "workloads/re/retail-website-north-america/answers/\(Self.alias)/\(question).json"
    }

    @Test func diffShowsNewUpdatedAndDeletedQuestions() throws {
        let sandbox = try sandboxOnVersion1()
        try publishVersion2(sandbox)
        let diff = try sandbox.welltree(["lens", "diff", Self.alias, "--base-version", "1.0", "--format", "json"])
        #expect(diff.status == 0, "\(diff)")
        let document = try #require(try sandbox.json(diff) as? [String: Any])
        #expect(document["TargetLensVersion"] as? String == "2.0")
        let pillars = try #require((document["VersionDifferences"] as? [String: Any])?["PillarDifferences"] as? [[String: Any]])
        var statuses: [String: String] = [:]
        for pillar in pillars {
            for question in pillar["QuestionDifferences"] as? [[String: Any]] ?? [] {
                statuses[question["QuestionId"] as? String ?? ""] = question["DifferenceStatus"] as? String
            }
        }
        #expect(statuses == ["arch_retry": "UPDATED", "arch_legacy_dr": "DELETED", "event_recovery": "UPDATED", "event_budget_alerts": "NEW"])
        // Every version stays retrievable.
        let old = try sandbox.welltree(["lens", "export", Self.alias, "--version", "1.0"])
        #expect(old.stdout.contains("arch_legacy_dr"))
    }

    @Test func majorVersionMakesWorkloadsNotCurrentAndUpgradeMovesAnswers() throws {
        let sandbox = try sandboxOnVersion1()
        try publishVersion2(sandbox)

        let notifications = try sandbox.welltree(["notifications", "--format", "json"])
        let summaries = try #require((try sandbox.json(notifications) as? [String: Any])?["NotificationSummaries"] as? [[String: Any]])
        #expect(summaries.count == 1)
        #expect(summaries.first?["Status"] as? String == "NOT_CURRENT")
        let upgrade = try #require(summaries.first?["LensUpgradeSummary"] as? [String: Any])
        #expect(upgrade["CurrentLensVersion"] as? String == "1.0")
        #expect(upgrade["LatestLensVersion"] as? String == "2.0")
        let status = try sandbox.welltree(["status", Self.workload, "--lens", Self.alias, "--format", "json"])
        #expect(status.stdout.contains("\"LensStatus\": \"NOT_CURRENT\""), "\(status)")

        let result = try sandbox.welltree(["lens", "upgrade", Self.workload, Self.alias, "--milestone", "Before readiness 2.0"])
        #expect(result.status == 0, "\(result)")

        // Kept: the selection of a choice that still exists, notes, not-applicable state and reason.
        let retry = try sandbox.read(answerPath("arch_retry"))
        #expect(retry.contains("arch_retry_backoff"))
        #expect(!retry.contains("arch_retry_sdk"))
        #expect(retry.contains("SDK retries plus our own backoff"))
        let loadTest = try sandbox.read(answerPath("arch_load_test"))
        #expect(loadTest.contains("BUSINESS_PRIORITIES"))
        #expect(loadTest.contains("Internal tool, no peak"))
        // Gone: the removed question's answer, and an answer whose only selection no longer exists.
        let root = sandbox.repo + "/"
        #expect(!FileManager.default.fileExists(atPath: root + answerPath("arch_legacy_dr")))
        #expect(!FileManager.default.fileExists(atPath: root + answerPath("event_recovery")))
        #expect(!FileManager.default.fileExists(atPath: root + answerPath("event_budget_alerts")))
        #expect(try sandbox.read("workloads/re/retail-website-north-america/workload.json").contains("\"version\": \"2.0\""))

        // One commit, summarised per pillar, after the milestone tag on the commit before it.
        let log = try sandbox.git(["log", "-1", "--format=%B"]).stdout
        #expect(log.hasPrefix("Upgrade lens \(Self.alias) of \(Self.workload) from 1.0 to 2.0"))
        #expect(log.contains("Architecture: 2 answers kept; selections dropped: arch_retry (arch_retry_sdk); removed: arch_legacy_dr (answer deleted)"))
        #expect(log.contains("Event management: 1 answer kept; selections dropped: event_recovery (event_recovery_runbooks); new: event_budget_alerts"))
        let tag = try #require(try sandbox.git(["tag", "-l", "welltree/*"]).stdout.split(separator: "\n").first.map(String.init))
        #expect(try sandbox.git(["rev-parse", tag + "^{commit}"]).stdout == (try sandbox.git(["rev-parse", "HEAD~1"]).stdout))
        #expect(try sandbox.git(["cat-file", "-e", "\(tag):" + answerPath("arch_legacy_dr")]).status == 0)
        #expect(try sandbox.git(["status", "--porcelain"]).stdout.isEmpty)

        let answers = try sandbox.welltree(["answer", "show", Self.workload, "event_budget_alerts", "--lens", Self.alias, "--format", "json"])
        #expect(answers.stdout.contains("\"Risk\": \"UNANSWERED\""), "\(answers)")
        #expect(try sandbox.welltree(["notifications"]).stdout.contains("current version"))
        let after = try sandbox.welltree(["status", Self.workload, "--lens", Self.alias, "--format", "json"])
        #expect(after.stdout.contains("\"LensStatus\": \"CURRENT\""))
        let again = try sandbox.welltree(["lens", "upgrade", Self.workload, Self.alias, "--milestone", "Another"])
        #expect(again.status == 2)
    }

    @Test func minorVersionAppliesWithoutNotification() throws {
        let sandbox = try sandboxOnVersion1()
        try publishVersion2(sandbox, major: false)
        #expect(try sandbox.welltree(["notifications", "--format", "json"]).stdout.contains("\"NotificationSummaries\": []"))
        let status = try sandbox.welltree(["status", Self.workload, "--lens", Self.alias, "--format", "json"])
        #expect(status.stdout.contains("\"LensVersion\": \"2.0\""))
        #expect(status.stdout.contains("\"LensStatus\": \"CURRENT\""))
    }

    @Test func deletedLensIsNotifiedAndCannotBeUpgraded() throws {
        let sandbox = try sandboxOnVersion1()
        try #require(try sandbox.welltree(["lens", "delete", Self.alias]).status == 0)
        let text = try sandbox.welltree(["notifications"])
        #expect(text.stdout.contains("Deleted"))
        #expect(text.stdout.contains("None"))
        let json = try sandbox.welltree(["notifications", "--format", "json"])
        #expect(json.stdout.contains("\"Status\": \"DELETED\""))
        #expect(!json.stdout.contains("LatestLensVersion"))
        let upgrade = try sandbox.welltree(["lens", "upgrade", Self.workload, Self.alias, "--milestone", "Before nothing"])
        #expect(upgrade.status == 2)
        #expect(try sandbox.git(["tag", "-l"]).stdout.isEmpty)
    }

    @Test func upgradeIsForTheOwnerOnly() throws {
        let sandbox = try sandboxOnVersion1()
        try publishVersion2(sandbox)
        sandbox.principal = "bob@example.com"
        let result = try sandbox.welltree(["lens", "upgrade", Self.workload, Self.alias, "--milestone", "Not mine"])
        #expect(result.status == 2)
        #expect(try sandbox.git(["tag", "-l"]).stdout.isEmpty)
    }

    @Test func newerBuiltinFrameworkVersionArrivesThroughInitAndUpgrades() throws {
        let sandbox = try Sandbox()
        try #require(try sandbox.createTutorialWorkload().status == 0)
        try #require(try sandbox.welltree(["answer", "update", Self.workload, "priorities", "--select", "ops_priorities_ext_cust_needs"]).status == 0)
        try #require(try sandbox.welltree(["answer", "update", Self.workload, "ops-model", "--none"]).status == 0)

        // A newer Welltree's template: framework 2.0 drops "priorities" and adds a question.
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("workspace-template").path
        let template = sandbox.root + "/template"
        try FileManager.default.copyItem(atPath: source, toPath: template)
        let lensDirectory = template + "/lenses/wellarchitected"
        var lens = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: lensDirectory + "/versions/1.0.json"))) as? [String: Any])
        var pillars = try #require(lens["pillars"] as? [[String: Any]])
        var questions = try #require(pillars[0]["questions"] as? [[String: Any]])
        var added = questions[0]
        questions.removeFirst()
        added["id"] = "ops-new-practice"
        added["title"] = "How do you adopt new operational practices?"
        questions.append(added)
        pillars[0]["questions"] = questions
        lens["pillars"] = pillars
        try JSONSerialization.data(withJSONObject: lens, options: [.prettyPrinted, .sortedKeys])
            .write(to: URL(fileURLWithPath: lensDirectory + "/versions/2.0.json"))
        var record = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: lensDirectory + "/lens.json"))) as? [String: Any])
        var versions = try #require(record["versions"] as? [[String: Any]])
        versions.append(["version": "2.0", "isMajor": true, "createdAt": "2027-01-01T00:00:00Z"])
        record["versions"] = versions
        try JSONSerialization.data(withJSONObject: record, options: [.prettyPrinted, .sortedKeys])
            .write(to: URL(fileURLWithPath: lensDirectory + "/lens.json"))
        sandbox.extraEnvironment["WELLTREE_TEMPLATE"] = template

        let initialised = try sandbox.welltree(["init"])
        #expect(initialised.status == 0, "\(initialised)")
        // The new version's file is part of adding the version, not a missing workspace file.
        #expect(try sandbox.git(["log", "-1", "--format=%B"]).stdout == "Add built-in lens versions: wellarchitected 2.0\n")
        #expect(try sandbox.read("lenses/wellarchitected/lens.json").contains("\"2.0\""))
        #expect(try sandbox.welltree(["init"]).stdout.contains("up to date"))

        let notifications = try sandbox.welltree(["notifications"])
        #expect(notifications.stdout.contains("Not current"), "\(notifications)")
        let upgrade = try sandbox.welltree(["lens", "upgrade", Self.workload, "wellarchitected", "--milestone", "Framework 1.0 review"])
        #expect(upgrade.status == 0, "\(upgrade)")
        let answers = "workloads/re/retail-website-north-america/answers/wellarchitected/"
        #expect(!FileManager.default.fileExists(atPath: sandbox.repo + "/" + answers + "priorities.json"))
        #expect(FileManager.default.fileExists(atPath: sandbox.repo + "/" + answers + "ops-model.json"))
        let status = try sandbox.welltree(["status", Self.workload, "--format", "json"])
        #expect(status.stdout.contains("\"LensVersion\": \"2.0\""))
        #expect(status.stdout.contains("\"LensStatus\": \"CURRENT\""))
    }

    /// A workspace made before the built-in lenses' version 1.1 (which has improvement plans that
    /// state the risk a missing practice carries) gets it from `welltree init`, and its workloads
    /// use it at once, without an upgrade, because it is a minor version. Version 1.0 stays as it
    /// was published.
    @Test func builtinMinorVersionArrivesThroughInitAndAppliesByItself() throws {
        // The template as a Welltree before 1.1 shipped it: only version 1.0 of each lens.
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("workspace-template").path
        let sandbox = try Sandbox(initialise: false)
        let older = sandbox.root + "/older-template"
        try FileManager.default.copyItem(atPath: source, toPath: older)
        for alias in ["wellarchitected", "serverless", "softwareasaservice", "foundationaltechnicalreview"] {
            let directory = older + "/lenses/" + alias
            try FileManager.default.removeItem(atPath: directory + "/versions/1.1.json")
            var record = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: directory + "/lens.json"))) as? [String: Any])
            record["versions"] = (record["versions"] as? [[String: Any]])?.filter { $0["version"] as? String == "1.0" }
            try JSONSerialization.data(withJSONObject: record, options: [.prettyPrinted, .sortedKeys])
                .write(to: URL(fileURLWithPath: directory + "/lens.json"))
        }
        sandbox.extraEnvironment["WELLTREE_TEMPLATE"] = older
        try #require(try sandbox.welltree(["init", sandbox.repo]).status == 0)
        try #require(try sandbox.createTutorialWorkload().status == 0)
        try #require(
            try sandbox.welltree(["answer", "update", Self.workload, "priorities", "--select", "ops_priorities_ext_cust_needs"]).status == 0
        )
        let before = try sandbox.welltree(["improvements", Self.workload, "--format", "json"])
        #expect(before.stdout.contains("Plan the work for 'Evaluate internal customer needs'"), "\(before)")
        let published = try sandbox.read("lenses/wellarchitected/versions/1.0.json")

        sandbox.extraEnvironment["WELLTREE_TEMPLATE"] = nil
        let initialised = try sandbox.welltree(["init"])
        #expect(initialised.status == 0, "\(initialised)")
        #expect(
            try sandbox.git(["log", "-1", "--format=%B"]).stdout == "Add built-in lens versions: foundationaltechnicalreview 1.1, "
                + "serverless 1.1, softwareasaservice 1.1, wellarchitected 1.1\n")
        #expect(try sandbox.read("lenses/wellarchitected/versions/1.0.json") == published)

        let status = try sandbox.welltree(["status", Self.workload, "--format", "json"])
        #expect(status.stdout.contains("\"LensVersion\": \"1.1\""), "\(status)")
        #expect(status.stdout.contains("\"LensStatus\": \"CURRENT\""), "\(status)")
        #expect(try sandbox.welltree(["notifications"]).stdout.contains("Not current") == false)
        let after = try sandbox.welltree(["improvements", Self.workload, "--format", "json"])
        #expect(
            after.stdout.contains(
                "OPS01-BP02 Evaluate internal customer needs. AWS rates the risk of leaving it out high. "
                    + "In Welltree's rules for this lens, without it the question stays at high risk."), "\(after)")
        #expect(!after.stdout.contains("Plan the work for"))
        // The text view shows each missing practice's plan under its title, then its link.
        let text = try sandbox.welltree(["improvements", Self.workload]).stdout
        #expect(
            text.contains(
                """
                          - Evaluate internal customer needs
                            OPS01-BP02 Evaluate internal customer needs. AWS rates the risk of leaving it out high. In Welltree's rules for this lens, without it the question stays at high risk. Guidance: its linked page in the AWS Well-Architected Framework.
                            https://docs.aws.amazon.com/wellarchitected/latest/framework/ops_priorities_int_cust_needs.html

                """), "\(text)")
    }
}
