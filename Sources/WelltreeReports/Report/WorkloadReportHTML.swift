import WelltreeCore

/// The workload (or milestone) report as one self-contained, printable HTML file: styles inline,
/// charts as inline SVG, every user-supplied string escaped.
///
/// It follows the service's report: a table of contents, the properties, the lens overview, the
/// improvement plan (high risks, then medium risks, each question linked to its details) and the
/// lens details per pillar. Every contents entry and improvement item links to an element of the
/// page (`ReportContents`).
package enum WorkloadReportHTML {
    typealias H = HTMLText

    package static func render(_ model: WorkloadReportModel) -> String {
        func id(_ anchor: ReportContents.Anchor) -> String { H.escape(ReportContents.htmlId(anchor, in: model)) }
        var body = "<header>\n"
        body += "<p class=\"kind\">\(model.milestone == nil ? "Well-Architected workload report" : "Well-Architected milestone report")</p>\n"
        body += "<h1>\(H.escape(model.workload.name))</h1>\n"
        if let milestone = model.milestone {
            body += "<p class=\"milestone\" id=\"milestone\">\(H.escape(ReportWording.milestone(milestone)))</p>\n"
        }
        body += "<p class=\"meta\">\(H.escape(generatedLine(model.generatedAt, commit: model.commit)))</p>\n</header>\n"
        body += contents(model)

        body += "<section id=\"\(id(.properties))\">\n<h2>\(H.escape(ReportContents.propertiesTitle(model)))</h2>\n"
        body += H.propertiesTable(ReportWording.properties(model)) + "</section>\n"

        let counts = model.riskCounts
        body += "<section id=\"\(id(.overview))\">\n<h2>Lens overview</h2>\n<div class=\"cards\">\n"
        body += card("high", counts[.high], "High risks") + card("medium", counts[.medium], "Medium risks")
        body += card("answered", counts.answered, "Questions answered of \(counts.total)") + "</div>\n"
        body += "<figure class=\"chart\" id=\"risk-trend\">\n<figcaption>High and medium risks across milestones</figcaption>\n"
        body += SVGChart.trend(model.trendPoints, title: "High and medium risks across milestones") + "</figure>\n"
        for (index, lens) in model.lenses.enumerated() {
            body += "<section class=\"lens-overview\" id=\"\(id(.lensOverview(lens: index)))\">\n"
            body += "<h3>\(H.escape(lens.name)) <span class=\"version\">\(H.escape(lens.version))</span></h3>\n"
            let answered = "\(lens.riskCounts.answered) of \(lens.riskCounts.total) questions answered"
            body += "<p>Lens version \(H.escape(lens.version)); \(answered).</p>\n"
            if let sentence = ReportWording.prioritized(lens) { body += "<p class=\"prioritized\">\(H.escape(sentence))</p>\n" }
            if let notes = lens.notes { body += "<h4>Lens notes</h4>\n<p class=\"notes lens-notes\">\(H.escape(notes))</p>\n" }
            body += pillarTable(lens)
            body += "<figure class=\"chart risks-per-pillar\">\n<figcaption>Risks per pillar</figcaption>\n"
            let bars = lens.pillars.map { SVGChart.Bar(label: $0.name, counts: $0.riskCounts) }
            body += SVGChart.riskBars(bars, title: "Risks per pillar of \(lens.name)")
            body += "</figure>\n</section>\n"
        }
        body += "</section>\n"

        body += "<section id=\"\(id(.improvementPlan))\">\n<h2>Improvement plan</h2>\n"
        for (index, lens) in model.lenses.enumerated() {
            body += "<section class=\"lens-improvements\" id=\"\(id(.lensImprovements(lens: index)))\">\n"
            body += "<h3>\(H.escape(lens.name)) <span class=\"version\">\(H.escape(lens.version))</span></h3>\n"
            for risk in [Risk.high, .medium] {
                let items = ReportContents.items(lens, risk)
                body += "<h4 id=\"\(id(.risk(lens: index, risk)))\">\(ReportContents.riskTitle(risk, count: items.count))</h4>\n"
                body += improvementPlan(items, risk: risk) { item in
                    ReportContents.questionAnchor(item, lens: index, in: lens).map { ReportContents.htmlId($0, in: model) }
                }
            }
            body += "</section>\n"
        }
        body += "</section>\n"

        body += "<section id=\"\(id(.details))\">\n<h2>Lens details</h2>\n"
        for (index, lens) in model.lenses.enumerated() {
            body += "<section class=\"lens\" id=\"\(id(.lensDetails(lens: index)))\">\n"
            body += "<h3>\(H.escape(lens.name)) <span class=\"version\">\(H.escape(lens.version))</span></h3>\n"
            for (pillarIndex, pillar) in lens.pillars.enumerated() {
                body += "<h4 id=\"\(id(.pillar(lens: index, pillar: pillarIndex)))\">\(H.escape(pillar.name))</h4>\n"
                if let notes = pillar.notes {
                    body += "<h6>Pillar notes</h6>\n<p class=\"notes pillar-notes\">\(H.escape(notes))</p>\n"
                }
                for (questionIndex, question) in pillar.questions.enumerated() {
                    let anchor = ReportContents.Anchor.question(lens: index, pillar: pillarIndex, question: questionIndex)
                    body += self.question(question, id: ReportContents.htmlId(anchor, in: model))
                }
            }
            body += "</section>\n"
        }
        body += "</section>\n"
        body += "<footer>Generated by Welltree. \(H.escape(generatedLine(model.generatedAt, commit: model.commit)))</footer>"
        return H.page(title: ReportWording.title(model), body: body)
    }

    /// The table of contents: nested lists of links to the sections, lenses, risk groups and pillars.
    static func contents(_ model: WorkloadReportModel) -> String {
        var html = "<nav class=\"contents\" id=\"contents\">\n<h2>Contents</h2>\n"
        var level = -1
        for entry in ReportContents.entries(model) {
            if entry.level > level {
                html += String(repeating: "<ol>\n<li>", count: entry.level - level)
            } else {
                html += "</li>\n" + String(repeating: "</ol>\n</li>\n", count: level - entry.level) + "<li>"
            }
            level = entry.level
            html += "<a href=\"#\(H.escape(ReportContents.htmlId(entry.anchor, in: model)))\">\(H.escape(entry.title))</a>"
        }
        if level >= 0 { html += "</li>\n" + String(repeating: "</ol>\n</li>\n", count: level) + "</ol>\n" }
        return html + "</nav>\n"
    }

    /// "Generated 2026-11-27 11:05 UTC from commit 0123456789ab."
    static func generatedLine(_ generatedAt: String, commit: String?) -> String {
        "Generated \(ReportWording.time(generatedAt))" + (commit.map { " from commit \($0.prefix(12))" } ?? "") + "."
    }

    static func card(_ kind: String, _ count: Int, _ label: String) -> String {
        "<div class=\"card \(kind)\"><span class=\"count\">\(count)</span>\(HTMLText.escape(label))</div>\n"
    }

    /// The pillars table with its row of totals.
    static func pillarTable(_ lens: LensReport) -> String {
        let prioritized = lens.prioritized
        let extraHeads = prioritized == nil ? "" : "<th class=\"num\">Prioritized high risks</th><th class=\"num\">Prioritized medium risks</th>"
        var html = "<table class=\"pillars\">\n<thead><tr><th>Pillar</th><th class=\"num\">Questions answered</th><th class=\"num\">High risks</th><th class=\"num\">Medium risks</th>\(extraHeads)</tr></thead>\n<tbody>\n"
        func row(_ name: String, _ c: RiskCounts, _ p: RiskCounts?, total: Bool = false) -> String {
            var cells = "<td>\(H.escape(name))</td><td class=\"num\">\(c.answered)/\(c.total)</td><td class=\"num\">\(c[.high])</td><td class=\"num\">\(c[.medium])</td>"
            if prioritized != nil {
                cells += "<td class=\"num\">\(p.map { "\($0[.high])/\($0.total)" } ?? "-")</td><td class=\"num\">\(p.map { "\($0[.medium])/\($0.total)" } ?? "-")</td>"
            }
            return "<tr\(total ? " class=\"total\"" : "")>\(cells)</tr>\n"
        }
        for pillar in lens.pillars { html += row(pillar.name, pillar.riskCounts, prioritized?.pillars.first { $0.id == pillar.id }?.riskCounts) }
        html += row("Total", lens.riskCounts, prioritized?.riskCounts, total: true)
        return html + "</tbody>\n</table>\n"
    }

    static func question(_ question: QuestionReport, id: String) -> String {
        let kind = H.riskClass(question.risk)
        var html = "<article class=\"question \(kind)\" id=\"\(H.escape(id))\">\n"
        html += "<h5>\(H.link(question.title, question.helpfulResourceURL))</h5>\n"
        html += "<p><span class=\"badge \(kind)\">\(ReportWording.risk(question.risk))</span> <code>\(H.escape(question.id))</code>"
        if !question.isApplicable, let reason = question.reason {
            html += " <span class=\"reason\">Question does not apply: \(ReportWording.reason(reason))</span>"
        }
        html += "</p>\n"
        if !question.selected.isEmpty {
            html += "<h6>Selected best practices</h6>\n<ul class=\"selected\">\n"
            for choice in question.selected { html += "<li>\(H.escape(choice.title))</li>\n" }
            html += "</ul>\n"
        }
        if !question.notApplicable.isEmpty {
            html += "<h6>Best practices marked not applicable</h6>\n<ul class=\"not-applicable\">\n"
            for na in question.notApplicable {
                html += "<li>\(H.escape(na.choice.title)) \u{2014} <span class=\"reason\">\(ReportWording.reason(na.reason))</span>"
                html += na.notes.map { ": <span class=\"choice-notes\">\(H.escape($0))</span>" } ?? ""
                html += "</li>\n"
            }
            html += "</ul>\n"
        }
        if let notes = question.notes {
            html += "<h6>Notes</h6>\n<p class=\"notes\">\(H.escape(notes))</p>\n"
        }
        if !question.evidence.isEmpty {
            html += "<h6>Evidence</h6>\n" + evidenceList(question.evidence)
        }
        return html + "</article>\n"
    }

    /// Citations as a list: URLs as links (only http and https ever become one), paths as code,
    /// every part escaped.
    static func evidenceList(_ evidence: [(evidence: Evidence, practice: String?)]) -> String {
        var html = "<ul class=\"evidence\">\n"
        for (evidence, practice) in evidence {
            let cited = evidence.url.map { H.link($0, $0) } ?? "<code>\(H.escape(evidence.location))</code>"
            html += "<li>\(cited)\(practice.map { " \u{2014} for \(H.escape($0))" } ?? "")</li>\n"
        }
        return html + "</ul>\n"
    }

    /// Improvement items of one risk, numbered, in plan order (pillars by priority): each
    /// question linked to its details (`questionId` gives the element id), then each practice
    /// to adopt with its improvement plan text and link.
    static func improvementPlan(_ items: [ImprovementItem], risk: Risk, questionId: (ImprovementItem) -> String?) -> String {
        guard !items.isEmpty else {
            return "<p class=\"improvements-none\">No \(risk == .high ? "high" : "medium") risks.</p>\n"
        }
        var html = "<ol class=\"improvements\">\n"
        for item in items {
            let kind = H.riskClass(item.risk)
            let title = questionId(item).map { "<a href=\"#\(H.escape($0))\">\(H.escape(item.questionTitle))</a>" }
                ?? H.escape(item.questionTitle)
            html += "<li class=\"\(kind)\"><span class=\"badge \(kind)\">\(ReportWording.risk(item.risk))</span> "
            html += "\(H.escape(item.pillarName)) \u{00B7} \(title)\n<ul>\n"
            for choice in item.missingChoices {
                html += "<li>\(H.link(choice.title, ReportWording.improvementLink(choice)))"
                html += ReportWording.improvementText(choice).map { "<div class=\"plan\">\(H.escape($0))</div>" } ?? ""
                html += "</li>\n"
            }
            html += "</ul></li>\n"
        }
        return html + "</ol>\n"
    }
}
