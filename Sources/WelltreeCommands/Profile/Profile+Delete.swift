import ArgumentParser
import WelltreeWorkspace

extension ProfileCommand {
    /// `welltree profile delete P --yes`: DeleteProfile.
    struct Delete: WorkspaceCommand, TextOnlyCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete",
            abstract: "Delete a profile (owner only; one commit). Workloads that use it keep their version.",
            discussion: """
                Its files stay: workloads that use it keep their version and `welltree notifications` lists them \
                (PROFILE_DELETED) until they disassociate it; nobody can associate it any more.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var format: TextFormatOptions
        static let jsonInstead = "welltree profile list --format json"
        @Argument(help: "The profile: its name (spaces and case ignored), id or Welltree ARN.")
        var profile: String
        @Flag(help: "Confirm the deletion.")
        var yes = false

        func run(in workspace: Workspace, console: Console) throws {
            guard yes else { throw CommandError.refused("deleting a profile cannot be undone; add --yes to confirm") }
            let (stored, users) = try workspace.deleteProfile(profile)
            console.line("Deleted profile \(stored.profile.name) (\(stored.profile.id))")
            if !users.isEmpty {
                console.line("\(users.count) workload\(users.count == 1 ? " keeps" : "s keep") it until disassociated: "
                    + users.map(\.workload.name).joined(separator: ", "))
            }
        }
    }
}
