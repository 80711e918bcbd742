import WelltreeCore

/// How the import finds Welltree's lens for each lens of a dump. The workspace knows; the
/// library only follows what it is given.
package struct AWSLensCatalog: Sendable {
    /// Welltree's AWS lenses by alias (the service's alias too): the version an import applies
    /// (the workspace's current one) and its content.
    package var builtin: [String: AWSCatalogLens]
    /// The Welltree alias each custom lens of the dump gets, by the lens's ARN.
    package var customAliases: [String: String]

    package init(builtin: [String: AWSCatalogLens], customAliases: [String: String] = [:]) {
        self.builtin = builtin
        self.customAliases = customAliases
    }
}

/// A lens version Welltree has.
package struct AWSCatalogLens: Sendable, Equatable {
    package var alias: String
    package var version: String
    package var lens: Lens

    package init(alias: String, version: String, lens: Lens) {
        self.alias = alias
        self.version = version
        self.lens = lens
    }
}

/// What an import needs besides the dump.
package struct AWSImportContext: Sendable {
    /// The principal running the import: the workload's owner and the sharer of its invitations.
    package var owner: String
    /// The time of the import (ISO 8601 UTC): when the invitations are sent.
    package var now: String
    /// The workspace's pillar priority (`welltree.json`): a workload whose priorities equal it
    /// stores none.
    package var pillarPriority: [String]
    package var lenses: AWSLensCatalog
    /// Go on without answer choices (and questions) the Welltree lens does not have, listing
    /// them as losses, instead of refusing the import.
    package var dropUnknownChoices: Bool
    /// Where the workspace sits in its repository (`Layout+Prefix`): imported citations may not
    /// name its own `workloads/` (`Evidence.reviewFilesRule`).
    package var workspacePrefix: String

    package init(
        owner: String, now: String, pillarPriority: [String], lenses: AWSLensCatalog, dropUnknownChoices: Bool = false,
        workspacePrefix: String = ""
    ) {
        self.workspacePrefix = workspacePrefix
        self.owner = owner
        self.now = now
        self.pillarPriority = pillarPriority
        self.lenses = lenses
        self.dropUnknownChoices = dropUnknownChoices
    }
}

/// What an import writes, as Welltree values: one state per milestone, in number order, then the
/// present; the custom lens versions to publish; the invitations; and what was not kept.
package struct AWSImportPlan: Sendable, Equatable {
    package var workloadId: String
    /// Milestones in number order, then the present (the one without a milestone).
    package var states: [AWSImportState]
    /// Custom lenses to publish before the first state, each with its versions in order.
    package var customLenses: [AWSImportedLens]
    /// Pending invitations, one per share the service has pending or accepted.
    package var shares: [Share]
    /// What the dump holds that Welltree does not keep, each with where and why.
    package var losses: [AWSNotice]
    /// The service's risks against Welltree's.
    package var comparison: AWSRiskComparison

    /// The present state.
    package var present: AWSImportState { states[states.count - 1] }
}

/// The workload in one state, as Welltree files hold it.
package struct AWSImportState: Sendable, Equatable {
    /// Nil for the present.
    package var milestone: AWSMilestoneRecord?
    /// `workload.json`.
    package var workload: Workload
    /// Answer files by Welltree lens alias and question id; unanswered questions have none.
    package var answers: [String: [String: Answer]]
    /// The `updatedAt` of the answer files, by lens alias: the lens review's time in the dump.
    package var answersUpdatedAt: [String: String]
    /// Lens review notes by lens alias; lenses without notes have none.
    package var reviewNotes: [String: LensReviewNotes]

    package init(
        milestone: AWSMilestoneRecord?, workload: Workload, answers: [String: [String: Answer]], answersUpdatedAt: [String: String],
        reviewNotes: [String: LensReviewNotes]
    ) {
        self.milestone = milestone
        self.workload = workload
        self.answers = answers
        self.answersUpdatedAt = answersUpdatedAt
        self.reviewNotes = reviewNotes
    }
}

/// A custom lens of the dump as Welltree publishes it.
package struct AWSImportedLens: Sendable, Equatable {
    /// The Welltree alias (from `AWSLensCatalog.customAliases`).
    package var alias: String
    /// The lens's ARN in the service.
    package var arn: String
    package var name: String
    /// In the order the workload's states first use them; each published as a major version.
    package var versions: [AWSImportedLensVersion]
}

/// One version of an imported custom lens.
package struct AWSImportedLensVersion: Sendable, Equatable {
    package var version: String
    package var lens: Lens
    /// `lenses/<alias>/versions/<version>.json`: the lens in canonical JSON.
    package var bytes: [UInt8]
}
