/// One change to the answer of one question: what `welltree answer update` asks for, as a plain
/// value the command builds from its options and the core applies.
///
/// Every part is optional; parts that are not set leave the stored answer as it was.
package struct AnswerUpdate: Sendable, Equatable {
    /// Marks one choice not applicable, with why.
    package struct ChoiceMark: Sendable, Equatable {
        package var choiceId: String
        package var reason: AnswerReason
        /// Up to 250 characters.
        package var notes: String?

        package init(choiceId: String, reason: AnswerReason = .none, notes: String? = nil) {
            self.choiceId = choiceId
            self.reason = reason
            self.notes = notes
        }
    }

    /// Replaces the selection with these choices (`--select`). The question's "None of these"
    /// choice is selected alone: listing it beside other choices is refused, as the service's
    /// UpdateAnswer refuses it (`--none` is the way to clear the others and select it).
    package var select: [String]?
    /// Selects the question's "None of these" choice and clears the other selections (`--none`).
    package var none: Bool
    /// Choices to mark not applicable; a marked choice is unselected.
    package var choiceNotApplicable: [ChoiceMark]
    /// Choices whose not-applicable mark is removed.
    package var choiceApplicable: [String]
    /// Marks the whole question as not applying, with this reason. Selections are kept.
    package var notApplicable: AnswerReason?
    /// Marks the question as applying again.
    package var applicable: Bool
    /// Replaces the notes; an empty text removes them.
    package var notes: String?
    /// Removes every citation before `evidence` is added (`--clear-evidence`).
    package var clearEvidence: Bool
    /// Citations to add (`--evidence`), each path's `confirmedId` already set to the id it has
    /// in the state the update is built on. Citing what the answer already cites records its
    /// current state again.
    package var evidence: [Evidence]

    package init(
        select: [String]? = nil, none: Bool = false, choiceNotApplicable: [ChoiceMark] = [], choiceApplicable: [String] = [],
        notApplicable: AnswerReason? = nil, applicable: Bool = false, notes: String? = nil, clearEvidence: Bool = false,
        evidence: [Evidence] = []
    ) {
        self.select = select
        self.none = none
        self.choiceNotApplicable = choiceNotApplicable
        self.choiceApplicable = choiceApplicable
        self.notApplicable = notApplicable
        self.applicable = applicable
        self.notes = notes
        self.clearEvidence = clearEvidence
        self.evidence = evidence
    }
}

extension AnswerUpdate {
    /// The answer after this update, or every rule the update breaks.
    ///
    /// Rules: choice ids must belong to the question (the message lists the valid ones); `none`
    /// needs a "None of these" choice and cannot be combined with `select`; `select` lists "None of
    /// these" only alone; "None of these" cannot
    /// be marked not applicable; one choice cannot be both selected and marked not applicable,
    /// nor both marked and unmarked; a question cannot be made both applicable and not
    /// applicable; notes are at most 2084 characters, choice notes at most 250, neither with a
    /// control character other than newline and tab (`Answer.notesRules`); citations follow
    /// `Answer.evidenceViolations`. The result lists
    /// selections in lens order; ids the question no longer has are dropped from the selection.
    package func apply(to answer: Answer?, question: LensQuestion) throws(ValidationError) -> Answer {
        var validator = Validator()
        let valid = Set(question.choices.map(\.id))
        let listing = question.choices.map(\.id).joined(separator: ", ")
        func requireKnown(_ id: String, _ field: String, _ validator: inout Validator) {
            validator.require(
                valid.contains(id), field: field, value: id,
                rule: "is not a choice of question \(question.id); valid choices: \(listing)")
        }

        let noneChoice = question.noneOfTheseChoice
        for id in select ?? [] { requireKnown(id, "--select", &validator) }
        if let select, let noneId = noneChoice?.id, select.contains(noneId) {
            let others = select.filter { $0 != noneId }
            validator.require(
                others.isEmpty, field: "--select", value: select.joined(separator: ","),
                rule: "selects \(noneId) (\"None of these\") together with \(others.joined(separator: ", ")); "
                    + "\"None of these\" is selected alone (use --none, or leave it out)")
        }
        if none {
            validator.require(
                noneChoice != nil, field: "--none", value: question.id,
                rule: "has no \"None of these\" choice (a choice id ending in _no)")
            validator.require(select == nil, field: "--none", value: "", rule: "cannot be combined with --select")
        }
        let selecting = Set((select ?? []) + (none ? noneChoice.map { [$0.id] } ?? [] : []))
        let marking = Set(choiceNotApplicable.map(\.choiceId))
        for mark in choiceNotApplicable {
            requireKnown(mark.choiceId, "--choice-na", &validator)
            validator.require(
                !mark.choiceId.hasSuffix("_no"), field: "--choice-na", value: mark.choiceId,
                rule: "is the \"None of these\" choice, which cannot be marked not applicable")
            validator.require(
                !selecting.contains(mark.choiceId), field: "--choice-na", value: mark.choiceId,
                rule: "cannot be both selected and not applicable")
            for rule in Answer.notesRules(mark.notes, limit: LensLimits.choiceNotesLength) {
                validator.add(Violation(field: "--choice-na notes", value: mark.notes ?? "", rule: rule))
            }
        }
        for id in choiceApplicable {
            requireKnown(id, "--choice-applicable", &validator)
            validator.require(
                !marking.contains(id), field: "--choice-applicable", value: id,
                rule: "cannot be both marked and unmarked not applicable")
        }
        if notApplicable != nil {
            validator.require(!applicable, field: "--applicable", value: "", rule: "cannot be combined with --not-applicable")
        }
        for rule in Answer.notesRules(notes, limit: LensLimits.answerNotesLength) {
            validator.add(Violation(field: "--notes", value: notes ?? "", rule: rule))
        }
        for violation in Answer.evidenceViolations(evidence, question: question, field: "--evidence", requireIds: false) {
            validator.add(violation)
        }
        try validator.check()

        var result = answer ?? Answer()
        var selected = Set(result.selectedChoices)
        for id in choiceApplicable { result.notApplicableChoices[id] = nil }
        if none || select != nil {
            if let chosen = question.choices.first(where: { $0.isNoneOfThese && selecting.contains($0.id) }) {
                selected = [chosen.id]
            } else {
                selected = selecting
            }
            for id in selected { result.notApplicableChoices[id] = nil }
        }
        for mark in choiceNotApplicable {
            result.notApplicableChoices[mark.choiceId] = ChoiceNotApplicable(reason: mark.reason, notes: mark.notes)
            selected.remove(mark.choiceId)
        }
        result.selectedChoices = question.choices.map(\.id).filter { selected.contains($0) }
        if let reason = notApplicable {
            result.isApplicable = false
            result.reason = reason
        } else if applicable {
            result.isApplicable = true
            result.reason = nil
        }
        if let notes { result.notes = notes.isEmpty ? nil : notes }
        if clearEvidence || !evidence.isEmpty {
            let added = Set(evidence.map(\.target))
            let kept = clearEvidence ? [] : result.evidence.filter { !added.contains($0.target) }
            result.evidence = Evidence.sorted(kept + evidence)
            if result.evidence.count > Evidence.maximumCount {
                throw ValidationError([
                    Violation(
                        field: "--evidence", value: "\(result.evidence.count) citations",
                        rule: "would make the answer cite more than \(Evidence.maximumCount)")
                ])
            }
        }
        return result
    }
}
