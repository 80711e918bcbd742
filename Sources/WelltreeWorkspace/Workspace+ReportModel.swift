import Git
import WelltreeCore

extension Workspace {
    /// The report model of the workload `reference` (name or id) as `welltree report workload`
    /// shows it: at this commit, or at its milestone `milestone` (name or number, the tagged
    /// commit read and its signature checked); every applied lens or only `lens`; with the risk
    /// trend over the workload's milestones up to the one reported.
    package func workloadReportModel(
        _ reference: String, lens: String? = nil, milestone: String? = nil, generatedAt: String
    ) throws(WorkspaceError) -> WorkloadReportModel {
        var reported = self
        var info: MilestoneInfo?
        var stored: StoredWorkload
        if let milestone {
            let (resolved, tagged) = try resolveMilestone(workload: reference, milestone)
            (reported, stored) = try snapshot(of: tagged)
            info = resolved
        } else {
            stored = try findWorkload(reference)
        }
        let points = try milestonePoints(ofWorkloadId: stored.workload.id, upTo: info?.number)
        let trend = try riskTrend(workloadId: stored.workload.id, points: points)
        return try reported.reportModel(of: stored, lens: lens, milestone: info, trend: trend, generatedAt: generatedAt)
    }

    /// The report model of one workload as this workspace's commit has it: every applied lens,
    /// or only `lens`, joined with its answers. The workspace may be opened at any commit
    /// (`Workspace(repository:commit:)`), which is how milestone reports are made.
    package func reportModel(
        of stored: StoredWorkload, lens alias: String? = nil, milestone: MilestoneInfo? = nil, trend: [TrendPoint] = [],
        generatedAt: String
    ) throws(WorkspaceError) -> WorkloadReportModel {
        let defaultPriority = try settings().pillarPriority
        let priority = stored.workload.pillarPriorities ?? defaultPriority
        let chosen = if let alias { [try review(of: stored, lens: try appliedLens(stored, alias: alias))] } else { try reviews(of: stored) }
        var lenses: [LensReport] = []
        for chosen in chosen {
            var report = LensReport(
                record: chosen.lens.record, version: chosen.lens.version, lens: chosen.lens.lens, review: chosen.review,
                pillarPriority: priority, notes: try lensNotes(of: stored, lens: chosen.applied.alias))
            // Read only for a workload with a profile (nil at once otherwise).
            report.prioritized = try prioritizedRiskCounts(of: stored, review: chosen)
            lenses.append(report)
        }
        var model = WorkloadReportModel(
            workload: stored.workload, updatedAt: try summary(of: stored).updatedAt, pillarPriority: priority,
            lenses: lenses,
            milestone: milestone, commit: base?.hex, trend: trend, generatedAt: generatedAt)
        model.profileName = try profile(of: stored.workload)?.profile.name
        return model
    }

    /// The consolidated report model: every workload at this commit that can be read, sorted by
    /// name like the dashboard, and the workloads that cannot (the model names them as left out),
    /// with the dashboard's count of answers citing stale evidence.
    package func consolidatedReportModel(generatedAt: String) throws(WorkspaceError) -> (ConsolidatedReportModel, [DamagedWorkload]) {
        var (stored, damaged) = try readableWorkloads()
        var workloads: [WorkloadReportModel] = []
        for workload in stored {
            do {
                workloads.append(try reportModel(of: workload, generatedAt: generatedAt))
            } catch {
                damaged.append(DamagedWorkload(directory: Layout.workloadDirectory(workload.directory), error: error))
            }
        }
        stored = []
        workloads.sort { $0.workload.name.lowercased() < $1.workload.name.lowercased() }
        let omitted = damaged.map { OmittedWorkload(directory: $0.directory, reason: $0.description) }
        let model = ConsolidatedReportModel(
            workloads: workloads, commit: base?.hex, generatedAt: generatedAt, omitted: omitted,
            staleEvidenceAnswers: try staleEvidenceAnswers(try readableOverviews()))
        return (model, damaged)
    }

    /// HRIs and MRIs of the workload `workloadId` at each commit of `points`, oldest first, for the
    /// trend chart. Commits where the workload does not exist are skipped.
    package func riskTrend(workloadId: String, points: [(label: String, commit: ObjectID)]) throws(WorkspaceError) -> [TrendPoint] {
        var trend: [TrendPoint] = []
        for point in points {
            let snapshot = try Workspace(repository: repository, commit: point.commit)
            guard let stored = try? snapshot.findWorkload(workloadId) else { continue }
            let counts = try snapshot.summary(of: stored).riskCounts
            trend.append(TrendPoint(label: point.label, high: counts[.high], medium: counts[.medium]))
        }
        return trend
    }

    /// The milestones of a workload as trend points (label, commit), oldest first, up to and
    /// including the milestone numbered `upTo` when given; only tags attributed to the
    /// workload's owner (`Workspace.check(_:owner:cache:)`).
    package func milestonePoints(ofWorkloadId id: String, upTo number: Int?) throws(WorkspaceError) -> [(label: String, commit: ObjectID)] {
        let owner = try? findWorkload(id).workload.owner
        return try checkedMilestones(ofWorkloadId: id, owner: owner)
            .filter { $0.isAttributed && (number == nil || $0.stored.milestone.number <= number!) }
            .map { ("\($0.stored.milestone.number). \($0.stored.milestone.name)", $0.stored.commit) }
    }

    /// A workload's milestone (name or number) as the report header describes it, with the
    /// tagged commit the report is made of. The signature is checked as `milestone verify` does.
    package func resolveMilestone(workload reference: String, _ milestone: String) throws(WorkspaceError) -> (MilestoneInfo, StoredMilestone) {
        let checked = try findCheckedMilestone(reference, milestone)
        let stored = checked.stored
        let signature = checked.signature
        let info = MilestoneInfo(
            name: stored.milestone.name, number: stored.milestone.number, recordedAt: stored.milestone.recordedAt,
            signatureStatus: signature.label)
        return (info, stored)
    }
}
