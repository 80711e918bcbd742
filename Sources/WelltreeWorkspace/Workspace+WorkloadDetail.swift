import WelltreeCore

extension Workspace {
    /// `workload show` (GetWorkload) of `stored`: its risks and last update, the pillar
    /// priority, the lenses in use (the versions the answers are judged by, as `status` reports
    /// them, not the version pinned when the lens was applied), the profile's prioritized risks
    /// and name, and the name of the template it was created from.
    package func workloadDetail(of stored: StoredWorkload) throws(WorkspaceError) -> WorkloadDetail {
        let summary = try summary(of: stored)
        let priorities = try settings().pillarPriority
        let lenses = try lensesInUse(of: stored)
        var shown = stored.workload
        shown.lenses = lenses.map { WorkloadLens(alias: $0.applied.alias, version: $0.version) }
        let prioritized = try prioritizedRiskCounts(of: stored)
        let template = stored.workload.template.flatMap { try? findTemplate($0.id).template.name }
        return WorkloadDetail(
            workload: shown, summary: summary, pillarPriority: priorities, lenses: lenses, prioritized: prioritized,
            profileName: try profile(of: stored.workload)?.profile.name, templateName: template)
    }
}
