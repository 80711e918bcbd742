import WelltreeCore

/// The text view of one question and its answer, like the console's question page.
package enum AnswerText {
    package static func render(pillar: LensPillar, question: LensQuestion, answer: Answer?, risk: Risk) -> String {
        var text = "\(pillar.name) · \(question.id)\n\(question.title)\n"
        if let description = question.description, !description.isEmpty { text += "\n\(description)\n" }
        text += "\nRisk: \(risk.rawValue)"
        if answer?.isApplicable == false {
            text += " (question not applicable: \((answer?.reason ?? .none).rawValue))"
        }
        text += "\n\n"
        for (index, choice) in question.choices.enumerated() {
            let mark: String
            if let na = answer?.notApplicableChoices[choice.id] {
                mark = "[n/a]"
                text += "  \(String(index + 1).leftPad(2)). \(mark) \(choice.title)  (\(choice.id); \(na.reason.rawValue)\(na.notes.map { ": \($0)" } ?? ""))\n"
                continue
            }
            mark = answer?.selectedChoices.contains(choice.id) == true ? "[x]  " : "[ ]  "
            text += "  \(String(index + 1).leftPad(2)). \(mark) \(choice.title)  (\(choice.id))\n"
        }
        if let notes = answer?.notes, !notes.isEmpty { text += "\nNotes:\n\(notes)\n" }
        return text
    }
}

extension String {
    func leftPad(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
