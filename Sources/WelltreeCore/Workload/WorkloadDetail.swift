/// One workload as `workload show` shows it (GetWorkload): the workload with the lens versions
/// its answers are judged by, its risks and last update, the pillar priority, the profile's
/// prioritized risks and name, the template it was created from, and each lens's status for
/// the upgrade lines. The workspace reads it (`Workspace.workloadDetail`); the renderers only
/// print it.
package struct WorkloadDetail: Sendable {
    /// The workload, each lens at the version in use (minor versions apply by themselves), not
    /// the version pinned when the lens was applied.
    package var workload: Workload
    /// Its risks and last update (of the workload file and its answers).
    package var summary: WorkloadRiskSummary
    package var pillarPriority: [String]
    /// Every lens the workload applies, in its order, with the version in use and its status.
    package var lenses: [LensInUse]
    /// The prioritized questions' risks over every lens the mapping covers; nil without a profile.
    package var prioritized: RiskCounts?
    /// The name of the workload's profile, nil without one (or when it cannot be found).
    package var profileName: String?
    /// The name of the review template the workload was created from, when it still exists.
    package var templateName: String?

    package init(
        workload: Workload, summary: WorkloadRiskSummary, pillarPriority: [String], lenses: [LensInUse], prioritized: RiskCounts?,
        profileName: String?, templateName: String?
    ) {
        self.workload = workload
        self.summary = summary
        self.pillarPriority = pillarPriority
        self.lenses = lenses
        self.prioritized = prioritized
        self.profileName = profileName
        self.templateName = templateName
    }
}
