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
            try warnOfUncommittedFiles(of: stored, in: workspace, console: console)
            let detail = try workspace.workloadDetail(of: stored)
            console.write(format.format, json: GetWorkloadOutput(detail)) { WorkloadText.show(detail) }
        }
    }
}
