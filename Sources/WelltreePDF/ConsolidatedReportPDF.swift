import WelltreeCore
import WelltreeReports

/// The consolidated report as PDF, as the Markdown and HTML forms have it: the dashboard's
/// totals and a row per workload (with the stale-evidence count when any, and the prioritized
/// high risks when a workload uses a profile), then per workload
/// and lens the pillars, the questions at risk with the best practices missing, and the
/// evidence each question cites. Its outline (bookmarks) lists the workloads and their
/// lenses.
package enum ConsolidatedReportPDF {
    typealias Style = PDFCanvas.Style

    package static let title = "Consolidated report"

    package static func render(_ model: ConsolidatedReportModel) throws(PDFError) -> [UInt8] {
        let canvas = try PDFCanvas()
        canvas.paragraph("Well-Architected consolidated report", style: Style(size: 10, colour: .muted), after: 2)
        canvas.paragraph(title, style: Style(size: 20, bold: true), after: 4)
        var generated = "Generated \(ReportWording.time(model.generatedAt))"
        if let commit = model.commit { generated += " from commit \(commit.prefix(12))" }
        canvas.paragraph(generated + ".", style: Style(size: 9, colour: .muted), after: 6)
        if let notice = model.omissionNotice {
            canvas.paragraph("Incomplete: " + notice, style: Style(size: 10, bold: true), after: 2)
            for omitted in model.omitted { canvas.paragraph("\(omitted.directory): \(omitted.reason)", style: Style(size: 9), after: 2) }
        }
        canvas.rule()

        let totals = model.totals
        WorkloadReportPDF.heading("Workloads", on: canvas) {
            canvas.anchor("workloads")
            canvas.bookmark("Workloads", level: 0, destination: "workloads")
        }
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        canvas.paragraph(
            "\(count(totals.Workloads, "workload")), \(totals.WorkloadsWithHighRisks) with high risks and "
                + "\(totals.WorkloadsWithMediumRisks) with medium risks; \(count(totals.RiskCounts[.high], "high risk")) and "
                + "\(count(totals.RiskCounts[.medium], "medium risk")) in all.")
        if let p = totals.PrioritizedRiskCounts {
            canvas.paragraph(
                "Prioritized questions of the workloads with a profile: \(count(p[.high], "high risk")) and "
                    + "\(count(p[.medium], "medium risk")) among \(p.total).")
        }
        if model.workloads.isEmpty {
            canvas.paragraph("No workloads.")
        } else {
            let stale: ((String) -> Int?)? = totals.AnswersWithStaleEvidence == nil ? nil : { model.staleEvidence(of: $0) }
            workloadTable(model.workloads, prioritized: totals.PrioritizedRiskCounts != nil, staleEvidence: stale, on: canvas)
        }
        if totals.PrioritizedRiskCounts != nil {
            canvas.space(4)
            canvas.paragraph(ReportWording.prioritizedColumn, style: Style(size: 9, colour: .muted))
        }
        if let stale = totals.AnswersWithStaleEvidence {
            canvas.space(4)
            canvas.paragraph(
                "Stale evidence: \(count(stale, "answer")) \(stale == 1 ? "cites" : "cite") evidence changed or missing since confirmed "
                    + "(welltree evidence --stale lists them).", style: Style(size: 9, colour: .muted))
        }

        for (index, workload) in model.workloads.enumerated() {
            canvas.newPage()
            canvas.anchor("workload.\(index)")
            canvas.bookmark(workload.workload.name, level: 0, destination: "workload.\(index)", open: true)
            WorkloadReportPDF.header(workload, on: canvas)
            for (lensIndex, lens) in workload.lenses.enumerated() {
                WorkloadReportPDF.heading("\(lens.name) \(lens.version)", level: 2, on: canvas) {
                    canvas.anchor("workload.\(index).\(lensIndex)")
                    canvas.bookmark("\(lens.name) \(lens.version)", level: 1, destination: "workload.\(index).\(lensIndex)")
                }
                if let sentence = ReportWording.prioritized(lens) { canvas.paragraph(sentence, style: Style(size: 9.5)) }
                WorkloadReportPDF.pillarTable(lens, on: canvas)
                if !lens.improvements.isEmpty {
                    WorkloadReportPDF.heading("Questions at risk", level: 3, on: canvas)
                    WorkloadReportPDF.improvementPlan(lens.improvements, on: canvas)
                }
                let cited = lens.pillars.flatMap { pillar in
                    pillar.questions.filter { !$0.evidence.isEmpty }.map { (pillar: pillar.name, question: $0) }
                }
                if !cited.isEmpty {
                    WorkloadReportPDF.heading("Evidence cited", level: 3, on: canvas)
                    for (pillar, question) in cited {
                        canvas.paragraph("\(pillar) \u{00B7} \(question.title)", style: Style(size: 9.5, bold: true), after: 1)
                        WorkloadReportPDF.evidenceList(question.evidence, indent: 10, on: canvas)
                        canvas.space(3)
                    }
                }
            }
        }
        return canvas.finish(title: title) { page, count in "\(title)  \u{00B7}  Page \(page) of \(count)" }
    }

    /// One row per workload: name, questions answered, high and medium risks, when
    /// `prioritized` is set (a workload uses a profile) its prioritized high risks of how many
    /// ("-" without a profile), improvement status, and when `staleEvidence` is given (some
    /// answer's evidence is stale) the count of answers with stale evidence.
    static func workloadTable(
        _ workloads: [WorkloadReportModel], prioritized: Bool = false, staleEvidence: ((String) -> Int?)? = nil, on canvas: PDFCanvas
    ) {
        // Where each column ends (right-aligned numbers) or starts (the status), by which
        // optional columns are present; the workload's name takes what is left on the left.
        let (nameWidth, numbers, status, statusWidth): (Double, [Double], Double, Double) =
            switch (prioritized, staleEvidence != nil) {
            case (false, false): (200, [255, 300, 352], 370, 125)
            case (false, true): (150, [210, 250, 297], 312, 105)
            case (true, false): (150, [205, 245, 292, 355], 370, 125)
            case (true, true): (110, [165, 200, 245, 305], 315, 100)
            }
        var columns: [(String, Double, Double)] = zip(["Answered", "High", "Medium", "Prioritized"], numbers).map { ($0, $1, 1) }
        columns.append(("Improvement status", status, 0))
        if staleEvidence != nil { columns.append(("Stale evidence", 495, 1)) }
        func header() {
            let top = canvas.y
            canvas.label("Workload", x: canvas.margin, y: top, style: Style(size: 9, bold: true, colour: .muted))
            for (name, x, align) in columns {
                canvas.label(name, x: canvas.margin + x, y: top, style: Style(size: 9, bold: true, colour: .muted), align: align)
            }
            canvas.moveTo(top + 15)
        }
        canvas.space(4)
        header()
        for workload in workloads {
            if canvas.y + 16 > canvas.bottom {
                canvas.newPage()
                header()
            }
            let top = canvas.y
            let c = workload.riskCounts
            let style = Style(size: 9.5)
            canvas.label(workload.workload.name, x: canvas.margin, y: top, style: style, width: nameWidth)
            let values =
                ["\(c.answered)/\(c.total)", "\(c[.high])", "\(c[.medium])"]
                + (prioritized ? [ReportWording.prioritizedHigh(workload.prioritizedRiskCounts)] : [])
                + [ReportWording.improvementStatus(workload.workload.improvementStatus)]
                + (staleEvidence.map { ["\($0(workload.workload.id) ?? 0)"] } ?? [])
            for (index, value) in values.enumerated() {
                let (_, x, align) = columns[index]
                canvas.label(value, x: canvas.margin + x, y: top, style: style, align: align, width: align == 0 ? statusWidth : nil)
            }
            canvas.moveTo(top + 15)
            canvas.line(
                from: (canvas.margin, canvas.y - 1), to: (canvas.pageWidth - canvas.margin, canvas.y - 1), colour: .rule, width: 0.4)
        }
    }
}
