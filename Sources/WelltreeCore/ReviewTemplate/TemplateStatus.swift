/// Where a workload's answer stands against the template the workload was created from
/// (Welltree's own: the service copies a template once and never looks back).
package enum TemplateAnswerState: String, Sendable, Codable, CaseIterable {
    /// Equal to the template's answer now: nothing to do.
    case current = "CURRENT"
    /// Equal to an answer the template held since the workload's template version, but not to
    /// the current one: nobody on the workload changed it, so `template apply` proposes the
    /// template's current answer.
    case outdated = "OUTDATED"
    /// Different from every answer the template held since then: the workload's reviewers
    /// answered it themselves. Never touched.
    case overridden = "OVERRIDDEN"
}

/// What a template's answer files held in every version since the one a workload records: for
/// each question, the distinct answers found (nil where the file was absent), read from git
/// history by the workspace. A question missing from `held` held only its current answer.
package struct TemplateAnswerHistory: Sendable, Equatable {
    package var held: [String: [Answer?]]

    package init(_ held: [String: [Answer?]] = [:]) {
        self.held = held
    }
}

/// One question of a workload compared with its template.
package struct TemplateAnswerComparison: Sendable, Equatable {
    package var pillarId: String
    package var questionId: String
    package var state: TemplateAnswerState
    /// For an OUTDATED answer, the template's current answer, which `template apply` writes
    /// (nil: the template no longer answers the question, and apply removes the workload's copy).
    package var proposal: Answer?
    /// For an OUTDATED answer, why the proposal does not fit the workload's version of the lens
    /// (a choice it does not have): apply skips it and says so. Empty when it fits.
    package var blockers: [Violation]

    package init(pillarId: String, questionId: String, state: TemplateAnswerState, proposal: Answer? = nil, blockers: [Violation] = []) {
        self.pillarId = pillarId
        self.questionId = questionId
        self.state = state
        self.proposal = proposal
        self.blockers = blockers
    }

    /// Whether `template apply` writes this question.
    package var isApplicable: Bool { state == .outdated && blockers.isEmpty }
}

/// Compares a workload's answers with the template it was created from.
package enum TemplateStatus {
    /// The state of one value (an answer, or notes) given the template's current value and every
    /// value it held since the workload's template version. Values are compared as they are;
    /// callers normalise (`compare` does for answers).
    package static func classify<Value: Equatable>(_ value: Value?, current: Value?, held: [Value?]) -> TemplateAnswerState {
        if value == current { return .current }
        return held.contains(value) ? .outdated : .overridden
    }

    /// Every question of `lens` (the version the workload uses) compared: the workload's
    /// answers and the template's current answers by question id, and what the template held
    /// since the workload's version.
    ///
    /// Answers compare as answers, not files: the selection as a set, choices marked not
    /// applicable with their reasons and notes, applicability, reason and notes; an answer that
    /// records nothing counts as no answer. An OUTDATED answer whose proposal names choices the
    /// workload's lens version lacks (the template is on another version) gets `blockers`.
    package static func compare(
        lens: Lens, workloadAnswers: [String: Answer], templateAnswers: [String: Answer], history: TemplateAnswerHistory
    ) -> [TemplateAnswerComparison] {
        var result: [TemplateAnswerComparison] = []
        for pillar in lens.pillars {
            for question in pillar.questions {
                let current = normalized(templateAnswers[question.id])
                let held = (history.held[question.id] ?? [current]).map(normalized)
                let state = classify(normalized(workloadAnswers[question.id]), current: current, held: held)
                var comparison = TemplateAnswerComparison(pillarId: pillar.id, questionId: question.id, state: state)
                if state == .outdated {
                    comparison.proposal = templateAnswers[question.id].flatMap { $0.isEmpty ? nil : $0 }
                    if let proposal = comparison.proposal {
                        comparison.blockers = proposal.violations(against: question, field: "template answer \(question.id)")
                    }
                }
                result.append(comparison)
            }
        }
        return result
    }

    /// The form answers are compared in: nil for an answer that records nothing, selections
    /// sorted (a hand edit may list them in another order and mean the same).
    private static func normalized(_ answer: Answer?) -> Answer? {
        guard var answer, !answer.isEmpty else { return nil }
        answer.selectedChoices.sort()
        return answer
    }
}

/// One notes text of a workload's lens review (the lens's notes, or one pillar's) compared with
/// the template it was created from, by the same rule as answers.
package struct TemplateNotesComparison: Sendable, Equatable {
    /// The pillar whose notes these are; nil for the lens's own notes.
    package var pillarId: String?
    package var state: TemplateAnswerState
    /// For OUTDATED notes, the template's current text, which `template apply` writes (nil: the
    /// template no longer has notes there, and apply removes the workload's copy).
    package var proposal: String?

    package init(pillarId: String?, state: TemplateAnswerState, proposal: String? = nil) {
        self.pillarId = pillarId
        self.state = state
        self.proposal = proposal
    }

    /// Where the notes are, as `template status` and `apply` name them: `notes` for the lens's
    /// notes, `notes/<pillar id>` for a pillar's.
    package var place: String { pillarId.map { "notes/\($0)" } ?? "notes" }
}

extension TemplateStatus {
    /// The lens notes and each pillar's notes (in lens order) of a workload compared with the
    /// template's current notes and every notes file the template held since the workload's
    /// template version (`held`; empty: only the current one). Texts compare as they are; an
    /// empty text counts as none. Only places where the workload, the template now or the
    /// template since then has notes are listed.
    package static func compareNotes(
        pillars: [String], workload: LensReviewNotes, template: LensReviewNotes, held: [LensReviewNotes]
    ) -> [TemplateNotesComparison] {
        let history = held.isEmpty ? [template] : held
        var result: [TemplateNotesComparison] = []
        for pillar in [String?.none] + pillars.map(Optional.some) {
            func text(_ notes: LensReviewNotes) -> String? {
                guard let pillar else { return notes.notes.flatMap { $0.isEmpty ? nil : $0 } }
                return notes.notes(ofPillar: pillar)
            }
            let value = text(workload)
            let current = text(template)
            let was = history.map(text)
            guard value != nil || current != nil || was.contains(where: { $0 != nil }) else { continue }
            let state = classify(value, current: current, held: was)
            result.append(TemplateNotesComparison(pillarId: pillar, state: state, proposal: state == .outdated ? current : nil))
        }
        return result
    }

    /// `notes` with every OUTDATED place replaced by the template's current text: what
    /// `template apply` writes. OVERRIDDEN places keep the workload's text.
    package static func applying(_ comparisons: [TemplateNotesComparison], to notes: LensReviewNotes) -> LensReviewNotes {
        var result = notes
        for comparison in comparisons where comparison.state == .outdated {
            if let pillar = comparison.pillarId {
                result.pillarNotes[pillar] = comparison.proposal
            } else {
                result.notes = comparison.proposal
            }
        }
        return result
    }
}
