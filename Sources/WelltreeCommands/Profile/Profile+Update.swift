import ArgumentParser
import WelltreeReports
import WelltreeWorkspace

extension ProfileCommand {
    /// `welltree profile update P [--description D] [--answer Q=C,...]`: UpdateProfile.
    struct Update: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            commandName: "update",
            abstract: "Change a profile's description or answers (owner only; one commit).",
            discussion: """
                Answers replace the choices of the questions named (QUESTION= clears one); the others keep theirs. \
                Changed answers publish the next version; workloads keep the version they use until \
                `welltree profile upgrade W`, and `welltree notifications` lists them meanwhile.
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The profile: its name (spaces and case ignored), id or Welltree ARN.")
        var profile: String
        @Option(help: "The new description: 3 to 100 characters.")
        var description: String?
        @OptionGroup var answers: ProfileAnswerOptions
        @OptionGroup var format: FormatOptions

        func run(in workspace: Workspace, console: Console) throws {
            let parsed = try answers.parsed()
            let (stored, published, changed) = try workspace.updateProfile(
                profile, description: description, answers: parsed.isEmpty ? nil : parsed)
            switch format.format {
            case .json:
                let latest = try workspace.profileVersion(stored)
                let shape = ProfileShape(stored.profile, version: latest.version, answers: latest.answers, template: try workspace.profileTemplate())
                console.write(jsonText(UpdateProfileOutput(shape)))
            case .text:
                if let published {
                    console.line("Updated profile \(stored.profile.name): published version \(published)")
                } else {
                    console.line("Profile \(stored.profile.name) \(changed ? "updated (description; no new version)" : "unchanged")")
                }
            }
        }
    }
}
