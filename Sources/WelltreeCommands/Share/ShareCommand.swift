import ArgumentParser
import WelltreeCore
import WelltreeReports

/// `welltree share ...`.
struct ShareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "share",
        abstract: "Share workloads, answer invitations, and export shares for hosts without the server hook.",
        discussion: """
            Shares live on refs/welltree/shares, not on a branch, so a pull request cannot grant one. \
            Fetch and push that ref with `git fetch origin refs/welltree/shares:refs/welltree/shares` and \
            `git push origin refs/welltree/shares`; the server hook checks every push against it.
            """,
        subcommands: [
            Create.self, List.self, Update.self, Delete.self, Invitations.self, Accept.self, Reject.self, Leave.self, Access.self, Admin.self,
            Group.self, Export.self,
        ]
    )
}

extension SharePermission: ExpressibleByArgument {
    public init?(argument: String) { self.init(userInput: argument) }
    public static var allValueStrings: [String] { ["readonly", "contributor"] }
}

/// Lines for a share table, the same for workload and lens shares.
func shareTable(_ shares: [Share], now: Int64, permissions: Bool) -> String {
    if shares.isEmpty { return "No shares.\n" }
    var table = TextTable(
        permissions
            ? ["SHARE ID", "PRINCIPAL", "PERMISSION", "STATUS", "SHARED BY", "INVITED"]
            : ["SHARE ID", "PRINCIPAL", "STATUS", "SHARED BY", "INVITED"])
    for share in shares {
        var row = [share.shareId, share.principal]
        if permissions { row.append(share.permission.rawValue) }
        row += [share.status(at: now).rawValue, share.sharedBy, share.invitedAt]
        table.add(row)
    }
    return table.render()
}
