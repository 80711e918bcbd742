import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import WelltreeCore
@testable import WelltreePDF
@testable import WelltreeReports

/// Evidence in every report medium: the dashboard's stale-evidence count in HTML, the
/// consolidated report's count and citations (Markdown, HTML, PDF, JSON) and git's textconv of an
/// answer file. A citation comes from a file anyone with write access can edit, so each test also
/// renders citations no validation would let through (a `javascript:` URL, Markdown and HTML
/// metacharacters, terminal control characters): a report must stay safe whatever it is given.
@Suite struct EvidenceReportTests {
    static let hostilePath = "docs/[x](javascript:alert(1))<b>|`x`.md"
    static let practice = "sec_identities_a"

    /// The consolidated fixture with citations on the first workload's first question (a
    /// hostile path, a script URL, a web URL, a path with an escape sequence) and one answer with
    /// stale evidence in the second workload.
    static func model() -> ConsolidatedReportModel {
        var model = ReportFixture.consolidated()
        model.workloads[1].lenses[0].pillars[0].questions[0].evidence = [
            (Evidence(path: hostilePath, confirmedId: String(repeating: "a", count: 40)), nil),
            (Evidence(url: "javascript:alert(2)"), nil),
            (Evidence(url: "https://runbooks.example.com/backups?a=1&b=2"), "Practice <i>one</i>"),
            (Evidence(path: "infra/\u{1B}[31mred.tf", lines: "1-3", confirmedId: String(repeating: "b", count: 40)), nil),
        ]
        model.staleEvidenceAnswers = [model.workloads[1].workload.id: 2]
        return model
    }

    @Test func theHTMLDashboardCountsStaleEvidenceOnlyWhenThereIsAny() throws {
        let model = Self.model()
        let dashboard = DashboardHTML.dashboard(model.summaries, totals: model.totals, generatedAt: model.generatedAt)
        #expect(dashboard.contains("<th class=\"num\">Stale evidence</th>"))
        #expect(dashboard.contains("<div class=\"card stale-evidence\"><span class=\"count\">2</span>Answers with stale evidence</div>"))
        let rows = dashboard.split(separator: "\n").filter { $0.hasPrefix("<tr><td>") }
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { $0.hasSuffix("</td></tr>") })
        #expect(rows[0].hasSuffix("<td class=\"num\">0</td></tr>"), "\(rows[0])")
        #expect(rows[1].hasSuffix("<td class=\"num\">2</td></tr>"), "\(rows[1])")
        _ = try ReportHTMLTests().outline(dashboard)

        var fresh = model
        fresh.staleEvidenceAnswers = [:]
        let none = DashboardHTML.dashboard(fresh.summaries, totals: fresh.totals, generatedAt: fresh.generatedAt)
        #expect(!none.contains("Stale evidence") && !none.contains("card stale-evidence"))
    }

    @Test func theConsolidatedHTMLListsCitationsEscapedWithWebLinksOnly() throws {
        let html = DashboardHTML.consolidated(Self.model())
        let outline = try ReportHTMLTests().outline(html)
        ReportHTMLTests().expectSelfContained(html, outline)
        #expect(html.contains("<h4>Evidence cited</h4>"))
        #expect(html.contains("<code>docs/[x](javascript:alert(1))&lt;b&gt;|`x`.md</code>"), "\(html)")
        #expect(!html.contains("<b>|"))
        let links = outline.attributes.compactMap { $0["href"] }
        #expect(links.contains("https://runbooks.example.com/backups?a=1&b=2"))
        #expect(!links.contains { $0.lowercased().contains("javascript") }, "\(links)")
        #expect(html.contains("<li>javascript:alert(2)</li>"), "a script URL is shown as text")
        #expect(html.contains(" \u{2014} for Practice &lt;i&gt;one&lt;/i&gt;"))
        #expect(!html.contains("\u{1B}") && html.contains("infra/\\u{1B}[31mred.tf:1-3"), "an escape sequence is shown, not sent")
        #expect(html.contains("<th class=\"num\">Stale evidence</th>"))
        // Workloads whose answers cite nothing have no such section.
        #expect(html.components(separatedBy: "<h4>Evidence cited</h4>").count == 2)
    }

    @Test func theConsolidatedMarkdownListsCitationsEscapedWithWebLinksOnly() throws {
        let model = Self.model()
        let markdown = ConsolidatedReportMarkdown.render(model)
        #expect(markdown.contains("\nEvidence cited:\n\n- Operational excellence \u{00B7} How do you determine what your priorities are?\n"), "\(markdown)")
        #expect(markdown.contains("\n  - ``docs/[x](javascript:alert(1))<b>|`x`.md``\n"), "a code span holds the path literally: \(markdown)")
        #expect(markdown.contains("\n  - javascript:alert(2)\n"), "a script URL is shown as text: \(markdown)")
        #expect(!markdown.contains("](javascript:alert(2)"), "a script URL never becomes a link target")
        #expect(markdown.contains("](https://runbooks.example.com/backups?a=1&b=2) \u{2014} for Practice \\<i\\>one\\</i\\>"), "\(markdown)")
        #expect(!markdown.contains("\u{1B}"))
        #expect(markdown.contains("| Stale evidence |"))
        let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| Internal Employee Portal") || $0.hasPrefix("| Retail Website") }
        #expect(rows.count == 2 && rows.allSatisfy { $0.hasSuffix(" | 0 |") || $0.hasSuffix(" | 2 |") }, "\(rows)")
        #expect(markdown.contains("answers with stale evidence: 2"))

        var fresh = ReportFixture.consolidated()
        fresh.staleEvidenceAnswers = [:]
        let plain = ConsolidatedReportMarkdown.render(fresh)
        #expect(!plain.contains("Stale evidence") && !plain.contains("stale evidence") && !plain.contains("Evidence cited"))
    }

    @Test func theConsolidatedJSONCountsStaleEvidenceAsWelltreesOwnField() throws {
        let model = Self.model()
        let json = jsonText(GetConsolidatedReportOutput(model))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let metrics = try #require(object["Metrics"] as? [[String: Any]])
        #expect(metrics.map { $0["StaleEvidenceAnswers"] as? Int } == [nil, 2])
    }

    @Test func theConsolidatedPDFListsCitationsAndLinksOnlyWebAddresses() throws {
        let directory = NSTemporaryDirectory() + "welltree-evidence-pdf-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/consolidated.pdf"
        try Data(try ConsolidatedReportPDF.render(Self.model())).write(to: URL(fileURLWithPath: path))
        let pdf = try PDFStructure(path: path)
        let text = pdf.pageTexts.joined(separator: "\n").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for expected in [
            "Stale evidence", "Evidence cited", "docs/[x](javascript:alert(1))<b>|`x`.md", "javascript:alert(2)",
            "https://runbooks.example.com/backups?a=1&b=2", "for Practice <i>one</i>", "infra/\\u{1B}[31mred.tf:1-3",
        ] {
            #expect(text.contains(expected), "pdftotext lost \(expected)")
        }
        let uris = pdf.links.compactMap(\.uri)
        #expect(uris.contains { $0.hasPrefix("https://runbooks.example.com/backups") }, "\(uris)")
        #expect(!uris.contains { $0.lowercased().contains("javascript") }, "\(uris)")
    }

    @Test func textconvShowsEachCitationOnItsOwnLineEscaped() throws {
        let question = LensQuestion(
            id: "sec_identities", title: "How do you manage identities?",
            choices: [LensChoice(id: Self.practice, title: "Use strong sign-in mechanisms")], riskRules: [])
        let answer = Answer(
            selectedChoices: [Self.practice],
            evidence: [
                Evidence(url: "https://example.com/\u{1B}]8;;x"),
                Evidence(path: "infra/a.tf\nEvidence: forged", confirmedId: "0123456789abcdef0123456789abcdef01234567"),
                Evidence(choiceId: Self.practice, path: "iam/policy.json", lines: "3-9", confirmedId: "fedcba9876543210fedcba9876543210fedcba98"),
                Evidence(choiceId: "gone", path: "x", confirmedId: nil),
            ])
        let text = TextconvText.answer(StoredAnswerView(answer: answer, updatedAt: nil), question: question, lensAlias: "wellarchitected", questionId: "sec_identities")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).filter { $0.hasPrefix("Evidence: ") }
        #expect(
            lines == [
                "Evidence: https://example.com/\\u{1B}]8;;x (URL, not checked)",
                "Evidence: infra/a.tf\\u{A}Evidence: forged (confirmed at 0123456789ab)",
                "Evidence: iam/policy.json:3-9 \u{2014} for Use strong sign-in mechanisms (confirmed at fedcba987654)",
                "Evidence: x \u{2014} for gone (no recorded id)",
            ], "\(text)")
        #expect(!text.contains("\u{1B}"))
    }
}
