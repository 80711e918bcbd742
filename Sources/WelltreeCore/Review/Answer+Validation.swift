extension Answer {
    /// Every rule a stored answer breaks against its question: unknown choice ids, a "None of
    /// these" choice marked not applicable, notes over the limits.
    ///
    /// `AnswerUpdate` checks changes as they are asked for; this checks an answer that arrives
    /// whole (a file written outside a command, by a review session or by hand) before it is
    /// committed. `field` names the file, so the violations say where to look.
    package func violations(against question: LensQuestion, field: String) -> [Violation] {
        var validator = Validator()
        let valid = Set(question.choices.map(\.id))
        let listing = question.choices.map(\.id).joined(separator: ", ")
        for id in selectedChoices {
            validator.require(
                valid.contains(id), field: "\(field): selectedChoices", value: id,
                rule: "is not a choice of question \(question.id); valid choices: \(listing)")
        }
        for (id, mark) in notApplicableChoices.sorted(by: { $0.key < $1.key }) {
            validator.require(
                valid.contains(id), field: "\(field): notApplicableChoices", value: id,
                rule: "is not a choice of question \(question.id); valid choices: \(listing)")
            validator.require(
                !id.hasSuffix("_no"), field: "\(field): notApplicableChoices", value: id,
                rule: "is the \"None of these\" choice, which cannot be marked not applicable")
            validator.require(
                (mark.notes ?? "").unicodeScalars.count <= LensLimits.choiceNotesLength,
                field: "\(field): notApplicableChoices[\"\(id)\"].notes", value: mark.notes ?? "",
                rule: "must be at most \(LensLimits.choiceNotesLength) characters")
        }
        validator.require(
            (notes ?? "").unicodeScalars.count <= LensLimits.answerNotesLength, field: "\(field): notes",
            value: notes ?? "", rule: "must be at most \(LensLimits.answerNotesLength) characters")
        return validator.violations
    }
}
