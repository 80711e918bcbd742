import WelltreeCore

/// `welltree improvements W --format csv`: the improvement plan as rows a tracker imports, one
/// per best practice to adopt (one per question when a question at risk has none left).
///
/// The columns are named for the importers teams use: `title`, `body` and `labels` are what the
/// common GitHub issue importers read (labels comma separated), and Jira's CSV import maps any
/// column to a field in its wizard (`title` to Summary, `body` to Description, `priority` to
/// Priority: High and Medium are Jira's default priorities). The other columns carry the item's
/// facts one per column, and `item_id` (`ImprovementItem.trackerId`) is stable across runs, for
/// finding an imported item again.
///
/// RFC 4180: a header row, CRLF between records, every field quoted with inner quotes doubled,
/// so commas and line breaks in notes and titles stay inside their field. Text from the
/// repository is untrusted: control characters other than line break and tab are written as
/// `\u{XXXX}` (as on a terminal), and a field that a spreadsheet would run as a formula (starting
/// with `=`, `+`, `-`, `@`, tab or carriage return) is prefixed with `'`, as OWASP advises for CSV
/// injection.
package enum ImprovementCSV {
    /// The header row's column names, in order.
    package static let columns = [
        "title", "body", "labels", "priority", "workload", "workload_id", "lens", "pillar", "question_id", "question", "risk",
        "best_practice_id", "best_practice", "link", "item_id",
    ]

    /// The whole document, header included (only the header when there is nothing to improve).
    package static func render(workload: Workload, lens: LensRecord, items: [ImprovementItem]) -> String {
        var text = record(columns)
        for item in items {
            let choices: [LensChoice?] = item.missingChoices.isEmpty ? [nil] : item.missingChoices
            for choice in choices {
                text += record(row(workload: workload, lens: lens, item: item, choice: choice))
            }
        }
        return text
    }

    /// One row's fields, in `columns` order.
    static func row(workload: Workload, lens: LensRecord, item: ImprovementItem, choice: LensChoice?) -> [String] {
        let risk = item.risk == .high ? "High" : item.risk == .medium ? "Medium" : item.risk.rawValue
        let link = choice.flatMap(ReportWording.improvementLink) ?? item.improvementPlanURL ?? ""
        let id = ImprovementItem.trackerId(
            workloadId: workload.id, lensAlias: lens.alias, questionId: item.questionId, choiceId: choice?.id)
        let what = choice?.title ?? item.questionTitle
        var body = "\(workload.name) · \(lens.name) · \(item.pillarName)\n"
        body += "Question: \(item.questionTitle) (\(item.questionId)), \(risk.lowercased()) risk\n"
        if let choice {
            body += "Best practice to adopt: \(choice.title)\n"
            if let plan = ReportWording.improvementText(choice) { body += "\n\(plan)\n" }
        } else {
            body += "No best practice is left to adopt; the question's answer keeps it at this risk.\n"
        }
        if !link.isEmpty { body += "\n\(link)\n" }
        body += "\nWelltree item \(id)"
        return [
            "\(what) (\(workload.name))", body, "well-architected,\(label(item.pillarId)),\(risk.lowercased())-risk", risk,
            workload.name, workload.id, lens.alias, item.pillarName, item.questionId, item.questionTitle, item.risk.rawValue,
            choice?.id ?? "", choice?.title ?? "", link, id,
        ]
    }

    /// A label GitHub and Jira both accept: letters, digits, `-` and `_`; anything else becomes `-`.
    private static func label(_ text: String) -> String {
        String(
            text.unicodeScalars.map { scalar in
                scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_") ? Character(scalar) : "-"
            })
    }

    /// One CSV record, CRLF-terminated.
    static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// One field, escaped for CSV and for the spreadsheet that may open it.
    static func field(_ text: String) -> String {
        var safe = TerminalText.block(text)
        if let first = safe.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { safe = "'" + safe }
        return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
