import Foundation
import Testing

/// The gate re-asks when evidence changes: in a code repository whose review lives in
/// `architecture/`, a branch deleting or changing a cited file is reported at the evidence's
/// path (and fails with `--fail-on evidence-removed|evidence-changed`), a code change touching
/// no evidence passes, and confirming the answer on the branch settles it.
@Suite("The gate and cited evidence", .timeLimit(.minutes(5)))
struct EvidenceGateTests {
    static let name = EvidenceTests.name
    static let answerFile = EvidenceTests.answerFile

    /// `main` with cited evidence, and a branch `change` checked out on it.
    static func branch() throws -> Sandbox {
        let sandbox = try EvidenceTests.citingRepository()
        try "print('payments')\n".write(toFile: sandbox.repo + "/infra/app.py", atomically: true, encoding: .utf8)
        try #require(try sandbox.git(["add", "."]).status == 0)
        try #require(try sandbox.git(["commit", "-qm", "More code"]).status == 0)
        try #require(try sandbox.git(["checkout", "-q", "-b", "change"]).status == 0)
        return sandbox
    }

    static func commitAll(_ sandbox: Sandbox, _ message: String) throws {
        try #require(try sandbox.git(["add", "-A"]).status == 0)
        try #require(try sandbox.git(["commit", "-qm", message]).status == 0)
    }

    @Test func aBranchDeletingACitedFileFailsTheGateAtThatFile() throws {
        let sandbox = try Self.branch()
        try FileManager.default.removeItem(atPath: sandbox.repo + "/infra/backup.tf")
        try Self.commitAll(sandbox, "Backups are someone else's problem")

        let reported = try sandbox.welltree(["check", "--base", "main"])
        #expect(reported.status == 0, "reported, not failing, unless asked: \(reported)")
        #expect(reported.stdout.contains("2 evidence findings reported"), "\(reported.stdout)")
        #expect(
            reported.stdout.contains(
                "infra/backup.tf:1: EVIDENCE_REMOVED (notice): Cited evidence removed: backing-up-data of Payments cites infra/backup.tf, deleted or moved in this change"),
            "\(reported.stdout)")

        let failed = try sandbox.welltree(["check", "--base", "main", "--fail-on", "evidence-removed", "--format", "json"])
        #expect(failed.status == 1, "\(failed)")
        let json = try #require(try sandbox.json(failed) as? [String: Any])
        let evidence = try #require(json["evidence"] as? [[String: Any]])
        #expect(evidence.map { $0["file"] as? String } == ["infra/backup.tf", "infra/backup.tf"])
        #expect(evidence.map { $0["line"] as? Int } == [1, 1] || evidence.map { $0["line"] as? Int } == [1, 1])
        #expect(evidence.allSatisfy { $0["kind"] as? String == "EVIDENCE_REMOVED" && $0["fails"] as? Bool == true })
        #expect(evidence.allSatisfy { $0["answerFile"] as? String == Self.answerFile })
        #expect(Set(evidence.compactMap { $0["choiceId"] as? String }) == [EvidenceTests.automated])

        let sarif = try sandbox.welltree(["check", "--base", "main", "--fail-on", "high,evidence-removed", "--format", "sarif"])
        #expect(sarif.status == 1)
        let log = try #require(try sandbox.json(sarif) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        let rules = try #require((((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"]) as? [[String: Any]])
        for result in results {
            let location = try #require(((result["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any])
            #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "infra/backup.tf")
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
            #expect(result["ruleId"] as? String == "welltree/evidence-removed" && result["level"] as? String == "error")
        }
        #expect(Set(results.compactMap { ($0["locations"] as? [[String: Any]])?.first.flatMap { (($0["physicalLocation"] as? [String: Any])?["region"] as? [String: Any])?["startLine"] as? Int } }) == [1])

        let github = try sandbox.welltree(["check", "--base", "main", "--fail-on", "evidence-removed", "--format", "github"])
        #expect(github.stdout.contains("::error file=infra/backup.tf,line=1,title=Cited evidence removed::"), "\(github.stdout)")
        let gitlab = try sandbox.welltree(["check", "--base", "main", "--format", "gitlab"])
        #expect(gitlab.stdout.contains("\"path\" : \"infra/backup.tf\"") || gitlab.stdout.contains("\"path\": \"infra/backup.tf\""), "\(gitlab.stdout)")
        let junit = try sandbox.welltree(["check", "--base", "main", "--fail-on", "evidence-removed", "--format", "junit"])
        #expect(junit.stdout.contains("<testsuite name=\"evidence\" tests=\"2\" failures=\"2\""), "\(junit.stdout)")

        let markdown = try sandbox.welltree(["diff", "main", "HEAD", "--format", "markdown"])
        #expect(markdown.status == 0)
        #expect(markdown.stdout.contains("### Evidence changed by this change"), "\(markdown.stdout)")
        #expect(markdown.stdout.contains("| ⚠️ | Payments | `backing-up-data` `\(EvidenceTests.automated)` | `infra/backup.tf:1-3` | deleted or moved |"), "\(markdown.stdout)")
    }

    @Test func aChangedFileIsReportedUntilTheAnswerIsConfirmedOnTheBranch() throws {
        let sandbox = try Self.branch()
        try "resource \"aws_backup_plan\" \"never\" {}\n".write(toFile: sandbox.repo + "/infra/backup.tf", atomically: true, encoding: .utf8)
        try Self.commitAll(sandbox, "Change the backup plan")
        let changed = try sandbox.welltree(["check", "--base", "main", "--fail-on", "evidence-changed"])
        #expect(changed.status == 1, "\(changed)")
        #expect(changed.stdout.contains("EVIDENCE_CHANGED"), "\(changed.stdout)")
        #expect(try sandbox.welltree(["check", "--base", "main", "--fail-on", "evidence-removed"]).status == 0)

        let confirmed = try sandbox.welltree(["answer", "confirm", Self.name, EvidenceTests.question])
        #expect(confirmed.status == 0, "\(confirmed)")
        let passed = try sandbox.welltree(["check", "--base", "main", "--fail-on", "evidence-changed,evidence-removed"])
        #expect(passed.status == 0, "\(passed)")
        #expect(!passed.stdout.contains("evidence finding"), "\(passed.stdout)")
    }

    @Test func aCodeChangeTouchingNoEvidencePasses() throws {
        let sandbox = try Self.branch()
        try "print('payments v2')\n".write(toFile: sandbox.repo + "/infra/app.py", atomically: true, encoding: .utf8)
        try Self.commitAll(sandbox, "Code only")
        let checked = try sandbox.welltree(["check", "--base", "main", "--fail-on", "evidence-changed,evidence-removed", "--format", "json"])
        #expect(checked.status == 0, "\(checked)")
        let json = try #require(try sandbox.json(checked) as? [String: Any])
        #expect((json["evidence"] as? [Any])?.isEmpty == true)
        #expect((json["checked"] as? [Any])?.isEmpty == true, "the workspace's subtree is unchanged: no workload is read")
    }

    /// A contributor cannot get past the gate by writing the answer file by hand with the new
    /// file's id faked, or by removing the citation's id: the written answer file is judged
    /// (its evidence-index marker written by hand too, as the gate requires).
    @Test func aHandWrittenCitationIsJudgedByTheGate() throws {
        let sandbox = try Self.branch()
        let fake = String(repeating: "1", count: 40)
        try """
        {
          "evidence": [
            {"confirmedId": "\(fake)", "path": "infra/app.py"}
          ],
          "selectedChoices": ["\(EvidenceTests.automated)"]
        }

        """.write(toFile: sandbox.repo + "/" + Self.answerFile, atomically: true, encoding: .utf8)
        let marker = try EvidenceIndexTests.marker(sandbox, "infra/app.py")
        try EvidenceTests.write(sandbox, marker, "infra/app.py\n")
        try FileManager.default.removeItem(atPath: sandbox.repo + "/" + (try EvidenceIndexTests.marker(sandbox, "infra/backup.tf")))
        try Self.commitAll(sandbox, "Cite app.py by hand")
        let checked = try sandbox.welltree(["check", "--base", "main", "--fail-on", "evidence-changed"])
        #expect(checked.status == 1, "\(checked)")
        #expect(checked.stdout.contains("infra/app.py:1: EVIDENCE_CHANGED"), "\(checked.stdout)")
    }

    @Test func checkRefusesAnEvidenceFailOnWithoutABase() throws {
        let sandbox = try EvidenceTests.citingRepository()
        let refused = try sandbox.welltree(["check", "--fail-on", "evidence-removed"])
        #expect(refused.status != 0 && refused.status != 1, "\(refused)")
        #expect(refused.stderr.contains("needs --base"), "\(refused.stderr)")
        let unknown = try sandbox.welltree(["check", "--base", "HEAD", "--fail-on", "evidence"])
        #expect(unknown.stderr.contains("is not one of high, medium, evidence-changed, evidence-removed"), "\(unknown.stderr)")
    }
}

/// The server hook judges citations in a subdirectory workspace as `validate` does, and as
/// every answer change: whoever pushes.
extension SubdirectoryWorkspaceHookTests {
    @Test func theServerHookRefusesACitationBreakingItsRules() throws {
        let world = try Self.server()
        let alice = SharesServerTests.Clone(sandbox: world.sandbox, principal: Self.alice, path: world.sandbox.repo)
        let blob = try EvidenceTests.blobId(world.sandbox, "infra/backup.tf")
        try alice.commitByHand(
            EvidenceTests.answerFile, "{\"evidence\": [{\"confirmedId\": \"\(blob)\", \"path\": \"../../etc/passwd\"}], \"selectedChoices\": []}\n",
            message: "Cite outside the repository")
        let pushed = try alice.push(["main"])
        withExtendedLifetime(world) {}
        #expect(pushed.status != 0, "\(pushed)")
        #expect(pushed.stderr.contains("evidence[0].path: \"../../etc/passwd\" must not have a . or .. component"), "\(pushed)")
    }

    /// The review's own files are no evidence, whoever pushes them: a hand-written citation of
    /// another answer file (below the workspace's `workloads/`, which the gate never looks up as
    /// evidence) is refused by the server hook with the rule named.
    @Test func theServerHookRefusesACitationOfTheReviewsOwnFiles() throws {
        let world = try Self.server()
        let alice = SharesServerTests.Clone(sandbox: world.sandbox, principal: Self.alice, path: world.sandbox.repo)
        let other = "architecture/workloads/pa/payments/workload.json"
        let blob = try EvidenceTests.blobId(world.sandbox, other)
        try alice.commitByHand(
            EvidenceTests.answerFile, "{\"evidence\": [{\"confirmedId\": \"\(blob)\", \"path\": \"\(other)\"}], \"selectedChoices\": []}\n",
            message: "Cite the workload file")
        let pushed = try alice.push(["main"])
        withExtendedLifetime(world) {}
        #expect(pushed.status != 0, "\(pushed)")
        #expect(pushed.stderr.contains("evidence[0].path: \"\(other)\" must not be in the workspace's own architecture/workloads/"), "\(pushed)")
    }

    @Test func anotherOwnersAnswerCannotBeGivenCitations() throws {
        let world = try Self.server()
        let cited = try world.sandbox.welltree(["answer", "update", SubdirectoryWorkspaceTests.name, EvidenceTests.question, "--evidence", "infra/backup.tf"])
        try #require(cited.status == 0, "\(cited)")
        let bob = world.bob
        try #require(try bob.git(["pull", "-q", world.sandbox.repo, "main"]).status == 0)
        let blob = try EvidenceTests.blobId(world.sandbox, "infra/backup.tf")
        try bob.commitByHand(
            EvidenceTests.answerFile, "{\"evidence\": [{\"confirmedId\": \"\(blob)\", \"path\": \"README.md\"}], \"selectedChoices\": []}\n",
            message: "Swap the evidence")
        let pushed = try bob.push(["main"])
        withExtendedLifetime(world) {}
        #expect(pushed.status != 0, "\(pushed)")
        #expect(pushed.stderr.contains("bob@example.com may not change workloads/pa/payments/answers/wellarchitected/backing-up-data.json"), "\(pushed)")
    }
}
