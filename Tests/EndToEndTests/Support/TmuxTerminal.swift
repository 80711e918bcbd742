import Foundation

/// A real terminal for the built binary: a private tmux server (its own socket, no user
/// configuration, no status line) with one pane of a fixed size running `welltree`. Tests type
/// into it with send-keys and read the screen with capture-pane; the pane stays after the
/// program exits so its last output can be read.
final class TmuxTerminal {
    struct Timeout: Error, CustomStringConvertible {
        var waitingFor: String
        var screen: String
        var description: String { "timed out waiting for \(waitingFor); the screen was:\n\(screen)" }
    }

    let socket = "welltree-e2e-" + UUID().uuidString.prefix(8)
    let sandbox: Sandbox

    /// Starts `welltree arguments` in a `width` x `height` terminal, in colour unless `colour` is false
    /// (then `NO_COLOR=1`, as the sandbox sets it).
    init(_ sandbox: Sandbox, _ arguments: [String], width: Int = 80, height: Int = 24, colour: Bool = false) throws {
        self.sandbox = sandbox
        let configuration = sandbox.root + "/tmux-\(socket).conf"
        try "set -g remain-on-exit on\nset -g status off\nset -g default-terminal xterm-256color\nset -g history-limit 0\n"
            .write(toFile: configuration, atomically: true, encoding: .utf8)
        var environment = sandbox.environment
        environment["LANG"] = "C.UTF-8"
        environment["NO_COLOR"] = colour ? "" : "1"
        let variables = environment.sorted { $0.key < $1.key }.flatMap { ["-e", "\($0.key)=\($0.value)"] }
        let started = try tmux(
            ["-f", configuration, "new-session", "-d", "-s", "review", "-x", "\(width)", "-y", "\(height)", "-c", sandbox.repo]
                + variables + [Run.welltree] + arguments)
        precondition(started.status == 0, "tmux did not start: \(started)")
    }

    deinit {
        _ = try? tmux(["kill-server"])
    }

    /// Runs a tmux client with posix_spawn and waitpid. Foundation's `Process` is not used here:
    /// its wait for the first client, whose server daemonizes, never returned.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> RunResult {
        let output = sandbox.root + "/tmux-\(socket).out"
        let errors = sandbox.root + "/tmux-\(socket).err"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errors, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in sandbox.environment { environment[key] = value }
        let argv = (["tmux", "-L", socket] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "tmux", &actions, nil, argv, envp)
        guard spawned == 0 else { return RunResult(status: -1, stdout: "", stderr: "posix_spawnp: \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return RunResult(
            status: (status >> 8) & 0xff, stdout: (try? String(contentsOfFile: output, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: errors, encoding: .utf8)) ?? "")
    }

    /// Presses keys by tmux name (`Enter`, `Escape`, `C-d`, `Down`, `Right`) or as single characters.
    func press(_ keys: String...) throws {
        try tmux(["send-keys", "-t", "review"] + keys)
    }

    /// Types text literally.
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", "review", "-l", text])
    }

    /// The screen as text, with colour and attribute escapes when `escapes` is set.
    func screen(escapes: Bool = false) throws -> String {
        try tmux(["capture-pane", "-p", "-t", "review"] + (escapes ? ["-e"] : [])).stdout
    }

    /// The process running in the pane.
    func pid() throws -> Int32 {
        Int32(try tmux(["display-message", "-p", "-t", "review", "#{pane_pid}"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines))
            ?? -1
    }

    /// True once the program has exited.
    func exited() throws -> Bool {
        try tmux(["display-message", "-p", "-t", "review", "#{pane_dead}"]).stdout.hasPrefix("1")
    }

    /// Waits until the screen shows `text`, returning the screen.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 15) throws -> String {
        try waitUntil(text, seconds: seconds) { $0.contains(text) }
    }

    /// Waits until `condition` holds for the screen.
    @discardableResult
    func waitUntil(_ what: String, seconds: Double = 15, _ condition: (String) throws -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if try condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Timeout(waitingFor: what, screen: last)
    }
}

/// Polls until `condition` holds (files written by the program under test, say).
func eventually(_ what: String, seconds: Double = 15, _ condition: () throws -> Bool) throws {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if (try? condition()) == true { return }
        Thread.sleep(forTimeInterval: 0.05)
    }
    throw TmuxTerminal.Timeout(waitingFor: what, screen: "")
}
