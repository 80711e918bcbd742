/// A review template as stored in the review repository (`templates/<dir>/template.json`): the
/// API's `ReviewTemplate` without what is computed (question counts, update status). Its answers
/// live one file per question (`templates/<dir>/answers/<alias>/<question>.json`, the workload
/// answer format) and its lens and pillar notes one file per lens (`LensReviewNotes`).
///
/// Reading is strict: an unknown key is an error naming its JSON path.
package struct ReviewTemplate: Sendable, Equatable {
    /// 32 lowercase hexadecimal digits, fixed at creation (the API's template ARNs end in 32 hex
    /// digits too); workloads refer to the template by it.
    package var id: String
    /// 3 to 100 characters of the API's `TemplateName` set; unique among templates that are not
    /// deleted, ignoring spaces and case.
    package var name: String
    /// 3 to 250 characters of the same set (`TemplateDescription`).
    package var description: String
    /// Notes about the template itself, at most 2084 characters; not copied onto workloads.
    package var notes: String?
    /// The principal who created it; only they (or an administrator) change it.
    package var owner: String
    /// Applied lenses pinned to a version, the framework lens first.
    package var lenses: [WorkloadLens]
    /// Raised by every change workloads receive (answers, lens and pillar notes, lenses), from 1:
    /// a workload records the version it was created from, which bounds the history
    /// `TemplateStatus` needs.
    package var version: Int
    /// ISO 8601 in UTC.
    package var createdAt: String
    package var updatedAt: String
    /// Set when the owner deleted it: nobody applies it to new workloads any more.
    package var deletedAt: String?

    package init(
        id: String, name: String, description: String, notes: String? = nil, owner: String, lenses: [WorkloadLens], version: Int = 1,
        createdAt: String, updatedAt: String, deletedAt: String? = nil
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.notes = notes
        self.owner = owner
        self.lenses = lenses
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.deletedAt = deletedAt
    }

    /// The file name of a template's record in its directory.
    package static let fileName = "template.json"

    /// The version of lens `alias` the template is pinned to, if it applies the lens.
    package func lensVersion(_ alias: String) -> String? { lenses.first { $0.alias == alias }?.version }

    /// A new random template id.
    package static func newID() -> String { Workload.newID() }

    /// Whether `id` has the form of a template id.
    package static func isValidID(_ id: String) -> Bool { Workload.isValidID(id) }
}

extension ReviewTemplate: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case id, name, description, notes, owner, lenses, version, createdAt, updatedAt, deletedAt
    }

    package init(from decoder: any Decoder) throws {
        try JSONNodeDecoder.refuseUnknownKeys(in: decoder, known: Set(CodingKeys.allCases.map(\.rawValue)), what: "a review template")
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        description = try c.decode(String.self, forKey: .description)
        let notes = try c.decodeIfPresent(String.self, forKey: .notes)
        self.notes = notes?.isEmpty == false ? notes : nil
        owner = try c.decode(String.self, forKey: .owner)
        lenses = try c.decode([WorkloadLens].self, forKey: .lenses)
        version = try c.decode(Int.self, forKey: .version)
        createdAt = try c.decode(String.self, forKey: .createdAt)
        updatedAt = try c.decode(String.self, forKey: .updatedAt)
        deletedAt = try c.decodeIfPresent(String.self, forKey: .deletedAt)
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(description, forKey: .description)
        if let notes, !notes.isEmpty { try c.encode(notes, forKey: .notes) }
        try c.encode(owner, forKey: .owner)
        try c.encode(lenses, forKey: .lenses)
        try c.encode(version, forKey: .version)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(updatedAt, forKey: .updatedAt)
        try c.encodeIfPresent(deletedAt, forKey: .deletedAt)
    }
}
