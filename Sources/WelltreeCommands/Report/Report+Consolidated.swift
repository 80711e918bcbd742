import ArgumentParser
import WelltreeReports
import WelltreeWorkspace

extension ReportCommand {
    /// The formats of the consolidated report.
    enum ConsolidatedFormat: String, ExpressibleByArgument, CaseIterable {
        case markdown, html, json
    }

    /// `welltree report consolidated [--format html|json|markdown] [--output FILE]`.
    struct Consolidated: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "consolidated",
            abstract: "Every workload: the dashboard as a document, with risks per lens, pillar and question.",
            discussion: "JSON output has GetConsolidatedReport's shape (Format=JSON).")

        @OptionGroup var global: GlobalOptions
        @Option(help: "markdown, html or json (default: from the --output file name, else markdown).")
        var format: ConsolidatedFormat?
        @OptionGroup var destination: ReportDestination

        func run() throws {
            try perform {
                let named = destination.fileExtension.flatMap { WorkloadFormat(fileExtension: $0) }
                if format == nil, named == .pdf {
                    throw WorkspaceError.refused("the consolidated report is markdown, html or json, not pdf")
                }
                let inferred = named.flatMap { ConsolidatedFormat(rawValue: $0.rawValue) }
                let model = try global.workspace().consolidatedReportModel(generatedAt: isoNow())
                let text = switch format ?? inferred ?? .markdown {
                case .markdown: ConsolidatedReportMarkdown.render(model)
                case .html: DashboardHTML.consolidated(model)
                case .json: jsonText(GetConsolidatedReportOutput(model))
                }
                try destination.write(Array(text.utf8))
            }
        }
    }
}
