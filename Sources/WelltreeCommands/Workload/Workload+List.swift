import ArgumentParser
import WelltreeReports
import WelltreeWorkspace

extension WorkloadCommand {
    /// `welltree workload list`.
    struct List: WorkspaceCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List workloads with their risks.")

        @OptionGroup var global: GlobalOptions
        @Flag(help: "Only the workloads the acting principal owns.")
        var owned = false
        @Flag(help: "Only the workloads shared with the acting principal (an accepted share of theirs, their group's or account's).")
        var sharedWithMe = false
        @OptionGroup var format: FormatOptions

        func validate() throws {
            if owned && sharedWithMe { throw ValidationError("--owned and --shared-with-me exclude each other") }
        }

        func run(in workspace: Workspace, console: Console) throws {
            let read = try workspace.overviewsShowingProgress(on: console)
            var overviews = read.overviews
            if owned || sharedWithMe {
                let principal = try workspace.principal()
                let shared = sharedWithMe ? try workspace.workloadIdsSharedWithActingPrincipal() : []
                overviews = overviews.filter { owned ? $0.owner == principal : $0.owner != principal && shared.contains($0.id) }
            }
            var summaries = overviews.map(WorkloadSummaryShape.init)
            summaries.sortByName()
            switch format.format {
            case .json: console.write(jsonText(ListWorkloadsOutput(summaries)))
            case .text:
                if summaries.isEmpty && read.damaged.isEmpty {
                    console.write("No workloads yet. Define one with `welltree workload create`.\n")
                    return
                }
                // The console's workloads page: name, owner, questions answered, HRIs, MRIs,
                // improvement status, last update; the id last, for scripts.
                var table = TextTable(
                    ["NAME", "OWNER", "ANSWERED", "HRIS", "MRIS", "IMPROVEMENT STATUS", "UPDATED", "ID"],
                    alignments: [.left, .left, .right, .right, .right, .left, .left, .left])
                for s in summaries {
                    let answered = s.QuestionsAnswered.map { "\($0)/\(s.QuestionsTotal ?? 0)" } ?? "-"
                    table.add([
                        s.WorkloadName, s.Owner, answered, "\(s.RiskCounts?[.high] ?? 0)", "\(s.RiskCounts?[.medium] ?? 0)",
                        s.ImprovementStatus, s.UpdatedAt, s.WorkloadId,
                    ])
                }
                console.write(table.render())
            }
            try reportDamaged(read.damaged, leftOutOf: "list")
        }
    }
}
