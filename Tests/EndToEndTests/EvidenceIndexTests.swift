import Foundation
import Testing

/// The evidence index: every commit keeps `evidence-index/` in step with the answers' citations,
/// the gate finds the answers a code change concerns through it (reading no other answer), and
/// neither a hand edit nor a contributor can make it lie: the gate and the server hook refuse a
/// citation without its marker, a marker without its citation, and a marker removed while its
/// answer still cites the path. `welltree init` builds it for older workspaces and repairs it.
@Suite("The evidence index", .timeLimit(.minutes(5)))
struct EvidenceIndexTests {
    static let answerFile = EvidenceTests.answerFile

    /// The git blob id of a path's bytes: the hash naming its markers.
    static func hash(_ sandbox: Sandbox, _ path: String) throws -> String {
        let file = sandbox.root + "/hash-input"
        try path.write(toFile: file, atomically: true, encoding: .utf8)
        return try sandbox.git(["hash-object", file]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The marker recording that the Payments answer cites `path`.
    static func marker(_ sandbox: Sandbox, _ path: String) throws -> String {
        let hash = try hash(sandbox, path)
        return "architecture/evidence-index/\(hash.prefix(2))/\(hash.dropFirst(2))/payments/wellarchitected/\(EvidenceTests.question)"
    }

    static func exists(_ sandbox: Sandbox, _ path: String, at revision: String = "HEAD") throws -> Bool {
        try sandbox.git(["cat-file", "-e", "\(revision):\(path)"]).status == 0
    }

    @Test func everyCommitKeepsTheIndexInStepWithTheCitations() throws {
        let sandbox = try EvidenceTests.citingRepository()
        let marker = try Self.marker(sandbox, "infra/backup.tf")
        #expect(try sandbox.read(marker) == "infra/backup.tf\n")
        #expect(try SubdirectoryWorkspaceTests.changedPaths(sandbox) == [marker, Self.answerFile], "one commit: the answer and its marker")
        #expect(try sandbox.read("architecture/welltree.json").contains("\"format\": 3"))
        #expect(try sandbox.welltree(["validate"]).status == 0)

        let cleared = try sandbox.welltree(["answer", "update", EvidenceTests.name, EvidenceTests.question, "--clear-evidence"])
        #expect(cleared.status == 0, "\(cleared)")
        #expect(try !Self.exists(sandbox, marker), "a path no longer cited has no marker")
        #expect(try sandbox.porcelainStatus().isEmpty)

        let cited = try sandbox.welltree(["answer", "update", EvidenceTests.name, EvidenceTests.question, "--evidence", "infra"])
        #expect(cited.status == 0, "\(cited)")
        let directory = try Self.marker(sandbox, "infra")
        #expect(try Self.exists(sandbox, directory))
        let deleted = try sandbox.welltree(["workload", "delete", EvidenceTests.name, "--yes"])
        #expect(deleted.status == 0, "\(deleted)")
        #expect(try !Self.exists(sandbox, directory), "a deleted workload's markers go with it")
        #expect(try sandbox.welltree(["validate"]).status == 0)
    }

    /// Proportional, and shown by what it never reads: a damaged answer that can cite, in a
    /// workload no index marker names for the touched paths, made the code-only gate fail when
    /// it read every answer that can cite; it is never opened now.
    @Test func aCodeOnlyChangeReadsOnlyTheWorkloadsTheIndexNames() throws {
        let sandbox = try EvidenceTests.citingRepository()
        let created = try sandbox.welltree(
            ["workload", "create", "--name", "Ledger", "--description", "Ledger", "--review-owner", "Jane Doe", "--environment", "production",
             "--aws-region", "us-east-1"])
        try #require(created.status == 0, "\(created)")
        let damaged = "architecture/workloads/le/ledger/answers/wellarchitected/\(EvidenceTests.question).json"
        try EvidenceTests.write(sandbox, damaged, "{\"evidence\": [ damaged")
        try EvidenceGateTests.commitAll(sandbox, "Damage another workload's answer by hand")
        try #require(try sandbox.git(["checkout", "-q", "-b", "code"]).status == 0)
        try "print('payments')\n".write(toFile: sandbox.repo + "/infra/app.py", atomically: true, encoding: .utf8)
        try EvidenceGateTests.commitAll(sandbox, "Code only")

        let checked = try sandbox.welltree(["check", "--base", "main", "--fail-on", "evidence-changed,evidence-removed", "--format", "json"])
        #expect(checked.status == 0, "\(checked)")
        let json = try #require(try sandbox.json(checked) as? [String: Any])
        #expect((json["evidence"] as? [Any])?.isEmpty == true)

        // The index still finds the answer citing a changed file.
        try "resource \"aws_backup_plan\" \"weekly\" {}\n".write(toFile: sandbox.repo + "/infra/backup.tf", atomically: true, encoding: .utf8)
        try EvidenceGateTests.commitAll(sandbox, "Change the backup plan")
        let changed = try sandbox.welltree(["check", "--base", "main", "--fail-on", "evidence-changed"])
        #expect(changed.status == 1, "\(changed)")
        #expect(changed.stdout.contains("infra/backup.tf:1: EVIDENCE_CHANGED"), "\(changed.stdout)")
    }

    /// Removing the marker on the branch that changes the cited file would hide the answer from
    /// a gate reading the head's index alone: the gate refuses the removal, and the base's
    /// index still names the answer.
    @Test func aMarkerRemovedWhileTheAnswerCitesThePathIsRefused() throws {
        let sandbox = try EvidenceTests.citingRepository()
        try #require(try sandbox.git(["checkout", "-q", "-b", "hide"]).status == 0)
        let marker = try Self.marker(sandbox, "infra/backup.tf")
        try FileManager.default.removeItem(atPath: sandbox.repo + "/" + marker)
        try FileManager.default.removeItem(atPath: sandbox.repo + "/infra/backup.tf")
        try EvidenceGateTests.commitAll(sandbox, "Delete the backups and their marker")
        let checked = try sandbox.welltree(["check", "--base", "main", "--fail-on", "evidence-removed"])
        #expect(checked.status == 2, "\(checked)")
        #expect(checked.stderr.contains("/payments/wellarchitected/\(EvidenceTests.question): removed, but workloads/pa/payments/answers/wellarchitected/\(EvidenceTests.question).json still cites \"infra/backup.tf\""), "\(checked.stderr)")
    }

    /// A citation written by hand has no marker: refused with the way out, and `welltree init`
    /// writes the marker in one commit, after which the gate judges the citation.
    @Test func aHandWrittenCitationNeedsItsMarkerAndInitRepairsTheIndex() throws {
        let sandbox = try EvidenceTests.citingRepository()
        try #require(try sandbox.git(["checkout", "-q", "-b", "by-hand"]).status == 0)
        try "print('payments')\n".write(toFile: sandbox.repo + "/infra/app.py", atomically: true, encoding: .utf8)
        try EvidenceGateTests.commitAll(sandbox, "More code")
        let blob = try EvidenceTests.blobId(sandbox, "infra/app.py")
        try """
        {
          "evidence": [
            {"confirmedId": "\(blob)", "path": "infra/app.py"}
          ],
          "selectedChoices": ["\(EvidenceTests.automated)"]
        }

        """.write(toFile: sandbox.repo + "/" + Self.answerFile, atomically: true, encoding: .utf8)
        try EvidenceGateTests.commitAll(sandbox, "Cite app.py by hand")
        let refused = try sandbox.welltree(["check", "--base", "main"])
        #expect(refused.status == 2, "\(refused)")
        #expect(refused.stderr.contains("\"infra/app.py\" is cited, but architecture/") == false, "paths are the workspace's")
        #expect(refused.stderr.contains("evidence: \"infra/app.py\" is cited, but evidence-index/"), "\(refused.stderr)")
        #expect(refused.stderr.contains("`welltree init` rebuilds the index"), "\(refused.stderr)")
        #expect(try sandbox.welltree(["validate"]).status == 2)

        let repaired = try sandbox.welltree(["init", "architecture"])
        #expect(repaired.status == 0, "\(repaired)")
        #expect(repaired.stdout.contains("Repaired the evidence index (1 marker written, 1 removed) in one commit"), "\(repaired.stdout)")
        #expect(try Self.exists(sandbox, Self.marker(sandbox, "infra/app.py")))
        #expect(try !Self.exists(sandbox, Self.marker(sandbox, "infra/backup.tf")), "the answer cites backup.tf no more")
        #expect(try sandbox.welltree(["validate"]).status == 0)
        let checked = try sandbox.welltree(["check", "--base", "main"])
        #expect(checked.status == 0, "\(checked)")
        #expect(try sandbox.welltree(["init", "architecture"]).stdout.contains("is up to date"))
    }

    /// A marker naming an answer that does not cite its path, or holding another path than the
    /// one its name is the hash of, is refused: a marker is evidence of nothing by itself.
    @Test func aMarkerWithoutItsCitationIsRefused() throws {
        let sandbox = try EvidenceTests.citingRepository()
        try #require(try sandbox.git(["checkout", "-q", "-b", "forge"]).status == 0)
        let forged = try Self.marker(sandbox, "README.md")
        try EvidenceTests.write(sandbox, forged, "README.md\n")
        let lying = try Self.marker(sandbox, "infra/backup.tf").replacingOccurrences(of: "/payments/", with: "/ledger/")
        try EvidenceTests.write(sandbox, lying, "infra/other.tf\n")
        try EvidenceGateTests.commitAll(sandbox, "Forge markers")
        let checked = try sandbox.welltree(["check", "--base", "main"])
        #expect(checked.status == 2, "\(checked)")
        #expect(checked.stderr.contains("does not cite \"README.md\"; a marker records an answer that cites its path"), "\(checked.stderr)")
        #expect(checked.stderr.contains("must hold the cited path its name is the hash of"), "\(checked.stderr)")
        let validated = try sandbox.welltree(["validate"])
        #expect(validated.status == 2, "\(validated)")
        #expect(validated.stderr.contains("names no answer that cites its path"), "\(validated.stderr)")
    }

    /// Marker paths come from the repository: a control character in one is shown escaped, in
    /// the file name and in the message, never sent raw to the terminal.
    @Test func aHostileMarkerPathIsPrintedEscaped() throws {
        let sandbox = try EvidenceTests.citingRepository()
        try #require(try sandbox.git(["checkout", "-q", "-b", "hostile"]).status == 0)
        let hostile = try Self.marker(sandbox, "infra/backup.tf").replacingOccurrences(of: "/payments/", with: "/pay\u{1B}[31mments/")
        try EvidenceTests.write(sandbox, hostile, "infra/backup.tf\n")
        try EvidenceGateTests.commitAll(sandbox, "A marker with an escape sequence in its path")
        let checked = try sandbox.welltree(["check", "--base", "main"])
        #expect(checked.status == 2, "\(checked)")
        #expect(!checked.stderr.contains("\u{1B}") && !checked.stdout.contains("\u{1B}"), "\(checked)")
        #expect(checked.stderr.contains("pay\\u{1B}[31mments"), "\(checked.stderr)")
    }

    /// A workspace written before the index (settings format 2) is read as before, and the gate
    /// reads every answer that can cite; `welltree init` builds the index in one commit.
    @Test func initBuildsTheIndexOfAnOlderWorkspace() throws {
        let sandbox = try EvidenceTests.citingRepository()
        let marker = try Self.marker(sandbox, "infra/backup.tf")
        try #require(try sandbox.git(["rm", "-rq", "architecture/evidence-index"]).status == 0)
        let settings = try sandbox.read("architecture/welltree.json").replacingOccurrences(of: "\"format\": 3", with: "\"format\": 2")
        try settings.write(toFile: sandbox.repo + "/architecture/welltree.json", atomically: true, encoding: .utf8)
        try EvidenceGateTests.commitAll(sandbox, "A workspace from before the index")
        #expect(try sandbox.welltree(["validate"]).status == 0, "format 2 keeps no index")

        let upgraded = try sandbox.welltree(["init", "architecture"])
        #expect(upgraded.status == 0, "\(upgraded)")
        #expect(upgraded.stdout.contains("Built the evidence index (1 marker) and recorded settings format 3 in one commit"), "\(upgraded.stdout)")
        #expect(try sandbox.read(marker) == "infra/backup.tf\n")
        #expect(try Set(SubdirectoryWorkspaceTests.changedPaths(sandbox)) == ["architecture/welltree.json", marker])
        #expect(try sandbox.git(["log", "-1", "--format=%s"]).stdout == "Keep an evidence index\n")
        #expect(try sandbox.welltree(["validate"]).status == 0)
    }
}

/// Markers belong to the answer they name: on the server, whoever may not write the answer may
/// not write its markers either.
extension SubdirectoryWorkspaceHookTests {
    @Test func anotherOwnersMarkersCannotBeWritten() throws {
        let world = try Self.server()
        let cited = try world.sandbox.welltree(["answer", "update", SubdirectoryWorkspaceTests.name, EvidenceTests.question, "--evidence", "infra/backup.tf"])
        try #require(cited.status == 0, "\(cited)")
        let alice = SharesServerTests.Clone(sandbox: world.sandbox, principal: Self.alice, path: world.sandbox.repo)
        try #require(try alice.push(["main"]).status == 0)
        let bob = world.bob
        try #require(try bob.git(["pull", "-q", world.sandbox.repo, "main"]).status == 0)
        let marker = try EvidenceIndexTests.marker(world.sandbox, "infra/backup.tf")
        try #require(try bob.git(["rm", "-q", marker]).status == 0)
        try #require(try bob.git(["commit", "-qm", "Drop alice's marker"]).status == 0)
        let pushed = try bob.push(["main"])
        withExtendedLifetime(world) {}
        #expect(pushed.status != 0, "\(pushed)")
        #expect(pushed.stderr.contains("the evidence index's markers of its answers need the owner or an accepted CONTRIBUTOR share"), "\(pushed)")
    }
}
