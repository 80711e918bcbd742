import ArgumentParser
import WelltreeCore
import WelltreeWorkspace

/// A command of `welltree`: its body gets the console it prints to and reads from, and throws
/// on failure. Only the root runner (`WelltreeCommand.run(_:console:)`) turns what a body throws
/// into messages and an exit status, so no command prints its own errors or ends the process.
///
/// Commands that work on a review repository conform through `WorkspaceCommand`, which opens it;
/// the others (`init`, `lens validate`, the git drivers, the server hooks) conform directly.
package protocol ConsoleCommand: ParsableCommand {
    /// The command's body.
    func run(_ console: Console) throws
}

extension ConsoleCommand {
    /// ArgumentParser's entry point, for a caller that runs a parsed command without the root
    /// runner: the process's own console, errors left to the caller.
    package func run() throws {
        try run(Console.standard)
    }
}

/// A command that works on the review repository containing the working directory (or `-C
/// DIR`): the shared part, opening the workspace, is done once here, as SwiftPM's `SwiftCommand`
/// builds its shared state in one `run()`; each command implements only its body.
package protocol WorkspaceCommand: ConsoleCommand {
    /// `-C DIR`, which every command takes.
    var global: GlobalOptions { get }

    /// The command's body, given the workspace at HEAD.
    func run(in workspace: Workspace, console: Console) throws
}

extension WorkspaceCommand {
    /// Opens the workspace (`welltree init` must have been run) and runs the body in it.
    package func run(_ console: Console) throws {
        try run(in: global.workspace(console), console: console)
    }
}
