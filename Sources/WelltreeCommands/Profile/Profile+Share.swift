import ArgumentParser
import WelltreeReports
import WelltreeWorkspace

extension ProfileCommand {
    /// `welltree profile share ...`: CreateProfileShare, ListProfileShares, DeleteProfileShare.
    struct Share: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "share",
            abstract: "Share a profile you own (READONLY: others may give it to their workloads), list and revoke its shares.",
            subcommands: [Create.self, List.self, Delete.self]
        )

        /// `welltree profile share create P --principal X`.
        struct Create: WorkspaceCommand {
            static let configuration = CommandConfiguration(
                commandName: "create",
                abstract: "Invite a user, group:<name> or account to use a profile (expires after 7 days unless accepted).",
                discussion: "One commit on refs/welltree/shares; push it (`git push origin refs/welltree/shares`).")

            @OptionGroup var global: GlobalOptions
            @Argument(help: "The profile: its name (spaces and case ignored), id or Welltree ARN.")
            var profile: String
            @Option(help: "Who to share with.")
            var principal: String
            @OptionGroup var format: FormatOptions

            func run(in workspace: Workspace, console: Console) throws {
                let (stored, share) = try workspace.createProfileShare(profile, principal: principal)
                switch format.format {
                case .json: console.write(jsonText(CreateProfileShareOutput(profileId: stored.profile.id, shareId: share.shareId)))
                case .text:
                    console.line("Shared profile \(stored.profile.name) with \(share.principal): share \(share.shareId), pending until accepted")
                }
            }
        }

        /// `welltree profile share list P`.
        struct List: WorkspaceCommand {
            static let configuration = CommandConfiguration(commandName: "list", abstract: "List the shares of a profile you own.")

            @OptionGroup var global: GlobalOptions
            @Argument(help: "The profile: its name (spaces and case ignored), id or Welltree ARN.")
            var profile: String
            @OptionGroup var format: FormatOptions

            func run(in workspace: Workspace, console: Console) throws {
                let (stored, file) = try workspace.profileShares(profile)
                switch format.format {
                case .json:
                    console.write(jsonText(ListProfileSharesOutput(profileId: stored.profile.id, shares: file.shares, now: workspace.nowSeconds)))
                case .text: console.write(ShareText.shares(file.shares, now: workspace.nowSeconds, permissions: false))
                }
            }
        }

        /// `welltree profile share delete P SHARE_ID`.
        struct Delete: WorkspaceCommand, TextOnlyCommand {
            static let configuration = CommandConfiguration(
                commandName: "delete",
                abstract: "Revoke a share of a profile you own: its holder gives the profile to no new workload; workloads that use it keep it.")

            @OptionGroup var global: GlobalOptions
            @OptionGroup var format: TextFormatOptions
            static let jsonInstead = "welltree profile share list PROFILE --format json"
            @Argument(help: "The profile: its name (spaces and case ignored), id or Welltree ARN.")
            var profile: String
            @Argument(help: "The share id.")
            var shareId: String

            func run(in workspace: Workspace, console: Console) throws {
                let (stored, share) = try workspace.deleteProfileShare(profile, shareId: shareId)
                console.line("Revoked share \(share.shareId) of profile \(stored.profile.name) (\(share.principal))")
            }
        }
    }
}
