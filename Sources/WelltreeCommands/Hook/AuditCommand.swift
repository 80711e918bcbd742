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
        var workloadId: String?
        if let workload {
            do {
                workloadId = try workspace.findWorkload(workload).workload.id
            } catch {
                guard case WorkspaceError.notFound = error, Workload.isValidID(workload) else { throw error }
                workloadId = workload
            }
        }
        let store = try AuditStore(repository: workspace.repository)
        guard store.tip != nil else {
            throw WorkspaceError.notFound(
                what: "audit record", name: AuditStore.reference,
                hint: "fetch it from a server with the Welltree hook: git fetch origin 'refs/welltree/*:refs/welltree/*'")
        }
        let recorded = try store.entries()
        let all = recorded.map(\.entry)
        let selected = AuditLog.select(all, workloadId: workloadId, since: sinceSeconds)
        let references = workloadId == nil ? nil : Set(selected.flatMap { $0.updates.map(\.reference) })
        let unrecorded = AuditLog.unrecorded(in: all, references: references)
        switch format.format {
        case .json:
            let commits = recorded.compactMap { item -> (commit: String, entry: AuditEntry)? in
                guard let kept = AuditLog.select([item.entry], workloadId: workloadId, since: sinceSeconds).first else { return nil }
                return (item.commit.hex, kept)
            }
            console.write(jsonText(AuditOutput(entries: commits, unrecorded: unrecorded)))
        case .text:
            console.write(auditText(selected, unrecorded: unrecorded))
        }
    }
}
