import WelltreeCore

/// What a dump says about a workload, read and checked by `AWSDumpReader`: still the service's
/// view (its lens aliases, its risks), before `AWSImport` maps it onto Welltree's values.
package struct AWSWorkloadDump: Sendable, Equatable {
    /// The workload now: GetWorkload and the lens reviews without a milestone number.
    package var present: AWSReviewState
    /// Each milestone's state, in number order.
    package var milestones: [AWSReviewState]
    /// ListWorkloadShares.
    package var shares: [AWSShareRecord]
    /// ExportLens of every custom lens version a state uses.
    package var lensExports: [AWSLensExport]
    /// Members the import ignores or does not keep, each with its place and reason.
    package var notices: [AWSNotice]

    package init(
        present: AWSReviewState, milestones: [AWSReviewState], shares: [AWSShareRecord], lensExports: [AWSLensExport],
        notices: [AWSNotice]
    ) {
        self.present = present
        self.milestones = milestones
        self.shares = shares
        self.lensExports = lensExports
        self.notices = notices
    }

    /// Every state, milestones first in number order, then the present.
    package var states: [AWSReviewState] { milestones + [present] }

    /// The export of a custom lens at a version, if the dump has it.
    package func lensExport(_ alias: String, version: String) -> AWSLensExport? {
        lensExports.first { $0.alias == alias && $0.version == version }
    }
}

/// A milestone as ListMilestones and GetMilestone report it.
package struct AWSMilestoneRecord: Sendable, Equatable {
    package var number: Int
    package var name: String
    /// Welltree's form of `RecordedAt` (UTC, to the second).
    package var recordedAt: String

    package init(number: Int, name: String, recordedAt: String) {
        self.number = number
        self.name = name
        self.recordedAt = recordedAt
    }
}

/// The workload in one state (the present, or a milestone) with its lens reviews.
package struct AWSReviewState: Sendable, Equatable {
    /// Nil for the present.
    package var milestone: AWSMilestoneRecord?
    package var workload: AWSWorkloadRecord
    /// In ListLensReviews' order.
    package var lensReviews: [AWSLensReviewRecord]

    package init(milestone: AWSMilestoneRecord?, workload: AWSWorkloadRecord, lensReviews: [AWSLensReviewRecord]) {
        self.milestone = milestone
        self.workload = workload
        self.lensReviews = lensReviews
    }

    /// "present" or "milestone N", for messages.
    package var name: String { milestone.map { "milestone \($0.number)" } ?? "present" }
}

/// The API's `Workload`, as far as Welltree keeps it. Optional where the service may leave a
/// member out; `AWSImport` says which it needs.
package struct AWSWorkloadRecord: Sendable, Equatable {
    package var id: String
    package var name: String
    package var description: String?
    package var environment: WorkloadEnvironment?
    package var accountIds: [String]
    package var awsRegions: [String]
    package var nonAwsRegions: [String]
    package var architecturalDesign: String?
    package var reviewOwner: String?
    package var industryType: String?
    package var industry: String?
    package var notes: String?
    package var improvementStatus: ImprovementStatus?
    package var pillarPriorities: [String]?
    /// Lens aliases (a custom lens's is its ARN).
    package var lenses: [String]
    /// The owning account id.
    package var owner: String?
    package var tags: [String: String]
    package var updatedAt: String?
    /// The file it was read from.
    package var source: String

    package init(
        id: String, name: String, description: String? = nil, environment: WorkloadEnvironment? = nil, accountIds: [String] = [],
        awsRegions: [String] = [], nonAwsRegions: [String] = [], architecturalDesign: String? = nil, reviewOwner: String? = nil,
        industryType: String? = nil, industry: String? = nil, notes: String? = nil, improvementStatus: ImprovementStatus? = nil,
        pillarPriorities: [String]? = nil, lenses: [String] = [], owner: String? = nil, tags: [String: String] = [:],
        updatedAt: String? = nil, source: String
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.environment = environment
        self.accountIds = accountIds
        self.awsRegions = awsRegions
        self.nonAwsRegions = nonAwsRegions
        self.architecturalDesign = architecturalDesign
        self.reviewOwner = reviewOwner
        self.industryType = industryType
        self.industry = industry
        self.notes = notes
        self.improvementStatus = improvementStatus
        self.pillarPriorities = pillarPriorities
        self.lenses = lenses
        self.owner = owner
        self.tags = tags
        self.updatedAt = updatedAt
        self.source = source
    }
}

/// One lens review of a state: ListLensReviews' summary, GetLensReview's notes, and the answers.
package struct AWSLensReviewRecord: Sendable, Equatable {
    /// The service's alias: `wellarchitected`, or a custom lens's ARN.
    package var alias: String
    package var name: String?
    package var version: String?
    package var status: String?
    package var updatedAt: String?
    package var notes: String?
    /// Pillars in GetLensReview's order, with their notes.
    package var pillars: [AWSPillarRecord]
    /// In ListAnswers' order, each as GetAnswer gives it.
    package var answers: [AWSAnswerRecord]
    /// The directory of the lens review in the dump.
    package var source: String

    package init(
        alias: String, name: String? = nil, version: String? = nil, status: String? = nil, updatedAt: String? = nil,
        notes: String? = nil, pillars: [AWSPillarRecord] = [], answers: [AWSAnswerRecord] = [], source: String
    ) {
        self.alias = alias
        self.name = name
        self.version = version
        self.status = status
        self.updatedAt = updatedAt
        self.notes = notes
        self.pillars = pillars
        self.answers = answers
        self.source = source
    }

    /// Whether the lens is a custom lens (its alias is an ARN).
    package var isCustom: Bool { AWSDumpLayout.isCustomLens(alias) }
}

/// A pillar of a lens review and its notes.
package struct AWSPillarRecord: Sendable, Equatable {
    package var id: String
    package var name: String?
    package var notes: String?

    package init(id: String, name: String? = nil, notes: String? = nil) {
        self.id = id
        self.name = name
        self.notes = notes
    }
}

/// The API's `ChoiceAnswer`.
package struct AWSChoiceAnswer: Sendable, Equatable {
    package var choiceId: String
    /// SELECTED, NOT_APPLICABLE or UNSELECTED.
    package var status: String
    package var reason: AnswerReason?
    package var notes: String?

    package init(choiceId: String, status: String, reason: AnswerReason? = nil, notes: String? = nil) {
        self.choiceId = choiceId
        self.status = status
        self.reason = reason
        self.notes = notes
    }
}

/// The API's `Answer` (GetAnswer).
package struct AWSAnswerRecord: Sendable, Equatable {
    package var questionId: String
    package var pillarId: String?
    package var title: String?
    /// The question's choice ids in the service's order.
    package var choiceIds: [String]
    package var selectedChoices: [String]
    package var choiceAnswers: [AWSChoiceAnswer]
    package var isApplicable: Bool
    package var reason: AnswerReason?
    package var notes: String?
    /// The service's computed risk.
    package var risk: Risk?
    /// The GetAnswer file.
    package var source: String

    package init(
        questionId: String, pillarId: String? = nil, title: String? = nil, choiceIds: [String] = [], selectedChoices: [String] = [],
        choiceAnswers: [AWSChoiceAnswer] = [], isApplicable: Bool = true, reason: AnswerReason? = nil, notes: String? = nil,
        risk: Risk? = nil, source: String
    ) {
        self.questionId = questionId
        self.pillarId = pillarId
        self.title = title
        self.choiceIds = choiceIds
        self.selectedChoices = selectedChoices
        self.choiceAnswers = choiceAnswers
        self.isApplicable = isApplicable
        self.reason = reason
        self.notes = notes
        self.risk = risk
        self.source = source
    }
}

/// The API's `WorkloadShareSummary`.
package struct AWSShareRecord: Sendable, Equatable {
    package var shareId: String
    package var sharedWith: String
    package var permission: SharePermission
    /// The service's `ShareStatus`.
    package var status: String
    package var source: String

    package init(shareId: String, sharedWith: String, permission: SharePermission, status: String, source: String) {
        self.shareId = shareId
        self.sharedWith = sharedWith
        self.permission = permission
        self.status = status
        self.source = source
    }
}

/// ExportLens of one custom lens version, read as a lens file.
package struct AWSLensExport: Sendable, Equatable {
    /// The lens's ARN (its alias in the service).
    package var alias: String
    package var version: String
    package var lens: Lens
    /// Warnings of the lens reader (harmless deviations of the file).
    package var warnings: [String]
    package var source: String

    package init(alias: String, version: String, lens: Lens, warnings: [String] = [], source: String) {
        self.alias = alias
        self.version = version
        self.lens = lens
        self.warnings = warnings
        self.source = source
    }
}
