import WelltreeCore

/// The workload (or milestone) report as Markdown: readable as plain text, renders on any git
/// host, diffs well between two milestones. Its sections are those of the HTML and PDF reports
/// (`ReportContents`), without a table of contents: git hosts show the headings' outline.
package enum WorkloadReportMarkdown {
    package static func render(_ model: WorkloadReportModel) -> String {
        typealias M = MarkdownText
        var text = "# \(M.escape(ReportWording.title(model)))\n\n"
        if let milestone = model.milestone { text += "**\(M.escape(ReportWording.milestone(milestone)))**\n\n" }
        text += "Generated \(ReportWording.time(model.generatedAt))" + (model.commit.map { " from commit `\($0.prefix(12))`" } ?? "") + ".\n\n"

        text += "## \(ReportContents.propertiesTitle(model))\n\n"
        text += M.table(["Property", "Value"], rows: ReportWording.properties(model).map { [$0.0, M.cell($0.1)] })

        text += "\n## Lens overview\n\n"
        text += M.table(
            ["Lens", "Questions answered", "High risks", "Medium risks"], numeric: [1, 2, 3],
            rows: model.lenses.map { lens in
                let c = lens.riskCounts
                return [M.cell(lens.name), "\(c.answered)/\(c.total)", "\(c[.high])", "\(c[.medium])"]
            })
        let points = model.trendPoints
        if points.count > 1 {
            text += "\nRisk trend across milestones:\n\n"
            text += M.table(["Milestone", "High risks", "Medium risks"], numeric: [1, 2],
                            rows: points.map { [M.cell($0.label), "\($0.high)", "\($0.medium)"] })
        }
        for lens in model.lenses {
            text += "\n### \(M.escape(ReportContents.lensTitle(lens)))\n\n"
            let answered = "\(lens.riskCounts.answered) of \(lens.riskCounts.total) questions answered"
            text += M.escape("Lens version \(lens.version); \(answered).") + "\n\n"
            if let sentence = ReportWording.prioritized(lens) { text += M.escape(sentence) + "\n\n" }
            if let notes = lens.notes { text += "Lens notes:\n\n" + M.quote(notes) + "\n" }
            text += pillarTable(lens)
        }
        text += "\n## Improvement plan\n"
        for lens in model.lenses {
            text += "\n### \(M.escape(ReportContents.lensTitle(lens)))\n"
            for risk in [Risk.high, .medium] {
                let items = ReportContents.items(lens, risk)
                text += "\n#### \(ReportContents.riskTitle(risk, count: items.count))\n\n"
                text += items.isEmpty ? "No \(risk == .high ? "high" : "medium") risks.\n" : improvementPlan(items, showingRisk: false)
            }
        }
        text += "\n## Lens details\n"
        for lens in model.lenses { text += "\n" + details(lens) }
        return text
    }

    /// One lens's details: every question, pillar by pillar.
    static func details(_ lens: LensReport) -> String {
        typealias M = MarkdownText
        var text = "### \(M.escape(ReportContents.lensTitle(lens)))\n"
        for pillar in lens.pillars {
            text += "\n#### \(M.escape(pillar.name))\n"
            if let notes = pillar.notes { text += "\nPillar notes:\n\n" + M.quote(notes) }
            for question in pillar.questions { text += "\n" + self.question(question) }
        }
        return text
    }

    /// Per pillar: questions answered, HRIs and MRIs, with a row of totals.
    static func pillarTable(_ lens: LensReport) -> String {
        typealias M = MarkdownText
        let prioritized = lens.prioritized
        func row(_ name: String, _ c: RiskCounts, _ p: RiskCounts?) -> [String] {
            let cells = [name, "\(c.answered)/\(c.total)", "\(c[.high])", "\(c[.medium])"]
            guard prioritized != nil else { return cells }
            return cells + [p.map { "\($0[.high])/\($0.total)" } ?? "-", p.map { "\($0[.medium])/\($0.total)" } ?? "-"]
        }
        let rows = lens.pillars.map { pillar in
            row(M.cell(pillar.name), pillar.riskCounts, prioritized?.pillars.first { $0.id == pillar.id }?.riskCounts)
        } + [row("**Total**", lens.riskCounts, prioritized?.riskCounts)]
        guard prioritized != nil else {
            return M.table(["Pillar", "Questions answered", "High risks", "Medium risks"], numeric: [1, 2, 3], rows: rows)
        }
        return M.table(
            ["Pillar", "Questions answered", "High risks", "Medium risks", "Prioritized high risks", "Prioritized medium risks"],
            numeric: [1, 2, 3, 4, 5], rows: rows)
    }

    static func question(_ question: QuestionReport) -> String {
        typealias M = MarkdownText
        var status = "`\(question.id)` · **\(ReportWording.risk(question.risk))**"
        if !question.isApplicable, let reason = question.reason {
            status += " (question does not apply: \(ReportWording.reason(reason)))"
        }
        var blocks = ["##### \(M.escape(question.title))", status]
        if !question.selected.isEmpty {
            blocks.append("Selected best practices:")
            blocks.append(question.selected.map { "- \(M.escape($0.title))" }.joined(separator: "\n"))
        }
        if !question.notApplicable.isEmpty {
            blocks.append("Best practices marked not applicable:")
            blocks.append(question.notApplicable.map { na in
                "- \(M.escape(na.choice.title)): \(ReportWording.reason(na.reason))" + (na.notes.map { " \u{2014} " + M.cell($0) } ?? "")
            }.joined(separator: "\n"))
        }
        if let notes = question.notes {
            blocks.append("Notes:")
            blocks.append(String(M.quote(notes).dropLast()))
        }
        if !question.evidence.isEmpty {
            blocks.append("Evidence:")
            blocks.append(String(evidenceList(question.evidence).dropLast()))
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// Citations as a Markdown list (`indent` spaces before each item): URLs as links (only
    /// http and https ever become one), paths as code spans, the best practice escaped.
    static func evidenceList(_ evidence: [(evidence: Evidence, practice: String?)], indent: String = "") -> String {
        typealias M = MarkdownText
        return evidence.map { evidence, practice in
            let cited = evidence.url.map { M.link($0, $0) } ?? M.code(evidence.location)
            return indent + "- \(cited)" + (practice.map { " \u{2014} for " + M.escape($0) } ?? "") + "\n"
        }.joined()
    }

    /// Each question of a lens that cites evidence, with its citations (the consolidated
    /// report's "Evidence cited"); empty when none does.
    static func evidenceCited(_ lens: LensReport) -> String {
        typealias M = MarkdownText
        var text = ""
        for pillar in lens.pillars {
            for question in pillar.questions where !question.evidence.isEmpty {
                text += "- \(M.escape(pillar.name)) \u{00B7} \(M.escape(question.title))\n" + evidenceList(question.evidence, indent: "  ")
            }
        }
        return text
    }

    /// Improvement items, numbered: each question with the practices to adopt as links, each
    /// followed by its improvement plan text.
    static func improvementPlan(_ items: [ImprovementItem], showingRisk: Bool = true) -> String {
        typealias M = MarkdownText
        guard !items.isEmpty else { return "No high or medium risks: nothing to improve.\n" }
        var text = ""
        for (index, item) in items.enumerated() {
            text += "\(index + 1). " + (showingRisk ? "**\(ReportWording.risk(item.risk))** · " : "") + "\(M.escape(item.pillarName)) · "
            text += M.link(item.questionTitle, item.improvementPlanURL) + "\n"
            for choice in item.missingChoices {
                text += "   - " + M.link(choice.title, ReportWording.improvementLink(choice))
                text += ReportWording.improvementText(choice).map { " \u{2014} " + M.cell($0) } ?? ""
                text += "\n"
            }
        }
        return text
    }
}
