import ArgumentParser
import WelltreeCore
import WelltreeReports
import WelltreeWorkspace

/// `welltree audit [W]`: who the server let push each change, from the record its hook keeps.
struct AuditCommand: WorkspaceCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Show who the server let push each change (the record its hook keeps on refs/welltree/audit).",
        discussion: """
            git log says what changed and whom the commits name; the audit record says which \
            principal the server authenticated for each accepted push, with every reference it moved \
            (old and new id) and the time. Fetch the record first: \
            git fetch origin 'refs/welltree/*:refs/welltree/*'. A reference value no recorded push \
            set (from before the hook was installed, or changed on the server without it) is listed \
            after the pushes.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(
        help: "A workload: its name or id (the id of a deleted one too). Without it, every push.",
        completion: .custom(Completions.workloads))
    var workload: String?
    @Option(help: ArgumentHelp("Only pushes at or after this UTC date or time: 2026-11-27 or 2026-11-27T11:05:36Z.", valueName: "date"))
    var since: String?
    @OptionGroup var format: FormatOptions

    /// `since` in seconds since 1970.
    private var sinceSeconds: Int64? {
        guard let since else { return nil }
        return ISOTime.seconds(since.count == 10 ? since + "T00:00:00Z" : since)
    }

    func validate() throws {
        if since != nil && sinceSeconds == nil {
            throw ValidationError("--since: \"\(since!)\" is no UTC date or time (2026-11-27 or 2026-11-27T11:05:36Z)")
        }
    }

    func run(in workspace: Workspace, console: Console) throws {
        let selection = try workspace.auditSelection(workload: workload, since: sinceSeconds)
        console.write(format.format, json: AuditOutput(entries: selection.pushes.map { ($0.commit.hex, $0.entry) }, unrecorded: selection.unrecorded)) {
            auditText(selection.pushes.map(\.entry), unrecorded: selection.unrecorded)
        }
    }
}
