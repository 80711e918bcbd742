import WelltreeCore

extension Workspace {
    /// Refuses a workload's pillar priorities (`--pillar-priority`) naming a pillar that none of
    /// `lenses` (the lenses the workload applies) has, listing the pillars they do have: an
    /// unknown id would be kept and silently never used.
    func checkPillarPriorities(_ ids: [String]?, lenses: [WorkloadLens]) throws(WorkspaceError) {
        guard let ids, !ids.isEmpty else { return }
        var known: [String] = []
        for applied in lenses {
            for pillar in try effectiveLens(applied).lens.pillars where !known.contains(pillar.id) { known.append(pillar.id) }
        }
        guard ids.contains(where: { !known.contains($0) }) else { return }  // the core judges the rest
        var validator = Validator()
        var seen = Set<String>()
        for id in ids {
            validator.require(
                known.contains(id), field: "--pillar-priority", value: id,
                rule: "is not a pillar of the workload's lenses; its pillars: \(known.joined(separator: ", "))")
            validator.require(seen.insert(id).inserted, field: "--pillar-priority", value: id, rule: "is listed more than once")
        }
        do { try validator.check() } catch { throw .invalid(error) }
    }
}
