import WelltreeCore

extension Workspace {
    /// Every lens `stored` applies, in its order, with the version in use and its status.
    package func lensesInUse(of stored: StoredWorkload) throws(WorkspaceError) -> [LensInUse] {
        var result: [LensInUse] = []
        for applied in stored.workload.lenses {
            let record = try requireLensRecord(applied.alias)
            result.append(
                LensInUse(
                    applied: applied, record: record, version: record.latestMinor(after: applied.version),
                    status: try lensStatus(applied, record: record, of: stored.workload)))
        }
        return result
    }
}
