import ArgumentParser
import WelltreeCore
import WelltreeReports
import WelltreeWorkspace

extension LensCommand {
    /// `welltree lens list`.
    struct List: WorkspaceCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the lenses of the workspace.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var format: FormatOptions

        func run(in workspace: Workspace, console: Console) throws {
            let summaries = try workspace.lensListing().map {
                LensSummaryShape(record: $0.record, description: $0.lens?.description, questionCount: $0.lens?.questionCount)
            }
            console.write(format.format, json: ListLensesOutput(summaries)) { LensText.list(summaries) }
        }
    }

    /// `welltree lens show ALIAS`.
    struct Show: WorkspaceCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a lens: versions, pillars and questions.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The lens alias.", completion: .custom(Completions.lenses))
        var alias: String
        @Option(help: "The version (default: the current one).")
        var version: String?
        @OptionGroup var format: FormatOptions

        func run(in workspace: Workspace, console: Console) throws {
            let record = try workspace.requireLensRecord(alias)
            // A version asked for is loaded even for a draft-only lens, which refuses it by name.
            let lens = record.currentVersion == nil && version == nil ? nil : try workspace.loadLens(alias, version: version)
            console.write(format.format, json: GetLensOutput(LensShape(record: record, version: lens?.version, lens: lens?.lens))) {
                LensText.show(record, version: lens?.version, lens: lens?.lens)
            }
        }
    }

    /// `welltree lens associate W ALIAS...`.
    struct Associate: WorkspaceCommand, TextOnlyCommand {
        static let configuration = CommandConfiguration(
            commandName: "associate",
            abstract: "Apply lenses to a workload (at most 20); answers kept from an earlier association return.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var format: TextFormatOptions
        static let jsonInstead = "welltree lens reviews WORKLOAD --format json"
        @Argument(help: "The workload: its name or its id.", completion: .custom(Completions.workloads))
        var workload: String
        @Argument(help: "Lens aliases.", completion: .custom(Completions.lenses))
        var aliases: [String]

        func run(in workspace: Workspace, console: Console) throws {
            printLenses(of: try workspace.associateLenses(workload, aliases: aliases), console)
        }
    }

    /// `welltree lens disassociate W ALIAS...`.
    struct Disassociate: WorkspaceCommand, TextOnlyCommand {
        static let configuration = CommandConfiguration(
            commandName: "disassociate",
            abstract: "Remove lenses from a workload; their answers are kept for a later return.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var format: TextFormatOptions
        static let jsonInstead = "welltree lens reviews WORKLOAD --format json"
        @Argument(help: "The workload: its name or its id.", completion: .custom(Completions.workloads))
        var workload: String
        @Argument(help: "Lens aliases.", completion: .custom(Completions.lenses))
        var aliases: [String]

        func run(in workspace: Workspace, console: Console) throws {
            printLenses(of: try workspace.disassociateLenses(workload, aliases: aliases), console)
        }
    }
}

/// The line `lens associate` and `lens disassociate` end with.
private func printLenses(of stored: StoredWorkload, _ console: Console) {
    console.line("Lenses of \(stored.workload.name): \(stored.workload.lenses.map(\.alias).joined(separator: ", "))")
}
