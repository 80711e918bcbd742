import ArgumentParser
import WelltreeCore
import WelltreeReports
import WelltreeWorkspace

extension ShareCommand {
    /// `welltree share update`.
    struct Update: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            commandName: "update",
            abstract: "Change the permission of a share (owner only).",
            discussion: "A pending or expired invitation is sent again for 7 days; an accepted share keeps its status.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The workload: its name or its id.", completion: .custom(Completions.workloads))
        var workload: String
        @Argument(help: "The share id.")
        var shareId: String
        @Option(help: "readonly or contributor.")
        var permission: SharePermission
        @OptionGroup var format: FormatOptions

        func run(in workspace: Workspace, console: Console) throws {
            let (stored, share) = try workspace.updateWorkloadShare(workload, shareId: shareId, permission: permission)
            switch format.format {
            case .json: console.write(jsonText(UpdateWorkloadShareOutput(share, workload: stored.workload, now: workspace.nowSeconds)))
            case .text:
                console.line(
                    "Share \(share.shareId) of \(stored.workload.name): \(share.principal) \(share.permission.rawValue) (\(share.status(at: workspace.nowSeconds).rawValue))"
                )
            }
        }
    }

    /// `welltree share delete`.
    struct Delete: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete",
            abstract: "Revoke a share (owner only). The entry stays as REVOKED; sharing again makes a new one.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The workload: its name or its id.", completion: .custom(Completions.workloads))
        var workload: String
        @Argument(help: "The share id.")
        var shareId: String
        @OptionGroup var format: FormatOptions

        func run(in workspace: Workspace, console: Console) throws {
            let (stored, share) = try workspace.deleteWorkloadShare(workload, shareId: shareId)
            switch format.format {
            case .json: console.write(jsonText(UpdateWorkloadShareOutput(share, workload: stored.workload, now: workspace.nowSeconds)))
            case .text: console.line("Revoked share \(share.shareId) of \(stored.workload.name) (\(share.principal))")
            }
        }
    }
}
