/// How the answer to one question changed, and what that did to its risk.
package struct QuestionChange: Sendable, Equatable, Codable {
    package var pillarId: String
    package var questionId: String
    package var title: String
    /// The answer file (`workloads/<dir>/answers/<alias>/<question>.json`).
    package var file: String
    package var selected: [ChoiceRef]
    package var deselected: [ChoiceRef]
    package var markedNotApplicable: [ChoiceRef]
    package var markedApplicable: [ChoiceRef]
    /// The question's own applicability when it changed: false when it was marked not
    /// applicable, true when it applies again; nil when unchanged.
    package var questionApplicable: Bool?
    /// Why the question does not apply, when it was marked not applicable.
    package var reason: AnswerReason?
    /// Question notes on each side, when they changed.
    package var notesBefore: String?
    package var notesAfter: String?
    package var notesChanged: Bool
    package var riskBefore: Risk
    package var riskAfter: Risk

    /// Compares two answers to `question` (nil: unanswered); nil when neither the answer nor
    /// the risk changed (a file rewritten with a new `updatedAt` only is no change).
    package static func compare(
        question: LensQuestion, pillarId: String, file: String,
        before: Answer?, after: Answer?, riskBefore: Risk, riskAfter: Risk
    ) -> QuestionChange? {
        let old = before ?? Answer()
        let new = after ?? Answer()
        if old == new && riskBefore == riskAfter { return nil }
        func refs(_ ids: [String]) -> [ChoiceRef] {
            let order = Dictionary(question.choices.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
            return ids.sorted { (order[$0] ?? Int.max, $0) < (order[$1] ?? Int.max, $1) }
                .map { ChoiceRef(id: $0, title: question.choice(id: $0)?.title ?? $0) }
        }
        let oldSelected = Set(old.selectedChoices)
        let newSelected = Set(new.selectedChoices)
        let oldNA = Set(old.notApplicableChoices.keys)
        let newNA = Set(new.notApplicableChoices.keys)
        var change = QuestionChange(
            pillarId: pillarId, questionId: question.id, title: question.title, file: file,
            selected: refs(Array(newSelected.subtracting(oldSelected))),
            deselected: refs(Array(oldSelected.subtracting(newSelected))),
            markedNotApplicable: refs(Array(newNA.subtracting(oldNA))),
            markedApplicable: refs(Array(oldNA.subtracting(newNA))),
            questionApplicable: nil, reason: nil, notesBefore: nil, notesAfter: nil, notesChanged: false,
            riskBefore: riskBefore, riskAfter: riskAfter)
        if old.isApplicable != new.isApplicable {
            change.questionApplicable = new.isApplicable
            if !new.isApplicable { change.reason = new.reason ?? AnswerReason.none }
        } else if !new.isApplicable, old.reason != new.reason {
            change.questionApplicable = false
            change.reason = new.reason ?? AnswerReason.none
        }
        if (old.notes ?? "") != (new.notes ?? "") {
            change.notesChanged = true
            change.notesBefore = old.notes
            change.notesAfter = new.notes
        }
        return change
    }

    /// True when the risk moved.
    package var riskChanged: Bool { riskBefore != riskAfter }
}
