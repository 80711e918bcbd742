import WelltreeCore

/// What `welltree notifications` lists: workloads whose lenses or profile are not current.
package struct WorkloadNotifications: Sendable {
    /// Lens versions not current (ListNotifications), in workload order; empty when not asked for.
    package var lenses: [LensNotification]
    /// Profile versions not latest or profiles deleted (ListProfileNotifications).
    package var profiles: [ProfileNotification]
}

extension Workspace {
    /// The notifications of one workload (its name or id) or of all, with the lens
    /// notifications only when `lenses` is true (`--profiles` asks for the profile ones alone).
    package func notifications(workload: String?, lenses: Bool) throws(WorkspaceError) -> WorkloadNotifications {
        let id = try workload.map { reference throws(WorkspaceError) in try findWorkload(reference).workload.id }
        var profiles = try profileNotifications()
        if let id { profiles = profiles.filter { $0.workloadId == id } }
        guard lenses else { return WorkloadNotifications(lenses: [], profiles: profiles) }
        var notifications = try lensNotifications()
        if let id { notifications = notifications.filter { $0.workload.id == id } }
        return WorkloadNotifications(lenses: notifications, profiles: profiles)
    }
}
