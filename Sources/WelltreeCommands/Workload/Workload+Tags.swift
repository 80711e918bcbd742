import ArgumentParser
import WelltreeReports
import WelltreeWorkspace

extension WorkloadCommand {
    /// `welltree workload tags W`: the workload's tags (ListTagsForResource).
    struct Tags: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            commandName: "tags", abstract: "List a workload's tags (change them with `welltree workload update --tag`).")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The workload: its name (spaces and case ignored) or its id.", completion: .custom(Completions.workloads))
        var workload: String
        @OptionGroup var format: FormatOptions

        func run(in workspace: Workspace, console: Console) throws {
            let stored = try workspace.findWorkload(workload)
            console.write(format.format, json: ListTagsForResourceOutput(stored.workload)) { WorkloadText.tags(stored.workload) }
        }
    }
}
