import Foundation
import WelltreeCore

/// `welltree diff` for people in a terminal: one block per workload, its property changes,
/// per lens the changed questions with their risk movement, then the lens catalogue.
///
/// Everything taken from either commit (names, titles, notes, property values, versions) is
/// printed through `oneLine`: one line each, escaped for the terminal.
package enum DiffText {
    package static func render(_ diff: ReviewDiff) -> String {
        var out = "Changes from \(oneLine(diff.base)) to \(oneLine(diff.head))\n"
        out += RiskSummary.line(diff.risks) + "\n"
        if diff.isEmpty {
            return out + "\nNo workload or lens changed.\n"
        }
        for workload in diff.workloads {
            out += "\n" + header(workload) + "\n"
            for property in workload.properties {
                out += "  \(Workload.propertyLabel(property.property)): \(property.before.map(oneLine) ?? "(unset)") -> \(property.after.map(oneLine) ?? "(unset)")\n"
            }
            for lens in workload.lenses {
                var line = "  \(oneLine(lens.alias)) (\(oneLine(lens.name)))"
                switch lens.application {
                case .applied: line += ": lens applied"
                case .removed: line += ": lens removed, its risks no longer count"
                case .kept: break
                }
                if let before = lens.versionBefore, let after = lens.versionAfter {
                    line += ", version \(oneLine(before)) -> \(oneLine(after))"
                }
                out += line + "\n"
                for question in lens.questions {
                    out += "    \(oneLine(question.questionId))  \(oneLine(question.title))  \(riskText(question))\n"
                    for line in detailLines(question) { out += "      \(oneLine(line))\n" }
                }
            }
            if !workload.risks.isEmpty {
                out += "  Risks: " + RiskSummary.line(workload.risks) + "\n"
            }
        }
        if !diff.lenses.isEmpty {
            out += "\nLenses\n"
            for lens in diff.lenses { out += "  \(oneLine(lens.alias)) (\(oneLine(lens.name))): \(oneLine(describe(lens)))\n" }
        }
        if !diff.integrity.isEmpty {
            out += "\nLens integrity\n"
            for finding in diff.integrity {
                out += "  \(oneLine(finding.file)): \(finding.kind.rawValue)\(finding.fails ? "" : " (notice)"): \(oneLine(finding.message))\n"
            }
        }
        let underBase = diff.risksUnderBaseLenses.newHigh + diff.risksUnderBaseLenses.newMedium
        if !underBase.isEmpty {
            out += "\nNew risks under \(oneLine(diff.base))'s lens versions (the lens rules changed)\n"
            for item in underBase {
                out += "  \(item.risk.rawValue)  \(oneLine(item.workloadName))  \(oneLine(item.lens))/\(oneLine(item.questionId))  \(oneLine(item.file))\n"
            }
        }
        return out
    }

    static func header(_ workload: WorkloadChange) -> String {
        let name = oneLine(workload.name)
        let directory = oneLine(workload.directory)
        return switch workload.kind {
        case .added: "Workload \"\(name)\" added  (\(directory))"
        case .removed: "Workload \"\(name)\" removed  (\(directory))"
        case .renamed: "Workload \"\(oneLine(workload.previousName ?? ""))\" renamed to \"\(name)\"  (\(directory))"
        case .edited: "Workload \"\(name)\" edited  (\(directory))"
        case .reevaluated: "Workload \"\(name)\" re-evaluated after a lens change  (\(directory))"
        }
    }

    /// Text from the repository on one line of the terminal: line breaks (which a description or
    /// a note may have) as spaces, anything else unsafe as `\u{XXXX}`.
    static func oneLine(_ text: String) -> String {
        guard text.contains(where: \.isNewline) else { return TerminalText.line(text) }
        return TerminalText.line(textLines(text).joined(separator: " "))
    }

    static func riskText(_ question: QuestionChange) -> String {
        question.riskChanged ? "\(question.riskBefore.rawValue) -> \(question.riskAfter.rawValue)" : question.riskAfter.rawValue
    }

    /// The answer changes of one question as short lines, shared with the Markdown view.
    static func detailLines(_ question: QuestionChange) -> [String] {
        var lines: [String] = []
        lines += question.selected.map { "+ selected: \($0.title)" }
        lines += question.deselected.map { "- deselected: \($0.title)" }
        lines += question.markedNotApplicable.map { "n/a: \($0.title)" }
        lines += question.markedApplicable.map { "applicable again: \($0.title)" }
        if let applicable = question.questionApplicable {
            lines.append(applicable ? "question applies again" : "question marked not applicable (\((question.reason ?? .none).rawValue))")
        }
        if question.notesChanged {
            lines.append("notes: \(quote(question.notesBefore)) -> \(quote(question.notesAfter))")
        }
        return lines
    }

    static func quote(_ text: String?) -> String {
        guard let text, !text.isEmpty else { return "(none)" }
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        return "\"" + (flat.count > 80 ? String(flat.prefix(77)) + "..." : flat) + "\""
    }

    static func describe(_ lens: LensCatalogChange) -> String {
        var parts: [String] = []
        switch lens.kind {
        case .added: parts.append("added")
        case .removed: parts.append("removed")
        case .deleted: parts.append("deleted (workloads keep it, nobody can apply it)")
        case .changed: break
        }
        if !lens.versionsPublished.isEmpty { parts.append("published \(lens.versionsPublished.joined(separator: ", "))") }
        if lens.draftChanged { parts.append("draft changed") }
        return parts.isEmpty ? "metadata changed" : parts.joined(separator: "; ")
    }
}

/// One-line summaries of a risk movement.
package enum RiskSummary {
    /// `HRIs: 1 new, 0 resolved (net +1); MRIs: 0 new, 1 resolved (net -1)`.
    package static func line(_ risks: RiskMovement) -> String {
        "HRIs: \(risks.newHigh.count) new, \(risks.resolvedHigh.count) resolved (net \(signed(risks.highDelta))); "
            + "MRIs: \(risks.newMedium.count) new, \(risks.resolvedMedium.count) resolved (net \(signed(risks.mediumDelta)))"
    }

    package static func signed(_ n: Int) -> String { n > 0 ? "+\(n)" : "\(n)" }
}

extension DiffText {
    /// The evidence findings of a diff for a terminal, after the risks (empty when none); each
    /// line escaped with `TerminalText.line`.
    package static func evidence(_ findings: [EvidenceFinding]) -> String {
        guard !findings.isEmpty else { return "" }
        var out = "\nEvidence changed by this change (a reviewer should look; `welltree answer confirm` records that an answer stands):\n"
        for finding in findings {
            out += "  " + TerminalText.line("\(finding.file):\(finding.line): \(finding.kind.rawValue): \(finding.message)") + "\n"
        }
        return out
    }
}

/// `welltree diff --format json`: the review diff, with Welltree's `evidence` findings added
/// when there are any (so a diff without them keeps its shape).
package struct DiffOutput: Encodable {
    package var diff: ReviewDiff
    package var evidence: [EvidenceFinding]

    package init(diff: ReviewDiff, evidence: [EvidenceFinding]) {
        self.diff = diff
        self.evidence = evidence
    }

    private enum CodingKeys: String, CodingKey { case evidence }

    package func encode(to encoder: any Encoder) throws {
        try diff.encode(to: encoder)
        if !evidence.isEmpty {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(evidence, forKey: .evidence)
        }
    }
}
