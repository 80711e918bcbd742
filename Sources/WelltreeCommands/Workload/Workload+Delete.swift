import ArgumentParser
import WelltreeWorkspace

extension WorkloadCommand {
    /// `welltree workload delete`.
    struct Delete: WorkspaceCommand, TextOnlyCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete",
            abstract: "Delete a workload and its answers (owner only). Its milestones stay in history.",
            discussion: """
                Its shares still pending or accepted are revoked (one commit on refs/welltree/shares), \
                so an invitation to the deleted workload can no longer be accepted.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var format: TextFormatOptions
        static let jsonInstead = "welltree workload list --format json"
        @Argument(help: "The workload: its name or its id.", completion: .custom(Completions.workloads))
        var workload: String
        @Flag(help: "Confirm the deletion.")
        var yes = false

        func run(in workspace: Workspace, console: Console) throws {
            guard yes else { throw CommandError.refused("deleting a workload removes its data from the branch; add --yes to confirm") }
            let (deleted, revoked) = try workspace.deleteWorkload(workload)
            console.line("Deleted workload \(deleted.name) (\(deleted.id))")
            if !revoked.isEmpty {
                let principals = revoked.map(\.principal).joined(separator: ", ")
                console.line("Revoked \(revoked.count) share\(revoked.count == 1 ? "" : "s") (\(principals)); push it: git push origin \(ShareStore.reference)")
            }
        }
    }
}
