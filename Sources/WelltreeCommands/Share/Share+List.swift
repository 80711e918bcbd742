import ArgumentParser
import WelltreeReports
import WelltreeWorkspace

extension ShareCommand {
    /// `welltree share list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the shares of a workload you own.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The workload: its name or its id.", completion: .custom(Completions.workloads))
        var workload: String
        @OptionGroup var format: FormatOptions

        func run() throws {
            try perform {
                let workspace = try global.workspace()
                let (stored, file) = try workspace.workloadShares(workload)
                let now = workspace.nowSeconds
                switch format.format {
                case .json: output(jsonText(ListWorkloadSharesOutput(workloadId: stored.workload.id, shares: file.shares, now: now)))
                case .text: output(shareTable(file.shares, now: now, permissions: true))
                }
            }
        }
    }

    /// `welltree share invitations`.
    struct Invitations: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "invitations", abstract: "List pending invitations to you (or your groups).")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var format: FormatOptions

        func run() throws {
            try perform {
                let workspace = try global.workspace()
                let invitations = try workspace.invitations().map {
                    ShareInvitationSummaryShape(subject: $0.subject, share: $0.share, name: $0.name, owner: $0.owner)
                }
                switch format.format {
                case .json: output(jsonText(ListShareInvitationsOutput(invitations)))
                case .text:
                    if invitations.isEmpty {
                        output("No pending invitations.\n")
                        return
                    }
                    var table = TextTable(["INVITATION ID", "TYPE", "NAME", "PERMISSION", "OWNER", "EXPIRES"])
                    for i in invitations {
                        table.add([
                            i.ShareInvitationId, i.ShareResourceType, i.WorkloadName ?? i.LensName ?? "", i.PermissionType,
                            i.OwnerPrincipal ?? "", i.ExpiresAt,
                        ])
                    }
                    output(table.render())
                }
            }
        }
    }
}
