import ArgumentParser
import Foundation
import WelltreeCore
import WelltreeReports
import WelltreeWorkspace

/// Runs a command body, turning domain failures into `error: ...` lines on stderr and exit
/// status 2 (refused or invalid input; nothing was written).
package func perform(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as WorkspaceError {
        fail(error.description)
    } catch let error as WelltreeCore.ValidationError {
        fail(error.violations.map(\.description).joined(separator: "\nerror: "))
    } catch let error as ExitCode {
        throw error
    } catch let error as CleanExit {
        throw error
    } catch {
        fail(String(describing: error))
    }
}

/// Prints `error: message` and exits with status 2.
package func fail(_ message: String) -> Never {
    printError("error: " + message)
    Foundation.exit(2)
}

/// Writes a line to standard error.
///
/// The last line of defence for messages that quote the repository: anything unsafe for a
/// terminal that reached this far is shown as `\u{XXXX}` (`TerminalText.block`). Progress is
/// drawn by `TerminalProgress`, not through here.
package func printError(_ message: String) {
    FileHandle.standardError.write(Data((TerminalText.block(message) + "\n").utf8))
}

/// Writes text to standard output without adding a newline.
///
/// Every format is escaped for its medium where it is rendered; this is the last line of
/// defence: a control character, a bidirectional override or a line separator that reached this
/// far is shown as `\u{XXXX}` (`TerminalText.block`, which keeps newlines and tabs). JSON never
/// carries one raw (`jsonText` escapes them), so it passes through unchanged.
package func output(_ text: String) {
    FileHandle.standardOutput.write(Data(TerminalText.block(text).utf8))
}

/// Writes one line of text to standard output, escaped with `TerminalText.line`: a message that
/// names something from the repository (a workload, a lens, a principal) stays one line.
package func outputLine(_ text: String) {
    output(TerminalText.line(text) + "\n")
}
