import ArgumentParser
import WelltreeCore
import WelltreeReports
import WelltreeWorkspace

/// `welltree notifications [--workload W]`: the console's "Lens upgrades" page.
struct NotificationsCommand: WorkspaceCommand {
    static let configuration = CommandConfiguration(
        commandName: "notifications",
        abstract: "List workloads whose lenses are not current: a newer major version, a deprecated version, or a deleted lens.",
        discussion: "Upgrade with `welltree lens upgrade W ALIAS --milestone NAME`.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this workload (its name or id).")
    var workload: String?
    @OptionGroup var format: FormatOptions

    func run(in workspace: Workspace, console: Console) throws {
        var notifications = try workspace.lensNotifications()
        if let workload {
            let id = try workspace.findWorkload(workload).workload.id
            notifications = notifications.filter { $0.workload.id == id }
        }
        switch format.format {
        case .json:
            console.write(jsonText(ListNotificationsOutput(notifications.map {
                NotificationSummaryShape(workload: $0.workload, record: $0.record, versionInUse: $0.versionInUse,
                                         latest: $0.availableVersion, status: $0.status)
            })))
        case .text:
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
