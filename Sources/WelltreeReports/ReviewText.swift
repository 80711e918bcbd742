import WelltreeCore

/// Text views of reviews: lens overview, improvement plan and dashboard. Names and titles from
/// the repository (workloads, custom lenses) are escaped with `TerminalText.line`; tables escape
/// their cells themselves.
package enum ReviewText {
    /// The lens overview: a row per pillar with answered questions, HRIs and MRIs; with
    /// `prioritized` (the workload's profile prioritizes questions of this lens), the same over
    /// the prioritized questions beside them, and a line saying whose prioritization it is.
    package static func status(
        workload: String, lensName: String, version: String, review: LensReview, prioritized: PrioritizedRiskCounts? = nil,
        profileName: String? = nil
    ) -> String {
        let line = TerminalText.line
        var text = "\(line(workload)) · \(line(lensName)) \(line(version))\n\n"
        var headers = ["PILLAR", "ANSWERED", "HRIS", "MRIS", "N/A"]
        if prioritized != nil { headers += ["PRIORITIZED", "P-HRIS", "P-MRIS"] }
        var table = TextTable(headers, alignments: [.left] + Array(repeating: .right, count: headers.count - 1))
        func row(_ name: String, _ c: RiskCounts, _ p: RiskCounts?) -> [String] {
            var cells = [name, "\(c.answered)/\(c.total)", "\(c[.high])", "\(c[.medium])", "\(c[.notApplicable])"]
            if let p { cells += ["\(p.answered)/\(p.total)", "\(p[.high])", "\(p[.medium])"] }
            return cells
        }
        for pillar in review.pillars {
            table.add(row(pillar.name, pillar.riskCounts, prioritized?.riskCounts(ofPillar: pillar.id)))
        }
        table.add(row("Total", review.riskCounts, prioritized?.riskCounts))
        text += table.render()
        if let prioritized {
            text += "\nPRIORITIZED: the \(prioritized.riskCounts.total) questions profile \(line(profileName ?? "?")) prioritizes "
                + "(Welltree's mapping, profile-prioritization.json; not the AWS tool's).\n"
        }
        return text
    }

    /// The improvement plan, one block per question: each missing best practice with its
    /// improvement plan text (when it says more than the title) and its link.
    package static func improvements(workload: String, items: [ImprovementItem]) -> String {
        let line = TerminalText.line
        guard !items.isEmpty else { return "No improvements to make for \(line(workload)): no questions with high or medium risk.\n" }
        var text = ""
        for item in items {
            let label = item.risk == .high ? "HIGH  " : "MEDIUM"
            text += "\(label)  \(line(item.pillarName)) · \(line(item.questionId))  \(line(item.questionTitle))\n"
            for choice in item.missingChoices {
                text += "          - \(line(choice.title))\n"
                if let plan = ReportWording.improvementText(choice) { text += "            \(line(plan))\n" }
                if let url = ReportWording.improvementLink(choice) { text += "            \(line(url))\n" }
            }
        }
        return text
    }

    /// The dashboard: totals, then a row per workload.
    package static func dashboard(_ summaries: [WorkloadSummaryShape], totals: DashboardOutput.DashboardTotals) -> String {
        var text = "Workloads: \(totals.Workloads)   with high risks: \(totals.WorkloadsWithHighRisks)   with medium risks: \(totals.WorkloadsWithMediumRisks)\n\n"
        // The stale-evidence column appears only when some answer's evidence is stale.
        let stale = summaries.contains { $0.StaleEvidenceAnswers != nil }
        // The prioritized column appears only when a workload uses a profile that prioritizes.
        let prioritized = summaries.contains { $0.PrioritizedRiskCounts != nil }
        var table = TextTable(
            ["WORKLOAD", "ANSWERED", "HRIS", "MRIS"] + (prioritized ? ["PRIORITIZED HRIS"] : []) + ["IMPROVEMENT STATUS", "UPDATED"]
                + (stale ? ["STALE EVIDENCE"] : []),
            alignments: [.left, .right, .right, .right] + (prioritized ? [.right] : []) + [.left, .left] + (stale ? [.right] : []))
        for s in summaries {
            let c = s.RiskCounts ?? RiskCounts()
            table.add(
                [s.WorkloadName, "\(c.answered)/\(c.total)", "\(c[.high])", "\(c[.medium])"]
                    + (prioritized ? [s.PrioritizedRiskCounts.map { "\($0[.high])/\($0.total)" } ?? "-"] : [])
                    + [s.ImprovementStatus, s.UpdatedAt] + (stale ? ["\(s.StaleEvidenceAnswers ?? 0)"] : []))
        }
        text += table.render()
        if prioritized {
            text += "\nPrioritized HRIs: high risks among the questions the workload's profile prioritizes (of how many; Welltree's mapping).\n"
        }
        return text
    }
}

extension ReviewText {
    /// The first line of a view read at a milestone (`--milestone M`): which one, and when it was
    /// recorded.
    package static func milestoneBanner(_ milestone: Milestone) -> String {
        TerminalText.line("As recorded by milestone \(milestone.number) \"\(milestone.name)\" on \(milestone.recordedAt)") + "\n\n"
    }

    /// `lens reviews W`: a row per lens the workload applies (ListLensReviews).
    package static func lensReviews(workload: String, rows: [LensReviewSummaryShape]) -> String {
        // Prioritized columns only when the workload's profile prioritizes questions of a lens.
        let prioritized = rows.contains { $0.PrioritizedRiskCounts != nil }
        var headers = ["LENS", "NAME", "VERSION", "STATUS", "ANSWERED", "HRIS", "MRIS"]
        var alignments: [TextTable.Alignment] = [.left, .left, .left, .left, .right, .right, .right]
        if prioritized {
            headers += ["PRIORITIZED HRIS", "PRIORITIZED MRIS"]
            alignments += [.right, .right]
        }
        var table = TextTable(headers, alignments: alignments)
        for row in rows {
            let c = row.RiskCounts
            var cells = [row.LensAlias, row.LensName, row.LensVersion, row.LensStatus, "\(c.answered)/\(c.total)", "\(c[.high])", "\(c[.medium])"]
            if prioritized {
                let p = row.PrioritizedRiskCounts
                cells += [p.map { "\($0[.high])/\($0.total)" } ?? "-", p.map { "\($0[.medium])/\($0.total)" } ?? "-"]
            }
            table.add(cells)
        }
        let note = prioritized ? "\nPrioritized: risks among the questions the workload's profile prioritizes (of how many; Welltree's mapping).\n" : ""
        return "\(TerminalText.line(workload))\n\n" + table.render() + note
    }
}

extension ReviewText {
    /// The warning of a command that read the committed tree while the work tree has other
    /// content for `files`: one line, at most five files named.
    package static func uncommittedWarning(_ files: [String]) -> String {
        let named = files.prefix(5).map(TerminalText.line).joined(separator: ", ")
        let more = files.count > 5 ? " and \(files.count - 5) more" : ""
        return "warning: not read, uncommitted changes to \(named)\(more) (this shows the last commit; commit them, "
            + "or `git restore` them, to make the two agree)"
    }
}

extension ReviewText {
    /// The lens and pillar notes under `status`'s table: empty when there are none.
    package static func notes(_ notes: LensReviewNotes, pillars: [(id: String, name: String)]) -> String {
        var pairs: [(String, String)] = []
        if let text = notes.notes, !text.isEmpty { pairs.append(("Lens notes", text)) }
        for pillar in pillars {
            if let text = notes.notes(ofPillar: pillar.id) { pairs.append(("\(TerminalText.line(pillar.name)) notes", text)) }
        }
        return pairs.isEmpty ? "" : "\n" + keyValueLines(pairs)
    }
}
