import WelltreeCore

/// `welltree check` for terminals and for Markdown summaries.
package enum CheckText {
    /// What the check judged, in one phrase: "new HRIs" or "new HRIs and MRIs".
    static func subject(_ result: CheckResult) -> String {
        let level = result.failOn == .high ? "high-risk issue" : "high- or medium-risk issue"
        return result.base == nil ? level : "new \(level)"
    }

    /// The verdict line: `PASSED: no new high-risk issue (main..HEAD)`, or what failed.
    package static func verdict(_ result: CheckResult) -> String {
        let range = result.base.map { "\($0)..\(result.head)" } ?? result.head
        let n = result.findings.count
        let m = result.failingIntegrity.count
        let e = result.failingEvidence.count
        let notices = result.evidence.count - e
        let noticeText = notices == 0 ? "" : "; \(notices) evidence finding\(notices == 1 ? "" : "s") reported"
        if n == 0 && m == 0 && e == 0 { return "PASSED: no \(subject(result))\(noticeText) (\(range))" }
        var parts: [String] = []
        if n > 0 { parts.append("\(n) \(subject(result))\(n == 1 ? "" : "s")") }
        if m > 0 { parts.append("\(m) lens integrity finding\(m == 1 ? "" : "s")") }
        if e > 0 { parts.append("\(e) evidence finding\(e == 1 ? "" : "s")") }
        return "FAILED: \(parts.joined(separator: ", "))\(noticeText) (\(range))"
    }

    /// The message of one finding, used by every format.
    package static func message(_ item: RiskItem) -> String {
        var text = "\(item.risk == .high ? "High" : "Medium") risk in \(item.workloadName), lens \(item.lens), "
            + "question \(item.questionId): \(item.title)"
        if let other = item.otherRisk { text += " (was \(other.rawValue))" }
        if item.rules == RiskItem.baseRules { text += "; judged by the base's lens versions, since this change alters the lens rules" }
        if !item.missing.isEmpty {
            let names = item.missing.prefix(5).map(\.title)
            text += ". Missing best practices: " + names.joined(separator: "; ") + (item.missing.count > 5 ? "; ..." : "")
        }
        return text
    }

    /// The message of one integrity finding, used by every format: its title and what happened.
    package static func message(_ finding: IntegrityFinding) -> String {
        "\(finding.kind.title): \(finding.message)"
    }

    /// The message of one evidence finding, used by every format: its title and what happened.
    package static func message(_ finding: EvidenceFinding) -> String {
        "\(finding.kind.title): \(finding.message) (answer file \(finding.answerFile))"
    }

    /// The check for a terminal; each line is escaped with `TerminalText.line`.
    package static func render(_ result: CheckResult) -> String {
        let line = TerminalText.line
        var out = line(verdict(result)) + "\n"
        for item in result.findings {
            out += line("\(item.file):\(item.line): \(item.risk.rawValue): \(message(item))") + "\n"
        }
        for finding in result.integrity {
            out += line("\(finding.file): \(finding.kind.rawValue)\(finding.fails ? "" : " (notice)"): \(message(finding))") + "\n"
        }
        for finding in result.evidence {
            out += line("\(finding.file):\(finding.line): \(finding.kind.rawValue)\(finding.fails ? "" : " (notice)"): \(message(finding))") + "\n"
        }
        if !result.resolved.isEmpty {
            out += "Resolved: \(result.resolved.count)\n"
            for item in result.resolved {
                out += "  " + line("\(item.workloadName) \(item.lens)/\(item.questionId): \(item.risk.rawValue) -> \(item.otherRisk?.rawValue ?? "gone")") + "\n"
            }
        }
        return out
    }

    /// The check as Markdown (a step summary or a merge-request note).
    package static func markdown(_ result: CheckResult) -> String {
        var out = "## Welltree check\n\n"
        out += (result.passed ? "✅ " : "❌ ") + DiffMarkdown.inline(verdict(result)) + "\n"
        if !result.findings.isEmpty {
            out += "\n| Risk | Workload | Lens | Question | File |\n|---|---|---|---|---|\n"
            for item in result.findings {
                out += "| \(item.risk.rawValue) | \(DiffMarkdown.cell(item.workloadName)) | \(MarkdownText.code(item.lens, inTable: true)) | "
                    + "\(MarkdownText.code(item.questionId, inTable: true)) \(DiffMarkdown.cell(item.title)) | \(MarkdownText.code(item.file, inTable: true)):\(item.line) |\n"
            }
        }
        out += integrityMarkdown(result.integrity)
        out += evidenceMarkdown(result.evidence)
        if !result.resolved.isEmpty {
            out += "\nResolved:\n\n"
            for item in result.resolved { out += "- " + DiffMarkdown.itemLine(item) + "\n" }
        }
        return out
    }

    /// The evidence findings as a Markdown table (empty text when there are none): who should
    /// look at what. Every cell is escaped (`DiffMarkdown.cell`, `MarkdownText.code`).
    package static func evidenceMarkdown(_ findings: [EvidenceFinding]) -> String {
        guard !findings.isEmpty else { return "" }
        var out = "\n### Evidence changed by this change\n\n| | Workload | Question | Evidence | Change | Answer file |\n|---|---|---|---|---|---|\n"
        for finding in findings {
            out += "| \(finding.fails ? "❌" : "⚠️") | \(DiffMarkdown.cell(finding.workloadName)) | "
                + "\(MarkdownText.code(finding.questionId, inTable: true))\(finding.choiceId.map { " " + MarkdownText.code($0, inTable: true) } ?? "") | "
                + "\(MarkdownText.code(finding.location, inTable: true)) | \(finding.kind == .evidenceRemoved ? "deleted or moved" : "changed") | "
                + "\(MarkdownText.code(finding.answerFile, inTable: true)) |\n"
        }
        out += "\nA reviewer of each answer should look: `welltree answer confirm WORKLOAD QUESTION` records that the answer stands, "
            + "or the answer cites other evidence.\n"
        return out
    }

    /// The lens integrity findings as a Markdown table (empty text when there are none).
    package static func integrityMarkdown(_ findings: [IntegrityFinding]) -> String {
        guard !findings.isEmpty else { return "" }
        var out = "\n### Lens integrity\n\n| | Finding | File | Details |\n|---|---|---|---|\n"
        for finding in findings {
            out += "| \(finding.fails ? "❌" : "ℹ️") | \(finding.kind.title) (`\(finding.kind.rawValue)`) | "
                + "\(MarkdownText.code(finding.file, inTable: true)) | \(DiffMarkdown.cell(finding.message)) |\n"
        }
        return out
    }
}
