import WelltreeCore
import WelltreeReports

/// The workload (or milestone) report as PDF: selectable text, wrapped notes, charts drawn as
/// vectors and "Page N of M" footers, from the same model as the other formats.
///
/// It follows the service's report (`ReportContents`): a table of contents with page numbers,
/// the properties, the lens overview, the improvement plan (high risks, then medium risks) and
/// the lens details per pillar. The contents and every improvement item link to where they
/// point, web addresses are links, and the PDF outline (bookmarks) has every section, lens,
/// pillar and question.
package enum WorkloadReportPDF {
    typealias Style = PDFCanvas.Style
    typealias Colour = PDFCanvas.Colour
    typealias Anchor = ReportContents.Anchor

    /// The PDF's bytes. Throws when cairo or Pango cannot be loaded (they are loaded on the
    /// first render, not linked: see `PangoCairo`).
    package static func render(_ model: WorkloadReportModel) throws(PDFError) -> [UInt8] {
        let canvas = try PDFCanvas()
        header(model, on: canvas)
        // The contents come first but list where later sections land: their pages are reserved
        // now (one line per entry), the report laid out, and the contents drawn last.
        let entries = ReportContents.entries(model)
        let contentsTop = canvas.y
        let contentsPages = [canvas.page] + canvas.reservePages(Contents.pageCount(entries.count, top: contentsTop, on: canvas) - 1)
        canvas.bookmark("Contents", level: 0, destination: Contents.destination)

        section(.properties, ReportContents.propertiesTitle(model), on: canvas)
        for (key, value) in ReportWording.properties(model) {
            canvas.ensureSpace(16)
            canvas.label(key, x: canvas.margin, y: canvas.y, style: Style(size: 9, bold: true, colour: .muted))
            canvas.paragraph(value, style: Style(size: 9.5), indent: 130, after: 3)
        }

        // Each section starts a page, as in the service's report.
        canvas.newPage()
        section(.overview, "Lens overview", open: true, on: canvas)
        let counts = model.riskCounts
        canvas.paragraph("\(counts[.high]) high risks, \(counts[.medium]) medium risks; \(counts.answered) of \(counts.total) questions answered.")
        PDFCharts.trend(model.trendPoints, title: "High and medium risks across milestones", on: canvas)
        for (index, lens) in model.lenses.enumerated() {
            section(.lensOverview(lens: index), ReportContents.lensTitle(lens), level: 1, on: canvas)
            canvas.paragraph("Lens version \(lens.version); \(lens.riskCounts.answered) of \(lens.riskCounts.total) questions answered.", style: Style(size: 9.5))
            if let sentence = ReportWording.prioritized(lens) { canvas.paragraph(sentence, style: Style(size: 9.5)) }
            if let notes = lens.notes { self.notes("Lens notes", notes, on: canvas) }
            pillarTable(lens, on: canvas)
            PDFCharts.riskBars(lens.pillars.map { ($0.name, $0.riskCounts) }, title: "Risks per pillar", on: canvas)
        }

        canvas.newPage()
        section(.improvementPlan, "Improvement plan", open: true, on: canvas)
        for (index, lens) in model.lenses.enumerated() {
            section(.lensImprovements(lens: index), ReportContents.lensTitle(lens), level: 1, open: true, on: canvas)
            for risk in [Risk.high, .medium] {
                let items = ReportContents.items(lens, risk)
                section(.risk(lens: index, risk), ReportContents.riskTitle(risk, count: items.count), level: 2, on: canvas)
                if items.isEmpty {
                    canvas.paragraph("No \(risk == .high ? "high" : "medium") risks.", style: Style(size: 9.5))
                }
                improvementPlan(items, showingRisk: false, on: canvas) { item in
                    ReportContents.questionAnchor(item, lens: index, in: lens).map(ReportContents.pdfName)
                }
            }
        }

        canvas.newPage()
        section(.details, "Lens details", open: true, on: canvas)
        for (index, lens) in model.lenses.enumerated() {
            if index > 0 { canvas.newPage() }
            section(.lensDetails(lens: index), ReportContents.lensTitle(lens), level: 1, open: true, on: canvas)
            for (pillarIndex, pillar) in lens.pillars.enumerated() {
                section(.pillar(lens: index, pillar: pillarIndex), pillar.name, level: 2, on: canvas)
                if let notes = pillar.notes { self.notes("Pillar notes", notes, on: canvas) }
                for (questionIndex, question) in pillar.questions.enumerated() {
                    self.question(question, anchor: .question(lens: index, pillar: pillarIndex, question: questionIndex), on: canvas)
                }
            }
        }

        Contents.draw(entries, pages: contentsPages, top: contentsTop, on: canvas)
        let title = ReportWording.title(model)
        return canvas.finish(title: title) { page, count in "\(title)  \u{00B7}  Page \(page) of \(count)" }
    }

    /// The table of contents, drawn on pages reserved before the report was laid out: one line
    /// per entry, its title linked to the entry and its page number right-aligned.
    enum Contents {
        static let destination = "contents"
        static let headingHeight = 40.0
        static let rowHeight = 16.0

        /// How many pages `count` entries take when the first page has room from `top` down.
        static func pageCount(_ count: Int, top: Double, on canvas: PDFCanvas) -> Int {
            let first = max(0, Int((canvas.bottom - top - headingHeight) / rowHeight))
            let later = Int((canvas.bottom - canvas.margin) / rowHeight)
            return count <= first ? 1 : 1 + (count - first + later - 1) / later
        }

        static func draw(_ entries: [ReportContents.Entry], pages: [Int], top: Double, on canvas: PDFCanvas) {
            let pageOf = Dictionary(canvas.destinations.map { ($0.name, $0.page) }, uniquingKeysWith: { first, _ in first })
            var remaining = entries[...]
            for (position, page) in pages.enumerated() {
                canvas.drawing(onPage: page, top: position == 0 ? top : canvas.margin) {
                    if position == 0 {
                        canvas.space(8)
                        canvas.anchor(destination)
                        canvas.paragraph("Contents", style: Style(size: 15, bold: true), after: 2)
                        canvas.rule()
                        canvas.moveTo(top + headingHeight)
                    }
                    while let entry = remaining.first, canvas.y + rowHeight <= canvas.bottom {
                        remaining.removeFirst()
                        row(entry, page: pageOf[ReportContents.pdfName(entry.anchor)], on: canvas)
                    }
                }
            }
        }

        static func row(_ entry: ReportContents.Entry, page: Int?, on canvas: PDFCanvas) {
            let indent = Double(entry.level) * 14
            let style = entry.level == 0 ? Style(size: 10.5, bold: true) : Style(size: 9.5)
            let top = canvas.y
            let number = page.map { "\($0 + 1)" } ?? ""
            canvas.label(entry.title, x: canvas.margin + indent, y: top, style: style, width: canvas.contentWidth - indent - 40)
            canvas.label(number, x: canvas.pageWidth - canvas.margin, y: top, style: style, align: 1)
            canvas.link(
                x: canvas.margin, y: top, width: canvas.contentWidth, height: rowHeight - 2,
                to: .destination(ReportContents.pdfName(entry.anchor)))
            canvas.moveTo(top + rowHeight)
        }
    }

    static func header(_ model: WorkloadReportModel, on canvas: PDFCanvas) {
        canvas.paragraph(model.milestone == nil ? "Well-Architected workload report" : "Well-Architected milestone report",
                         style: Style(size: 10, colour: .muted), after: 2)
        canvas.paragraph(model.workload.name, style: Style(size: 20, bold: true), after: 4)
        if let milestone = model.milestone {
            canvas.paragraph(ReportWording.milestone(milestone), style: Style(size: 10, bold: true, colour: .accent), after: 4)
        }
        var generated = "Generated \(ReportWording.time(model.generatedAt))"
        if let commit = model.commit { generated += " from commit \(commit.prefix(12))" }
        canvas.paragraph(generated + ".", style: Style(size: 9, colour: .muted), after: 6)
        canvas.rule()
    }

    /// A heading that is a destination and a bookmark: level 0 for a section, 1 for a lens, 2
    /// for a risk group or a pillar.
    static func section(_ anchor: Anchor, _ title: String, level: Int = 0, open: Bool = false, on canvas: PDFCanvas) {
        heading(title, level: level + 1, on: canvas) {
            canvas.anchor(ReportContents.pdfName(anchor))
            canvas.bookmark(title, level: level, destination: ReportContents.pdfName(anchor), open: open)
        }
    }

    /// A heading; `placed` runs once its page is settled, just before it is drawn.
    static func heading(_ text: String, level: Int = 1, on canvas: PDFCanvas, placed: () -> Void = {}) {
        let size = level == 1 ? 15.0 : level == 2 ? 12.5 : 11
        canvas.ensureSpace(size * 4)
        canvas.space(level == 1 ? 10 : 6)
        placed()
        canvas.paragraph(text, style: Style(size: size, bold: true), after: level == 1 ? 2 : 3)
        if level == 1 { canvas.rule() }
    }

    /// Lens or pillar notes under their label, wrapped, continuing on the next page if long.
    static func notes(_ label: String, _ text: String, on canvas: PDFCanvas) {
        canvas.ensureSpace(32)
        canvas.paragraph(label, style: Style(size: 8.5, bold: true, colour: .muted), after: 1)
        canvas.paragraph(text, style: Style(size: 9.5), indent: 6, after: 6)
    }

    static func colour(_ risk: Risk) -> Colour {
        switch risk {
        case .high: .high
        case .medium: .medium
        case .none: .none
        case .notApplicable: .notApplicable
        case .unanswered: .muted
        }
    }

    static func pillarTable(_ lens: LensReport, on canvas: PDFCanvas) {
        let columns: [(String, Double)] = [("Questions answered", 330), ("High risks", 410), ("Medium risks", 495)]
        func row(_ name: String, _ c: RiskCounts, bold: Bool) {
            canvas.ensureSpace(16)
            let top = canvas.y
            let style = Style(size: 9.5, bold: bold)
            canvas.label(name, x: canvas.margin, y: top, style: style, width: 260)
            for (index, value) in ["\(c.answered)/\(c.total)", "\(c[.high])", "\(c[.medium])"].enumerated() {
                canvas.label(value, x: canvas.margin + columns[index].1, y: top, style: style, align: 1)
            }
            canvas.moveTo(top + 15)
            canvas.line(from: (canvas.margin, canvas.y - 1), to: (canvas.pageWidth - canvas.margin, canvas.y - 1), colour: .rule, width: 0.4)
        }
        canvas.ensureSpace(32)
        let top = canvas.y
        canvas.label("Pillar", x: canvas.margin, y: top, style: Style(size: 9, bold: true, colour: .muted))
        for (name, x) in columns { canvas.label(name, x: canvas.margin + x, y: top, style: Style(size: 9, bold: true, colour: .muted), align: 1) }
        canvas.moveTo(top + 15)
        for pillar in lens.pillars { row(pillar.name, pillar.riskCounts, bold: false) }
        row("Total", lens.riskCounts, bold: true)
        canvas.space(8)
    }

    /// One question of the lens details, a destination and a bookmark under its pillar.
    static func question(_ question: QuestionReport, anchor: Anchor? = nil, on canvas: PDFCanvas) {
        canvas.ensureSpace(48)
        canvas.space(4)
        if let anchor {
            canvas.anchor(ReportContents.pdfName(anchor))
            canvas.bookmark(question.title, level: 3, destination: ReportContents.pdfName(anchor))
        }
        canvas.paragraph(question.title, style: Style(size: 10.5, bold: true), after: 1)
        var status = ReportWording.risk(question.risk).uppercased() + "   \(question.id)"
        if !question.isApplicable, let reason = question.reason { status += "   Question does not apply: \(ReportWording.reason(reason))" }
        canvas.paragraph(status, style: Style(size: 8.5, bold: true, colour: colour(question.risk)), after: 3)
        if !question.selected.isEmpty {
            canvas.paragraph("Selected best practices", style: Style(size: 8.5, bold: true, colour: .muted), indent: 10, after: 1)
            for choice in question.selected { canvas.paragraph("\u{2022} \(choice.title)", style: Style(size: 9.5), indent: 16, after: 1) }
        }
        if !question.notApplicable.isEmpty {
            canvas.paragraph("Best practices marked not applicable", style: Style(size: 8.5, bold: true, colour: .muted), indent: 10, after: 1)
            for na in question.notApplicable {
                let text = "\u{2022} \(na.choice.title) \u{2014} \(ReportWording.reason(na.reason))" + (na.notes.map { ": \($0)" } ?? "")
                canvas.paragraph(text, style: Style(size: 9.5), indent: 16, after: 1)
            }
        }
        if let notes = question.notes {
            canvas.paragraph("Notes", style: Style(size: 8.5, bold: true, colour: .muted), indent: 10, after: 1)
            canvas.paragraph(notes, style: Style(size: 9.5), indent: 16, after: 2)
        }
        if !question.evidence.isEmpty {
            canvas.paragraph("Evidence", style: Style(size: 8.5, bold: true, colour: .muted), indent: 10, after: 1)
            evidenceList(question.evidence, indent: 16, on: canvas)
        }
        canvas.space(4)
    }

    /// Citations, one bullet each: a URL is a link of the page (only http and https ever become
    /// one), a path is text; control characters are drawn visibly by the canvas.
    static func evidenceList(_ evidence: [(evidence: Evidence, practice: String?)], indent: Double, on canvas: PDFCanvas) {
        for (evidence, practice) in evidence {
            let text = "\u{2022} \(evidence.location)" + (practice.map { " \u{2014} for \($0)" } ?? "")
            let target = evidence.url.map(PDFCanvas.LinkTarget.web)
            canvas.paragraph(text, style: Style(size: 9.5), indent: indent, after: 1, link: target)
        }
    }

    /// Numbered improvement items: the question (a link to its details when `destination`
    /// names one), its pillar, and each practice to adopt with its improvement plan text and
    /// link.
    static func improvementPlan(
        _ items: [ImprovementItem], showingRisk: Bool = true, on canvas: PDFCanvas, destination: (ImprovementItem) -> String? = { _ in nil }
    ) {
        if items.isEmpty, showingRisk {
            canvas.paragraph("No high or medium risks: nothing to improve.")
            return
        }
        for (index, item) in items.enumerated() {
            canvas.ensureSpace(40)
            let target = destination(item)
            canvas.paragraph(
                "\(index + 1). \(item.questionTitle)", style: Style(size: 10, bold: true, colour: target == nil ? .ink : .accent), after: 1,
                link: target.map { .destination($0) })
            let label = (showingRisk ? ReportWording.risk(item.risk).uppercased() + "   " : "") + item.pillarName
            canvas.paragraph(label, style: Style(size: 8.5, bold: true, colour: colour(item.risk)), indent: 14, after: 2)
            for choice in item.missingChoices {
                canvas.paragraph("\u{2022} \(choice.title)", style: Style(size: 9.5), indent: 14, after: 0)
                if let plan = ReportWording.improvementText(choice) {
                    canvas.paragraph(plan, style: Style(size: 8.5, colour: .muted), indent: 24, after: 0)
                }
                if let url = ReportWording.improvementLink(choice) {
                    canvas.paragraph(url, style: Style(size: 7.5, colour: .accent), indent: 24, after: 1, link: .web(url))
                }
            }
            canvas.space(4)
        }
    }
}
