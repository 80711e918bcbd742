import ArgumentParser
import WelltreeCore
import WelltreeReports
import WelltreeWorkspace

extension LensCommand {
    /// `welltree lens notes W ALIAS [--pillar P] --notes TEXT`: UpdateLensReview.
    struct Notes: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            commandName: "notes",
            abstract: "Set the notes of a workload's lens review, or of one of its pillars (one commit).",
            discussion: """
                The notes are shown by `status`. An empty --notes removes them. The owner and CONTRIBUTOR shares \
                may change them, as answers.
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The workload: its name (spaces and case ignored) or its id.", completion: .custom(Completions.workloads))
        var workload: String
        @Argument(help: "The lens alias.", completion: .custom(Completions.lenses))
        var alias: String
        @Option(help: "The notes of this pillar (its id) instead of the lens's.")
        var pillar: String?
        @Option(help: "The notes (at most 2084 characters; empty removes them).")
        var notes: String
        @OptionGroup var format: FormatOptions

        func run(in workspace: Workspace, console: Console) throws {
            let (stored, notes, changed) = try workspace.updateLensNotes(workload, lens: alias, pillar: pillar, notes: self.notes)
            switch format.format {
            case .json:
                console.write(jsonText(UpdateLensReviewOutput(try workspace.lensReviewState(of: stored, lens: alias), notes: notes)))
            case .text:
                let what = pillar.map { "Notes of pillar \($0)" } ?? "Lens notes"
                console.line("\(what) of \(stored.workload.name) (\(alias)) \(changed ? "updated" : "unchanged")")
            }
        }
    }
}
