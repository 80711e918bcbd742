import ArgumentParser
import WelltreeCore
import WelltreeReports
import WelltreeWorkspace

/// `welltree notifications [--workload W] [--profiles]`: the console's "Lens upgrades" page
/// (ListNotifications) and profile notifications (ListProfileNotifications).
struct NotificationsCommand: WorkspaceCommand {
    static let configuration = CommandConfiguration(
        commandName: "notifications",
        abstract: "List workloads whose lenses or profile are not current: a newer version, a deprecated version, or a deletion.",
        discussion: """
            Upgrade a lens with `welltree lens upgrade W ALIAS --milestone NAME`, a profile with `welltree profile upgrade W`. \
            The text lists both; --format json gives the lens notifications (ListNotifications), with --profiles the \
            profile notifications (ListProfileNotifications: PROFILE_ANSWERS_UPDATED, PROFILE_DELETED).
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this workload (its name or id).")
    var workload: String?
    @Flag(help: "Only the profile notifications (ListProfileNotifications).")
    var profiles = false
    @OptionGroup var format: FormatOptions

    func run(in workspace: Workspace, console: Console) throws {
        let id = try workload.map { reference throws in try workspace.findWorkload(reference).workload.id }
        var profileNotifications = try workspace.profileNotifications()
        if let id { profileNotifications = profileNotifications.filter { $0.workloadId == id } }
        if profiles {
            switch format.format {
            case .json: console.write(jsonText(ListProfileNotificationsOutput(profileNotifications)))
            case .text: console.write(ProfileText.notifications(profileNotifications))
            }
            return
        }
        var notifications = try workspace.lensNotifications()
        if let id { notifications = notifications.filter { $0.workload.id == id } }
        switch format.format {
        case .json:
            console.write(jsonText(ListNotificationsOutput(notifications.map {
                NotificationSummaryShape(workload: $0.workload, record: $0.record, versionInUse: $0.versionInUse,
                                         latest: $0.availableVersion, status: $0.status)
            })))
        case .text:
            if !profileNotifications.isEmpty {
                console.write(ProfileText.notifications(profileNotifications) + "\n")
            }
            guard !notifications.isEmpty else {
                console.write("Every workload uses the current version of its lenses.\n")
                return
            }
            var table = TextTable(["WORKLOAD", "LENS", "NOTIFICATION TYPE", "VERSION IN USE", "CURRENT AVAILABLE VERSION"])
            for n in notifications {
                table.add([n.workload.name, n.record.name, n.status.notificationLabel, n.versionInUse, n.availableVersion ?? "None"])
            }
            console.write(table.render())
        }
    }
}
