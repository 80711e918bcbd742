import WelltreeCore
import WelltreeReports

/// The workload (or milestone) report as PDF: selectable text, wrapped notes, charts drawn as
/// vectors and "Page N of M" footers, from the same model as the other formats.
package enum WorkloadReportPDF {
    typealias Style = PDFCanvas.Style
    typealias Colour = PDFCanvas.Colour

    /// The PDF's bytes. Throws when cairo or Pango cannot be loaded (they are loaded on the
    /// first render, not linked: see `PangoCairo`).
    package static func render(_ model: WorkloadReportModel) throws(PDFError) -> [UInt8] {
        let canvas = try PDFCanvas()
        header(model, on: canvas)

        heading("Workload properties", on: canvas)
        for (key, value) in ReportWording.properties(model) {
            canvas.ensureSpace(16)
            canvas.label(key, x: canvas.margin, y: canvas.y, style: Style(size: 9, bold: true, colour: .muted))
            canvas.paragraph(value, style: Style(size: 9.5), indent: 130, after: 3)
        }

        heading("Risks", on: canvas)
        let counts = model.riskCounts
        canvas.paragraph("\(counts[.high]) high risks, \(counts[.medium]) medium risks; \(counts.answered) of \(counts.total) questions answered.")
        canvas.paragraph("High and medium risks across milestones", style: Style(size: 10, bold: true), after: 2)
        PDFCharts.trend(model.trendPoints, on: canvas)

        for lens in model.lenses { self.lens(lens, on: canvas) }
        let title = ReportWording.title(model)
        return canvas.finish(title: title) { page, count in "\(title)  \u{00B7}  Page \(page) of \(count)" }
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

    static func heading(_ text: String, level: Int = 1, on canvas: PDFCanvas) {
        let size = level == 1 ? 15.0 : level == 2 ? 12.5 : 11
        canvas.ensureSpace(size * 4)
        canvas.space(level == 1 ? 10 : 6)
        canvas.paragraph(text, style: Style(size: size, bold: true), after: level == 1 ? 2 : 3)
        if level == 1 { canvas.rule() }
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

    static func lens(_ lens: LensReport, on canvas: PDFCanvas) {
        canvas.newPage()
        heading("\(lens.name) \(lens.version)", on: canvas)
        pillarTable(lens, on: canvas)
        canvas.paragraph("Risks per pillar", style: Style(size: 10, bold: true), after: 2)
        PDFCharts.riskBars(lens.pillars.map { ($0.name, $0.riskCounts) }, on: canvas)
        for pillar in lens.pillars {
            heading(pillar.name, level: 2, on: canvas)
            for question in pillar.questions { self.question(question, on: canvas) }
        }
        heading("Improvement plan", level: 2, on: canvas)
        improvementPlan(lens.improvements, on: canvas)
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
        let top = canvas.y
        canvas.label("Pillar", x: canvas.margin, y: top, style: Style(size: 9, bold: true, colour: .muted))
        for (name, x) in columns { canvas.label(name, x: canvas.margin + x, y: top, style: Style(size: 9, bold: true, colour: .muted), align: 1) }
        canvas.moveTo(top + 15)
        for pillar in lens.pillars { row(pillar.name, pillar.riskCounts, bold: false) }
        row("Total", lens.riskCounts, bold: true)
        canvas.space(8)
    }

    static func question(_ question: QuestionReport, on canvas: PDFCanvas) {
        canvas.ensureSpace(48)
        canvas.space(4)
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
        canvas.space(4)
    }

    static func improvementPlan(_ items: [ImprovementItem], on canvas: PDFCanvas) {
        guard !items.isEmpty else {
            canvas.paragraph("No high or medium risks: nothing to improve.")
            return
        }
        for (index, item) in items.enumerated() {
            canvas.ensureSpace(40)
            canvas.paragraph("\(index + 1). \(item.questionTitle)", style: Style(size: 10, bold: true), after: 1)
            canvas.paragraph("\(ReportWording.risk(item.risk).uppercased())   \(item.pillarName)", style: Style(size: 8.5, bold: true, colour: colour(item.risk)), indent: 14, after: 2)
            for choice in item.missingChoices {
                canvas.paragraph("\u{2022} \(choice.title)", style: Style(size: 9.5), indent: 14, after: 0)
                if let plan = ReportWording.improvementText(choice) {
                    canvas.paragraph(plan, style: Style(size: 8.5, colour: .muted), indent: 24, after: 0)
                }
                if let url = ReportWording.improvementLink(choice) {
                    canvas.paragraph(url, style: Style(size: 7.5, colour: .accent), indent: 24, after: 1)
                }
            }
            canvas.space(4)
        }
    }
}
