import ArgumentParser
import WelltreeCore
import WelltreeReports
import WelltreeWorkspace

extension WorkloadCommand {
    /// `welltree workload list`.
    struct List: WorkspaceCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List workloads with their risks.")

        @OptionGroup var global: GlobalOptions
        @Flag(help: "Only the workloads the acting principal owns.")
        var owned = false
        @Flag(help: "Only the workloads shared with the acting principal (an accepted share of theirs, their group's or account's).")
        var sharedWithMe = false
        @OptionGroup var format: FormatOptions

        func validate() throws {
            if owned && sharedWithMe { throw ArgumentParser.ValidationError("--owned and --shared-with-me exclude each other") }
        }

        func run(in workspace: Workspace, console: Console) throws {
            let read = try console.overviews(of: workspace)
            let scope: WorkloadListScope = owned ? .owned : sharedWithMe ? .sharedWithMe : .all
            let overviews = try workspace.overviews(read.overviews, in: scope).sortedByName()
            let summaries = overviews.map(WorkloadSummaryShape.init)
            switch format.format {
            case .json: console.write(jsonText(ListWorkloadsOutput(summaries)))
            case .text:
                if summaries.isEmpty && read.damaged.isEmpty {
                    console.write("No workloads yet. Define one with `welltree workload create`.\n")
                    return
                }
                console.write(WorkloadText.list(summaries))
            }
            try reportDamaged(read.damaged, leftOutOf: "list")
        }
    }
}
