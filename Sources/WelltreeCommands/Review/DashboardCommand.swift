import Foundation
import ArgumentParser
import WelltreeCore
import WelltreeReports
import WelltreeWorkspace

/// `welltree dashboard`: every workload's risks at a glance.
struct DashboardCommand: ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "All workloads: questions answered, HRIs, MRIs, improvement status, last update.",
        discussion: """
            When answers cite evidence that changed or disappeared since they were confirmed, a STALE \
            EVIDENCE column counts those answers per workload (StaleEvidenceAnswers in JSON); \
            `welltree evidence --stale` lists them.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only workloads with risks of this level: high or medium.")
    var risk: RiskLevel?
    @Option(help: "Output format: text for people, json in the AWS API's response shapes, html for a browser.")
    var format: DashboardFormat = .text

    /// A `ConsoleCommand` that opens the workspace itself: the workspace (and with it the
    /// repository and its mapped pack files) is released before the output is built, so the two
    /// never count towards peak memory together.
    func run(_ console: Console) throws {
        let (read, stale) = try { () throws(WorkspaceError) in
            let workspace = try global.workspace(console)
            let read = try console.overviews(of: workspace)
            return (read, try workspace.staleEvidenceAnswers(read))
        }()
        var dashboard = DashboardOutput(Dashboard(read.overviews, onlyWithRisk: risk?.risk))
        dashboard.countStaleEvidence(stale)
        switch format {
        case .json: console.write(jsonText(dashboard))
        case .text: console.write(ReviewText.dashboard(dashboard.WorkloadSummaries, totals: dashboard.Totals))
        case .html: console.write(DashboardHTML.dashboard(dashboard.WorkloadSummaries, totals: dashboard.Totals, generatedAt: isoNow()))
        }
        try reportDamaged(read.damaged, leftOutOf: "dashboard")
    }
}

/// The dashboard's formats: the shared text and JSON, plus a page for a browser.
enum DashboardFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, html
}

/// `welltree config pillar-priority P1,P2,...`.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Workspace settings.",
        subcommands: [PillarPriority.self])

    struct PillarPriority: WorkspaceCommand, TextOnlyCommand {
        static let configuration = CommandConfiguration(
            commandName: "pillar-priority",
            abstract: "Show or set the order in which improvement plans list pillars (one commit).")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var format: TextFormatOptions
        static let jsonInstead = "welltree workload show WORKLOAD --format json"
        @Argument(help: "Pillar ids, comma separated (omit to show the current order).")
        var pillars: String?

        func run(in workspace: Workspace, console: Console) throws {
            guard let pillars else {
                console.line(try workspace.settings().pillarPriority.joined(separator: ","))
                return
            }
            let order = pillars.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let changed = try workspace.setPillarPriority(order)
            console.line(changed ? "Pillar priority: \(order.joined(separator: ", "))" : "Pillar priority unchanged")
        }
    }
}
