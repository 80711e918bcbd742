import ArgumentParser
import WelltreeCore
import WelltreeReports
import WelltreeWorkspace

extension TemplateCommand {
    /// `welltree template notes T [--lens L] [--notes TEXT] [--pillar-notes P=TEXT ...]`:
    /// GetReviewTemplateLensReview without changes, UpdateReviewTemplateLensReview with them.
    struct Notes: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            commandName: "notes",
            abstract: "Show a template lens's review, or set its lens and pillar notes (one commit that raises its version).",
            discussion: """
                The notes are copied onto every workload created from the template. Each is at most 2084 \
                characters; an empty text removes it. Without --notes or --pillar-notes the lens review is shown.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: TemplateAnswerTarget
        @Option(help: "The lens notes (empty removes them).")
        var notes: String?
        @Option(name: .customLong("pillar-notes"), help: ArgumentHelp("The notes of one pillar (repeatable).", valueName: "pillar=text"))
        var pillarNotes: [String] = []
        @OptionGroup var format: FormatOptions

        func run(in workspace: Workspace, console: Console) throws {
            var pillars: [String: String] = [:]
            var violations: [Violation] = []
            for text in pillarNotes {
                guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
                    violations.append(Violation(field: "--pillar-notes", value: text, rule: "must be PILLAR=TEXT"))
                    continue
                }
                let id = String(text[..<equals])
                if pillars[id] != nil { violations.append(Violation(field: "--pillar-notes", value: id, rule: "is given more than once")) }
                pillars[id] = String(text[text.index(after: equals)...])
            }
            if !violations.isEmpty { throw WelltreeCore.ValidationError(violations) }
            let stored: StoredTemplate
            let lens: TemplateLens
            var changed = false
            if notes == nil && pillars.isEmpty {
                try workspace.requireInitialised()
                stored = try workspace.findTemplate(target.template)
                lens = try workspace.templateLens(stored, alias: target.lens)
            } else {
                (stored, lens, changed) = try workspace.updateTemplateNotes(target.template, lens: target.lens, notes: notes, pillarNotes: pillars)
            }
            let isUpdate = notes != nil || !pillars.isEmpty
            switch format.format {
            case .json:
                let shape = workspace.templateLensReviewShape(lens)
                if isUpdate {
                    console.write(jsonText(UpdateReviewTemplateLensReviewOutput(templateId: stored.template.id, review: shape)))
                } else {
                    console.write(jsonText(GetReviewTemplateLensReviewOutput(templateId: stored.template.id, review: shape)))
                }
            case .text:
                if isUpdate {
                    console.line(
                        "Notes of template \(TerminalText.line(stored.template.name)) (\(lens.applied.alias)) \(changed ? "updated (version \(stored.template.version))" : "unchanged")")
                    return
                }
                console.write(TemplateText.lensNotes(templateName: stored.template.name, alias: lens.applied.alias, version: lens.lens.version, review: lens.review))
            }
        }
    }
}
