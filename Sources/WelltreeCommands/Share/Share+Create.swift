import ArgumentParser
import WelltreeCore
import WelltreeReports
import WelltreeWorkspace

extension ShareCommand {
    /// `welltree share create`.
    struct Create: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "Invite a principal to a workload you own (one commit on refs/welltree/shares).",
            discussion:
                "The invitation expires unless accepted within 7 days. A principal is a user, group:<name> or an account id listed in access.json's groups."
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The workload: its name or its id.", completion: .custom(Completions.workloads))
        var workload: String
        @Option(help: "Who to share with.")
        var principal: String
        @Option(help: "readonly, or contributor (may change answers and their notes).")
        var permission: SharePermission
        @OptionGroup var format: FormatOptions

        func run(in workspace: Workspace, console: Console) throws {
            let (stored, share) = try workspace.createWorkloadShare(workload, principal: principal, permission: permission)
            switch format.format {
            case .json: console.write(jsonText(CreateWorkloadShareOutput(workloadId: stored.workload.id, shareId: share.shareId)))
            case .text:
                console.line(
                    "Shared \(stored.workload.name) with \(share.principal) (\(share.permission.rawValue)), pending until accepted: share \(share.shareId)"
                )
                console.line("Push it: git push origin \(ShareStore.reference)")
            }
        }
    }
}
