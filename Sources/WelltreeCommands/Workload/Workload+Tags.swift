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
            switch format.format {
            case .json: console.write(jsonText(ListTagsForResourceOutput(stored.workload)))
            case .text:
                if stored.workload.tags.isEmpty {
                    console.line("\(TerminalText.line(stored.workload.name)) has no tags. Add one with `welltree workload update W --tag KEY=VALUE`.")
                    return
                }
                var table = TextTable(["KEY", "VALUE"])
                for (key, value) in stored.workload.tags.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
                    table.add([key, value])
                }
                console.write(table.render())
            }
        }
    }
}
