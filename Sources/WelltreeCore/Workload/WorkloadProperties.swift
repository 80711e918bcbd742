/// Every property a user can set on a workload, as one request value for both `create` and
/// `update`: the command fills in what the user gave and hands it over whole.
///
/// `nil` means "not given": on create the property takes its default, on update it stays as it
/// is. A list that is given replaces the stored list (an empty list clears it). For the optional
/// text properties (architectural design, industry type, industry, notes) an empty string clears
/// the stored value. Tags are changed, not replaced: `tagsToRemove` are removed first, then
/// `tagsToAdd` are set, overwriting a tag with the same key as AWS `TagResource` does.
package struct WorkloadProperties: Sendable, Equatable {
    package var name: String?
    package var description: String?
    package var reviewOwner: String?
    package var environment: WorkloadEnvironment?
    package var awsRegions: [String]?
    package var nonAwsRegions: [String]?
    package var accountIds: [String]?
    package var architecturalDesign: String?
    package var industryType: String?
    package var industry: String?
    package var tagsToAdd: [WorkloadTag]
    package var tagsToRemove: [String]
    package var notes: String?
    package var improvementStatus: ImprovementStatus?
    /// Pillar ids in priority order for this workload's improvement plan (the API's
    /// `PillarPriorities`); an empty list clears them, so the workspace's order applies again.
    package var pillarPriorities: [String]?

    package init(
        name: String? = nil,
        description: String? = nil,
        reviewOwner: String? = nil,
        environment: WorkloadEnvironment? = nil,
        awsRegions: [String]? = nil,
        nonAwsRegions: [String]? = nil,
        accountIds: [String]? = nil,
        architecturalDesign: String? = nil,
        industryType: String? = nil,
        industry: String? = nil,
        tagsToAdd: [WorkloadTag] = [],
        tagsToRemove: [String] = [],
        notes: String? = nil,
        improvementStatus: ImprovementStatus? = nil,
        pillarPriorities: [String]? = nil
    ) {
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
        self.tagsToAdd = tagsToAdd
        self.tagsToRemove = tagsToRemove
        self.notes = notes
        self.improvementStatus = improvementStatus
        self.pillarPriorities = pillarPriorities
    }

    /// True when the request changes nothing, so a command can say so instead of writing.
    package var isEmpty: Bool { self == WorkloadProperties() }
}
