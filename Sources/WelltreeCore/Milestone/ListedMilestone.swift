/// A milestone tag counted as the workload's milestone, as `milestone list` lists it: the
/// workload and risks as its tagged commit holds them, never as the tag's message claims.
package struct ListedMilestone: Sendable {
    package var milestone: Milestone
    /// The workload as the tagged commit holds it.
    package var workload: Workload
    /// Computed from the tagged commit's tree.
    package var riskCounts: RiskCounts
    package var tagName: String
    package var signature: SignatureCheck
    /// Figures of the tag's message that its tree contradicts; empty when none do.
    package var discrepancies: [String]

    package init(
        milestone: Milestone, workload: Workload, riskCounts: RiskCounts, tagName: String, signature: SignatureCheck, discrepancies: [String]
    ) {
        self.milestone = milestone
        self.workload = workload
        self.riskCounts = riskCounts
        self.tagName = tagName
        self.signature = signature
        self.discrepancies = discrepancies
    }
}

/// A tag in a workload's milestone namespace that is not counted as its milestone, and why.
package struct UnattributedTag: Sendable, Equatable {
    package var tagName: String
    package var reasons: [String]

    package init(tagName: String, reasons: [String]) {
        self.tagName = tagName
        self.reasons = reasons
    }
}
