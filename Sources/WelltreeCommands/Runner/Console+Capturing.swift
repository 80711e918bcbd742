import Foundation

/// What a command printed on a capturing console (`Console.capturing`).
package final class CapturedOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var outBytes: [UInt8] = []
    private var errBytes: [UInt8] = []

    package init() {}

    /// Standard output so far, as UTF-8 text.
    package var stdout: String { lock.withLock { String(decoding: outBytes, as: UTF8.self) } }
    /// Standard output so far, as bytes (a PDF).
    package var stdoutBytes: [UInt8] { lock.withLock { outBytes } }
    /// Standard error so far, as UTF-8 text.
    package var stderr: String { lock.withLock { String(decoding: errBytes, as: UTF8.self) } }

    fileprivate func appendOut(_ bytes: [UInt8]) { lock.withLock { outBytes += bytes } }
    fileprivate func appendErr(_ bytes: [UInt8]) { lock.withLock { errBytes += bytes } }
}

/// Standard input given as text, read line by line or whole.
private final class GivenInput: @unchecked Sendable {
    private let lock = NSLock()
    private var rest: Substring

    init(_ text: String) { rest = Substring(text) }

    func readLine() -> String? {
        lock.withLock {
            guard !rest.isEmpty else { return nil }
            guard let newline = rest.firstIndex(of: "\n") else {
                defer { rest = "" }
                return String(rest)
            }
            defer { rest = rest[rest.index(after: newline)...] }
            return String(rest[..<newline])
        }
    }

    func readAll() -> [UInt8] {
        lock.withLock {
            defer { rest = "" }
            return Array(rest.utf8)
        }
    }
}

extension Console {
    /// A console that keeps what is written, for running commands in-process (tests): standard
    /// input is `input`, the environment exactly `environment`, relative paths start from
    /// `workingDirectory`, and no stream is a terminal unless `terminal` says so.
    package static func capturing(
        environment: [String: String], workingDirectory: String, input: String = "", terminal: Bool = false
    ) -> (Console, CapturedOutput) {
        let captured = CapturedOutput()
        let given = GivenInput(input)
        let console = Console(
            out: Stream(isTerminal: terminal) { captured.appendOut($0) },
            err: Stream(isTerminal: terminal) { captured.appendErr($0) },
            input: Input(isTerminal: false, readLine: { given.readLine() }, readAll: { given.readAll() }),
            environment: environment, workingDirectory: workingDirectory)
        return (console, captured)
    }
}
