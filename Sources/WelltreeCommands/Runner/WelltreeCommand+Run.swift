import ArgumentParser
import WelltreeCore
import WelltreeWorkspace

extension WelltreeCommand {
    /// Runs `welltree` with `arguments` (without the program name) on `console` and returns the
    /// exit status; the one place where failures become messages and statuses.
    ///
    /// - 0: done;
    /// - 1: what a command looks for was found (`check`'s new risks, a bad milestone signature),
    ///   thrown by the command as `ExitCode(1)`;
    /// - 2: invalid input or a refused operation (`WorkspaceError`, `ValidationError`,
    ///   `CommandError`), every violation listed as `error: ...` on standard error;
    /// - 64 and the like: usage errors, as ArgumentParser reports them.
    ///
    /// The binary's entry point calls this with `Console.standard` and exits with the result;
    /// tests call it with `Console.capturing` and assert the streams and the status.
    package static func run(_ arguments: [String], console: Console) -> Int32 {
        let command: any ParsableCommand
        do {
            command = try parseAsRoot(normalizedArguments(arguments))
        } catch {
            return argumentParserExit(error, console)
        }
        guard let runnable = command as? any ConsoleCommand else {
            // A command group without its subcommand, or ArgumentParser's own `help`: what they
            // throw is ArgumentParser's to print.
            do {
                var other = command
                try other.run()
                return 0
            } catch {
                return argumentParserExit(error, console)
            }
        }
        do {
            if let textOnly = runnable as? any TextOnlyCommand {
                try textOnly.refuseJSON(path: path(of: type(of: textOnly)))
            }
            try runnable.run(console)
            return 0
        } catch let error as ExitCode {
            return error.rawValue
        } catch let error as CleanExit {
            return argumentParserExit(error, console)
        } catch let error as WorkspaceError {
            console.error(error.description)
        } catch let error as WelltreeCore.ValidationError {
            console.error(error.violations.map(\.description).joined(separator: "\nerror: "))
        } catch let error as CommandError {
            for line in error.lines { console.diagnostic(line) }
            return error.exitStatus
        } catch {
            console.error(String(describing: error))
        }
        return 2
    }

    /// What ArgumentParser prints for a parse error, help or a completion request, and the
    /// status it exits with: help and completions go to standard output with status 0, errors to
    /// standard error.
    private static func argumentParserExit(_ error: any Error, _ console: Console) -> Int32 {
        let message = fullMessage(for: error)
        let status = exitCode(for: error)
        if !message.isEmpty {
            let stream = status.isSuccess ? console.out : console.err
            stream.write(Array((message + "\n").utf8))
        }
        return status.rawValue
    }
}
