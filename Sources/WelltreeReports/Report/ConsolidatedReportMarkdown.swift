import WelltreeCore

/// The consolidated report as Markdown: the dashboard (with the stale-evidence count when any,
/// and the prioritized high risks when a workload uses a profile),
/// then per workload and lens the pillars, the questions at risk with the best practices
/// missing, and the evidence each question cites.
package enum ConsolidatedReportMarkdown {
    package static func render(_ model: ConsolidatedReportModel) -> String {
        typealias M = MarkdownText
        let totals = model.totals
        var text = "# Consolidated report\n\n"
        text += "Generated \(ReportWording.time(model.generatedAt))" + (model.commit.map { " from commit `\($0.prefix(12))`" } ?? "") + ".\n\n"
        if let notice = model.omissionNotice {
            text += "**Incomplete:** \(notice)\n\n"
            for omitted in model.omitted { text += "- `\(M.escape(omitted.directory))`: \(M.escape(omitted.reason))\n" }
            text += "\n"
        }
        text += "Workloads: \(totals.Workloads) · with high risks: \(totals.WorkloadsWithHighRisks) · "
        text += "with medium risks: \(totals.WorkloadsWithMediumRisks) · "
        text += "high risks: \(totals.RiskCounts[.high]) · medium risks: \(totals.RiskCounts[.medium])"
        // The stale-evidence column appears only when some answer's evidence is stale, as on the dashboard.
        let stale = totals.AnswersWithStaleEvidence
        text += stale.map { " · answers with stale evidence: \($0)" } ?? ""
        // The prioritized column appears only when a workload uses a profile, as on the dashboard.
        let prioritized = totals.PrioritizedRiskCounts
        text += (prioritized.map { " · prioritized high risks: \($0[.high]) of \($0.total)" } ?? "") + "\n\n"
        let extra = prioritized != nil ? 1 : 0
        text += M.table(
            ["Workload", "Questions answered", "High risks", "Medium risks"] + (prioritized != nil ? ["Prioritized high risks"] : [])
                + ["Improvement status", "Last updated"] + (stale != nil ? ["Stale evidence"] : []),
            numeric: Set([1, 2, 3] + (prioritized != nil ? [4] : []) + (stale != nil ? [6 + extra] : [])),
            rows: model.workloads.map { workload in
                let c = workload.riskCounts
                return [M.cell(workload.workload.name), "\(c.answered)/\(c.total)", "\(c[.high])", "\(c[.medium])"]
                    + (prioritized != nil ? [ReportWording.prioritizedHigh(workload.prioritizedRiskCounts)] : [])
                    + [ReportWording.improvementStatus(workload.workload.improvementStatus), ReportWording.time(workload.updatedAt)]
                    + (stale != nil ? ["\(model.staleEvidence(of: workload.workload.id) ?? 0)"] : [])
            })
        if prioritized != nil { text += "\n" + M.escape(ReportWording.prioritizedColumn) + "\n" }
        if stale != nil {
            text += "\nStale evidence: answers citing evidence changed or missing since they were confirmed "
            text += "(`welltree evidence --stale` lists them).\n"
        }
        for workload in model.workloads {
            text += "\n## \(M.escape(workload.workload.name))\n"
            for lens in workload.lenses {
                text += "\n### \(M.escape("\(lens.name) \(lens.version)"))\n\n"
                if let sentence = ReportWording.prioritized(lens) { text += M.escape(sentence) + "\n\n" }
                text += WorkloadReportMarkdown.pillarTable(lens)
                if !lens.improvements.isEmpty {
                    text += "\nQuestions at risk:\n\n"
                    text += WorkloadReportMarkdown.improvementPlan(lens.improvements)
                }
                let cited = WorkloadReportMarkdown.evidenceCited(lens)
                if !cited.isEmpty {
                    text += "\nEvidence cited:\n\n" + cited
                }
            }
        }
        return text
    }
}
