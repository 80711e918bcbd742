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
            var summaries: [LensSummaryShape] = []
            let principal = try workspace.principal()
            for record in try workspace.allLensRecords() {
                let lens = record.currentVersion == nil ? nil : try workspace.loadLens(record.alias).lens
                // As the service lists them: a custom lens is CUSTOM_SELF to its owner and
                // CUSTOM_SHARED to everyone else.
                var seen = record
                if record.type != .awsOfficial { seen.type = record.owner == principal ? .customSelf : .customShared }
                summaries.append(LensSummaryShape(record: seen, description: lens?.description, questionCount: lens?.questionCount))
            }
            switch format.format {
            case .json: console.write(jsonText(ListLensesOutput(summaries)))
            case .text:
                var table = TextTable(["ALIAS", "NAME", "TYPE", "VERSION", "QUESTIONS", "STATUS"],
                                      alignments: [.left, .left, .left, .left, .right, .left])
                for s in summaries {
                    let status = s.LensStatus == "DELETED" ? "deleted" : (s.IsDraft ? "draft" : "published")
                    table.add([s.LensAlias, s.LensName, s.LensType, s.LensVersion ?? "-", s.QuestionCount.map(String.init) ?? "-", status])
                }
                console.write(table.render())
            }
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
            switch format.format {
            case .json:
                console.write(jsonText(GetLensOutput(LensShape(record: record, version: lens?.version, lens: lens?.lens))))
            case .text:
                var pairs: [(String, String)] = [
                    ("Alias", TerminalText.line(record.alias)), ("Name", TerminalText.line(record.name)),
                    ("Type", record.type.rawValue), ("Owner", TerminalText.line(record.owner)),
                    ("Versions", TerminalText.line(record.versions.map { "\($0.version)\($0.isMajor ? " (major)" : "")" }.joined(separator: ", "))),
                ]
                if record.deletedAt != nil { pairs.append(("Status", "deleted")) }
                if let lens {
                    pairs.append(("Shown version", TerminalText.line(lens.version)))
                    pairs.append(("Description", lens.lens.description))
                }
                console.write(keyValueLines(pairs))
                if let lens {
                    for pillar in lens.lens.pillars {
                        console.write("\n")
                        console.line("\(pillar.name) (\(pillar.id))")
                        for question in pillar.questions {
                            console.line("  \(question.id)  \(question.title)  [\(question.choices.count) best practices]")
                        }
                    }
                }
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
