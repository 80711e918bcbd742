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
        let found = try workspace.notifications(workload: workload, lenses: !profiles)
        if profiles {
            console.write(format.format, json: ListProfileNotificationsOutput(found.profiles)) { ProfileText.notifications(found.profiles) }
            return
        }
        let summaries = found.lenses.map {
            NotificationSummaryShape(workload: $0.workload, record: $0.record, versionInUse: $0.versionInUse, latest: $0.availableVersion, status: $0.status)
        }
        console.write(format.format, json: ListNotificationsOutput(summaries)) {
            NotificationText.render(lenses: found.lenses, profiles: found.profiles)
        }
    }
}
