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
