import WelltreeCore

extension Workspace {
    /// Sets the workspace's pillar priority. Every id must be a pillar of some lens in the
    /// workspace, and none may repeat. Returns whether anything changed.
    package func setPillarPriority(_ order: [String]) throws(WorkspaceError) -> Bool {
        var known = Set<String>()
        for record in try allLensRecords() where record.currentVersion != nil {
            known.formUnion(try loadLens(record.alias).lens.pillars.map(\.id))
        }
        var validator = Validator()
        var seen = Set<String>()
        for id in order {
            validator.require(known.contains(id), field: "pillar-priority", value: id,
                              rule: "is not a pillar of any lens; known pillars: \(known.sorted().joined(separator: ", "))")
            validator.require(seen.insert(id).inserted, field: "pillar-priority", value: id, rule: "is listed twice")
        }
        validator.require(!order.isEmpty, field: "pillar-priority", value: "", rule: "must name at least one pillar")
        do { try validator.check() } catch { throw .invalid(error) }
        var settings = try settings()
        guard settings.pillarPriority != order else { return false }
        settings.pillarPriority = order
        var changes = ChangeSet()
        try changes.write(Layout.settings, json: settings)
        return try commit(changes, message: "Set pillar priority: \(order.joined(separator: ", "))") != nil
    }
}
