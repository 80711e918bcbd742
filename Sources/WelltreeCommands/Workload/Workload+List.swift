import ArgumentParser
import WelltreeReports
import WelltreeWorkspace

extension WorkloadCommand {
    /// `welltree workload list`.
    struct List: WorkspaceCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List workloads with their risks.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var format: FormatOptions

        func run(in workspace: Workspace, console: Console) throws {
            let read = try workspace.overviewsShowingProgress(on: console)
            var summaries = read.overviews.map(WorkloadSummaryShape.init)
            summaries.sortByName()
            switch format.format {
            case .json: console.write(jsonText(ListWorkloadsOutput(summaries)))
            case .text:
                if summaries.isEmpty && read.damaged.isEmpty {
                    console.write("No workloads yet. Define one with `welltree workload create`.\n")
                    return
                }
                var table = TextTable(["NAME", "LENSES", "HRIS", "MRIS", "UPDATED", "ID"],
                                      alignments: [.left, .left, .right, .right, .left, .left])
                for s in summaries {
                    table.add([s.WorkloadName, s.Lenses.joined(separator: ","), "\(s.RiskCounts?[.high] ?? 0)",
                               "\(s.RiskCounts?[.medium] ?? 0)", s.UpdatedAt, s.WorkloadId])
                }
                console.write(table.render())
            }
            try reportDamaged(read.damaged, leftOutOf: "list")
        }
    }
}
