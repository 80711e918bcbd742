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
            for rule in Self.notesRules(mark.notes, limit: LensLimits.choiceNotesLength) {
                validator.add(Violation(field: "\(field): notApplicableChoices[\"\(id)\"].notes", value: mark.notes ?? "", rule: rule))
            }
        }
        for rule in Self.notesRules(notes, limit: LensLimits.answerNotesLength) {
            validator.add(Violation(field: "\(field): notes", value: notes ?? "", rule: rule))
        }
        for violation in Self.evidenceViolations(evidence, question: question, field: "\(field): evidence", requireIds: true) {
            validator.add(violation)
        }
        return validator.violations
    }

    /// Every rule a list of citations breaks: each citation's own (`Evidence.rules`), a best
    /// practice the question does not have, the same citation twice, more than
    /// `Evidence.maximumCount`. `field` is the list's place (`<file>: evidence`, `--evidence`).
    package static func evidenceViolations(_ evidence: [Evidence], question: LensQuestion, field: String, requireIds: Bool) -> [Violation] {
        var violations: [Violation] = []
        if evidence.count > Evidence.maximumCount {
            violations.append(Violation(field: field, value: "\(evidence.count) citations", rule: "must hold at most \(Evidence.maximumCount) citations"))
        }
        let valid = Set(question.choices.map(\.id))
        var seen = Set<String>()
        for (index, citation) in evidence.enumerated() {
            let place = requireIds ? "\(field)[\(index)]" : field
            for (suffix, value, rule) in citation.rules(requireId: requireIds) {
                violations.append(Violation(field: suffix.isEmpty ? place : "\(place).\(suffix)", value: value, rule: rule))
            }
            if let choice = citation.choiceId, !choice.isEmpty, !valid.contains(choice) {
                violations.append(
                    Violation(
                        field: requireIds ? "\(place).choiceId" : place, value: choice,
                        rule: "is not a choice of question \(question.id); valid choices: \(question.choices.map(\.id).joined(separator: ", "))"))
            }
            if !seen.insert(citation.target).inserted {
                violations.append(Violation(field: place, value: citation.target, rule: "is cited twice"))
            }
        }
        return violations
    }

    /// The rules notes (an answer's, or a best practice's marked not applicable) break: at most
    /// `limit` characters, and no control character but newline and tab, as for a workload's
    /// notes. The same rules hold for `--notes` on the command line, for an answer file a review
    /// session or a hand edit wrote, and for a file `welltree validate` or the server hook reads:
    /// nothing that would act on a terminal gets into a review, whoever wrote it.
    package static func notesRules(_ notes: String?, limit: Int) -> [String] {
        guard let notes, !notes.isEmpty else { return [] }
        var rules: [String] = []
        if notes.unicodeScalars.count > limit { rules.append("must be at most \(limit) characters") }
        if let control = WorkloadChecker.firstControl(in: notes, multiline: true) {
            rules.append("must not contain control characters other than newline and tab (found \(WorkloadChecker.codePoint(control)))")
        }
        return rules
    }
}
