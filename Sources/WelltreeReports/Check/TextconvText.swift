import Foundation
import WelltreeCore

/// What `git diff` shows of workspace files through the `diff=welltree` textconv: an answer as
/// the question with its best practices ticked or not and a line per cited piece of evidence,
/// a workload as labelled properties. One
/// fact per line, so git's line diff reads as a review change.
///
/// Every value is escaped for the terminal `git diff` and `git log -p` print to: one-line values
/// with `TerminalText.line`, so a line break in a name cannot forge another `Label:` line, and
/// each line of notes and descriptions (indented under its label) with `TerminalText.line` too.
package enum TextconvText {
    /// An answer file. `question` is nil when the lens could not be found: ids are shown then.
    package static func answer(_ stored: StoredAnswerView, question: LensQuestion?, lensAlias: String?, questionId: String) -> String {
        let answer = stored.answer
        let line = TerminalText.line
        var out = "Question: \(line(question?.title ?? questionId))\n"
        out += "Id: \(line(lensAlias.map { "\($0)/" } ?? ""))\(line(questionId))\n"
        if !answer.isApplicable {
            out += "Question not applicable: \((answer.reason ?? .none).rawValue)\n"
        }
        if let question {
            for choice in question.choices {
                if let mark = answer.notApplicableChoices[choice.id] {
                    out += "[n/a] \(line(choice.title)) (\(mark.reason.rawValue)\(mark.notes.map { ": \(line($0))" } ?? ""))\n"
                } else {
                    out += (answer.selectedChoices.contains(choice.id) ? "[x] " : "[ ] ") + line(choice.title) + "\n"
                }
            }
            let known = Set(question.choices.map(\.id))
            for id in answer.selectedChoices where !known.contains(id) { out += "[x] \(line(id)) (not a choice of this question)\n" }
        } else {
            for id in answer.selectedChoices { out += "[x] \(line(id))\n" }
            for (id, mark) in answer.notApplicableChoices.sorted(by: { $0.key < $1.key }) {
                out += "[n/a] \(line(id)) (\(mark.reason.rawValue)\(mark.notes.map { ": \(line($0))" } ?? ""))\n"
            }
        }
        if let notes = answer.notes, !notes.isEmpty {
            out += "Notes:\n" + textLines(notes).map { "  \(line($0))\n" }.joined()
        }
        for citation in answer.evidence { out += "Evidence: " + evidence(citation, question: question) + "\n" }
        if let updatedAt = stored.updatedAt { out += "Updated: \(line(updatedAt))\n" }
        return out
    }

    /// One citation on one line: where it points, the best practice it is for (by title when
    /// the question is known), and the object id recorded when the answer was confirmed (12
    /// digits), so `answer confirm` shows in `git diff` as the lines whose id changed.
    static func evidence(_ citation: Evidence, question: LensQuestion?) -> String {
        let line = TerminalText.line
        var text = line(citation.location)
        if let choiceId = citation.choiceId {
            text += " \u{2014} for " + line(question?.choices.first { $0.id == choiceId }?.title ?? choiceId)
        }
        if citation.path != nil {
            text += citation.confirmedId.map { " (confirmed at " + line(String($0.prefix(12))) + ")" } ?? " (no recorded id)"
        } else {
            text += " (URL, not checked)"
        }
        return text
    }

    /// A workload file: one labelled property per line. The description and notes may have
    /// several lines, shown indented under the label; a line break anywhere else is shown as
    /// `\u{A}`.
    package static func workload(_ workload: Workload) -> String {
        let values = workload.displayProperties
        var out = ""
        for (key, label) in Workload.propertyOrder {
            guard let value = values[key] ?? nil else { continue }
            let text = multilineProperties.contains(key)
                ? textLines(value).map(TerminalText.line).joined(separator: "\n  ") : TerminalText.line(value)
            out += "\(label): \(text)\n"
        }
        return out + "Updated: \(TerminalText.line(workload.updatedAt))\n"
    }

    /// The workload.json keys whose text may have several lines.
    static let multilineProperties: Set<String> = ["description", "notes"]
}

/// The parts of an answer file the textconv shows (the workspace's `StoredAnswer`, which this
/// module cannot import).
package struct StoredAnswerView: Sendable {
    package var answer: Answer
    package var updatedAt: String?

    package init(answer: Answer, updatedAt: String?) {
        self.answer = answer
        self.updatedAt = updatedAt
    }
}
