import Foundation
import WelltreeReports

#if canImport(Glibc)
    import Glibc
#endif

/// Everything a command reaches outside its arguments: standard output and standard error (and
/// whether a person watches them), standard input, the environment and the working directory.
///
/// Commands never touch the process's streams or environment themselves. The runner hands them
/// a console: `Console.standard` in the `welltree` binary, `Console.capturing` in tests, so a
/// command runs in-process against a temporary repository and its output is asserted byte for
/// byte. Text goes out through `write` and `line`, which keep the last line of defence against
/// repository content acting on a terminal (`TerminalText`).
package struct Console: Sendable {
    /// One output stream: where its bytes go and whether it is a terminal.
    package struct Stream: Sendable {
        /// Whether a person is watching (a terminal): progress and colour are shown only then.
        package var isTerminal: Bool
        /// Writes bytes as they are, unbuffered.
        package var write: @Sendable ([UInt8]) -> Void

        package init(isTerminal: Bool, write: @escaping @Sendable ([UInt8]) -> Void) {
            self.isTerminal = isTerminal
            self.write = write
        }
    }

    /// Standard input: read line by line (scripted reviews) or whole (the server hooks).
    package struct Input: Sendable {
        /// Whether standard input is a terminal (the interactive review needs one).
        package var isTerminal: Bool
        /// The next line without its line break, or nil at the end.
        package var readLine: @Sendable () -> String?
        /// Everything left, up to the end.
        package var readAll: @Sendable () -> [UInt8]

        package init(isTerminal: Bool, readLine: @escaping @Sendable () -> String?, readAll: @escaping @Sendable () -> [UInt8]) {
            self.isTerminal = isTerminal
            self.readLine = readLine
            self.readAll = readAll
        }
    }

    /// Standard output: the data a command prints.
    package var out: Stream
    /// Standard error: diagnostics, warnings, errors and progress.
    package var err: Stream
    package var input: Input
    /// The environment the command runs in (`WELLTREE_PRINCIPAL`, `NO_COLOR`, CI variables).
    package var environment: [String: String]
    /// The directory relative paths start from (`-C DIR` starts from here too); `.` for the
    /// process's own, so paths the user typed reach messages as typed.
    package var workingDirectory: String

    package init(out: Stream, err: Stream, input: Input, environment: [String: String], workingDirectory: String) {
        self.out = out
        self.err = err
        self.input = input
        self.environment = environment
        self.workingDirectory = workingDirectory
    }

    /// The process's own streams, environment and working directory.
    package static var standard: Console {
        Console(
            out: Stream(isTerminal: isatty(STDOUT_FILENO) == 1) { FileHandle.standardOutput.write(Data($0)) },
            err: Stream(isTerminal: isatty(STDERR_FILENO) == 1) { FileHandle.standardError.write(Data($0)) },
            input: Input(
                isTerminal: isatty(STDIN_FILENO) == 1,
                readLine: { Swift.readLine(strippingNewline: true) },
                readAll: { Array(FileHandle.standardInput.readDataToEndOfFile()) }),
            environment: ProcessInfo.processInfo.environment,
            workingDirectory: ".")
    }

    // MARK: Writing

    /// Writes text to standard output without adding a newline.
    ///
    /// Every format is escaped for its medium where it is rendered; this is the last line of
    /// defence: a control character, a bidirectional override or a line separator that reached
    /// this far is shown as `\u{XXXX}` (`TerminalText.block`, which keeps newlines and tabs). JSON
    /// never carries one raw (`jsonText` escapes them), so it passes through unchanged.
    package func write(_ text: String) {
        out.write(Array(TerminalText.block(text).utf8))
    }

    /// Writes one line to standard output, escaped with `TerminalText.line`: a message that
    /// names something from the repository (a workload, a lens, a principal) stays one line.
    package func line(_ text: String) {
        out.write(Array((TerminalText.line(text) + "\n").utf8))
    }

    /// Writes bytes to standard output as they are: a document already escaped for its own
    /// medium (Markdown, HTML, JSON) or binary (PDF, which the caller keeps off terminals).
    package func writeBytes(_ bytes: [UInt8]) {
        out.write(bytes)
    }

    /// Writes one line to standard error, escaped with `TerminalText.block` (the last line of
    /// defence for messages that quote the repository).
    package func diagnostic(_ message: String) {
        err.write(Array((TerminalText.block(message) + "\n").utf8))
    }

    /// `error: <message>` on standard error.
    package func error(_ message: String) {
        diagnostic("error: " + message)
    }

    /// `warning: <message>` on standard error.
    package func warning(_ message: String) {
        diagnostic("warning: " + message)
    }

    /// A progress counter on standard error, drawn only when standard error is a terminal.
    package func progress(_ label: String, total: Int) -> TerminalProgress {
        TerminalProgress(label, total: total, enabled: err.isTerminal, write: err.write)
    }

    /// Whether output for people may use colour: not when `NO_COLOR` is set (no-color.org) or
    /// the terminal is `dumb`.
    package var allowsColour: Bool {
        (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }

    /// Whether the locale's character set is UTF-8 (LC_ALL, then LC_CTYPE, then LANG decide).
    package var isUTF8: Bool {
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        let upper = locale.uppercased()
        return upper.contains("UTF-8") || upper.contains("UTF8")
    }

    /// `path` as the process can open it: a relative path starts from `workingDirectory`.
    package func resolve(_ path: String) -> String {
        if path.hasPrefix("/") || workingDirectory == "." { return path }
        let base = workingDirectory.hasSuffix("/") ? String(workingDirectory.dropLast()) : workingDirectory
        return path == "." ? base : base + "/" + path
    }
}
