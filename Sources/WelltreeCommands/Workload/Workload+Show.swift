import ArgumentParser
import WelltreeCore
import WelltreeReports
import WelltreeWorkspace

extension WorkloadCommand {
    /// `welltree workload show`.
    struct Show: WorkspaceCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a workload's properties, lenses and risks.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The workload: its name (spaces and case ignored) or its id.", completion: .custom(Completions.workloads))
        var workload: String
        @OptionGroup var format: FormatOptions

        func run(in workspace: Workspace, console: Console) throws {
            let stored = try workspace.findWorkload(workload)
            let summary = try workspace.summary(of: stored)
            let priorities = try workspace.settings().pillarPriority
            switch format.format {
            case .json:
                var shape = WorkloadShape(stored.workload, riskCounts: summary.riskCounts, pillarPriorities: priorities)
                shape.workload.updatedAt = summary.updatedAt
                console.write(jsonText(GetWorkloadOutput(shape)))
            case .text:
                console.write(WorkloadText.render(stored.workload, summary: (summary.riskCounts, summary.updatedAt)))
            }
        }
    }
}
