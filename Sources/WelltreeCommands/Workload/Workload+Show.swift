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
            let summary = try workspace.summary(of: stored)
            let priorities = try workspace.settings().pillarPriority
            // The versions the answers are judged by (minor versions apply by themselves), as
            // `status` reports them, not the version pinned when the lens was applied.
            let lenses = try workspace.lensesInUse(of: stored)
            var shown = stored.workload
            shown.lenses = lenses.map { WorkloadLens(alias: $0.applied.alias, version: $0.version) }
            let prioritized = try workspace.prioritizedRiskCounts(of: stored)
            let template = stored.workload.template.flatMap { try? workspace.findTemplate($0.id).template.name }
            switch format.format {
            case .json:
                var shape = WorkloadShape(
                    shown, riskCounts: summary.riskCounts, pillarPriorities: priorities, prioritizedRiskCounts: prioritized,
                    templateName: template)
                shape.workload.updatedAt = summary.updatedAt
                console.write(jsonText(GetWorkloadOutput(shape)))
            case .text:
                let banners = lenses.compactMap {
                    LensUpgradeBanner.line(
                        workload: stored.workload.name, alias: $0.applied.alias, lensName: $0.record.name, version: $0.version,
                        status: $0.status, available: $0.upgradeVersion)
                }
                console.write(banners.map { $0 + "\n" }.joined() + (banners.isEmpty ? "" : "\n"))
                let profile = try workspace.profile(of: stored.workload).map { ($0.profile.name, prioritized) }
                console.write(
                    WorkloadText.render(shown, summary: (summary.riskCounts, summary.updatedAt), profile: profile, templateName: template))
            }
        }
    }
}
