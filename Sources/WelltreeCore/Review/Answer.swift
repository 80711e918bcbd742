/// Why a question or a best practice does not apply (the API's `AnswerReason` / `ChoiceReason`).
package enum AnswerReason: String, Sendable, Codable, CaseIterable {
    case outOfScope = "OUT_OF_SCOPE"
    case businessPriorities = "BUSINESS_PRIORITIES"
    case architectureConstraints = "ARCHITECTURE_CONSTRAINTS"
    case other = "OTHER"
    case none = "NONE"
}

/// A best practice marked not applicable, with why.
package struct ChoiceNotApplicable: Sendable, Equatable, Codable {
    /// The reason; `NONE` when none was given.
    package var reason: AnswerReason
    /// Up to 250 characters of notes.
    package var notes: String?

    package init(reason: AnswerReason = .none, notes: String? = nil) {
        self.reason = reason
        self.notes = notes
    }
}

/// The answer to one question of one lens: what the reviewers recorded, nothing computed.
///
/// Stored one file per answered question, so two reviewers answering different questions never
/// touch the same file. Selections are kept while the question is not applicable, as the service
/// does, and count again once it applies.
package struct Answer: Sendable, Equatable, Codable {
    /// Selected choice ids, in the lens's choice order.
    package var selectedChoices: [String]
    /// Choices marked not applicable, by choice id.
    package var notApplicableChoices: [String: ChoiceNotApplicable]
    /// False when the whole question was marked as not applying to the workload.
    package var isApplicable: Bool
    /// Why the question does not apply (only when `isApplicable` is false).
    package var reason: AnswerReason?
    /// Free-text notes of up to 2084 characters.
    package var notes: String?
    /// What the answer cites as its evidence (see `Evidence`), in `Evidence.sorted` order.
    package var evidence: [Evidence]

    package init(
        selectedChoices: [String] = [],
        notApplicableChoices: [String: ChoiceNotApplicable] = [:],
        isApplicable: Bool = true,
        reason: AnswerReason? = nil,
        notes: String? = nil,
        evidence: [Evidence] = []
    ) {
        self.selectedChoices = selectedChoices
        self.notApplicableChoices = notApplicableChoices
        self.isApplicable = isApplicable
        self.reason = reason
        self.notes = notes
        self.evidence = evidence
    }

    /// True when nothing at all has been recorded, so the answer need not be stored.
    package var isEmpty: Bool {
        selectedChoices.isEmpty && notApplicableChoices.isEmpty && isApplicable && (notes ?? "").isEmpty && evidence.isEmpty
    }

    private enum CodingKeys: String, CodingKey {
        case selectedChoices, notApplicableChoices, isApplicable, reason, notes, evidence
    }

    /// Reads an answer in the form `encode(to:)` writes: a reason only when the question does not
    /// apply (`NONE` when the file gives none), no empty notes. So an answer read from a file and
    /// written back reads as the same answer, whatever the file held.
    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        selectedChoices = try c.decodeIfPresent([String].self, forKey: .selectedChoices) ?? []
        notApplicableChoices = try c.decodeIfPresent([String: ChoiceNotApplicable].self, forKey: .notApplicableChoices) ?? [:]
        isApplicable = try c.decodeIfPresent(Bool.self, forKey: .isApplicable) ?? true
        let reason = try c.decodeIfPresent(AnswerReason.self, forKey: .reason)
        self.reason = isApplicable ? nil : reason ?? AnswerReason.none
        let notes = try c.decodeIfPresent(String.self, forKey: .notes)
        self.notes = notes?.isEmpty == false ? notes : nil
        evidence = try c.decodeIfPresent([Evidence].self, forKey: .evidence) ?? []
    }

    /// Writes only what is set: an applicable question has no `isApplicable` key, an answer with
    /// no not-applicable choices has no `notApplicableChoices` key, one citing nothing no
    /// `evidence` key (so files written before evidence existed keep their bytes).
    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        if !selectedChoices.isEmpty { try c.encode(selectedChoices, forKey: .selectedChoices) }
        if !notApplicableChoices.isEmpty { try c.encode(notApplicableChoices, forKey: .notApplicableChoices) }
        if !isApplicable {
            try c.encode(false, forKey: .isApplicable)
            try c.encode(reason ?? AnswerReason.none, forKey: .reason)
        }
        if let notes, !notes.isEmpty { try c.encode(notes, forKey: .notes) }
        if !evidence.isEmpty { try c.encode(evidence, forKey: .evidence) }
    }
}
