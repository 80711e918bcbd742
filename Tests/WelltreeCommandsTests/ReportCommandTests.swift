import Foundation
import TestSupport
import Testing

/// `welltree report` and `welltree dashboard --format html` run as a user would, in a sandbox
/// review repository with answers, a tagged state and a later change.
@Suite struct ReportCommandTests {
    static let workload = Sandbox.tutorialName

    /// A repository where milestone 1 records the first review and the identities answer changed after it.
    func reviewedSandbox() throws -> Sandbox {
        let sandbox = try Sandbox()
        try #require(sandbox.createTutorialWorkload().status == 0)
        try #require(sandbox.welltree([
            "answer", "update", Self.workload, "priorities", "--select", "ops_priorities_ext_cust_needs",
            "--choice-na", "ops_priorities_eval_threat_landscape:BUSINESS_PRIORITIES:Handled by the group security team",
            "--notes", "Reviewed quarterly with the 東京 team",
        ]).status == 0)
        try #require(sandbox.welltree(["answer", "update", Self.workload, "identities", "--none", "--notes", "Shared admin user"]).status == 0)
        try #require(sandbox.welltree(["milestone", "create", Self.workload, "v1 - first review"]).status == 0)
        try #require(sandbox.welltree(["answer", "update", Self.workload, "identities", "--notes", "Admin user removed"]).status == 0)
        return sandbox
    }

    @Test func markdownReportShowsAnswersNotesAndPlan() throws {
        let sandbox = try reviewedSandbox()
        let result = try sandbox.welltree(["report", Self.workload])
        #expect(result.status == 0, "\(result)")
        for expected in [
            "# Workload report: Retail Website - North America", "How do you determine what your priorities are?",
            "Evaluate threat landscape: Business priorities \u{2014} Handled by the group security team",
            "> Reviewed quarterly with the 東京 team", "> Admin user removed", "## Improvement plan", "#### High risks (2)",
        ] {
            #expect(result.stdout.contains(expected), "missing \(expected)")
        }
    }

    @Test func milestoneReportShowsTheTaggedState() throws {
        let sandbox = try reviewedSandbox()
        let result = try sandbox.welltree(["report", Self.workload, "--milestone", "1", "--format", "json"])
        #expect(result.status == 0, "\(result)")
        let json = try #require(try sandbox.json(result) as? [String: Any])
        #expect(json["ReportType"] as? String == "MILESTONE")
        let milestone = try #require(json["Milestone"] as? [String: Any])
        #expect(milestone["MilestoneName"] as? String == "v1 - first review")
        #expect(milestone["MilestoneNumber"] as? Int == 1)
        #expect((milestone["SignatureStatus"] as? String)?.isEmpty == false)
        let markdown = try sandbox.welltree(["report", Self.workload, "--milestone", "v1 - first review"]).stdout
        #expect(markdown.contains("# Milestone report: Retail Website - North America"))
        #expect(markdown.contains("> Shared admin user"))
        #expect(!markdown.contains("Admin user removed"))
    }

    @Test func unknownMilestoneWorkloadLensAndFormatAreRefused() throws {
        let sandbox = try reviewedSandbox()
        let milestone = try sandbox.welltree(["report", Self.workload, "--milestone", "no-such-tag"])
        #expect(milestone.status == 2 && milestone.stderr.contains("no milestone \"no-such-tag\""))
        #expect(try sandbox.welltree(["report", "No such workload"]).status == 2)
        #expect(try sandbox.welltree(["report", Self.workload, "--lens", "serverless"]).status == 2)
        #expect(try sandbox.welltree(["report", "consolidated", "--format", "docx"]).status != 0)
    }

    @Test func theConsolidatedReportIsAlsoAPDF() throws {
        let sandbox = try reviewedSandbox()
        let pdf = sandbox.root + "/all.pdf"
        let written = try sandbox.welltree(["report", "consolidated", "-o", pdf])
        #expect(written.status == 0, "\(written)")
        let text = try Run.program("pdftotext", ["-enc", "UTF-8", pdf, "-"]).stdout
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for expected in ["Consolidated report", "1 workload,", Self.workload, "Questions at risk", "Page 1 of "] {
            #expect(text.contains(expected), "pdftotext lost \(expected)")
        }
        let piped = try sandbox.welltree(["report", "consolidated", "--format", "pdf"])
        #expect(piped.status == 0 && piped.stdout.hasPrefix("%PDF-"))
    }

    @Test func pdfAndHTMLFilesTakeTheirFormatFromTheName() throws {
        let sandbox = try reviewedSandbox()
        let pdf = sandbox.root + "/report.pdf"
        #expect(try sandbox.welltree(["report", Self.workload, "--output", pdf]).status == 0)
        let text = try Run.program("pdftotext", ["-enc", "UTF-8", pdf, "-"]).stdout
        #expect(text.contains("How do you determine what your priorities are?"))
        #expect(text.contains("Reviewed quarterly with the 東京 team"))
        // The contents on page 1, bookmarks and destinations (WelltreeReportsTests checks them in detail).
        #expect(try Run.program("pdftotext", ["-f", "1", "-l", "1", pdf, "-"]).stdout.contains("Contents"))
        let outline = try Run.program("pdftohtml", ["-xml", "-stdout", "-i", "-q", pdf]).stdout
        #expect(outline.contains(">Improvement plan</item>"))
        #expect(outline.contains(">How do you manage identities for people and machines?</item>"))
        #expect(try Run.program("pdfinfo", ["-dests", pdf]).stdout.contains("\"improvements.0.high\""))
        let html = sandbox.root + "/report.html"
        #expect(try sandbox.welltree(["report", Self.workload, "-o", html]).status == 0)
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.contains("<svg"))
        #expect(page.contains("<nav class=\"contents\" id=\"contents\">"))
        #expect(page.contains("<a href=\"#q.wellarchitected.identities\">How do you manage identities for people and machines?</a>"))
    }

    /// Workload names cannot hold `<` or `>` (the API's pattern), but descriptions and notes can.
    @Test func userTextIsEscapedInHTML() throws {
        let sandbox = try Sandbox()
        let name = "Tom & Jerry's \"shop\""
        try #require(sandbox.welltree([
            "workload", "create", "--name", name, "--description", "<script>alert(1)</script>", "--review-owner", "Jane Doe",
            "--environment", "production", "--aws-region", "us-east-1",
        ]).status == 0)
        try #require(sandbox.welltree(["answer", "update", name, "priorities", "--notes", "<img src=x onerror=alert(2)>"]).status == 0)
        let escapedName = "Tom &amp; Jerry&#39;s &quot;shop&quot;"
        let report = try sandbox.welltree(["report", name, "--format", "html"]).stdout
        #expect(!report.contains("<script>") && report.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!report.contains("<img") && report.contains("&lt;img src=x onerror=alert(2)&gt;"))
        #expect(report.contains("<h1>\(escapedName)</h1>"))
        for arguments in [["dashboard", "--format", "html"], ["report", "consolidated", "--format", "html"]] {
            let result = try sandbox.welltree(arguments)
            #expect(result.status == 0, "\(result)")
            #expect(!result.stdout.contains(name) && result.stdout.contains(escapedName), "\(arguments)")
        }
    }

    @Test func consolidatedJSONHasTheAPIShape() throws {
        let sandbox = try reviewedSandbox()
        let result = try sandbox.welltree(["report", "consolidated", "--format", "json"])
        #expect(result.status == 0, "\(result)")
        let json = try #require(try sandbox.json(result) as? [String: Any])
        let metrics = try #require(json["Metrics"] as? [[String: Any]])
        #expect(metrics.count == 1 && metrics.first?["WorkloadName"] as? String == Self.workload)
        let checker = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/tools/awsshape.py").path
        if FileManager.default.fileExists(atPath: checker) {
            let file = sandbox.root + "/consolidated.json"
            try result.stdout.write(toFile: file, atomically: true, encoding: .utf8)
            let check = try Run.program(checker, ["GetConsolidatedReport", file])
            #expect(check.status == 0, "\(check)")
        }
        let markdown = try sandbox.welltree(["report", "consolidated"])
        #expect(markdown.stdout.hasPrefix("# Consolidated report"))
    }
}
