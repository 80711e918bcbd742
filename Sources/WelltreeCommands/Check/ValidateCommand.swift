import ArgumentParser
import WelltreeCore
import WelltreeWorkspace

/// `welltree validate`: checks workspace files with precise errors (what the pre-commit hook runs).
struct ValidateCommand: ConsoleCommand, TextOnlyCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check every workspace file of the work tree, the index or a revision; exit 2 listing every problem.",
        discussion: """
            Files are checked against their formats (JSON syntax, workload limits, lens format) and against \
            each other (answers against their lens's questions and choices). --changed checks only the files \
            that differ from HEAD (the pre-commit hook runs `welltree validate --staged --changed`).
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var format: TextFormatOptions
    static let jsonInstead = "welltree check --format json"
    @Flag(help: "Check what is staged (the next commit) instead of the work tree.")
    var staged = false
    @Option(help: "Check the files of this revision instead of the work tree.")
    var revision: String?
    @Flag(help: "Only the files that differ from HEAD.")
    var changed = false

    func validate() throws {
        if staged && revision != nil { throw ValidationError("--staged and --revision exclude each other") }
    }

    /// A `ConsoleCommand` rather than a `WorkspaceCommand`: the state checked (the index, a
    /// revision) must hold a workspace, HEAD need not.
    func run(_ console: Console) throws {
        let workspace = try Workspace(at: global.path(console))
        let state: WorkspaceState = revision.map { .revision($0) } ?? (staged ? .index : .workTree)
        let snapshot = try workspace.snapshot(state)
        try snapshot.requireInitialised()
        var only: Set<String>?
        if changed {
            let deltas = try workspace.changedFiles(to: snapshot)
            only = WorkspaceValidator.pathsToCheck(deltas)
        }
        var validator = WorkspaceValidator(snapshot)
        // The state the changed files are compared with decides which ids and names arrived.
        let problems = try validator.validate(only: only, reference: only == nil ? nil : workspace)
        for warning in validator.warnings { console.diagnostic("\(warning.place): warning: \(warning.message)") }
        if problems.isEmpty {
            console.diagnostic("welltree: \(only.map { "\($0.count) changed file(s)" } ?? "workspace files") of the \(state.label) valid")
            return
        }
        // Each problem reads `path[:line:column]: error: message`, as compilers print them.
        for problem in problems { console.diagnostic(problem.description) }
        throw ExitCode(2)
    }
}
