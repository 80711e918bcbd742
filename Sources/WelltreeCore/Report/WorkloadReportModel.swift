/// Everything a workload report shows, as plain values: built by the workspace from one commit's
/// tree (`Workspace.reportModel`), then handed to the Markdown, HTML, JSON and PDF renderers,
/// which never touch git.
///
/// Keeping the model free of repositories is what makes a report of a milestone (a tagged
/// commit) the same code path as a report of HEAD, and lets tests pin every value, clock included.
package struct WorkloadReportModel: Sendable, Equatable {
    /// The workload's properties as they were at the reported commit.
    package var workload: Workload
    /// The newest of the workload's and its answers' update times.
    package var updatedAt: String
    /// Pillar ids in the order improvement plans list them.
    package var pillarPriority: [String]
    /// One entry per applied lens, in the workload's order.
    package var lenses: [LensReport]
    /// Set when the report is of a milestone rather than of the current state.
    package var milestone: MilestoneInfo?
    /// The commit the report was made from (hex), printed in the footer so a reader can find it.
    package var commit: String?
    /// HRIs and MRIs over time, oldest first; the last point is the reported state.
    package var trend: [TrendPoint]
    /// When the report was made (ISO 8601, UTC); callers pass it so output can be pinned.
    package var generatedAt: String
    /// The name of the workload's profile, when it has one the workspace still holds.
    package var profileName: String?

    package init(
        workload: Workload, updatedAt: String, pillarPriority: [String], lenses: [LensReport],
        milestone: MilestoneInfo? = nil, commit: String? = nil, trend: [TrendPoint] = [], generatedAt: String
    ) {
        self.workload = workload
        self.updatedAt = updatedAt
        self.pillarPriority = pillarPriority
        self.lenses = lenses
        self.milestone = milestone
        self.commit = commit
        self.trend = trend
        self.generatedAt = generatedAt
    }

    /// Totals over every applied lens, as the dashboard counts them.
    package var riskCounts: RiskCounts {
        lenses.reduce(into: RiskCounts()) { $0.add($1.riskCounts) }
    }

    /// The prioritized questions' risks over every lens the workload's profile prioritizes
    /// questions of (GetWorkload's and ListWorkloads' `PrioritizedRiskCounts`); nil without a
    /// profile, or when it prioritizes nothing in the applied lenses.
    package var prioritizedRiskCounts: RiskCounts? {
        let lensCounts = lenses.compactMap { $0.prioritized?.riskCounts }
        guard !lensCounts.isEmpty else { return nil }
        return lensCounts.reduce(into: RiskCounts()) { $0.add($1) }
    }

    /// The trend to draw: the given points, or just the reported state when there are none.
    package var trendPoints: [TrendPoint] {
        if !trend.isEmpty { return trend }
        let counts = riskCounts
        return [TrendPoint(label: milestone?.name ?? "Current", high: counts[.high], medium: counts[.medium])]
    }
}

/// Which milestone a report shows, for its header. The milestone itself (an annotated, possibly
/// signed tag) is looked up by the command; the report only prints what it is told.
package struct MilestoneInfo: Sendable, Equatable, Codable {
    /// The milestone name (or the revision given, until milestones have names of their own).
    package var name: String
    /// The milestone's number within the workload, when it has one.
    package var number: Int?
    /// When the milestone was recorded (ISO 8601, UTC).
    package var recordedAt: String
    /// What signature verification said, in words ("good signature by ...", "unsigned").
    package var signatureStatus: String?

    package init(name: String, number: Int? = nil, recordedAt: String, signatureStatus: String? = nil) {
        self.name = name
        self.number = number
        self.recordedAt = recordedAt
        self.signatureStatus = signatureStatus
    }
}

/// One point of the risk trend chart: a milestone (or the current state) and its HRIs and MRIs.
package struct TrendPoint: Sendable, Equatable, Codable {
    package var label: String
    package var high: Int
    package var medium: Int

    package init(label: String, high: Int, medium: Int) {
        self.label = label
        self.high = high
        self.medium = medium
    }
}
