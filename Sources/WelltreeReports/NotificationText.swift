import WelltreeCore

/// `welltree notifications` for people: the profile notifications (when there are any), then
/// the console's "Lens upgrades" page. Workload, lens and profile names are escaped for the
/// terminal (`TextTable`).
package enum NotificationText {
    /// Both kinds, as `notifications` prints them without `--profiles`.
    package static func render(lenses: [LensNotification], profiles: [ProfileNotification]) -> String {
        var text = profiles.isEmpty ? "" : ProfileText.notifications(profiles) + "\n"
        guard !lenses.isEmpty else { return text + "Every workload uses the current version of its lenses.\n" }
        var table = TextTable(["WORKLOAD", "LENS", "NOTIFICATION TYPE", "VERSION IN USE", "CURRENT AVAILABLE VERSION"])
        for n in lenses {
            table.add([n.workload.name, n.record.name, n.status.notificationLabel, n.versionInUse, n.availableVersion ?? "None"])
        }
        text += table.render()
        return text
    }
}
