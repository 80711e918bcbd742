import ArgumentParser
import WelltreeCore
import WelltreeReports
import WelltreeWorkspace

extension WorkloadCommand {
    /// `welltree workload update`.
    struct Update: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            commandName: "update",
            abstract: "Change a workload's properties (owner only; one commit, none when nothing changes).")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The workload: its name (spaces and case ignored) or its id.", completion: .custom(Completions.workloads))
        var workload: String
        @OptionGroup var properties: WorkloadPropertyOptions
        @Option(help: "not-applicable, not-started, in-progress, complete or risk-acknowledged.")
        var improvementStatus: ImprovementStatus?
        @Option(name: .customLong("remove-tag"), help: ArgumentHelp("Remove the tag with this key (repeatable).", valueName: "key"))
        var removeTags: [String] = []
        @OptionGroup var format: FormatOptions

        func run(in workspace: Workspace, console: Console) throws {
            var request = properties.properties
            request.improvementStatus = improvementStatus
            request.tagsToRemove = removeTags
            let (stored, changed) = try workspace.updateWorkload(workload, request)
            switch format.format {
            case .json:
                console.write(jsonText(GetWorkloadOutput(WorkloadShape(
                    stored.workload, riskCounts: nil, pillarPriorities: try workspace.settings().pillarPriority))))
            case .text:
                console.line(changed ? "Updated workload \(stored.workload.name)" : "Workload \(stored.workload.name) unchanged")
            }
        }
    }
}
