/// A workload property as it appears in a violation. The same rule is reported against the
/// command-line option when a command is refused (`--aws-region`) and against the JSON path when
/// a stored file is checked (`awsRegions[2]`), so each user sees the name they typed.
package enum WorkloadField: String, Sendable, CaseIterable {
    case id
    case name
    case description
    case reviewOwner
    case environment
    case awsRegions
    case nonAwsRegions
    case accountIds
    case architecturalDesign
    case industryType
    case industry
    case tags
    case tagsToRemove
    case notes
    case improvementStatus
    case owner
    case lenses
    case pillarPriorities
    case createdAt
    case updatedAt

    /// Which naming a violation uses.
    package enum Style: Sendable {
        /// `welltree workload create/update` options, e.g. `--review-owner`.
        case commandLine
        /// JSON paths in `workload.json`, e.g. `reviewOwner`, `tags["env"]`.
        case document
    }

    /// The command-line option; list options are repeated once per entry, hence singular names.
    package var option: String {
        switch self {
        case .id: "--id"
        case .name: "--name"
        case .description: "--description"
        case .reviewOwner: "--review-owner"
        case .environment: "--environment"
        case .awsRegions: "--aws-region"
        case .nonAwsRegions: "--non-aws-region"
        case .accountIds: "--account-id"
        case .architecturalDesign: "--architectural-design"
        case .industryType: "--industry-type"
        case .industry: "--industry"
        case .tags: "--tag"
        case .tagsToRemove: "--remove-tag"
        case .notes: "--notes"
        case .improvementStatus: "--improvement-status"
        case .owner: "--owner"
        case .lenses: "--lens"
        case .pillarPriorities: "--pillar-priority"
        case .createdAt: "--created-at"
        case .updatedAt: "--updated-at"
        }
    }

    /// The key in `workload.json` (the case name; `tagsToRemove` only exists in requests).
    package var jsonKey: String { self == .tagsToRemove ? "tags" : rawValue }

    /// The field label for a violation: the option, or the JSON path down to a list entry or a
    /// map key when one is given.
    package func label(_ style: Style, index: Int? = nil, key: String? = nil) -> String {
        switch style {
        case .commandLine:
            return option
        case .document:
            if let index { return "\(jsonKey)[\(index)]" }
            if let key { return "\(jsonKey)[\"\(key)\"]" }
            return jsonKey
        }
    }
}
