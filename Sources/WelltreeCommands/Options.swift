import ArgumentParser
import WelltreeWorkspace

/// Options every command takes.
package struct GlobalOptions: ParsableArguments {
    @Option(name: .customShort("C"), help: ArgumentHelp("Run as if started in <dir>, like git -C.", valueName: "dir"))
    package var directory: String?

    package init() {}

    /// The directory the command works in: `-C DIR` (relative to the console's working
    /// directory), else the working directory itself.
    package func path(_ console: Console) -> String {
        console.resolve(directory ?? ".")
    }

    /// A path named on the command line (a lens file, `--output FILE`): as with `git -C`, a
    /// relative path starts from `-C DIR` when one is given.
    package func file(_ path: String, _ console: Console) -> String {
        guard let directory, !path.hasPrefix("/") else { return console.resolve(path) }
        return console.resolve(directory) + "/" + path
    }

    /// Opens the workspace that contains the working directory, acting as the principal the
    /// console's environment names (`WELLTREE_PRINCIPAL`), if any.
    package func workspace(_ console: Console) throws(WorkspaceError) -> Workspace {
        let workspace = try Workspace(at: path(console))
        try workspace.requireInitialised()
        if let principal = console.environment["WELLTREE_PRINCIPAL"], !principal.isEmpty {
            workspace.actingPrincipal = principal
        }
        return workspace
    }
}

/// Output formats of commands that print data.
package enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text
    case json
}

/// The `--format` option of commands that print data.
package struct FormatOptions: ParsableArguments {
    @Option(help: "Output format: text for people, json in the AWS API's response shapes.")
    package var format: OutputFormat = .text

    package init() {}
}
