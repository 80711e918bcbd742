import ArgumentParser
import WelltreeCore
import WelltreeReports
import WelltreeWorkspace

/// `welltree evidence [W]`: every citation of the answers with its state.
struct EvidenceCommand: WorkspaceCommand {
    static let configuration = CommandConfiguration(
        commandName: "evidence",
        abstract: "List the evidence answers cite: current, changed since confirmed, or missing.",
        discussion: """
            A cited path is current when it has the object id recorded when the answer was last confirmed, \
            changed when it has another, missing when nothing is at the path in the current commit. URLs are \
            listed, not fetched. `welltree answer confirm W QUESTION` records the current state after a \
            reviewer looked. With --stale only changed and missing citations are listed, and the exit status \
            is 1 when there are any.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Only this workload: its name (spaces and case ignored) or its id.", completion: .custom(Completions.workloads))
    var workload: String?
    @Flag(help: "Only citations that are changed or missing; exit 1 when there are any.")
    var stale = false
    @OptionGroup var format: FormatOptions

    func run(in workspace: Workspace, console: Console) throws {
        try workspace.requireInitialised()
        var cited: [CitedEvidence]
        if let workload {
            cited = try workspace.citations(of: try workspace.findWorkload(workload))
        } else {
            cited = try workspace.allCitations()
        }
        cited.sort { ($0.workloadName.lowercased(), $0.workloadId, $0.lens, $0.questionId) < ($1.workloadName.lowercased(), $1.workloadId, $1.lens, $1.questionId) }
        if stale { cited = cited.filter(\.state.isStale) }
        switch format.format {
        case .json:
            console.write(jsonText(ListEvidenceOutput(cited, prefix: workspace.prefix)))
        case .text:
            if cited.isEmpty {
                console.line(stale ? "No stale evidence." : "No answer cites evidence.")
            } else {
                console.write(EvidenceText.table(cited, showing: workload == nil ? [.workload, .lens, .question, .choice] : [.lens, .question, .choice]))
            }
        }
        if stale && !cited.isEmpty { throw ExitCode(1) }
    }
}
