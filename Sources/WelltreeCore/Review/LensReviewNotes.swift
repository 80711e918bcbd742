/// The notes of one lens review: on the lens as a whole and per pillar (the API's `LensNotes` and
/// `PillarNotes` of UpdateLensReview and UpdateReviewTemplateLensReview).
///
/// Stored one file per lens (`templates/<dir>/notes/<alias>.json`, and for workloads
/// `workloads/<shard>/<dir>/notes/<alias>.json`), in one format, because a template's notes are
/// copied onto the workloads created from it. Empty notes are left out when writing.
package struct LensReviewNotes: Sendable, Equatable, Codable {
    /// Notes on the lens, at most 2084 characters.
    package var notes: String?
    /// Notes by pillar id, each at most 2084 characters.
    package var pillarNotes: [String: String]

    package init(notes: String? = nil, pillarNotes: [String: String] = [:]) {
        self.notes = notes
        self.pillarNotes = pillarNotes
    }

    /// True when there is nothing to store.
    package var isEmpty: Bool { (notes ?? "").isEmpty && pillarNotes.values.allSatisfy(\.isEmpty) }

    /// The notes of the pillar with `id`, if any.
    package func notes(ofPillar id: String) -> String? { pillarNotes[id].flatMap { $0.isEmpty ? nil : $0 } }

    /// `Notes`: at most 2084 characters.
    package static let notesLength = 0...LensLimits.answerNotesLength

    private enum CodingKeys: String, CodingKey, CaseIterable { case notes, pillarNotes }

    package init(from decoder: any Decoder) throws {
        try JSONNodeDecoder.refuseUnknownKeys(in: decoder, known: Set(CodingKeys.allCases.map(\.rawValue)), what: "lens review notes")
        let c = try decoder.container(keyedBy: CodingKeys.self)
        notes = try c.decodeIfPresent(String.self, forKey: .notes)
        pillarNotes = try c.decodeIfPresent([String: String].self, forKey: .pillarNotes) ?? [:]
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        if let notes, !notes.isEmpty { try c.encode(notes, forKey: .notes) }
        let pillars = pillarNotes.filter { !$0.value.isEmpty }
        if !pillars.isEmpty { try c.encode(pillars, forKey: .pillarNotes) }
    }

    /// Every rule stored notes break against `lens` (the version they belong to), with JSON
    /// paths: lengths, no control characters but newline and tab, pillar ids of the lens.
    package func violations(lens: Lens) -> [Violation] {
        var validator = Validator()
        if let notes { TextRules.check(notes, field: "notes", length: Self.notesLength, multiline: true, into: &validator) }
        let pillarIds = lens.pillars.map(\.id)
        for (id, text) in pillarNotes.sorted(by: { $0.key < $1.key }) {
            validator.require(
                pillarIds.contains(id), field: "pillarNotes[\"\(id)\"]", value: id,
                rule: "is not a pillar of the lens; its pillars: \(pillarIds.joined(separator: ", "))")
            TextRules.check(text, field: "pillarNotes[\"\(id)\"]", length: Self.notesLength, multiline: true, into: &validator)
        }
        return validator.violations
    }

    /// These notes after an update (`--notes`, `--pillar-notes PILLAR=TEXT`): given texts
    /// replace the old ones, an empty text removes one. Every broken rule is listed.
    package func updated(notes newNotes: String?, pillarNotes updates: [String: String], lens: Lens) throws(ValidationError)
        -> LensReviewNotes
    {
        var validator = Validator()
        if let newNotes { TextRules.check(newNotes, field: "--notes", length: Self.notesLength, multiline: true, into: &validator) }
        let pillarIds = lens.pillars.map(\.id)
        for (id, text) in updates.sorted(by: { $0.key < $1.key }) {
            validator.require(
                pillarIds.contains(id), field: "--pillar-notes", value: id,
                rule: "is not a pillar of the lens; its pillars: \(pillarIds.joined(separator: ", "))")
            TextRules.check(text, field: "--pillar-notes \(id)", length: Self.notesLength, multiline: true, into: &validator)
        }
        try validator.check()
        var result = self
        if let newNotes { result.notes = newNotes.isEmpty ? nil : newNotes }
        for (id, text) in updates { result.pillarNotes[id] = text.isEmpty ? nil : text }
        return result
    }
}
