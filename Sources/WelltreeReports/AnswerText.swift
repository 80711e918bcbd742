import WelltreeCore

/// The text view of one question and its answer, like the console's question page. Lens texts
/// (a custom lens is repository content) and the answer's notes are escaped for the terminal:
/// one-line texts with `TerminalText.line`, the description and notes with `TerminalText.block`.
package enum AnswerText {
    /// `answer list`: one row per question with its risk and selected choices; with
    /// `priority`, a PRIORITY column marks the questions the workload's profile prioritizes.
    package static func list(_ summaries: [AnswerSummaryShape], priority: Bool) -> String {
        var headers = ["PILLAR", "QUESTION", "RISK", "SELECTED"]
        if priority { headers.append("PRIORITY") }
        var table = TextTable(headers + ["TITLE"], alignments: headers.map { $0 == "SELECTED" ? .right : .left } + [.left])
        for s in summaries {
            var row = [s.PillarId, s.QuestionId, s.Risk, "\(s.SelectedChoices.count)/\(s.Choices.count)"]
            if priority { row.append(s.QuestionType == QuestionType.prioritized.rawValue ? "PRIORITIZED" : "-") }
            table.add(row + [s.QuestionTitle])
        }
        return table.render()
    }

    package static func render(pillar: LensPillar, question: LensQuestion, answer: Answer?, risk: Risk, evidence: [CitedEvidence] = []) -> String {
        render(pillar: pillar, question: question, answer: answer, status: "Risk: \(risk.rawValue)", evidence: evidence)
    }

    /// The line after an answer saying whether the workload's profile prioritizes the question
    /// and through which of its choices (a blank line before it).
    package static func priorityReason(_ reason: QuestionPriorityReason) -> String {
        let text =
            reason.choiceTitles.isEmpty
            ? "NON_PRIORITIZED by the workload's profile (Welltree's mapping)"
            : "PRIORITIZED by the workload's profile (Welltree's mapping) through: \(reason.choiceTitles.joined(separator: "; "))"
        return "\n" + TerminalText.line(text) + "\n"
    }

    /// A review template's answer: its status (ANSWERED or UNANSWERED) where a workload's shows
    /// its risk, since a template answer has none.
    package static func render(pillar: LensPillar, question: LensQuestion, answer: Answer?, templateStatus: ReviewTemplateAnswerStatus) -> String {
        render(pillar: pillar, question: question, answer: answer, status: "Status: \(templateStatus.rawValue)", evidence: [])
    }

    private static func render(pillar: LensPillar, question: LensQuestion, answer: Answer?, status: String, evidence: [CitedEvidence]) -> String {
        let line = TerminalText.line
        var text = "\(line(pillar.name)) · \(line(question.id))\n\(line(question.title))\n"
        if let description = question.description, !description.isEmpty { text += "\n\(TerminalText.block(description))\n" }
        text += "\n\(status)"
        if answer?.isApplicable == false {
            text += " (question not applicable: \((answer?.reason ?? .none).rawValue))"
        }
        text += "\n\n"
        for (index, choice) in question.choices.enumerated() {
            let mark: String
            if let na = answer?.notApplicableChoices[choice.id] {
                mark = "[n/a]"
                text += "  \(String(index + 1).leftPad(2)). \(mark) \(line(choice.title))  (\(line(choice.id)); \(na.reason.rawValue)\(na.notes.map { ": \(line($0))" } ?? ""))\n"
                continue
            }
            mark = answer?.selectedChoices.contains(choice.id) == true ? "[x]  " : "[ ]  "
            text += "  \(String(index + 1).leftPad(2)). \(mark) \(line(choice.title))  (\(line(choice.id)))\n"
        }
        if let notes = answer?.notes, !notes.isEmpty { text += "\nNotes:\n\(TerminalText.block(notes))\n" }
        if !evidence.isEmpty { text += "\nEvidence:\n" + EvidenceText.table(evidence, showing: [.choice]) }
        return text
    }
}

extension String {
    func leftPad(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
