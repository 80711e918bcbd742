import ArgumentParser
import WelltreeReports
import WelltreeWorkspace

extension ProfileCommand {
    /// `welltree profile show P [--version V]`: GetProfile.
    struct Show: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show a profile: its record and the choices a version selects (the latest by default).")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The profile: its name (spaces and case ignored), id or Welltree ARN.")
        var profile: String
        @Option(help: "A published version to show instead of the latest.")
        var version: String?
        @OptionGroup var format: FormatOptions

        func run(in workspace: Workspace, console: Console) throws {
            try workspace.requireInitialised()
            let stored = try workspace.findProfile(profile)
            let shown = try workspace.profileVersion(stored, version: version)
            let template = try workspace.profileTemplate()
            switch format.format {
            case .json:
                let shape = ProfileShape(stored.profile, version: shown.version, answers: shown.answers, template: template)
                console.write(jsonText(GetProfileOutput(shape)))
            case .text:
                let users = try workspace.allWorkloads().compactMap { w in
                    w.workload.profile?.id == stored.profile.id ? "\(w.workload.name) (version \(w.workload.profile?.version ?? ""))" : nil
                }
                console.write(ProfileText.profile(stored.profile, version: shown.version, answers: shown.answers, template: template, workloads: users))
            }
        }
    }
}
