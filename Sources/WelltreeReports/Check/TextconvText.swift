import Foundation
import WelltreeCore

/// What `git diff` shows of workspace files through the `diff=welltree` textconv: an answer as
/// the question with its best practices ticked or not, a workload as labelled properties. One
/// fact per line, so git's line diff reads as a review change.
package enum TextconvText {
    /// An answer file. `question` is nil when the lens could not be found: ids are shown then.
    package static func answer(_ stored: StoredAnswerView, question: LensQuestion?, lensAlias: String?, questionId: String) -> String {
        let answer = stored.answer
        var out = "Question: \(question?.title ?? questionId)\n"
        out += "Id: \(lensAlias.map { "\($0)/" } ?? "")\(questionId)\n"
        if !answer.isApplicable {
            out += "Question not applicable: \((answer.reason ?? .none).rawValue)\n"
        }
        if let question {
            for choice in question.choices {
                if let mark = answer.notApplicableChoices[choice.id] {
                    out += "[n/a] \(choice.title) (\(mark.reason.rawValue)\(mark.notes.map { ": \($0)" } ?? ""))\n"
                } else {
                    out += (answer.selectedChoices.contains(choice.id) ? "[x] " : "[ ] ") + choice.title + "\n"
                }
            }
            let known = Set(question.choices.map(\.id))
            for id in answer.selectedChoices where !known.contains(id) { out += "[x] \(id) (not a choice of this question)\n" }
        } else {
            for id in answer.selectedChoices { out += "[x] \(id)\n" }
            for (id, mark) in answer.notApplicableChoices.sorted(by: { $0.key < $1.key }) {
                out += "[n/a] \(id) (\(mark.reason.rawValue)\(mark.notes.map { ": \($0)" } ?? ""))\n"
            }
        }
        if let notes = answer.notes, !notes.isEmpty {
            out += "Notes:\n" + notes.split(separator: "\n", omittingEmptySubsequences: false).map { "  \($0)\n" }.joined()
        }
        if let updatedAt = stored.updatedAt { out += "Updated: \(updatedAt)\n" }
        return out
    }

    /// A workload file: one labelled property per line.
    package static func workload(_ workload: Workload) -> String {
        let values = workload.displayProperties
        var out = ""
        for (key, label) in Workload.propertyOrder {
            guard let value = values[key] ?? nil else { continue }
            out += "\(label): \(value.replacingOccurrences(of: "\n", with: "\n  "))\n"
        }
        return out + "Updated: \(workload.updatedAt)\n"
    }
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
