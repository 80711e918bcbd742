import ArgumentParser
import WelltreeReports
import WelltreeWorkspace

extension ShareCommand {
    /// `welltree share list`.
    struct List: WorkspaceCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the shares of a workload you own.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The workload: its name or its id.", completion: .custom(Completions.workloads))
        var workload: String
        @OptionGroup var format: FormatOptions

        func run(in workspace: Workspace, console: Console) throws {
            let (stored, file) = try workspace.workloadShares(workload)
            let now = workspace.nowSeconds
            console.write(format.format, json: ListWorkloadSharesOutput(workloadId: stored.workload.id, shares: file.shares, now: now)) {
                ShareText.shares(file.shares, now: now, permissions: true)
            }
        }
    }

    /// `welltree share invitations`.
    struct Invitations: WorkspaceCommand {
        static let configuration = CommandConfiguration(commandName: "invitations", abstract: "List pending invitations to you (or your groups).")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var format: FormatOptions

        func run(in workspace: Workspace, console: Console) throws {
            let invitations = try workspace.invitations().map {
                ShareInvitationSummaryShape(subject: $0.subject, share: $0.share, name: $0.name, owner: $0.owner)
            }
            console.write(format.format, json: ListShareInvitationsOutput(invitations)) { ShareText.invitations(invitations) }
        }
    }
}
