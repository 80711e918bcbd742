import ArgumentParser
import WelltreeCore
import WelltreeReports
import WelltreeWorkspace

extension TemplateCommand {
    /// `welltree template upgrade T [--lens L]`: UpgradeReviewTemplateLensReview.
    struct Upgrade: WorkspaceCommand, TextOnlyCommand {
        static let configuration = CommandConfiguration(
            commandName: "upgrade",
            abstract: "Move a template's lens to its current version (one commit that raises the template's version).",
            discussion: """
                Without --lens every lens whose UpdateStatus is LENS_NOT_CURRENT is upgraded. Answers to questions \
                the new version keeps are kept, selections of removed choices dropped, as a workload's lens upgrade does.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: TemplateTarget
        @Option(help: "The lens alias (default: every lens that is not current).", completion: .custom(Completions.lenses))
        var lens: String?
        @OptionGroup var format: TextFormatOptions
        static let jsonInstead = "welltree template show T --format json"

        func run(in workspace: Workspace, console: Console) throws {
            let outcome = try workspace.upgradeTemplate(target.template, lens: lens)
            for lens in outcome.lenses {
                console.line(
                    "Upgraded lens \(lens.alias) of template \(TerminalText.line(outcome.template.template.name)) from \(lens.from) to \(lens.to): "
                        + "\(lens.upgrade.answers.count) answers kept, \(lens.upgrade.removedAnswers.count) removed")
            }
            console.line("Template version \(outcome.template.template.version)")
        }
    }

    /// `welltree template status T [--workloads W ...]`.
    struct Status: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "Show where the workloads created from a template stand against its answers now (Welltree's own).",
            discussion: """
                For each question of a lens both apply, a workload's answer is CURRENT (the template's answer now), \
                OUTDATED (an answer the template held since the workload's template version: nobody on the workload \
                changed it; `template apply` proposes the new one) or OVERRIDDEN (the workload's reviewers answered it \
                themselves; never touched). Exit 2 when the history cannot show a workload's template version.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: TemplateTarget
        @Option(parsing: .upToNextOption, help: "Only these workloads (names or ids).")
        var workloads: [String] = []
        @OptionGroup var format: FormatOptions

        func run(in workspace: Workspace, console: Console) throws {
            let (stored, compared) = try workspace.templateStatus(target.template, only: workloads.isEmpty ? nil : workloads)
            let shapes = compared.map {
                TemplateWorkloadStatusShape(
                    workloadId: $0.workload.workload.id, workloadName: $0.workload.workload.name, reference: $0.reference,
                    comparisons: $0.lenses.map { ($0.alias, $0.comparisons) }, notes: $0.lenses.map { ($0.alias, $0.notes) })
            }
            console.write(format.format, json: TemplateStatusOutput(stored.template, workloads: shapes)) {
                TemplateText.status(stored.template, workloads: shapes)
            }
        }
    }

    /// `welltree template apply T --workloads W ...`.
    struct Apply: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            commandName: "apply",
            abstract: "Propose a template's current answers to workloads that never overrode them (one commit; Welltree's own).",
            discussion: """
                Writes the template's current answer into every OUTDATED question of the workloads named (see \
                `template status`), as one commit a pull request can carry. OVERRIDDEN answers are never touched; an \
                OUTDATED answer the workload's lens version cannot take is skipped with the reason.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: TemplateTarget
        @Option(parsing: .upToNextOption, help: "The workloads (names or ids), each created from the template.")
        var workloads: [String]
        @OptionGroup var format: FormatOptions

        func run(in workspace: Workspace, console: Console) throws {
            let outcome = try workspace.applyTemplate(target.template, workloads: workloads)
            let template = try workspace.findTemplate(target.template).template
            let shapes = outcome.compared.map {
                TemplateApplyWorkloadShape(
                    workloadId: $0.workload.workload.id, workloadName: $0.workload.workload.name, reference: $0.reference,
                    written: outcome.written[$0.workload.workload.id] ?? [], comparisons: $0.lenses.map { ($0.alias, $0.comparisons) },
                    notesWritten: outcome.notesWritten[$0.workload.workload.id] ?? [], notes: $0.lenses.map { ($0.alias, $0.notes) })
            }
            console.write(format.format, json: TemplateApplyOutput(template, committed: outcome.committed, workloads: shapes)) {
                TemplateText.applied(shapes, committed: outcome.committed)
            }
        }
    }
}
