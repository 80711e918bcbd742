import Foundation
import Testing
import WelltreeCore

@testable import WelltreePDF
@testable import WelltreeReports

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The structure of the workload report as the service's has it, and how a reader moves
/// through it: a table of contents (with the page each entry lands on, in the PDF), bookmarks,
/// and links from the improvement plan to each question, in the PDF and the HTML alike.
@Suite struct ReportNavigationTests {
    let directory = NSTemporaryDirectory() + "welltree-navigation-" + UUID().uuidString

    /// The fixture with a note long enough to push the later questions onto later pages, and
    /// a second lens, so page numbers and lens positions both vary.
    static func model(lenses: Int = 2) -> WorkloadReportModel {
        var model = ReportFixture.model()
        model.lenses[0].pillars[0].questions[0].notes = (1...150).map { "Line \($0) of a note long enough to wrap." }.joined(separator: " ")
        for index in 1..<lenses {
            var other = ReportFixture.lensReport()
            other.alias = "second-\(index)"
            other.name = "Second Lens \(index)"
            model.lenses.append(other)
        }
        return model
    }

    func pdf(_ model: WorkloadReportModel) throws -> PDFStructure {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/report-\(UUID().uuidString).pdf"
        try Data(try WorkloadReportPDF.render(model)).write(to: URL(fileURLWithPath: path))
        return try PDFStructure(path: path)
    }

    /// The contents on page 1 list every entry in order with the page its section starts on:
    /// the number printed is the page of the destination it links to, and that page shows the
    /// entry's title.
    @Test(arguments: [1, 2, 12])
    func contentsPageNumbersAreWhereSectionsLand(lenses: Int) throws {
        // KEEP defer { try? FileManager.default.removeItem(atPath: directory) }
        let model = Self.model(lenses: lenses)
        let pdf = try pdf(model)
        let entries = ReportContents.entries(model)
        // The contents' own pages: those before the first section.
        let contentsPages = try #require(pdf.destinations["properties"]) - 1
        #expect(lenses == 12 ? contentsPages > 1 : contentsPages == 1, "contents pages: \(contentsPages)")
        let lines = (1...contentsPages).flatMap { pdf.pageTexts[$0 - 1].split(separator: "\n") }
            .compactMap { $0.wholeMatch(of: /\s*(.*?)\s{2,}(\d+)\s*/) }
            .map { (title: String($0.1), page: Int($0.2)!) }
        #expect(lines.map(\.title) == entries.map(\.title))
        for (entry, line) in zip(entries, lines) {
            let name = ReportContents.pdfName(entry.anchor)
            #expect(pdf.destinations[name] == line.page, "\(entry.title): listed on \(line.page)")
            #expect(pdf.text(ofPage: line.page).contains(entry.title), "\(entry.title) is on page \(line.page)")
        }
        // Sections start on their own pages in the service's order.
        let order = ["properties", "overview", "improvement-plan", "details"].map { pdf.destinations[$0] ?? 0 }
        #expect(order == order.sorted() && order[1] < order[2] && order[2] < order[3])
        // Every line of the contents is a link to its entry.
        let contentsLinks = pdf.links.filter { $0.page <= contentsPages }.compactMap(\.destination)
        #expect(contentsLinks == entries.map { ReportContents.pdfName($0.anchor) })
        // "Page N of M" agrees with the page numbers listed.
        #expect(pdf.text(ofPage: contentsPages + 1).contains("Page \(contentsPages + 1) of \(pdf.pageTexts.count)"))
    }

    /// The outline holds the contents' entries and, under each pillar, its questions, each on
    /// the page it is drawn on.
    @Test func bookmarksFollowTheReport() throws {
        // KEEP defer { try? FileManager.default.removeItem(atPath: directory) }
        let model = Self.model()
        let pdf = try pdf(model)
        var expected = [PDFStructure.OutlineItem(level: 0, title: "Contents", page: 1)]
        for entry in ReportContents.entries(model) {
            expected.append(
                .init(level: entry.level, title: entry.title, page: pdf.destinations[ReportContents.pdfName(entry.anchor)] ?? 0))
            if case .pillar(let lens, let pillar) = entry.anchor {
                for (index, question) in model.lenses[lens].pillars[pillar].questions.enumerated() {
                    let page = pdf.destinations[ReportContents.pdfName(.question(lens: lens, pillar: pillar, question: index))] ?? 0
                    expected.append(.init(level: 3, title: question.title, page: page))
                    #expect(pdf.text(ofPage: page).contains(question.title), "\(question.title) on page \(page)")
                }
            }
        }
        #expect(pdf.outline == expected)
        #expect(expected.allSatisfy { $0.page > 0 })
    }

    /// Each item of the improvement plan links to its question in the lens details, and each
    /// practice's page is a web link.
    @Test func improvementItemsLinkToTheirQuestions() throws {
        // KEEP defer { try? FileManager.default.removeItem(atPath: directory) }
        let model = Self.model()
        let pdf = try pdf(model)
        let plan = try #require(pdf.destinations["improvement-plan"])
        let details = try #require(pdf.destinations["details"])
        let planLinks = pdf.links.filter { (plan..<details).contains($0.page) }
        for (index, lens) in model.lenses.enumerated() {
            #expect(!lens.improvements.isEmpty)
            for item in lens.improvements {
                let anchor = try #require(ReportContents.questionAnchor(item, lens: index, in: lens))
                let name = ReportContents.pdfName(anchor)
                #expect(planLinks.contains { $0.destination == name }, "no link to \(item.questionTitle)")
                let page = try #require(pdf.destinations[name])
                #expect(page >= details && pdf.text(ofPage: page).contains(item.questionTitle))
                for choice in item.missingChoices {
                    #expect(planLinks.contains { $0.uri == ReportWording.improvementLink(choice) }, "\(choice.id)")
                }
            }
        }
        // Every internal link goes somewhere.
        for link in pdf.links {
            if let destination = link.destination { #expect(pdf.destinations[destination] != nil, "\(destination)") }
        }
    }

    /// A lens link is untrusted: cairo 1.16 writes a link's address into the PDF unescaped,
    /// so an address holding `)` could end the string and add a JavaScript action. Addresses
    /// are percent-encoded down to characters that need no escaping; only http(s) is linked.
    @Test func webLinksCannotAddPDFObjects() throws {
        // KEEP defer { try? FileManager.default.removeItem(atPath: directory) }
        var model = ReportFixture.model()
        let hostile = "https://example.com/a)>>/S/JavaScript/JS(app.alert(1))/X(\\' é"
        let identities = try #require(model.lenses[0].improvements.firstIndex { $0.questionId == "sec_identities" })
        model.lenses[0].improvements[identities].missingChoices[0].improvementPlan?.url = hostile
        model.lenses[0].improvements[identities].missingChoices[1].improvementPlan?.url = "javascript:app.alert(1)"
        let pdf = try pdf(model)
        // Unescaped, the file would hold the address's ")>>/S/JavaScript/JS(app.alert(1))" as PDF.
        #expect(!pdf.raw.contains(")>>/S/JavaScript") && !pdf.raw.contains("/S /JavaScript"))
        let uris = pdf.links.compactMap(\.uri)
        #expect(uris.count == pdf.raw.matches(of: /\/URI \(/).count)
        #expect(uris.allSatisfy { !$0.contains { "()\\'".contains($0) } }, "\(uris)")
        #expect(uris.contains("https://example.com/a%29%3E%3E/S/JavaScript/JS%28app.alert%281%29%29/X%28%5C%27%20%C3%A9"), "\(uris)")
        #expect(!uris.contains { $0.hasPrefix("javascript") })
        #expect(PDFCanvas.linkAddress("HTTPS://example.com/x") == "HTTPS://example.com/x")
        #expect(PDFCanvas.linkAddress("file:///etc/passwd") == nil)
    }

    /// A workload with a single milestone draws two dots and no line: text leaves cairo's
    /// current point behind, and an arc starts with a line from it. Read back as pixels, the
    /// high-risk (red) and medium-risk (orange) marks of the plot are dots.
    @Test func aSingleMilestoneIsDrawnAsDotsWithoutAStrayLine() throws {
        // KEEP defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let canvas = try PDFCanvas()
        PDFCharts.trend([TrendPoint(label: "1. Initial review", high: 2, medium: 0)], title: "Trend", on: canvas)
        let path = directory + "/trend.pdf"
        try Data(canvas.finish(title: "Trend") { _, _ in "" }).write(to: URL(fileURLWithPath: path))
        _ = try PDFStructure.run("pdftoppm", ["-r", "72", "-f", "1", "-l", "1", path, directory + "/trend"])
        let image = try PPM(path: directory + "/trend-1.ppm")
        func isRed(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Bool { r > 170 && g < 110 && b < 90 }
        func isOrange(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Bool { r > 220 && (110...185).contains(g) && b < 130 }
        // Above the legend, whose swatches have the same colours: the first red row left of the plot.
        let legend = try #require(
            (0..<image.height).first { y in
                (0..<70).contains { x in
                    let (r, g, b) = image.pixel(x, y)
                    return isRed(r, g, b)
                }
            })
        func box(_ matches: (UInt8, UInt8, UInt8) -> Bool) -> (width: Int, height: Int)? {
            var xs: [Int] = [], ys: [Int] = []
            for y in 0..<(legend - 2) {
                for x in 0..<image.width {
                    let (r, g, b) = image.pixel(x, y)
                    guard matches(r, g, b) else { continue }
                    xs.append(x)
                    ys.append(y)
                }
            }
            guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max() else { return nil }
            return (maxX - minX + 1, maxY - minY + 1)
        }
        let red = try #require(box(isRed))
        let orange = try #require(box(isOrange))
        #expect(red.width <= 8 && red.height <= 8, "the high-risk mark spans \(red)")
        #expect(orange.width <= 8 && orange.height <= 8, "the medium-risk mark spans \(orange)")
    }

    // MARK: HTML

    /// Parses the page and collects ids and internal links.
    final class Anchors: NSObject, XMLParserDelegate {
        var ids: [String] = []
        var internalLinks: [(href: String, text: String, inSection: String?)] = []
        private var sections: [String?] = []
        private var link: (href: String, text: String)?

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            if let id = attributes["id"] { ids.append(id) }
            if name == "section" || name == "nav" { sections.append(attributes["id"] ?? sections.last ?? nil) }
            if name == "a", let href = attributes["href"], href.hasPrefix("#") { link = (String(href.dropFirst()), "") }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "section" || name == "nav" { sections.removeLast() }
            if name == "a", let link {
                internalLinks.append((link.href, link.text, sections.first ?? nil))
                self.link = nil
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { link?.text += string }
    }

    func anchors(_ html: String) throws -> Anchors {
        let parser = XMLParser(data: Data(html.utf8))
        let anchors = Anchors()
        parser.delegate = anchors
        #expect(parser.parse(), "not well-formed: \(parser.parserError.map { "\($0)" } ?? "?")")
        return anchors
    }

    /// The HTML report has the same contents as the PDF, every internal link resolves to one
    /// element, ids are unique, and the improvement plan links each question to its details.
    @Test func htmlContentsAndImprovementLinksResolve() throws {
        let model = Self.model()
        let html = WorkloadReportHTML.render(model)
        let anchors = try anchors(html)
        #expect(Set(anchors.ids).count == anchors.ids.count, "duplicate ids")
        for link in anchors.internalLinks { #expect(anchors.ids.contains(link.href), "#\(link.href) resolves") }
        let contents = anchors.internalLinks.filter { $0.inSection == "contents" }
        let entries = ReportContents.entries(model)
        #expect(contents.map(\.text) == entries.map(\.title))
        #expect(contents.map(\.href) == entries.map { ReportContents.htmlId($0.anchor, in: model) })
        let plan = anchors.internalLinks.filter { $0.inSection == "improvement-plan" }
        let items = model.lenses.enumerated().flatMap { index, lens in
            [Risk.high, .medium].flatMap { risk in
                ReportContents.items(lens, risk).map { item in
                    (item.questionTitle, ReportContents.htmlId(ReportContents.questionAnchor(item, lens: index, in: lens)!, in: model))
                }
            }
        }
        #expect(plan.map(\.text) == items.map(\.0))
        #expect(plan.map(\.href) == items.map(\.1))
        #expect(plan.first?.href == "q.sample.sec_identities")
        // The sections in the service's order.
        let order = ["contents", "properties", "overview", "improvement-plan", "details"].map { id in
            html.range(of: "id=\"\(id)\"")?.lowerBound
        }
        #expect(order.allSatisfy { $0 != nil } && order.map { $0! } == order.map { $0! }.sorted())
    }

    /// A question's id joins the lens alias and the question id with a character neither has,
    /// so lens `a-b`'s question `c` and lens `a`'s question `b-c` keep distinct ids (an AWS
    /// question id may hold `-`, and so may an alias).
    @Test func questionIdsOfDifferentLensesNeverCollide() throws {
        func lens(_ alias: String, question: String) -> LensReport {
            LensReport(
                alias: alias, name: alias, version: "1.0", type: .customSelf,
                pillars: [
                    PillarReport(
                        id: "p", name: "P", riskCounts: RiskCounts(),
                        questions: [QuestionReport(id: question, title: question, risk: .high)])
                ],
                riskCounts: RiskCounts(),
                improvements: [
                    ImprovementItem(
                        pillarId: "p", pillarName: "P", questionId: question, questionTitle: question, risk: .high, missingChoices: [],
                        improvementPlanURL: nil)
                ])
        }
        var model = ReportFixture.model()
        // The last: ids a hand-edited lens could hold; escaped, they still name one element each.
        model.lenses = [lens("a-b", question: "c"), lens("a", question: "b-c"), lens("x", question: "q\"><b id='y'>&amp;")]
        let anchors = try anchors(WorkloadReportHTML.render(model))
        #expect(Set(anchors.ids).count == anchors.ids.count, "\(anchors.ids)")
        #expect(anchors.ids.contains("q.x.q\"><b id='y'>&amp;"))
        let plan = anchors.internalLinks.filter { $0.inSection == "improvement-plan" }.map(\.href)
        #expect(plan == ["q.a-b.c", "q.a.b-c", "q.x.q\"><b id='y'>&amp;"])
        for link in anchors.internalLinks { #expect(anchors.ids.contains(link.href), "#\(link.href) resolves") }
    }

    /// With one milestone the SVG trend draws two dots and only the horizontal grid lines.
    @Test func htmlTrendOfOneMilestoneHasNoLine() {
        let svg = SVGChart.trend([TrendPoint(label: "1. Initial review", high: 2, medium: 0)], title: "Trend")
        #expect(!svg.contains("<polyline") && !svg.contains("<path"))
        #expect(svg.components(separatedBy: "<circle").count - 1 == 2)
        for line in svg.matches(of: /<line x1="\d+" y1="(\d+)" x2="\d+" y2="(\d+)"/) { #expect(line.1 == line.2) }
    }
}

/// A binary PPM image (`pdftoppm -ppm`): width, height and RGB bytes.
struct PPM {
    let width: Int
    let height: Int
    private let pixels: [UInt8]

    init(path: String) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        // "P6\n<width> <height>\n255\n" then the pixels.
        var fields: [Int] = []
        var index = 2
        while fields.count < 3 {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A { index += 1 }
            var value = 0
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) {
                value = value * 10 + Int(bytes[index] - 0x30)
                index += 1
            }
            fields.append(value)
        }
        width = fields[0]
        height = fields[1]
        pixels = Array(bytes[(index + 1)...])
    }

    func pixel(_ x: Int, _ y: Int) -> (UInt8, UInt8, UInt8) {
        let offset = (y * width + x) * 3
        return (pixels[offset], pixels[offset + 1], pixels[offset + 2])
    }
}
