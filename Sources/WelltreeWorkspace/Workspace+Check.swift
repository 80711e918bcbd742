import WelltreeCore

extension Workspace {
    /// Every risk at `threshold` in this state, for a check without a base: every workload
    /// and every applied lens is evaluated.
    package func currentRisks(threshold: RiskThreshold) throws(WorkspaceError) -> (findings: [RiskItem], checked: [CheckedLens]) {
        var findings: [RiskItem] = []
        var checked: [CheckedLens] = []
        let workloads = try allWorkloads()
        try Self.refuseDuplicateIds(workloads)
        for stored in workloads.sorted(by: { $0.workload.name.lowercased() < $1.workload.name.lowercased() }) {
            let judged = try judged(stored)
            checked += judged.lenses.map { CheckedLens(judged, $0) }
            findings += RiskItem.risks(in: judged, threshold: threshold)
        }
        return (findings, checked)
    }
}

extension Workspace {
    /// Refuses a list of workloads where two directories hold one id.
    static func refuseDuplicateIds(_ workloads: [StoredWorkload]) throws(WorkspaceError) {
        var directories: [String: [String]] = [:]
        for stored in workloads { directories[stored.workload.id, default: []].append(Layout.workloadDirectory(stored.directory)) }
        if let (id, paths) = directories.filter({ $0.value.count > 1 }).min(by: { $0.key < $1.key }) {
            throw .duplicateWorkloadId(id: id, paths: paths)
        }
    }
}
