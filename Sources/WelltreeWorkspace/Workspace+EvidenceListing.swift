import WelltreeCore

extension Workspace {
    /// The citations `welltree evidence` lists: of one workload (its name or id) or of every
    /// workload, ordered by workload name (case ignored), workload id, lens and question; with
    /// `staleOnly`, only the changed and missing ones.
    package func evidenceListing(workload: String?, staleOnly: Bool) throws(WorkspaceError) -> [CitedEvidence] {
        try requireInitialised()
        var cited: [CitedEvidence]
        if let workload {
            cited = try citations(of: try findWorkload(workload))
        } else {
            cited = try allCitations()
        }
        cited.sort {
            ($0.workloadName.lowercased(), $0.workloadId, $0.lens, $0.questionId) < ($1.workloadName.lowercased(), $1.workloadId, $1.lens, $1.questionId)
        }
        return staleOnly ? cited.filter(\.state.isStale) : cited
    }
}
