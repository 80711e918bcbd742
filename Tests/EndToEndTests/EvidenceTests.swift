import Foundation
import Testing

/// Answers that cite their evidence, in a code repository whose review lives in
/// `architecture/`: citing paths and URLs, what is recorded, the states `welltree evidence`
/// reports, `answer confirm`, and the rules a hand-written citation must keep.
@Suite("Evidence cited by answers", .timeLimit(.minutes(5)))
struct EvidenceTests {
    static let name = SubdirectoryWorkspaceTests.name
    static let question = "backing-up-data"
    static let automated = "rel_backing_up_data_automated_backups_data"
    static let answerFile = "architecture/workloads/pa/payments/answers/wellarchitected/backing-up-data.json"

    /// The code repository with `backing-up-data` citing `infra/backup.tf` (for the question and
    /// lines 1-3 for the automated-backups practice) and a runbook URL.
    static func citingRepository() throws -> Sandbox {
        let sandbox = try SubdirectoryWorkspaceTests.codeRepository()
        let cited = try sandbox.welltree(
            [
                "answer", "update", name, question, "--select", automated, "--evidence", "infra/backup.tf",
                "--evidence", "\(automated)=infra/backup.tf:1-3", "--evidence", "https://runbooks.example.com/backups",
            ], in: sandbox.repo + "/infra")
        try #require(cited.status == 0, "\(cited)")
        return sandbox
    }

    /// Writes a file of the work tree (`path` from the repository's root), with the
    /// directories it needs.
    static func write(_ sandbox: Sandbox, _ path: String, _ text: String) throws {
        let full = sandbox.repo + "/" + path
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: full, atomically: true, encoding: .utf8)
    }

    static func blobId(_ sandbox: Sandbox, _ path: String, at revision: String = "HEAD") throws -> String {
        try sandbox.git(["rev-parse", "\(revision):\(path)"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func anAnswerRecordsEachCitedPathWithItsObjectId() throws {
        let sandbox = try Self.citingRepository()
        #expect(try SubdirectoryWorkspaceTests.changedPaths(sandbox) == [try EvidenceIndexTests.marker(sandbox, "infra/backup.tf"), Self.answerFile])
        let stored = try #require(try JSONSerialization.jsonObject(with: Data(try sandbox.read(Self.answerFile).utf8)) as? [String: Any])
        let evidence = try #require(stored["evidence"] as? [[String: String]])
        let blob = try Self.blobId(sandbox, "infra/backup.tf")
        #expect(
            evidence == [
                ["url": "https://runbooks.example.com/backups"],
                ["path": "infra/backup.tf", "confirmedId": blob],
                ["choiceId": Self.automated, "path": "infra/backup.tf", "lines": "1-3", "confirmedId": blob],
            ], "\(evidence)")
        #expect(try sandbox.porcelainStatus().isEmpty)

        let shown = try sandbox.welltree(["answer", "show", Self.name, Self.question])
        #expect(shown.status == 0, "\(shown)")
        #expect(shown.stderr.isEmpty, "a subdirectory workspace has no uncommitted files here: \(shown.stderr)")
        #expect(shown.stdout.contains("current            \(Self.automated)  infra/backup.tf:1-3"), "\(shown.stdout)")
        let json = try sandbox.welltree(["answer", "show", Self.name, Self.question, "--format", "json"])
        try expectShape("GetAnswer", json)
        let answer = try #require((try sandbox.json(json) as? [String: Any])?["Answer"] as? [String: Any])
        let listed = try #require(answer["Evidence"] as? [[String: String]])
        #expect(listed.map { $0["State"] } == ["UNCHECKED", "CURRENT", "CURRENT"])
        #expect(listed[1]["CurrentId"] == blob)

        let status = try sandbox.welltree(["status", Self.name])
        #expect(status.stdout.contains("Evidence: 3 citations, 0 stale"), "\(status.stdout)")
    }

    @Test func statesFollowTheCodeAndConfirmRecordsTheNewOne() throws {
        let sandbox = try Self.citingRepository()
        try "resource \"aws_backup_plan\" \"hourly\" {}\n".write(toFile: sandbox.repo + "/infra/backup.tf", atomically: true, encoding: .utf8)
        try #require(try sandbox.git(["commit", "-qam", "Hourly backups"]).status == 0)
        let listed = try sandbox.welltree(["evidence", "--format", "json"])
        #expect(listed.status == 0, "\(listed)")
        let json = try #require(try sandbox.json(listed) as? [String: Any])
        #expect(json["Changed"] as? Int == 2 && json["Current"] as? Int == 0 && json["Unchecked"] as? Int == 1, "\(listed.stdout)")
        let citations = try #require(json["Citations"] as? [[String: Any]])
        #expect(citations.allSatisfy { $0["AnswerFile"] as? String == Self.answerFile })
        let stale = try sandbox.welltree(["evidence", "--stale"])
        #expect(stale.status == 1)
        #expect(stale.stdout.contains("changed since confirmed  Payments  wellarchitected  backing-up-data"), "\(stale.stdout)")

        let installed = try sandbox.welltree(["hooks", "install"])
        try #require(installed.status == 0, "\(installed)")
        let confirmed = try sandbox.welltree(["answer", "confirm", Self.name, Self.question])
        #expect(confirmed.status == 0, "\(confirmed)")
        #expect(try SubdirectoryWorkspaceTests.changedPaths(sandbox) == [Self.answerFile], "confirming changes no citation: no marker")
        #expect(try sandbox.read(Self.answerFile).contains(try Self.blobId(sandbox, "infra/backup.tf")))
        #expect(try sandbox.welltree(["evidence", "--stale"]).status == 0)
        let before = try sandbox.commit()
        let again = try sandbox.welltree(["answer", "confirm", Self.name, Self.question])
        #expect(again.status == 0 && again.stdout.contains("already current"), "\(again)")
        #expect(try sandbox.commit() == before)

        try #require(try sandbox.git(["rm", "-q", "infra/backup.tf"]).status == 0)
        try #require(try sandbox.git(["commit", "-qm", "Backups move to the platform"]).status == 0)
        let missing = try sandbox.welltree(["evidence", Self.name])
        #expect(missing.stdout.split(separator: "\n").filter { $0.hasPrefix("missing ") }.count == 2, "\(missing.stdout)")
        let refused = try sandbox.welltree(["answer", "confirm", Self.name, Self.question])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("\"infra/backup.tf\" is not in the repository any more"), "\(refused)")
        let replaced = try sandbox.welltree(
            ["answer", "update", Self.name, Self.question, "--clear-evidence", "--evidence", "architecture/welltree.json"])
        #expect(replaced.status == 0, "\(replaced)")
        #expect(try sandbox.welltree(["evidence", "--stale"]).status == 0)
    }

    @Test(arguments: [
        ("../etc/passwd", "must not have a . or .. component"),
        ("/etc/passwd", "must be relative to the repository's root"),
        ("infra//backup.tf", "must not have an empty component"),
        (".git/config", "must not name git's own directory"),
        ("infra/backup.tf:0-3", "must name lines 1 to"),
        ("infra/backup.tf:9-3", "must not end before it starts"),
        ("javascript:alert(1)", "must be an http:// or https:// URL"),
        ("ftp://files.example.com/x", "must be an http:// or https:// URL"),
        ("https://example.com/a b", "must not contain whitespace"),
        ("https://example.com/\")<script>", "must not contain \""),
        ("https://", "must name a host"),
        ("infra/\u{1B}[31mred.tf", "must not contain control or bidirectional formatting characters (found \\u{1B})"),
        ("infra/\u{202E}ft.pukcab", "found \\u{202E}"),
        ("no_such_choice=infra/backup.tf", "is not a choice of question backing-up-data"),
        ("infra/missing.tf", "is not in the repository at"),
        ("architecture/workloads/pa/payments/workload.json", "must not be in the workspace's own architecture/workloads/"),
        ("architecture/Workloads/pa", "must not be in the workspace's own architecture/workloads/"),
        ("architecture", "must not be a directory holding the workspace's architecture/workloads/"),
    ])
    func aCitationBreakingARuleIsRefusedAndNothingWritten(citation: String, rule: String) throws {
        let sandbox = try SubdirectoryWorkspaceTests.codeRepository()
        let before = try sandbox.commit()
        let refused = try sandbox.welltree(["answer", "update", Self.name, Self.question, "--none", "--evidence", citation])
        #expect(refused.status == 2, "\(refused)")
        #expect(refused.stderr.contains(rule), "\(refused.stderr)")
        #expect(!refused.stderr.contains("\u{1B}") && !refused.stderr.contains("\u{202E}"))
        #expect(try sandbox.commit() == before)
        #expect(try sandbox.porcelainStatus().isEmpty)
    }

    /// A contributor writing the answer file by hand meets the same rules in `validate` (and
    /// the hooks and the gate, which run it), each problem at its citation.
    @Test func validateJudgesHandWrittenCitations() throws {
        let sandbox = try Self.citingRepository()
        let blob = try Self.blobId(sandbox, "infra/backup.tf")
        try Self.write(
            sandbox,
            Self.answerFile,
            """
            {
              "evidence": [
                {"path": "../../etc/passwd", "confirmedId": "\(blob)"},
                {"path": "infra/backup.tf"},
                {"url": "javascript:alert(1)"},
                {"choiceId": "not_a_choice", "path": "infra/backup.tf", "confirmedId": "\(blob)"},
                {"path": "infra/backup.tf", "confirmedId": "\(blob)"},
                {"path": "infra/backup.tf", "confirmedId": "\(blob)"},
                {"path": "architecture/workloads/pa/payments/workload.json", "confirmedId": "\(blob)"}
              ],
              "selectedChoices": ["\(Self.automated)"]
            }

            """)
        try #require(try sandbox.git(["commit", "-qam", "Hand-written citations"]).status == 0)
        let validated = try sandbox.welltree(["validate"])
        #expect(validated.status == 2, "\(validated)")
        for expected in [
            ":3:5: error: evidence[0].path: \"../../etc/passwd\" must not have a . or .. component",
            ":4:5: error: evidence[1].confirmedId: \"\" is required for a cited path",
            ":5:5: error: evidence[2].url: \"javascript:alert(1)\" must be an http:// or https:// URL",
            ":6:5: error: evidence[3].choiceId: \"not_a_choice\" is not a choice of question backing-up-data",
            ":8:5: error: evidence[5]: \"infra/backup.tf\" is cited twice",
            ":9:5: error: evidence[6].path: \"architecture/workloads/pa/payments/workload.json\" must not be in the workspace's own architecture/workloads/",
        ] {
            #expect(validated.stderr.contains(expected), "\(expected)\n\(validated.stderr)")
        }
        // Confirming never commits what validate refuses, even once the cited file changed.
        try Self.write(sandbox, "infra/backup.tf", "resource \"aws_backup_plan\" \"daily\" {}\n# changed\n")
        try #require(try sandbox.git(["commit", "-qam", "Change the backup plan"]).status == 0)
        let head = try sandbox.git(["rev-parse", "HEAD"]).stdout
        let installed = try sandbox.welltree(["hooks", "install"])
        try #require(installed.status == 0, "\(installed)")
        let confirmed = try sandbox.welltree(["answer", "confirm", Self.name, Self.question])
        #expect(confirmed.status == 2, "\(confirmed)")
        #expect(confirmed.stderr.contains("javascript:alert(1)") && confirmed.stderr.contains("not_a_choice"), "\(confirmed.stderr)")
        #expect(try sandbox.git(["rev-parse", "HEAD"]).stdout == head)
    }

    /// A key spelled with a JSON escape is the same key: `welltree evidence` (and the gate,
    /// which uses the same index) still finds the citation.
    @Test func anEscapedKeyDoesNotHideACitation() throws {
        let sandbox = try Self.citingRepository()
        let blob = try Self.blobId(sandbox, "infra/backup.tf")
        try Self.write(
            sandbox,
            Self.answerFile, "{\"\\u0065vidence\": [{\"path\": \"infra/backup.tf\", \"confirmedId\": \"\(String(repeating: "0", count: 40))\"}], \"selectedChoices\": []}\n")
        try #require(try sandbox.git(["add", "."]).status == 0)
        try #require(try sandbox.git(["commit", "-qm", "Escaped key"]).status == 0)
        let listed = try sandbox.welltree(["evidence", "--stale"])
        #expect(listed.status == 1, "\(listed)")
        #expect(listed.stdout.contains("changed since confirmed"), "\(listed.stdout)")
        #expect(!blob.isEmpty)
        // The dashboard, which reads only workloads whose summary saw a citation, counts it too.
        let dashboard = try sandbox.welltree(["dashboard", "--format", "json"])
        let json = try #require(try sandbox.json(dashboard) as? [String: Any])
        let rows = try #require(json["WorkloadSummaries"] as? [[String: Any]])
        #expect(rows.first?["StaleEvidenceAnswers"] as? Int == 1, "\(dashboard.stdout)")
    }

    /// The dashboard counts answers with stale evidence per workload, from the evidence index
    /// kept in the git directory; a damaged index file is read as none and rebuilt.
    @Test func theDashboardCountsAnswersWithStaleEvidence() throws {
        let sandbox = try Self.citingRepository()
        let fresh = try sandbox.welltree(["dashboard", "--format", "json"])
        #expect(fresh.status == 0, "\(fresh)")
        #expect(!fresh.stdout.contains("StaleEvidence"), "\(fresh.stdout)")
        #expect(!(try sandbox.welltree(["dashboard"])).stdout.contains("STALE EVIDENCE"))
        let cache = sandbox.repo + "/.git/welltree/cache/evidence-v1.bin"
        #expect(FileManager.default.fileExists(atPath: cache))

        try "resource \"aws_backup_plan\" \"weekly\" {}\n".write(toFile: sandbox.repo + "/infra/backup.tf", atomically: true, encoding: .utf8)
        try #require(try sandbox.git(["commit", "-qam", "Weekly backups"]).status == 0)
        for damage in [false, true] {
            if damage { try Data("WTEVIv1\ngarbage".utf8).write(to: URL(fileURLWithPath: cache)) }
            let stale = try sandbox.welltree(["dashboard", "--format", "json"])
            #expect(stale.status == 0, "\(stale)")
            let json = try #require(try sandbox.json(stale) as? [String: Any])
            let rows = try #require(json["WorkloadSummaries"] as? [[String: Any]])
            #expect(rows.first?["StaleEvidenceAnswers"] as? Int == 1, "one answer, two stale citations: \(stale.stdout)")
            #expect((json["Totals"] as? [String: Any])?["AnswersWithStaleEvidence"] as? Int == 1)
        }
        let text = try sandbox.welltree(["dashboard"])
        #expect(text.stdout.contains("STALE EVIDENCE"), "\(text.stdout)")
    }

    /// Reports list the citations: URLs as links, paths as code, each escaped for its medium
    /// (a committed file may be named like Markdown or HTML).
    @Test func reportsListCitationsWithLinksEscaped() throws {
        let sandbox = try Self.citingRepository()
        let hostile = "docs/[x](javascript:alert(1))<b>.md"
        try FileManager.default.createDirectory(atPath: sandbox.repo + "/docs", withIntermediateDirectories: true)
        try "notes\n".write(toFile: sandbox.repo + "/" + hostile, atomically: true, encoding: .utf8)
        try #require(try sandbox.git(["add", "."]).status == 0)
        try #require(try sandbox.git(["commit", "-qm", "A hostile name"]).status == 0)
        let cited = try sandbox.welltree(["answer", "update", Self.name, Self.question, "--evidence", hostile])
        try #require(cited.status == 0, "\(cited)")

        let markdown = try sandbox.welltree(["report", Self.name, "--format", "markdown"])
        #expect(markdown.status == 0, "\(markdown)")
        #expect(markdown.stdout.contains("- [https\\://runbooks.example.com/backups](https://runbooks.example.com/backups)"), "\(markdown.stdout)")
        #expect(markdown.stdout.contains("- `infra/backup.tf:1-3` \u{2014} for "), "\(markdown.stdout)")
        #expect(markdown.stdout.contains("- `\(hostile)`"), "\(markdown.stdout)")

        let html = try sandbox.welltree(["report", Self.name, "--format", "html"])
        #expect(html.stdout.contains("<li><a href=\"https://runbooks.example.com/backups\">https://runbooks.example.com/backups</a></li>"))
        #expect(html.stdout.contains("<li><code>docs/[x](javascript:alert(1))&lt;b&gt;.md</code></li>"), "\(html.stdout)")
        #expect(!html.stdout.contains("<b>.md"))

        let pdf = try sandbox.welltree(["report", Self.name, "--format", "pdf", "--output", sandbox.root + "/report.pdf"])
        #expect(pdf.status == 0, "\(pdf)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: sandbox.root + "/report.pdf"))
        #expect(String(decoding: bytes, as: UTF8.self).contains("https://runbooks.example.com/backups"), "the URL is a link of the PDF")
    }

    /// The consolidated report and the HTML dashboard count the answers with stale evidence,
    /// the consolidated report lists the citations, and `git log -p` (through the textconv)
    /// shows what `answer confirm` recorded, a line per citation.
    @Test func theConsolidatedReportTheHTMLDashboardAndGitDiffShowEvidence() throws {
        let sandbox = try Self.citingRepository()
        try Self.write(sandbox, "infra/backup.tf", "resource \"aws_backup_plan\" \"weekly\" {}\n")
        try #require(try sandbox.git(["commit", "-qam", "Weekly backups"]).status == 0)

        let markdown = try sandbox.welltree(["report", "consolidated", "--format", "markdown"])
        #expect(markdown.status == 0, "\(markdown)")
        #expect(markdown.stdout.contains("answers with stale evidence: 1"), "\(markdown.stdout)")
        #expect(markdown.stdout.contains("| Stale evidence |"), "\(markdown.stdout)")
        #expect(markdown.stdout.contains("Evidence cited:"), "\(markdown.stdout)")
        #expect(markdown.stdout.contains("  - [https\\://runbooks.example.com/backups](https://runbooks.example.com/backups)\n"), "\(markdown.stdout)")
        let html = try sandbox.welltree(["report", "consolidated", "--format", "html"])
        #expect(html.stdout.contains("<a href=\"https://runbooks.example.com/backups\">"), "\(html.stdout)")
        #expect(html.stdout.contains("<code>infra/backup.tf:1-3</code>"), "\(html.stdout)")
        let json = try sandbox.welltree(["report", "consolidated", "--format", "json"])
        try expectShape("GetConsolidatedReport", json)
        #expect(json.stdout.contains("\"StaleEvidenceAnswers\" : 1") || json.stdout.contains("\"StaleEvidenceAnswers\": 1"), "\(json.stdout)")
        let pdf = try sandbox.welltree(["report", "consolidated", "--format", "pdf", "--output", sandbox.root + "/consolidated.pdf"])
        #expect(pdf.status == 0, "\(pdf)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: sandbox.root + "/consolidated.pdf"))
        #expect(String(decoding: bytes, as: UTF8.self).contains("https://runbooks.example.com/backups"), "the URL is a link of the PDF")
        let dashboard = try sandbox.welltree(["dashboard", "--format", "html"])
        #expect(dashboard.stdout.contains("<th class=\"num\">Stale evidence</th>"), "\(dashboard.stdout)")
        #expect(dashboard.stdout.contains("<td class=\"num\">1</td></tr>"), "\(dashboard.stdout)")

        let before = try Self.blobId(sandbox, "infra/backup.tf", at: "HEAD~1")
        let after = try Self.blobId(sandbox, "infra/backup.tf")
        let installed = try sandbox.welltree(["hooks", "install"])
        try #require(installed.status == 0, "\(installed)")
        let confirmed = try sandbox.welltree(["answer", "confirm", Self.name, Self.question])
        try #require(confirmed.status == 0, "\(confirmed)")
        let log = try sandbox.git(["log", "-p", "-1"])
        #expect(log.stdout.contains("-Evidence: infra/backup.tf (confirmed at \(before.prefix(12)))"), "\(log.stdout)")
        #expect(log.stdout.contains("+Evidence: infra/backup.tf (confirmed at \(after.prefix(12)))"), "\(log.stdout)")
        #expect(log.stdout.contains(" Evidence: https://runbooks.example.com/backups (URL, not checked)"), "\(log.stdout)")
        let fresh = try sandbox.welltree(["report", "consolidated", "--format", "markdown"])
        #expect(!fresh.stdout.contains("Stale evidence"), "\(fresh.stdout)")
    }

    /// The interactive review shows an answer's citations and keeps them when the answer is
    /// changed and saved there.
    @Test func theReviewShowsAndKeepsCitations() throws {
        let sandbox = try Self.citingRepository()
        let reviewed = try sandbox.welltree(["review", Self.name, "--question", Self.question], input: "toggle 1\nsave\n")
        #expect(reviewed.status == 0, "\(reviewed)")
        #expect(reviewed.stdout.contains("Evidence (welltree answer update --evidence; states: welltree evidence):"), "\(reviewed.stdout)")
        #expect(reviewed.stdout.contains("  infra/backup.tf:1-3 · for \(Self.automated)"), "\(reviewed.stdout)")
        let stored = try #require(try JSONSerialization.jsonObject(with: Data(try sandbox.read(Self.answerFile).utf8)) as? [String: Any])
        #expect((stored["selectedChoices"] as? [String])?.contains("rel_backing_up_data_identified_backups_data") == true, "\(stored)")
        #expect((stored["evidence"] as? [Any])?.count == 3, "\(stored)")
    }
}
