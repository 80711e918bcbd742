import Foundation
import WelltreeCore

/// `welltree diff --format markdown`: a pull-request comment. A headline with the risk movement,
/// a table of workloads, then per workload its property and answer changes.
///
/// Whatever comes from either commit goes through `MarkdownText`: `inline` for text in a line,
/// `cell` in a table, `code` for ids and paths, so a hostile name cannot add a heading, a list
/// item, a link or an image to the comment (docs/pull-requests.md).
package enum DiffMarkdown {
    package static func render(_ diff: ReviewDiff) -> String {
        typealias M = MarkdownText
        var out = "## Well-Architected review changes\n\n"
        out += "\(M.code(diff.base)) → \(M.code(diff.head)): " + headline(diff.risks) + "\n"
        if diff.isEmpty { return out + "\nNo workload or lens changed.\n" }
        if !diff.workloads.isEmpty {
            out += "\n| Workload | Change | New HRIs | Resolved HRIs | New MRIs | Resolved MRIs |\n|---|---|---:|---:|---:|---:|\n"
            for workload in diff.workloads {
                let r = workload.risks
                out += "| \(cell(workload.name)) | \(kind(workload)) | \(r.newHigh.count) | \(r.resolvedHigh.count) | \(r.newMedium.count) | \(r.resolvedMedium.count) |\n"
            }
        }
        if !diff.risks.newHigh.isEmpty {
            out += "\n### New high-risk issues\n\n"
            for item in diff.risks.newHigh { out += "- " + itemLine(item) + "\n" }
        }
        if !diff.risks.resolvedHigh.isEmpty {
            out += "\n### Resolved high-risk issues\n\n"
            for item in diff.risks.resolvedHigh { out += "- " + itemLine(item) + "\n" }
        }
        for workload in diff.workloads {
            out += "\n### \(inline(workload.name))\n\n"
            out += "\(kind(workload).capitalizedFirst) · \(M.code(workload.directory))\n"
            if !workload.properties.isEmpty {
                out += "\n| Property | Before | After |\n|---|---|---|\n"
                for property in workload.properties {
                    out += "| \(Workload.propertyLabel(property.property)) | \(cell(property.before ?? "")) | \(cell(property.after ?? "")) |\n"
                }
            }
            for lens in workload.lenses {
                var title = "\n**\(inline(lens.name))** (\(M.code(lens.alias)))"
                switch lens.application {
                case .applied: title += ": lens applied"
                case .removed: title += ": lens removed, its risks no longer count"
                case .kept: break
                }
                if let before = lens.versionBefore, let after = lens.versionAfter {
                    title += ", version \(inline(before)) → \(inline(after))"
                }
                out += title + "\n"
                guard !lens.questions.isEmpty else { continue }
                out += "\n| Question | Risk | Changes |\n|---|---|---|\n"
                for question in lens.questions {
                    let risk = question.riskChanged
                        ? "\(question.riskBefore.rawValue) → **\(question.riskAfter.rawValue)**" : question.riskAfter.rawValue
                    let details = DiffText.detailLines(question).map(cell).joined(separator: "<br>")
                    out += "| \(M.code(question.questionId, inTable: true)) \(cell(question.title)) | \(risk) | \(details) |\n"
                }
            }
        }
        if !diff.lenses.isEmpty {
            out += "\n### Lenses\n\n"
            for lens in diff.lenses { out += "- \(M.code(lens.alias)) \(inline(lens.name)): \(inline(DiffText.describe(lens)))\n" }
        }
        out += CheckText.integrityMarkdown(diff.integrity)
        let underBase = diff.risksUnderBaseLenses.newHigh + diff.risksUnderBaseLenses.newMedium
        if !underBase.isEmpty {
            out += "\n### New risks under \(M.code(diff.base))'s lens versions\n\n"
            for item in underBase { out += "- \(item.risk.rawValue): " + itemLine(item) + "\n" }
        }
        return out
    }

    /// `**1 new HRI**, 0 resolved; 0 new MRIs, 1 resolved`.
    package static func headline(_ risks: RiskMovement) -> String {
        let high = "\(risks.newHigh.count) new HRI\(risks.newHigh.count == 1 ? "" : "s")"
        let medium = "\(risks.newMedium.count) new MRI\(risks.newMedium.count == 1 ? "" : "s")"
        return (risks.newHigh.isEmpty ? high : "**\(high)**") + ", \(risks.resolvedHigh.count) resolved; "
            + "\(medium), \(risks.resolvedMedium.count) resolved"
    }

    /// One risk as a list item: workload, lens, question and file.
    package static func itemLine(_ item: RiskItem) -> String {
        typealias M = MarkdownText
        return "**\(inline(item.workloadName))** · \(M.code(item.lens)) · \(M.code(item.questionId)) \(inline(item.title)) (\(M.code(item.file)))"
    }

    static func kind(_ workload: WorkloadChange) -> String {
        switch workload.kind {
        case .added: "added"
        case .removed: "removed"
        case .renamed: "renamed from \(cell(workload.previousName ?? ""))"
        case .edited: "edited"
        case .reevaluated: "re-evaluated (lens change)"
        }
    }

    /// Text from the repository in a table cell (`MarkdownText.cell`).
    package static func cell(_ text: String) -> String {
        MarkdownText.cell(text)
    }

    /// Text from the repository in a line (`MarkdownText.escape`).
    package static func inline(_ text: String) -> String {
        MarkdownText.escape(text)
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
