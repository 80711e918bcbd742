/// A workload as stored in the review repository (`workloads/<dir>/workload.json`): the
/// properties from the AWS `Workload` shape that a review needs, plus who created it and when.
///
/// The file is written with `CanonicalJSON`: camelCase keys, and nil optionals and empty lists and
/// maps left out, so a small workload is a small file and a diff shows only what was set. Reading
/// is tolerant of those missing keys but strict about everything else: a wrong type, an unknown
/// enum value or an unknown key is a `JSONDocumentError` naming the JSON path and line/column
/// (an unknown key is usually a typo in a hand edit that would otherwise be dropped silently on
/// the next write).
package struct Workload: Sendable, Equatable {
    /// The alias of the AWS Well-Architected Framework lens, which every workload applies.
    package static let frameworkLens = "wellarchitected"

    /// 32 lowercase hexadecimal digits, like the API's `WorkloadId`; never changes.
    package var id: String
    package var name: String
    package var description: String
    package var reviewOwner: String
    package var environment: WorkloadEnvironment
    package var awsRegions: [String]
    package var nonAwsRegions: [String]
    package var accountIds: [String]
    package var architecturalDesign: String?
    /// One of `IndustryType.allowedValues`, in that spelling.
    package var industryType: String?
    package var industry: String?
    package var tags: [String: String]
    package var notes: String?
    package var improvementStatus: ImprovementStatus
    /// The acting principal who created the workload (the API's `Owner`).
    package var owner: String
    /// Applied lenses in order, the framework lens first.
    package var lenses: [WorkloadLens]
    /// Pillar ids in priority order, overriding the lens's order for the improvement plan; nil
    /// when the workload follows the lens. An empty override is stored as nil.
    package var pillarPriorities: [String]?
    /// The profile the workload uses and the version it was given (the API's `WorkloadProfile`;
    /// at most one); nil without a profile.
    package var profile: ProfileReference?
    /// ISO 8601 in UTC (`2026-11-27T11:05:36Z`); callers supply the clock.
    package var createdAt: String
    /// ISO 8601 in UTC; changes only when a property actually changes.
    package var updatedAt: String
    /// The review template the workload was created from and the template's version then; set
    /// at creation and never changed (`template status` compares from that version on).
    package var template: TemplateReference?

    package init(
        id: String,
        name: String,
        description: String,
        reviewOwner: String,
        environment: WorkloadEnvironment,
        awsRegions: [String] = [],
        nonAwsRegions: [String] = [],
        accountIds: [String] = [],
        architecturalDesign: String? = nil,
        industryType: String? = nil,
        industry: String? = nil,
        tags: [String: String] = [:],
        notes: String? = nil,
        improvementStatus: ImprovementStatus = .notStarted,
        owner: String,
        lenses: [WorkloadLens],
        pillarPriorities: [String]? = nil,
        profile: ProfileReference? = nil,
        createdAt: String,
        updatedAt: String,
        template: TemplateReference? = nil
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.reviewOwner = reviewOwner
        self.environment = environment
        self.awsRegions = awsRegions
        self.nonAwsRegions = nonAwsRegions
        self.accountIds = accountIds
        self.architecturalDesign = architecturalDesign
        self.industryType = industryType
        self.industry = industry
        self.tags = tags
        self.notes = notes
        self.improvementStatus = improvementStatus
        self.owner = owner
        self.lenses = lenses
        self.pillarPriorities = pillarPriorities
        self.profile = profile
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.template = template
    }
}

extension Workload: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case id, name, description, reviewOwner, environment, awsRegions, nonAwsRegions, accountIds
        case architecturalDesign, industryType, industry, tags, notes, improvementStatus, owner
        case lenses, pillarPriorities, profile, createdAt, updatedAt
        case template
    }

    /// Any key, so unknown members can be found and reported.
    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    package init(from decoder: any Decoder) throws {
        let all = try decoder.container(keyedBy: AnyKey.self)
        for key in all.allKeys where CodingKeys(rawValue: key.stringValue) == nil {
            throw JSONNodeDecoder.invalid(
                "unknown field \"\(key.stringValue)\" in a workload", in: try all.superDecoder(forKey: key))
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        description = try c.decode(String.self, forKey: .description)
        reviewOwner = try c.decode(String.self, forKey: .reviewOwner)
        environment = try c.decode(WorkloadEnvironment.self, forKey: .environment)
        awsRegions = try c.decodeIfPresent([String].self, forKey: .awsRegions) ?? []
        nonAwsRegions = try c.decodeIfPresent([String].self, forKey: .nonAwsRegions) ?? []
        accountIds = try c.decodeIfPresent([String].self, forKey: .accountIds) ?? []
        architecturalDesign = try c.decodeIfPresent(String.self, forKey: .architecturalDesign)
        industryType = try c.decodeIfPresent(String.self, forKey: .industryType)
        industry = try c.decodeIfPresent(String.self, forKey: .industry)
        tags = try c.decodeIfPresent([String: String].self, forKey: .tags) ?? [:]
        notes = try c.decodeIfPresent(String.self, forKey: .notes)
        improvementStatus = try c.decodeIfPresent(ImprovementStatus.self, forKey: .improvementStatus) ?? .notStarted
        owner = try c.decode(String.self, forKey: .owner)
        lenses = try c.decodeIfPresent([WorkloadLens].self, forKey: .lenses) ?? []
        let priorities = try c.decodeIfPresent([String].self, forKey: .pillarPriorities)
        pillarPriorities = priorities?.isEmpty == true ? nil : priorities
        profile = try c.decodeIfPresent(ProfileReference.self, forKey: .profile)
        createdAt = try c.decode(String.self, forKey: .createdAt)
        updatedAt = try c.decode(String.self, forKey: .updatedAt)
        template = try c.decodeIfPresent(TemplateReference.self, forKey: .template)
    }

    /// Leaves out nil optionals and empty lists and maps (see the type's documentation).
    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(description, forKey: .description)
        try c.encode(reviewOwner, forKey: .reviewOwner)
        try c.encode(environment, forKey: .environment)
        if !awsRegions.isEmpty { try c.encode(awsRegions, forKey: .awsRegions) }
        if !nonAwsRegions.isEmpty { try c.encode(nonAwsRegions, forKey: .nonAwsRegions) }
        if !accountIds.isEmpty { try c.encode(accountIds, forKey: .accountIds) }
        try c.encodeIfPresent(architecturalDesign, forKey: .architecturalDesign)
        try c.encodeIfPresent(industryType, forKey: .industryType)
        try c.encodeIfPresent(industry, forKey: .industry)
        if !tags.isEmpty { try c.encode(tags, forKey: .tags) }
        try c.encodeIfPresent(notes, forKey: .notes)
        try c.encode(improvementStatus, forKey: .improvementStatus)
        try c.encode(owner, forKey: .owner)
        if !lenses.isEmpty { try c.encode(lenses, forKey: .lenses) }
        if let pillarPriorities, !pillarPriorities.isEmpty { try c.encode(pillarPriorities, forKey: .pillarPriorities) }
        try c.encodeIfPresent(profile, forKey: .profile)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(updatedAt, forKey: .updatedAt)
        try c.encodeIfPresent(template, forKey: .template)
    }
}
