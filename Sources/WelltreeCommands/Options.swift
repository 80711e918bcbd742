import ArgumentParser
import WelltreeWorkspace

/// Options every command takes.
package struct GlobalOptions: ParsableArguments {
    @Option(name: .customShort("C"), help: ArgumentHelp("Run as if started in <dir>, like git -C.", valueName: "dir"))
    package var directory: String?

    package init() {}

    /// The directory the command works in.
    package var path: String { directory ?? "." }

    /// Opens the workspace that contains the working directory.
    package func workspace() throws(WorkspaceError) -> Workspace {
        let workspace = try Workspace(at: path)
        try workspace.requireInitialised()
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
