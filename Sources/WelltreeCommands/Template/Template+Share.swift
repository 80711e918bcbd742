import ArgumentParser
import WelltreeCore
import WelltreeReports
import WelltreeWorkspace

extension TemplateCommand {
    /// `welltree template share ...`: CreateTemplateShare, ListTemplateShares, DeleteTemplateShare.
    struct Share: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "share",
            abstract: "Share a review template you own (READONLY: others may create workloads from it), list and revoke its shares.",
            discussion: """
                The invitee accepts with `welltree share accept ID` within 7 days. A share is permission to use the \
                template; it hides nothing, since whoever clones the repository reads every file.
                """,
            subcommands: [Create.self, List.self, Delete.self])

        /// `welltree template share create T --principal P`.
        struct Create: WorkspaceCommand {
            static let configuration = CommandConfiguration(
                commandName: "create", abstract: "Invite a principal to use a template (expires after 7 days unless accepted).")

            @OptionGroup var global: GlobalOptions
            @OptionGroup var target: TemplateTarget
            @Option(help: "Who to share with: a user, group:<name> or an account id.")
            var principal: String
            @OptionGroup var format: FormatOptions

            func run(in workspace: Workspace, console: Console) throws {
                let (stored, share) = try workspace.createTemplateShare(target.template, principal: principal)
                switch format.format {
                case .json: console.write(jsonText(CreateTemplateShareOutput(templateId: stored.template.id, shareId: share.shareId)))
                case .text:
                    console.line(
                        "Shared template \(TerminalText.line(stored.template.name)) with \(TerminalText.line(share.principal)): share \(share.shareId), pending until accepted")
                }
            }
        }

        /// `welltree template share list T`.
        struct List: WorkspaceCommand {
            static let configuration = CommandConfiguration(commandName: "list", abstract: "List the shares of a template you own.")

            @OptionGroup var global: GlobalOptions
            @OptionGroup var target: TemplateTarget
            @OptionGroup var format: FormatOptions

            func run(in workspace: Workspace, console: Console) throws {
                let (stored, file) = try workspace.templateShares(target.template)
                switch format.format {
                case .json:
                    console.write(jsonText(ListTemplateSharesOutput(templateId: stored.template.id, shares: file.shares, now: workspace.nowSeconds)))
                case .text: console.write(ShareText.shares(file.shares, now: workspace.nowSeconds, permissions: false))
                }
            }
        }

        /// `welltree template share delete T SHARE_ID`.
        struct Delete: WorkspaceCommand, TextOnlyCommand {
            static let configuration = CommandConfiguration(
                commandName: "delete", abstract: "Revoke a template share: no new workload starts from the template under it.")

            @OptionGroup var global: GlobalOptions
            @OptionGroup var target: TemplateTarget
            @Argument(help: "The share id.")
            var shareId: String
            @OptionGroup var format: TextFormatOptions
            static let jsonInstead = "welltree template share list T --format json"

            func run(in workspace: Workspace, console: Console) throws {
                let (stored, share) = try workspace.deleteTemplateShare(target.template, shareId: shareId)
                console.line("Revoked share \(share.shareId) of template \(TerminalText.line(stored.template.name)) (\(TerminalText.line(share.principal)))")
            }
        }
    }
}
