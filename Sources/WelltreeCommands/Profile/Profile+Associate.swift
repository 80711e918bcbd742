import ArgumentParser
import WelltreeWorkspace

extension ProfileCommand {
    /// `welltree profile associate W P`: AssociateProfiles.
    struct Associate: WorkspaceCommand, TextOnlyCommand {
        static let configuration = CommandConfiguration(
            commandName: "associate",
            abstract: "Give a workload a profile's latest version (the workload's owner; one commit). A workload uses at most one profile.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var format: TextFormatOptions
        static let jsonInstead = "welltree workload show WORKLOAD --format json"
        @Argument(help: "The workload: its name or its id.", completion: .custom(Completions.workloads))
        var workload: String
        @Argument(help: "The profile: its name (spaces and case ignored), id or Welltree ARN.")
        var profile: String

        func run(in workspace: Workspace, console: Console) throws {
            let (stored, profile) = try workspace.associateProfile(workload: workload, profile: self.profile)
            console.line(
                "Workload \(stored.workload.name) uses profile \(profile.profile.name), version \(stored.workload.profile?.version ?? "")")
        }
    }

    /// `welltree profile disassociate W P`: DisassociateProfiles.
    struct Disassociate: WorkspaceCommand, TextOnlyCommand {
        static let configuration = CommandConfiguration(
            commandName: "disassociate", abstract: "Stop a workload using its profile (the workload's owner; one commit).")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var format: TextFormatOptions
        static let jsonInstead = "welltree workload show WORKLOAD --format json"
        @Argument(help: "The workload: its name or its id.", completion: .custom(Completions.workloads))
        var workload: String
        @Argument(help: "The profile it uses: its name, id or Welltree ARN.")
        var profile: String

        func run(in workspace: Workspace, console: Console) throws {
            let stored = try workspace.disassociateProfile(workload: workload, profile: profile)
            console.line("Workload \(stored.workload.name) uses no profile")
        }
    }
}
