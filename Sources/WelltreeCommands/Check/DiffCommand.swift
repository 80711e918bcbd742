import ArgumentParser
import WelltreeCore
import WelltreeReports
import WelltreeWorkspace

/// `welltree diff [BASE [HEAD]]`: what changed between two states, in reviewer terms.
struct DiffCommand: WorkspaceCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "What changed between two states of the workspace: workloads, answers, lenses and risks.",
        discussion: """
            BASE defaults to HEAD and HEAD to the work tree (uncommitted changes included); both accept \
            any revision git does (main, origin/main, HEAD~3, a commit id). Only the workloads whose files \
            differ are read. Answers whose cited evidence the change modifies, moves or deletes are listed \
            after the risks. --format markdown is ready to post as a pull-request comment.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, json
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The state to compare from (default: HEAD).")
    var base: String?
    @Argument(help: "The state to compare to (default: the work tree).")
    var head: String?
    @Option(help: "Output format: text, markdown or json.")
    var format: Format = .text

    func run(in workspace: Workspace, console: Console) throws {
        let baseState = WorkspaceState.revision(base ?? "HEAD")
        let headState: WorkspaceState = head.map { .revision($0) } ?? .workTree
        let comparison = WorkspaceComparison(base: try workspace.snapshot(baseState), head: try workspace.snapshot(headState))
        let diff = try comparison.compare(baseLabel: baseState.label, headLabel: headState.label).diff
        var evidence = try comparison.evidenceFindings(failing: [])
        for index in evidence.indices { evidence[index].answerFile = workspace.prefix + evidence[index].answerFile }
        switch format {
        case .text: console.write(DiffText.render(diff) + DiffText.evidence(evidence))
        case .markdown: console.write(DiffMarkdown.render(diff) + CheckText.evidenceMarkdown(evidence))
        case .json: console.write(jsonText(DiffOutput(diff: diff, evidence: evidence)))
        }
    }
}
