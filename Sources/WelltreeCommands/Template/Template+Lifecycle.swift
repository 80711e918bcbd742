import ArgumentParser
import WelltreeCore
import WelltreeReports
import WelltreeWorkspace

extension TemplateCommand {
    /// `welltree template create --name N --description D [--notes T] [--lens L ...]`.
    struct Create: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "Create a review template (one commit). The Well-Architected Framework lens is always applied.",
            discussion: """
                The name is 3 to 100 characters, the description 3 to 250, both letters A-Z, digits, spaces and \
                - _ . , : / ( ) @ ! & ? # + ' (the API's TemplateName and TemplateDescription); names are unique \
                ignoring spaces and case. Each lens is pinned to its current version.
                """)

        @OptionGroup var global: GlobalOptions
        @Option(help: "The template's name.")
        var name: String
        @Option(help: "What the template is for.")
        var description: String
        @Option(help: "The template's own notes (at most 2084 characters).")
        var notes: String?
        @Option(name: .customLong("lens"), help: ArgumentHelp("Another lens to apply (repeatable).", valueName: "alias"))
        var lenses: [String] = []
        @OptionGroup var format: FormatOptions

        func run(in workspace: Workspace, console: Console) throws {
            let stored = try workspace.createTemplate(TemplateRequest(name: name, description: description, notes: notes, lenses: lenses))
            switch format.format {
            case .json: console.write(jsonText(CreateReviewTemplateOutput(id: stored.template.id)))
            case .text:
                console.line("Created review template \(TerminalText.line(stored.template.name)) (\(stored.template.id))")
                console.line("Lenses: \(stored.template.lenses.map { "\($0.alias) \($0.version)" }.joined(separator: ", "))")
            }
        }
    }

    /// `welltree template list`.
    struct List: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the review templates (deleted ones with --deleted).")

        @OptionGroup var global: GlobalOptions
        @Flag(help: "Include deleted templates.")
        var deleted = false
        @OptionGroup var format: FormatOptions

        func run(in workspace: Workspace, console: Console) throws {
            let templates = try workspace.templateListing(includingDeleted: deleted)
            let summaries = templates.map { ReviewTemplateSummaryShape($0.template, updateStatus: $0.status) }
            console.write(format.format, json: ListReviewTemplatesOutput(summaries)) { TemplateText.list(templates) }
        }
    }

    /// `welltree template show T`.
    struct Show: WorkspaceCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a review template and how much of each lens it answers.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: TemplateTarget
        @OptionGroup var format: FormatOptions

        func run(in workspace: Workspace, console: Console) throws {
            try workspace.requireInitialised()
            let stored = try workspace.findTemplate(target.template)
            switch format.format {
            case .json: console.write(jsonText(GetReviewTemplateOutput(try workspace.templateShape(stored))))
            case .text:
                console.write(TemplateText.show(
                    stored.template, status: try workspace.templateUpdateStatus(stored.template), lenses: try workspace.templateLensSummaries(stored)))
            }
        }
    }

    /// `welltree template update T [--name] [--description] [--notes] [--add-lens L] [--remove-lens L]`.
    struct Update: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            commandName: "update",
            abstract: "Change a review template's name, description, notes or lenses (one commit; none when nothing changes).",
            discussion: """
                wellarchitected cannot be removed; one update adds or removes at most 10 lenses. Removing a lens \
                removes the template's answers and notes for it. A change of lenses raises the template's version.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: TemplateTarget
        @Option(help: "A new name.")
        var name: String?
        @Option(help: "A new description.")
        var description: String?
        @Option(help: "New notes (empty removes them).")
        var notes: String?
        @Option(name: .customLong("add-lens"), help: ArgumentHelp("A lens to apply (repeatable).", valueName: "alias"))
        var addLenses: [String] = []
        @Option(name: .customLong("remove-lens"), help: ArgumentHelp("A lens to remove (repeatable).", valueName: "alias"))
        var removeLenses: [String] = []
        @OptionGroup var format: FormatOptions

        func run(in workspace: Workspace, console: Console) throws {
            let change = TemplateChange(name: name, description: description, notes: notes, addLenses: addLenses, removeLenses: removeLenses)
            let (stored, changed) = try workspace.updateTemplate(target.template, change)
            switch format.format {
            case .json: console.write(jsonText(UpdateReviewTemplateOutput(try workspace.templateShape(stored))))
            case .text:
                console.line("Review template \(TerminalText.line(stored.template.name)) \(changed ? "updated" : "unchanged") (version \(stored.template.version))")
            }
        }
    }

    /// `welltree template delete T`.
    struct Delete: WorkspaceCommand, TextOnlyCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete",
            abstract: "Delete a review template (one commit): no new workload can start from it.",
            discussion: "Its files stay, for the workloads created from it; they keep their answers.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: TemplateTarget
        @OptionGroup var format: TextFormatOptions
        static let jsonInstead = "welltree template list --deleted --format json"

        func run(in workspace: Workspace, console: Console) throws {
            let stored = try workspace.deleteTemplate(target.template)
            console.line("Deleted review template \(TerminalText.line(stored.template.name)) (\(stored.template.id))")
        }
    }
}
