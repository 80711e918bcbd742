import ArgumentParser
import WelltreeReports
import WelltreeWorkspace

extension ProfileCommand {
    /// `welltree profile create`: CreateProfile.
    struct Create: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "Create a profile and publish its version 1 (one commit).",
            discussion: """
                Every question of the profile template must be answered with between its minimum and maximum number \
                of choices; every broken rule is listed and nothing is written.
                """)

        @OptionGroup var global: GlobalOptions
        @Option(help: "The name: 3 to 100 characters, unique among the profiles.")
        var name: String
        @Option(help: "The description: 3 to 100 characters.")
        var description: String
        @OptionGroup var answers: ProfileAnswerOptions
        @OptionGroup var format: FormatOptions

        func run(in workspace: Workspace, console: Console) throws {
            let (stored, _) = try workspace.createProfile(name: name, description: description, answers: try answers.parsed())
            switch format.format {
            case .json: console.write(jsonText(CreateProfileOutput(id: stored.profile.id, version: "1")))
            case .text: console.line("Created profile \(stored.profile.name) (\(stored.profile.id)), version 1")
            }
        }
    }
}
