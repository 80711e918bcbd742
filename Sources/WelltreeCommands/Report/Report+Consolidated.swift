import ArgumentParser
import WelltreePDF
import WelltreeReports
import WelltreeWorkspace

extension ReportCommand {
    /// The formats of the consolidated report.
    enum ConsolidatedFormat: String, ExpressibleByArgument, CaseIterable {
        case markdown, html, json, pdf
    }

    /// `welltree report consolidated [--format markdown|html|json|pdf] [--output FILE]`.
    struct Consolidated: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            commandName: "consolidated",
            abstract: "Every workload: the dashboard as a document, with risks per lens, pillar and question.",
            discussion: "JSON output has GetConsolidatedReport's shape (Format=JSON); PDF is the document the console downloads.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "markdown, html, json or pdf (default: from the --output file name, else markdown).")
        var format: ConsolidatedFormat?
        @OptionGroup var destination: ReportDestination

        func run(in workspace: Workspace, console: Console) throws {
            let inferred = destination.fileExtension.flatMap { WorkloadFormat(fileExtension: $0) }
                .flatMap { ConsolidatedFormat(rawValue: $0.rawValue) }
            let (model, damaged) = try workspace.consolidatedReportModel(generatedAt: isoNow())
            switch format ?? inferred ?? .markdown {
            case .markdown: try destination.write(Array(ConsolidatedReportMarkdown.render(model).utf8), global: global, console: console)
            case .html: try destination.write(Array(DashboardHTML.consolidated(model).utf8), global: global, console: console)
            case .json: try destination.write(Array(jsonText(GetConsolidatedReportOutput(model)).utf8), global: global, console: console)
            case .pdf: try destination.write(ConsolidatedReportPDF.render(model), binary: true, global: global, console: console)
            }
            try reportDamaged(damaged, leftOutOf: "report")
        }
    }
}
