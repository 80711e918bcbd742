import WelltreeCore

/// What `welltree export aws` exports, gathered by the workspace: the workload's states in the
/// order they replay (its milestones in number order, then the present; or one milestone's state
/// alone), the files of the custom lens versions they use, and the shares.
package struct AWSExportSource: Sendable, Equatable {
    /// The workload's id in Welltree (the request files carry it until the service assigns one).
    package var workloadId: String
    /// The states in the order they replay; every state but the last is recorded as a milestone
    /// when it has one.
    package var states: [AWSExportState]
    /// The files of the custom lens versions the states use, by Welltree alias and version.
    package var customLenses: [String: [String: AWSExportLensFile]]
    /// The workload's shares (pending and accepted ones are candidates for CreateWorkloadShare).
    package var shares: [Share]

    package init(workloadId: String, states: [AWSExportState], customLenses: [String: [String: AWSExportLensFile]], shares: [Share]) {
        self.workloadId = workloadId
        self.states = states
        self.customLenses = customLenses
        self.shares = shares
    }
}

/// One state of the workload, as Welltree's files hold it.
package struct AWSExportState: Sendable, Equatable {
    /// The milestone this state is (number and name), nil for the present or a lone state.
    package var milestone: AWSExportMilestone?
    /// `workload.json`, with each applied lens at the version it is evaluated against and the
    /// pillar priorities in effect (the workload's own or the workspace's).
    package var workload: Workload
    /// Welltree aliases of the lenses that are AWS's own (the service's alias is Welltree's);
    /// every other applied lens is a custom lens with a file in `AWSExportSource.customLenses`.
    package var awsLenses: Set<String>
    /// Answers by lens alias and question id; unanswered questions have none.
    package var answers: [String: [String: Answer]]
    /// Lens and pillar notes by lens alias.
    package var notes: [String: LensReviewNotes]

    package init(
        milestone: AWSExportMilestone?, workload: Workload, awsLenses: Set<String>, answers: [String: [String: Answer]],
        notes: [String: LensReviewNotes]
    ) {
        self.milestone = milestone
        self.workload = workload
        self.awsLenses = awsLenses
        self.answers = answers
        self.notes = notes
    }
}

/// A milestone as the service records it: its number and name.
package struct AWSExportMilestone: Sendable, Equatable {
    package var number: Int
    package var name: String

    package init(number: Int, name: String) {
        self.number = number
        self.name = name
    }
}

/// One version of a custom lens: its file as stored (what ImportLens takes as `JSONString`) and
/// its name (for messages).
package struct AWSExportLensFile: Sendable, Equatable {
    package var json: String
    package var name: String

    package init(json: String, name: String) {
        self.json = json
        self.name = name
    }
}
