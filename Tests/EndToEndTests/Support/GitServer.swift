import Foundation

/// A real git server on 127.0.0.1 for the duration of a test: git's own `git-http-backend`
/// behind a small Python HTTP server with basic authentication (`git-http-server.py`), which
/// passes the authenticated user to hooks as `REMOTE_USER`. Stopped when released.
final class GitServer {
    /// What the server needs on the machine (Debian packages `git` and `python3`).
    static let backend = "/usr/lib/git-core/git-http-backend"
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("git-http-server.py").path

    /// Whether the tools are installed; tests skip with a message naming the packages otherwise.
    static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: backend)
            && (try? Run.program("python3", ["--version"]).status) == 0
    }

    let root: String
    let port: Int
    private let process: Process
    /// The server's standard input: it exits when this closes, so a server kept for a whole
    /// test run (never deinitialised) ends with the test process.
    private let input = Pipe()

    /// Starts serving the repositories below `root` to `users` (name -> password), with the
    /// test's environment plus `environment`, or exactly `environment` when
    /// `inheritingEnvironment` is false (hooks then run with nothing else).
    init(root: String, users: [String: String], environment: [String: String], inheritingEnvironment: Bool = true) throws {
        self.root = root
        let usersFile = root + "/.users"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try users.map { "\($0.key):\($0.value)\n" }.joined().write(toFile: usersFile, atomically: true, encoding: .utf8)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.script, root, usersFile]
        var env = inheritingEnvironment ? ProcessInfo.processInfo.environment : [:]
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = input
        try process.run()
        var line = Data()
        while !line.contains(0x0A) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            kill(process.processIdentifier, SIGKILL)
            throw ServerError(message: "the git HTTP server did not start")
        }
        self.port = port
    }

    /// Kills the server outright: the test runner's threads may block SIGTERM, and children inherit that.
    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// The URL of `repository` with `user`'s credentials.
    func url(_ repository: String, user: String, password: String) -> String {
        let name = user.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? user
        return "http://\(name):\(password)@127.0.0.1:\(port)/\(repository)"
    }

    struct ServerError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
