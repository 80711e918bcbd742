import Foundation
import TestSupport
import Testing

/// Templates that keep working: `template status` and `template apply` (Welltree's own), and
/// `template upgrade` (UpgradeReviewTemplateLensReview).
@Suite("Review templates that keep working")
struct TemplateFollowTests {
    static let t = ReviewTemplateCommandTests.t
    static let a = "Payments API"
    static let b = "Orders API"

    static func create(_ sandbox: Sandbox, _ name: String) throws {
        let result = try sandbox.welltree([
            "workload", "create", "--name", name, "--description", "Created from the platform baseline", "--review-owner", "Jane Doe",
            "--environment", "production", "--aws-region", "us-east-1", "--template", t,
        ])
        try #require(result.status == 0, "\(result)")
    }

    static func answer(_ sandbox: Sandbox, _ workload: String, _ question: String) throws -> [String: Any] {
        let result = try sandbox.welltree(["answer", "show", workload, question, "--format", "json"])
        return try #require((try sandbox.json(result) as? [String: Any])?["Answer"] as? [String: Any])
    }

    static func states(_ sandbox: Sandbox) throws -> [String: [String: String]] {
        let result = try sandbox.welltree(["template", "status", t, "--format", "json"])
        #expect(result.status == 0, "\(result)")
        var states: [String: [String: String]] = [:]
        for workload in (try sandbox.json(result) as? [String: Any])?["Workloads"] as? [[String: Any]] ?? [] {
            let name = workload["WorkloadName"] as? String ?? ""
            states[name] = [:]
            for question in workload["Questions"] as? [[String: Any]] ?? [] {
                states[name]?[question["QuestionId"] as? String ?? ""] = question["State"] as? String
            }
        }
        return states
    }

    /// Two workloads from the template at version 3; B's reviewers answer identities themselves;
    /// then the template changes identities and answers backing-up-data.
    static func diverged() throws -> Sandbox {
        let sandbox = try ReviewTemplateCommandTests.withTemplate()
        try create(sandbox, a)
        try create(sandbox, b)
        try #require(try sandbox.welltree(["answer", "update", b, "identities", "--select", "sec_identities_unique", "--notes", "Our own IdP"]).status == 0)
        try #require(
            try sandbox.welltree(["template", "answer", "update", t, "identities", "--select", "sec_identities_identity_provider,sec_identities_unique,sec_identities_audit"]).status == 0)
        try #require(
            try sandbox.welltree(["template", "answer", "update", t, "backing-up-data", "--select", "rel_backing_up_data_automated_backups_data"]).status == 0)
        return sandbox
    }

    @Test("status: OUTDATED where a workload still holds an old template answer (or none), OVERRIDDEN where its reviewers answered")
    func status() throws {
        let sandbox = try Self.diverged()
        let states = try Self.states(sandbox)
        #expect(states[Self.a] == ["identities": "OUTDATED", "backing-up-data": "OUTDATED"], "\(states)")
        #expect(states[Self.b] == ["identities": "OVERRIDDEN", "backing-up-data": "OUTDATED"], "\(states)")
        let text = try sandbox.welltree(["template", "status", Self.t]).stdout
        #expect(text.contains("WORKLOAD") && text.contains("OVERRIDDEN") && text.contains("never touched"), "\(text)")
    }

    @Test("notes follow the template like answers: status compares lens and pillar notes, apply writes the outdated ones, never overridden ones")
    func notesFollowTheTemplate() throws {
        let sandbox = try ReviewTemplateCommandTests.withTemplate()
        try Self.create(sandbox, Self.a)
        try Self.create(sandbox, Self.b)
        let overridden = try sandbox.welltree(["lens", "notes", Self.b, "wellarchitected", "--pillar", "security", "--notes", "Our own landing zone"])
        try #require(overridden.status == 0, "\(overridden)")
        let changed = try sandbox.welltree(["template", "notes", Self.t, "--notes", "Platform answers, v2", "--pillar-notes", "security=Landing zone v4"])
        try #require(changed.status == 0, "\(changed)")

        let status = try sandbox.welltree(["template", "status", Self.t, "--format", "json"])
        #expect(status.status == 0, "\(status)")
        var notes: [String: [String: String]] = [:]
        for workload in (try sandbox.json(status) as? [String: Any])?["Workloads"] as? [[String: Any]] ?? [] {
            let name = workload["WorkloadName"] as? String ?? ""
            for entry in workload["Notes"] as? [[String: Any]] ?? [] {
                notes[name, default: [:]][entry["PillarId"] as? String ?? "lens"] = entry["State"] as? String
            }
        }
        #expect(notes[Self.a] == ["lens": "OUTDATED", "security": "OUTDATED"], "\(notes)")
        #expect(notes[Self.b] == ["lens": "OUTDATED", "security": "OVERRIDDEN"], "\(notes)")
        #expect(try sandbox.welltree(["template", "status", Self.t]).stdout.contains("notes/security"))

        let overriddenFile = "workloads/or/orders-api/notes/wellarchitected.json"
        let head = try sandbox.commit()
        let applied = try sandbox.welltree(["template", "apply", Self.t, "--workloads", Self.a, Self.b, "--format", "json"])
        #expect(applied.status == 0, "\(applied)")
        #expect(try sandbox.git(["rev-list", "--count", "\(head!)..HEAD"]).stdout == "1\n")
        let shapes = try #require((try sandbox.json(applied) as? [String: Any])?["Workloads"] as? [[String: Any]])
        let written = Dictionary(uniqueKeysWithValues: shapes.map { ($0["WorkloadName"] as? String ?? "", $0["NotesWritten"] as? [String] ?? []) })
        #expect(written[Self.a] == ["wellarchitected/notes", "wellarchitected/notes/security"], "\(written)")
        #expect(written[Self.b] == ["wellarchitected/notes"], "\(written)")
        let a = try sandbox.read("workloads/pa/payments-api/notes/wellarchitected.json")
        #expect(a.contains("Platform answers, v2") && a.contains("Landing zone v4"), "\(a)")
        let b = try sandbox.read(overriddenFile)
        #expect(b.contains("Platform answers, v2") && b.contains("Our own landing zone") && !b.contains("Landing zone v4"), "\(b)")
        // Afterwards everything follows the template or was overridden: nothing more to apply.
        let again = try sandbox.welltree(["template", "apply", Self.t, "--workloads", Self.a, Self.b])
        #expect(again.status == 0 && again.stdout.contains("Nothing to apply"), "\(again)")
        #expect(try sandbox.welltree(["validate"]).status == 0)
    }

    @Test("template answer update --evidence: confirmed now, by the template's owner; the review's own files refused; a workload from the template carries the citations and the gate sees them")
    func templateEvidenceReachesTheGate() throws {
        let sandbox = try ReviewTemplateCommandTests.withTemplate()
        try FileManager.default.createDirectory(atPath: sandbox.repo + "/platform", withIntermediateDirectories: true)
        try "Okta is the identity provider of every workload.\n".write(toFile: sandbox.repo + "/platform/idp.md", atomically: true, encoding: .utf8)
        try #require(try sandbox.git(["add", "platform/idp.md"]).status == 0)
        try #require(try sandbox.git(["commit", "-qm", "Platform runbook"]).status == 0)
        let head = try sandbox.commit()
        for refused in ["workloads", "platform/nosuch.md", "../outside"] {
            let result = try sandbox.welltree(["template", "answer", "update", Self.t, "identities", "--evidence", refused])
            #expect(result.status == 2, "\(refused): \(result)")
        }
        #expect(try sandbox.commit() == head)
        let cited = try sandbox.welltree(["template", "answer", "update", Self.t, "identities", "--evidence", "platform/idp.md:1"])
        #expect(cited.status == 0, "\(cited)")
        let blob = try sandbox.git(["rev-parse", "HEAD:platform/idp.md"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let file = try sandbox.read("templates/platform-baseline/answers/wellarchitected/identities.json")
        #expect(file.contains("\"confirmedId\": \"\(blob)\""), "\(file)")
        #expect(try sandbox.welltree(["validate"]).status == 0)

        try Self.create(sandbox, Self.a)
        let copied = try sandbox.read("workloads/pa/payments-api/answers/wellarchitected/identities.json")
        #expect(copied.contains("\"path\": \"platform/idp.md\"") && copied.contains("\"confirmedId\": \"\(blob)\""), "\(copied)")

        try #require(try sandbox.git(["checkout", "-q", "-b", "change"]).status == 0)
        try "Every workload brings its own identity provider.\n".write(toFile: sandbox.repo + "/platform/idp.md", atomically: true, encoding: .utf8)
        try #require(try sandbox.git(["commit", "-qam", "Drop the shared IdP"]).status == 0)
        let gate = try sandbox.welltree(["check", "--base", "main", "--fail-on", "evidence-changed", "--format", "json"])
        #expect(gate.status == 1, "\(gate)")
        let findings = try #require((try sandbox.json(gate) as? [String: Any])?["evidence"] as? [[String: Any]], "\(gate)")
        #expect(findings.contains {
            $0["kind"] as? String == "EVIDENCE_CHANGED" && $0["file"] as? String == "platform/idp.md"
                && $0["answerFile"] as? String == "workloads/pa/payments-api/answers/wellarchitected/identities.json"
        }, "\(findings)")
    }

    @Test("apply: one commit writing the template's answers to OUTDATED questions; an overridden answer is left exactly as it was")
    func applyLeavesOverriddenAnswersAlone() throws {
        let sandbox = try Self.diverged()
        let overriddenFile = "workloads/or/orders-api/answers/wellarchitected/identities.json"
        let before = try sandbox.read(overriddenFile)
        let head = try sandbox.commit()
        let applied = try sandbox.welltree(["template", "apply", Self.t, "--workloads", Self.a, Self.b, "--format", "json"])
        #expect(applied.status == 0, "\(applied)")
        let document = try #require(try sandbox.json(applied) as? [String: Any])
        #expect(document["Committed"] as? Bool == true)
        #expect(try sandbox.git(["rev-list", "--count", "\(head!)..HEAD"]).stdout == "1\n")
        #expect(try sandbox.git(["log", "-1", "--format=%s"]).stdout.hasPrefix("Apply review template \(Self.t) version 5 to 2 workloads (3 answers)"))

        #expect(try sandbox.read(overriddenFile) == before)
        let b = try Self.answer(sandbox, Self.b, "identities")
        #expect(b["SelectedChoices"] as? [String] == ["sec_identities_unique"] && b["Notes"] as? String == "Our own IdP")
        let a = try Self.answer(sandbox, Self.a, "identities")
        #expect(Set(a["SelectedChoices"] as? [String] ?? []) == ["sec_identities_identity_provider", "sec_identities_unique", "sec_identities_audit"])
        for workload in [Self.a, Self.b] {
            #expect(try Self.answer(sandbox, workload, "backing-up-data")["SelectedChoices"] as? [String] == ["rel_backing_up_data_automated_backups_data"])
        }
        let states = try Self.states(sandbox)
        #expect(states[Self.a] == [:] && states[Self.b] == ["identities": "OVERRIDDEN"], "\(states)")

        // Nothing left to apply: no commit.
        let again = try sandbox.welltree(["template", "apply", Self.t, "--workloads", Self.a, Self.b])
        #expect(again.status == 0 && again.stdout.contains("Nothing to apply"), "\(again)")
        #expect(try sandbox.git(["rev-list", "--count", "\(head!)..HEAD"]).stdout == "1\n")

        // After apply a workload still follows: a later template change is OUTDATED again, not OVERRIDDEN.
        try #require(try sandbox.welltree(["template", "answer", "update", Self.t, "backing-up-data", "--none"]).status == 0)
        #expect(try Self.states(sandbox)[Self.a] == ["backing-up-data": "OUTDATED"])
        #expect(try sandbox.welltree(["validate"]).status == 0)
    }

    @Test("apply refuses a workload not created from the template and one the actor cannot answer for; nothing written")
    func applyRefuses() throws {
        let sandbox = try Self.diverged()
        #expect(try sandbox.createTutorialWorkload().status == 0)
        let head = try sandbox.commit()
        let foreign = try sandbox.welltree(["template", "apply", Self.t, "--workloads", Self.a, Sandbox.tutorialName])
        #expect(foreign.status == 2 && foreign.stderr.contains("was not created from template"), "\(foreign)")
        sandbox.principal = "mallory@example.com"
        let stranger = try sandbox.welltree(["template", "apply", Self.t, "--workloads", Self.a])
        #expect(stranger.status == 2 && stranger.stderr.contains("may not change answers"), "\(stranger)")
        #expect(try sandbox.commit() == head)
    }

    @Test("a history that does not show the workload's template version cannot be evaluated: named, exit 2, nothing guessed")
    func squashedHistoryIsRefused() throws {
        let sandbox = try Self.diverged()
        try sandbox.git(["checkout", "-q", "--orphan", "squashed"])
        try sandbox.git(["commit", "-qm", "Squashed", "--no-verify"])
        let status = try sandbox.welltree(["template", "status", Self.t])
        #expect(status.status == 2, "\(status)")
        #expect(status.stderr.contains(Self.a) && status.stderr.contains("template version 3"), "\(status)")
        let head = try sandbox.commit(of: "refs/heads/squashed")
        #expect(try sandbox.welltree(["template", "apply", Self.t, "--workloads", Self.a]).status == 2)
        #expect(try sandbox.commit(of: "refs/heads/squashed") == head)
    }

    @Test("upgrade: LENS_NOT_CURRENT after a major version, answers migrated, CURRENT after; refused when current")
    func upgrade() throws {
        let sandbox = try Sandbox()
        let alias = "readiness-review"
        let v1 = sandbox.root + "/readiness-v1.json"
        try ReadinessLens.write(ReadinessLens.version1, to: v1)
        try #require(try sandbox.welltree(["lens", "import", v1]).status == 0)
        try #require(try sandbox.welltree(["lens", "publish", alias, "--version", "1.0"]).status == 0)
        try #require(try sandbox.welltree(["template", "create", "--name", Self.t, "--description", "Readiness answers", "--lens", alias]).status == 0)
        for answer in [["arch_retry", "--select", "arch_retry_backoff,arch_retry_sdk"], ["arch_legacy_dr", "--select", "arch_legacy_dr_sync"]] {
            let result = try sandbox.welltree(["template", "answer", "update", Self.t, "--lens", alias] + answer)
            try #require(result.status == 0, "\(result)")
        }
        let current = try sandbox.welltree(["template", "upgrade", Self.t, "--lens", alias])
        #expect(current.status == 2 && current.stderr.contains("already uses the current version"), "\(current)")

        let v2 = sandbox.root + "/readiness-v2.json"
        try ReadinessLens.write(ReadinessLens.version2, to: v2)
        try #require(try sandbox.welltree(["lens", "import", v2]).status == 0)
        try #require(try sandbox.welltree(["lens", "publish", alias, "--version", "2.0", "--major"]).status == 0)
        func status() throws -> String? {
            let show = try sandbox.welltree(["template", "show", Self.t, "--format", "json"])
            return ((try sandbox.json(show) as? [String: Any])?["ReviewTemplate"] as? [String: Any])?["UpdateStatus"] as? String
        }
        #expect(try status() == "LENS_NOT_CURRENT")
        let upgraded = try sandbox.welltree(["template", "upgrade", Self.t])
        #expect(upgraded.status == 0, "\(upgraded)")
        #expect(upgraded.stdout.contains("from 1.0 to 2.0"), "\(upgraded)")
        #expect(try status() == "CURRENT")
        let files = try FileManager.default.contentsOfDirectory(atPath: sandbox.repo + "/templates/platform-baseline/answers/\(alias)")
        #expect(files == ["arch_retry.json"], "\(files)")
        #expect(try sandbox.welltree(["validate"]).status == 0)
    }
}
