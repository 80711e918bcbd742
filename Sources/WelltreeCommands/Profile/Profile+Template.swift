import ArgumentParser
import WelltreeReports
import WelltreeWorkspace

extension ProfileCommand {
    /// `welltree profile template`: GetProfileTemplate.
    struct Template: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            commandName: "template",
            abstract: "Show the profile template: the questions a profile answers and their choices.",
            discussion: """
                The template is `profile-template.json` in the workspace: Welltree's own (only the first question's id \
                and title are the AWS tool's), edited like any workspace file.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var format: FormatOptions

        func run(in workspace: Workspace, console: Console) throws {
            try workspace.requireInitialised()
            let template = try workspace.profileTemplate()
            switch format.format {
            case .json: console.write(jsonText(GetProfileTemplateOutput(ProfileTemplateShape(template))))
            case .text: console.write(ProfileText.template(template))
            }
        }
    }
}
