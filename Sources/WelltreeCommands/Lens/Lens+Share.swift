import ArgumentParser
import WelltreeReports
import WelltreeWorkspace

extension LensCommand {
    /// `welltree lens share ...`.
    struct Share: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "share",
            abstract: "Share a custom lens you own (READONLY: others may apply it), list and revoke its shares.",
            subcommands: [Create.self, List.self, Delete.self]
        )

        /// `welltree lens share create`.
        struct Create: WorkspaceCommand {
            static let configuration = CommandConfiguration(
                commandName: "create",
                abstract: "Invite a principal to use a custom lens (expires after 7 days unless accepted).")

            @OptionGroup var global: GlobalOptions
            @Argument(help: "The lens alias.")
            var alias: String
            @Option(help: "Who to share with.")
            var principal: String
            @OptionGroup var format: FormatOptions

            func run(in workspace: Workspace, console: Console) throws {
                let share = try workspace.createLensShare(alias, principal: principal)
                switch format.format {
                case .json: console.write(jsonText(CreateLensShareOutput(shareId: share.shareId)))
                case .text: console.line("Shared lens \(alias) with \(share.principal): share \(share.shareId), pending until accepted")
                }
            }
        }

        /// `welltree lens share list`.
        struct List: WorkspaceCommand {
            static let configuration = CommandConfiguration(commandName: "list", abstract: "List the shares of a custom lens you own.")

            @OptionGroup var global: GlobalOptions
            @Argument(help: "The lens alias.")
            var alias: String
            @OptionGroup var format: FormatOptions

            func run(in workspace: Workspace, console: Console) throws {
                let (_, file) = try workspace.lensShares(alias)
                let now = workspace.nowSeconds
                console.write(format.format, json: ListLensSharesOutput(shares: file.shares, now: now)) {
                    ShareText.shares(file.shares, now: now, permissions: false)
                }
            }
        }

        /// `welltree lens share delete`.
        struct Delete: WorkspaceCommand, TextOnlyCommand {
            static let configuration = CommandConfiguration(commandName: "delete", abstract: "Revoke a lens share.")

            @OptionGroup var global: GlobalOptions
            @OptionGroup var format: TextFormatOptions
            static let jsonInstead = "welltree lens share list ALIAS --format json"
            @Argument(help: "The lens alias.")
            var alias: String
            @Argument(help: "The share id.")
            var shareId: String

            func run(in workspace: Workspace, console: Console) throws {
                let share = try workspace.deleteLensShare(alias, shareId: shareId)
                console.line("Revoked share \(share.shareId) of lens \(alias) (\(share.principal))")
            }
        }
    }
}
