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
        let cited = try workspace.evidenceListing(workload: workload, staleOnly: stale)
        console.write(format.format, json: ListEvidenceOutput(cited, prefix: workspace.prefix)) {
            EvidenceText.list(cited, stale: stale, allWorkloads: workload == nil)
        }
        if stale && !cited.isEmpty { throw ExitCode(1) }
    }
}
