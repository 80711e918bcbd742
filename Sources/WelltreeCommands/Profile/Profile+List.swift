import ArgumentParser
import WelltreeReports
import WelltreeWorkspace

extension ProfileCommand {
    /// `welltree profile list`: ListProfiles.
    struct List: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the profiles (deleted ones with --include-deleted).")

        @OptionGroup var global: GlobalOptions
        @Flag(help: "Also list deleted profiles (workloads may still use them).")
        var includeDeleted = false
        @OptionGroup var format: FormatOptions

        func run(in workspace: Workspace, console: Console) throws {
            let profiles = try workspace.profileListing(includeDeleted: includeDeleted)
            console.write(format.format, json: ListProfilesOutput(profiles.map(ProfileSummaryShape.init))) { ProfileText.list(profiles) }
        }
    }
}
