import ArgumentParser
import WelltreeWorkspace

/// `welltree init [DIR]`.
struct InitCommand: ConsoleCommand, TextOnlyCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a review repository, or make an existing git repository one.",
        discussion: """
            Lays down welltree.json, the built-in lenses, a README for reviewers and .gitattributes, in one commit. \
            In a repository written before workloads were sharded, first moves every workload directory unchanged \
            into workloads/<first two characters>/ (one commit of its own); in one written before the evidence index, \
            builds it (one commit of its own, settings format 3), and repairs an index that hand edits left incomplete. \
            Running it again changes nothing. \
            DIR inside an existing repository (at most two directories below its root) becomes that repository's \
            workspace, beside its code, with no repository of its own; a repository holds one workspace.
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var format: TextFormatOptions
    static let jsonInstead = "welltree validate"
    @Argument(help: "The directory (default: the current one).")
    var directory: String?

    func run(_ console: Console) throws {
        let template = try WorkspaceTemplate.locate(environment: console.environment)
        let target = global.file(directory ?? ".", console)
        let (workspace, committed, sharded, indexed) = try Workspace.initialize(at: target, template: template)
        let root = workspace.workspaceRoot ?? target
        if let sharded {
            console.write("Moved \(sharded) workload\(sharded == 1 ? "" : "s") into shards (workloads/<first two characters>/<dir>) in one commit\n")
        }
        if let indexed {
            let markers = "\(indexed.written) marker\(indexed.written == 1 ? "" : "s")"
            console.write(
                indexed.upgraded
                    ? "Built the evidence index (\(markers)) and recorded settings format \(Workspace.evidenceIndexFormat) in one commit\n"
                    : "Repaired the evidence index (\(markers) written, \(indexed.removed) removed) in one commit\n")
        }
        console.write(committed ? "Initialised Welltree workspace in \(root)\n" : "Welltree workspace in \(root) is up to date\n")
        if !workspace.prefix.isEmpty, committed {
            console.write(
                "The CI gate's files belong at the repository's root: copy .github/workflows/welltree.yml or .gitlab-ci.yml "
                    + "from \(template.root) there (they find the workspace from the root)\n")
        }
    }
}
