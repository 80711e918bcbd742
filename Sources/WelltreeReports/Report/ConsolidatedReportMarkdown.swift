import WelltreeCore

/// The consolidated report as Markdown: the dashboard, then per workload and lens the pillars
/// and the questions at risk with the best practices missing.
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
        text += "high risks: \(totals.RiskCounts[.high]) · medium risks: \(totals.RiskCounts[.medium])\n\n"
        text += M.table(
            ["Workload", "Questions answered", "High risks", "Medium risks", "Improvement status", "Last updated"],
            numeric: [1, 2, 3],
            rows: model.workloads.map { workload in
                let c = workload.riskCounts
                return [
                    M.cell(workload.workload.name), "\(c.answered)/\(c.total)", "\(c[.high])", "\(c[.medium])",
                    ReportWording.improvementStatus(workload.workload.improvementStatus), ReportWording.time(workload.updatedAt),
                ]
            })
        for workload in model.workloads {
            text += "\n## \(M.escape(workload.workload.name))\n"
            for lens in workload.lenses {
                text += "\n### \(M.escape("\(lens.name) \(lens.version)"))\n\n"
                text += WorkloadReportMarkdown.pillarTable(lens)
                if !lens.improvements.isEmpty {
                    text += "\nQuestions at risk:\n\n"
                    text += WorkloadReportMarkdown.improvementPlan(lens.improvements)
                }
            }
        }
        return text
    }
}
