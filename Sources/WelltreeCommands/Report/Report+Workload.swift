import ArgumentParser
import WelltreeCore
import WelltreePDF
import WelltreeReports
import WelltreeWorkspace

extension ReportCommand {
    /// The formats of a workload report.
    enum WorkloadFormat: String, ExpressibleByArgument, CaseIterable {
        case markdown, html, json, pdf

        init?(fileExtension: String) {
            switch fileExtension {
            case "md", "markdown": self = .markdown
            case "html", "htm": self = .html
            case "json": self = .json
            case "pdf": self = .pdf
            default: return nil
            }
        }
    }

    /// `welltree report W [--lens ALIAS] [--milestone M] [--format F] [--output FILE]`.
    struct Workload: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            commandName: "workload",
            abstract: "A workload's properties, risks per lens and pillar, every answer with its notes, and the improvement plan.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The workload: its name or id.", completion: .custom(Completions.workloads))
        var workload: String
        @Option(help: "Only this lens (its alias); default: every applied lens.")
        var lens: String?
        @Option(help: "Report on this milestone's recorded state (a tag, branch or commit for now).")
        var milestone: String?
        @Option(help: "markdown, html, json or pdf (default: from the --output file name, else markdown).")
        var format: WorkloadFormat?
        @OptionGroup var destination: ReportDestination

        func run(in workspace: Workspace, console: Console) throws {
            let model = try workspace.workloadReportModel(workload, lens: lens, milestone: milestone, generatedAt: isoNow())
            switch format ?? destination.fileExtension.flatMap(WorkloadFormat.init(fileExtension:)) ?? .markdown {
            case .markdown: try destination.write(Array(WorkloadReportMarkdown.render(model).utf8), global: global, console: console)
            case .html: try destination.write(Array(WorkloadReportHTML.render(model).utf8), global: global, console: console)
            case .json: try destination.write(Array(jsonText(WorkloadReportOutput(model)).utf8), global: global, console: console)
            case .pdf: try destination.write(WorkloadReportPDF.render(model), binary: true, global: global, console: console)
            }
        }
    }
}
