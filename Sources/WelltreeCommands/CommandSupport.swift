import ArgumentParser
import Foundation
import WelltreeCore
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
package func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Writes text to standard output without adding a newline.
package func output(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}
