import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import WelltreeCore
@testable import WelltreeReports

/// Structural checks of the HTML reports: well-formed, self-contained, escaped, charts present.
@Suite struct ReportHTMLTests {
    /// Parses the page as XML and collects what the checks need.
    final class Outline: NSObject, XMLParserDelegate {
        var elements: [String] = []
        var attributes: [[String: String]] = []
        var text = ""
        var svgInFigures: [String] = []
        private var figureIds: [String] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            elements.append(name)
            self.attributes.append(attributes)
            if name == "figure" { figureIds.append(attributes["id"] ?? attributes["class"] ?? "") }
            if name == "svg", let figure = figureIds.last { svgInFigures.append(figure) }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "figure" { figureIds.removeLast() }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
    }

    func outline(_ html: String) throws -> Outline {
        let parser = XMLParser(data: Data(html.utf8))
        let outline = Outline()
        parser.delegate = outline
        let ok = parser.parse()
        #expect(ok, "not well-formed: \(parser.parserError.map { "\($0)" } ?? "?") at line \(parser.lineNumber)")
        return outline
    }

    /// Nothing is fetched: no scripts, external styles, images or fonts.
    func expectSelfContained(_ html: String, _ outline: Outline) {
        #expect(!outline.elements.contains("script"))
        #expect(!outline.elements.contains("link"))
        #expect(!outline.elements.contains("img"))
        #expect(!outline.attributes.contains { $0["src"] != nil })
        #expect(!html.contains("@import") && !html.contains("url("))
    }

    @Test func workloadReportIsWellFormedWithCharts() throws {
        let html = WorkloadReportHTML.render(ReportFixture.model())
        let outline = try outline(html)
        expectSelfContained(html, outline)
        #expect(outline.svgInFigures.contains("risk-trend"))
        #expect(outline.svgInFigures.contains("chart risks-per-pillar"))
        #expect(outline.elements.filter { $0 == "article" }.count == 5)
        #expect(outline.text.contains("Priorities are reviewed every quarter.\nNext review: December, with the 東京 team."))
        #expect(outline.text.contains("Governance is set by the parent company"))
        #expect(outline.text.contains("Reviewed with the storefront team; next review in March."))
        #expect(outline.text.contains("Penetration test booked for January.\nOwner: the platform team."))
        #expect(outline.attributes.contains { $0["href"] == "https://example.com/improve/sec_identities_a" })
        #expect(html.contains("@media print"))
    }

    @Test func userTextIsEscaped() throws {
        var model = ReportFixture.model()
        let name = "<script>alert(\"x\")</script> & 'quotes'"
        model.workload.name = name
        model.workload.tags = ["<b>": "\"><img src=x>"]
        model.lenses[0].notes = "</p><script>alert(2)</script>"
        model.lenses[0].pillars[1].notes = "<img src=x onerror=alert(3)>"
        let html = WorkloadReportHTML.render(model)
        let outline = try outline(html)
        expectSelfContained(html, outline)
        #expect(outline.text.contains(name))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;"))
        #expect(html.contains("&lt;/p&gt;&lt;script&gt;alert(2)&lt;/script&gt;") && !html.contains("<script>alert(2)"))
        #expect(html.contains("&lt;img src=x onerror=alert(3)&gt;") && !html.contains("<img src=x"))
    }

    @Test func trendChartDrawsLinesOnlyWithMilestones() throws {
        let current = WorkloadReportHTML.render(ReportFixture.model())
        #expect(!current.contains("<polyline"))
        let milestone = WorkloadReportHTML.render(ReportFixture.milestoneModel())
        let outline = try outline(milestone)
        #expect(outline.elements.filter { $0 == "polyline" }.count == 2)
        #expect(outline.attributes.contains { $0["id"] == "milestone" })
        #expect(outline.text.contains("Milestone 3 \u{201C}Launch review\u{201D}"))
        #expect(outline.text.contains("good signature by Alice Example <alice@example.com>"))
    }

    @Test func consolidatedAndDashboardPages() throws {
        let model = ReportFixture.consolidated()
        let consolidated = DashboardHTML.consolidated(model)
        let outline = try outline(consolidated)
        expectSelfContained(consolidated, outline)
        #expect(outline.svgInFigures.contains("chart risks-per-workload"))
        #expect(outline.elements.filter { $0 == "section" }.count == 3)
        let dashboard = DashboardHTML.dashboard(model.summaries, totals: model.totals, generatedAt: model.generatedAt)
        let dashboardOutline = try self.outline(dashboard)
        #expect(dashboardOutline.text.contains("Internal Employee Portal"))
        #expect(dashboardOutline.svgInFigures.contains("chart risks-per-workload"))
    }
}
