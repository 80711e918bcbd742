import WelltreeCore

/// Review templates for people: `template list`, `template show`, `template notes`, `template
/// answer list`, `template status` and `template apply`. Names, notes, titles and principals
/// come from the repository and are escaped for the terminal (`TextTable`, `TerminalText`).
package enum TemplateText {
    /// `template list`: one row per template, a deleted one's status DELETED.
    package static func list(_ templates: [(template: ReviewTemplate, status: ReviewTemplateUpdateStatus)]) -> String {
        guard !templates.isEmpty else { return "No review templates.\n" }
        var table = TextTable(["NAME", "VERSION", "STATUS", "LENSES", "OWNER", "ID"], alignments: [.left, .right, .left, .left, .left, .left])
        for (template, status) in templates {
            let state = template.deletedAt == nil ? status.rawValue : "DELETED"
            table.add([template.name, "\(template.version)", state, template.lenses.map(\.alias).joined(separator: ","), template.owner, template.id])
        }
        return table.render()
    }

    /// `template show`: the record, then one row per lens with its counts.
    package static func show(_ template: ReviewTemplate, status: ReviewTemplateUpdateStatus, lenses: [ReviewTemplateLensSummary]) -> String {
        let line = TerminalText.line
        var text = "\(line(template.name)) (\(template.id))\n"
        text += "Description: \(TerminalText.block(template.description))\n"
        text += "Owner:       \(line(template.owner))\n"
        text += "Version:     \(template.version)\n"
        text += "Status:      \(status.rawValue)\n"
        if let deletedAt = template.deletedAt { text += "Deleted:     \(deletedAt)\n" }
        if let notes = template.notes { text += "Notes:\n\(TerminalText.block(notes))\n" }
        var table = TextTable(["LENS", "VERSION", "ANSWERED", "UNANSWERED", "STATUS"], alignments: [.left, .left, .right, .right, .left])
        for lens in lenses {
            table.add([lens.alias, lens.version, "\(lens.questionCounts.answered)", "\(lens.questionCounts.unanswered)", lens.status.rawValue])
        }
        return text + "\n" + table.render()
    }

    /// `template notes T L` without a change: the lens's notes, then one row per pillar.
    package static func lensNotes(templateName: String, alias: String, version: String, review: ReviewTemplateLensReview) -> String {
        var text = "\(TerminalText.line(templateName)) · \(TerminalText.line(alias)) \(TerminalText.line(version))\n"
        if let notes = review.notes { text += "Notes:\n\(TerminalText.block(notes))\n" }
        var table = TextTable(["PILLAR", "ANSWERED", "UNANSWERED", "NOTES"], alignments: [.left, .right, .right, .left])
        for pillar in review.pillars {
            table.add([pillar.id, "\(pillar.questionCounts.answered)", "\(pillar.questionCounts.unanswered)", pillar.notes ?? "-"])
        }
        return text + "\n" + table.render()
    }

    /// `template answer list`: one row per question with its status and selected choices.
    package static func answers(_ summaries: [ReviewTemplateAnswerSummaryShape]) -> String {
        var table = TextTable(["PILLAR", "QUESTION", "STATUS", "SELECTED", "TITLE"], alignments: [.left, .left, .left, .right, .left])
        for s in summaries {
            table.add([s.PillarId, s.QuestionId, s.AnswerStatus, "\(s.SelectedChoices.count)/\(s.Choices.count)", s.QuestionTitle])
        }
        return table.render()
    }

    /// `template status`: the template, then per workload its counts of CURRENT, OUTDATED and
    /// OVERRIDDEN answers, then each question not CURRENT with what `template apply` does with it.
    package static func status(_ template: ReviewTemplate, workloads: [TemplateWorkloadStatusShape]) -> String {
        var text = TerminalText.line("\(TerminalText.line(template.name)), version \(template.version)") + "\n"
        guard !workloads.isEmpty else { return text + "No workload was created from this template.\n" }
        var table = TextTable(["WORKLOAD", "FROM", "CURRENT", "OUTDATED", "OVERRIDDEN"], alignments: [.left, .right, .right, .right, .right])
        for shape in workloads {
            table.add([
                shape.WorkloadName, "v\(shape.TemplateVersion)", "\(shape.StateCounts["CURRENT"] ?? 0)",
                "\(shape.StateCounts["OUTDATED"] ?? 0)", "\(shape.StateCounts["OVERRIDDEN"] ?? 0)",
            ])
        }
        text += "\n" + table.render()
        var details = TextTable(["WORKLOAD", "LENS", "QUESTION", "STATE", "NOTE"])
        for shape in workloads {
            for question in shape.Questions {
                let note =
                    question.State == "OUTDATED"
                    ? (question.Applicable == true ? "apply proposes the template's answer" : "skipped: \(question.Blockers?.joined(separator: "; ") ?? "")")
                    : "answered on the workload; never touched"
                details.add([shape.WorkloadName, question.LensAlias, question.QuestionId, question.State, note])
            }
        }
        for shape in workloads {
            for notes in shape.Notes {
                let note = notes.State == "OUTDATED" ? "apply proposes the template's notes" : "written on the workload; never touched"
                details.add([shape.WorkloadName, notes.LensAlias, notes.PillarId.map { "notes/\($0)" } ?? "notes", notes.State, note])
            }
        }
        if !details.rows.isEmpty { text += "\n" + details.render() }
        return text
    }

    /// `template apply`: per workload what was written and what was left alone (and why an
    /// OUTDATED answer was skipped); "Nothing to apply." when nothing was committed.
    package static func applied(_ workloads: [TemplateApplyWorkloadShape], committed: Bool) -> String {
        var text = ""
        for shape in workloads {
            let overridden = shape.LeftAlone.filter { $0.State == "OVERRIDDEN" }.count
            let written = shape.Written.count
            let notes = shape.NotesWritten.count
            let notesPart = notes > 0 || !shape.NotesLeftAlone.isEmpty
                ? "; \(notes) notes written, \(shape.NotesLeftAlone.count) overridden notes left alone" : ""
            text += TerminalText.line(
                "\(TerminalText.line(shape.WorkloadName)): \(written) answer\(written == 1 ? "" : "s") written, \(overridden) overridden left alone\(notesPart)") + "\n"
            for skipped in shape.LeftAlone where skipped.State == "OUTDATED" {
                text += TerminalText.line("  skipped \(skipped.LensAlias)/\(skipped.QuestionId): \(TerminalText.line(skipped.Blockers?.joined(separator: "; ") ?? ""))") + "\n"
            }
        }
        if !committed { text += "Nothing to apply.\n" }
        return text
    }
}
