import WelltreeCore
import WelltreeReports

/// The question page as plain text, for the scripted review: what the interactive screen shows,
/// without the screen. Lens texts and notes are escaped for the terminal (`TerminalText`).
package enum ReviewPageText {
    package static func render(_ session: ReviewSession) -> String {
        let line = TerminalText.line
        let question = session.question
        let answer = session.answer
        let progress = session.progress[session.location.pillar]
        var text =
            "== \(line(progress.name)) \(progress.answered)/\(progress.total) answered · question \(session.numberInPillar) of \(progress.total)"
            + " · \(line(question.id)) · risk \(session.risk.rawValue)\n"
        text += line(question.title) + "\n"
        if let description = question.description, !description.isEmpty { text += TerminalText.block(description) + "\n" }
        if let url = question.helpfulResource?.url { text += "Info: \(line(url))\n" }
        if answer?.isApplicable == false {
            text += "Question does not apply to this workload: \((answer?.reason ?? .none).rawValue)\n"
        }
        let width = String(question.choices.count).count
        let indent = String(repeating: " ", count: width + 7)
        for (index, choice) in question.choices.enumerated() {
            let number = String(repeating: " ", count: width - String(index + 1).count) + String(index + 1)
            let mark = answer?.notApplicableChoices[choice.id]
            let box = mark != nil ? "[-]" : (answer?.selectedChoices.contains(choice.id) == true ? "[x]" : "[ ]")
            text += "  \(number) \(box) \(line(choice.title))\n"
            if let mark {
                text += indent + "not applicable: \(mark.reason.rawValue)" + (mark.notes.map { " · \(line($0))" } ?? "") + "\n"
            }
            if let url = choice.helpfulResource?.url { text += indent + line(url) + "\n" }
        }
        if let notes = answer?.notes, !notes.isEmpty {
            text += "Notes (\(notes.unicodeScalars.count)/\(LensLimits.answerNotesLength)):\n"
            text += textLines(notes).map { "  " + line($0) }.joined(separator: "\n") + "\n"
        }
        if let evidence = answer?.evidence, !evidence.isEmpty {
            text += "Evidence (welltree answer update --evidence; states: welltree evidence):\n"
            for citation in evidence {
                text += "  " + line(citation.location) + (citation.choiceId.map { " · for " + line($0) } ?? "") + "\n"
            }
        }
        for (label, notes) in [("Pillar notes", session.pillarNotes), ("Lens notes", session.lensNotes)] {
            guard let notes else { continue }
            text += "\(label):\n" + textLines(notes).map { "  " + line($0) }.joined(separator: "\n") + "\n"
        }
        return text
    }

    /// "Operational Excellence 3/11 answered", one line per pillar.
    package static func progress(_ session: ReviewSession) -> String {
        session.progress.enumerated().map {
            "\($0.offset + 1) \(TerminalText.line($0.element.name)) \($0.element.answered)/\($0.element.total) answered\n"
        }
            .joined()
    }
}
