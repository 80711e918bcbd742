import WelltreeCore

/// Lenses for people: `lens list`, `lens show` and `lens diff`. Everything from the repository
/// (aliases, names, owners, titles, version names) is escaped for the terminal (`TextTable`,
/// `keyValueLines`, `TerminalText.line`).
package enum LensText {
    /// `lens list`: one row per lens with its current version, question count and status.
    package static func list(_ summaries: [LensSummaryShape]) -> String {
        var table = TextTable(
            ["ALIAS", "NAME", "TYPE", "VERSION", "QUESTIONS", "STATUS"],
            alignments: [.left, .left, .left, .left, .right, .left])
        for s in summaries {
            let status = s.LensStatus == "DELETED" ? "deleted" : (s.IsDraft ? "draft" : "published")
            table.add([s.LensAlias, s.LensName, s.LensType, s.LensVersion ?? "-", s.QuestionCount.map(String.init) ?? "-", status])
        }
        return table.render()
    }

    /// `lens show`: the record, then (when a version is shown) each pillar with its questions
    /// and their number of best practices.
    package static func show(_ record: LensRecord, version: String?, lens: Lens?) -> String {
        let line = TerminalText.line
        var pairs: [(String, String)] = [
            ("Alias", line(record.alias)), ("Name", line(record.name)),
            ("Type", record.type.rawValue), ("Owner", line(record.owner)),
            ("Versions", line(record.versions.map { "\($0.version)\($0.isMajor ? " (major)" : "")" }.joined(separator: ", "))),
        ]
        if record.deletedAt != nil { pairs.append(("Status", "deleted")) }
        if let version, let lens {
            pairs.append(("Shown version", line(version)))
            pairs.append(("Description", lens.description))
        }
        var text = keyValueLines(pairs)
        guard version != nil, let lens else { return text }
        for pillar in lens.pillars {
            text += "\n" + line("\(pillar.name) (\(pillar.id))") + "\n"
            for question in pillar.questions {
                text += line("  \(question.id)  \(question.title)  [\(question.choices.count) best practices]") + "\n"
            }
        }
        return text
    }

    /// `lens diff`: the versions compared, then each changed pillar and its changed questions
    /// with their status (new, updated, deleted).
    package static func difference(_ difference: LensDifference, lensName: String, base: String?, target: String) -> String {
        var text = TerminalText.line("\(lensName): \(base ?? "nothing published") -> \(target)") + "\n"
        guard !difference.isEmpty else { return text + "No differences.\n" }
        for pillar in difference.pillars {
            text += "\n" + TerminalText.line("\(padded(pillar.status.rawValue, 7))  \(pillar.name) (\(pillar.id))") + "\n"
            for question in pillar.questions {
                text += TerminalText.line("  \(padded(question.status.rawValue, 7))  \(question.id)  \(question.title)") + "\n"
            }
        }
        return text
    }

    /// `text` padded with spaces on the right to `width` characters.
    private static func padded(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
