import Foundation
import Git
import WelltreeCore
import WelltreeReports
import WelltreeWorkspace

extension Workspace {
    /// The report model of one workload as this workspace's commit has it: every applied lens,
    /// or only `lens`, joined with its answers. The workspace may be opened at any commit
    /// (`Workspace(repository:commit:)`), which is how milestone reports are made.
    func reportModel(
        of stored: StoredWorkload, lens alias: String? = nil, milestone: MilestoneInfo? = nil, trend: [TrendPoint] = [],
        generatedAt: String
    ) throws(WorkspaceError) -> WorkloadReportModel {
        let defaultPriority = try settings().pillarPriority
        let priority = stored.workload.pillarPriorities ?? defaultPriority
        let chosen = if let alias { [try review(of: stored, lens: try appliedLens(stored, alias: alias))] } else { try reviews(of: stored) }
        return WorkloadReportModel(
            workload: stored.workload, updatedAt: try summary(of: stored).updatedAt, pillarPriority: priority,
            lenses: chosen.map {
                LensReport(record: $0.lens.record, version: $0.lens.version, lens: $0.lens.lens, review: $0.review, pillarPriority: priority)
            },
            milestone: milestone, commit: base?.hex, trend: trend, generatedAt: generatedAt)
    }

    /// The consolidated report model: every workload at this commit, sorted by name like the dashboard.
    func consolidatedReportModel(generatedAt: String) throws(WorkspaceError) -> ConsolidatedReportModel {
        var workloads: [WorkloadReportModel] = []
        for stored in try allWorkloads() { workloads.append(try reportModel(of: stored, generatedAt: generatedAt)) }
        workloads.sort { $0.workload.name.lowercased() < $1.workload.name.lowercased() }
        return ConsolidatedReportModel(workloads: workloads, commit: base?.hex, generatedAt: generatedAt)
    }

    /// HRIs and MRIs of the workload `workloadId` at each commit of `points`, oldest first, for the
    /// trend chart. Commits where the workload does not exist are skipped.
    func riskTrend(workloadId: String, points: [(label: String, commit: ObjectID)]) throws(WorkspaceError) -> [TrendPoint] {
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
    /// including `commit` when given.
    ///
    /// Milestones (annotated tags) are recorded by `welltree milestone`; until that lookup is
    /// available here, a workload has none and the trend shows just the reported state.
    func milestonePoints(of stored: StoredWorkload, upTo commit: ObjectID?) throws(WorkspaceError) -> [(label: String, commit: ObjectID)] {
        []
    }

    /// A revision given as `--milestone`, resolved to a commit and described for the report header.
    ///
    /// For now any revision git accepts (a tag, a branch, a commit id) is taken and labelled with
    /// what was typed and the commit's time; milestone numbers and signature checks come with
    /// `welltree milestone`.
    func resolveMilestone(_ revision: String) throws(WorkspaceError) -> (MilestoneInfo, ObjectID) {
        let commit: ObjectID
        let info: CommitInfo
        do {
            commit = try repository.resolveCommit(revision)
            info = try repository.commit(commit)
        } catch {
            if error.isNotFound { throw .notFound(what: "milestone", name: revision, hint: "give a tag, branch or commit id") }
            throw .git(error)
        }
        let recordedAt = Date(timeIntervalSince1970: TimeInterval(info.time)).formatted(.iso8601)
        return (MilestoneInfo(name: revision, recordedAt: recordedAt, signatureStatus: nil), commit)
    }
}
