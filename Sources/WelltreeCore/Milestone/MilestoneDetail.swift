/// One milestone as `milestone show` shows it: its tag, and the workload, its risks and its lens
/// reviews as the tagged commit holds them (never as the tag's message says). The workspace
/// reads it (`Workspace.milestoneDetail`); the renderers only print it.
package struct MilestoneDetail: Sendable {
    /// One lens review at the milestone.
    package struct Review: Sendable {
        package var lensName: String
        package var version: String
        package var review: LensReview

        package init(lensName: String, version: String, review: LensReview) {
            self.lensName = lensName
            self.version = version
            self.review = review
        }
    }

    package var milestone: Milestone
    /// The tag name as `git tag -l` shows it.
    package var tagName: String
    /// The tagger's identity (`Name <email>`), nil for a tag without one.
    package var tagger: String?
    /// The tagged commit's id.
    package var commit: String
    package var signature: SignatureCheck
    /// Figures of the tag's message the tagged tree contradicts (the tree's are shown).
    package var discrepancies: [String]
    /// The workload file as the tagged commit holds it.
    package var workload: Workload
    /// Its risks and last update (of the workload file and its answers) in the tagged tree.
    package var summary: WorkloadRiskSummary
    /// The pillar priority of the settings in the tagged tree.
    package var pillarPriority: [String]
    /// Each applied lens's review, in the workload's lens order.
    package var reviews: [Review]

    package init(
        milestone: Milestone, tagName: String, tagger: String?, commit: String, signature: SignatureCheck, discrepancies: [String],
        workload: Workload, summary: WorkloadRiskSummary, pillarPriority: [String], reviews: [Review]
    ) {
        self.milestone = milestone
        self.tagName = tagName
        self.tagger = tagger
        self.commit = commit
        self.signature = signature
        self.discrepancies = discrepancies
        self.workload = workload
        self.summary = summary
        self.pillarPriority = pillarPriority
        self.reviews = reviews
    }
}
