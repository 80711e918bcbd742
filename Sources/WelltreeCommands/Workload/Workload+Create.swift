import ArgumentParser
import WelltreeReports
import WelltreeWorkspace

extension WorkloadCommand {
    /// `welltree workload create`.
    struct Create: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "Define a new workload (one commit). The Well-Architected Framework lens is always applied.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var properties: WorkloadPropertyOptions
        @Option(name: .customLong("lens"), help: ArgumentHelp("Another lens to apply (repeatable).", valueName: "alias"))
        var lenses: [String] = []
        @Option(help: "A profile the workload uses from the start (its latest version): its name, id or Welltree ARN.")
        var profile: String?
        @Option(help: "A review template to start from: its lenses, answers and notes (its name, id or Welltree ARN).")
        var template: String?
        @OptionGroup var format: FormatOptions

        func run(in workspace: Workspace, console: Console) throws {
            let stored = try workspace.createWorkload(properties.properties, lenses: lenses, profile: profile, template: template)
            switch format.format {
            case .json: console.write(jsonText(CreateWorkloadOutput(id: stored.workload.id)))
            case .text:
                console.line("Created workload \(stored.workload.name) (\(stored.workload.id))")
                console.line("Lenses: \(stored.workload.lenses.map(\.alias).joined(separator: ", "))")
                if let profile = stored.workload.profile { console.line("Profile: \(self.profile ?? profile.id), version \(profile.version)") }
            }
        }
    }
}
