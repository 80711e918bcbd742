import CLibGit2
import Foundation
import WelltreeCommands

/// What one run of a command printed and how it exited.
struct RunResult: CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String

    var description: String { "exit \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
}

/// The pinned git configuration every test of this target runs with: one identity, `main` as the
/// first branch, nothing from the machine's own configuration.
///
/// libgit2 reads the global configuration of the whole process, so it is pinned once, before
/// any repository is opened: commands run in-process and git run as a program (with `HOME`
/// here) see the same settings.
enum PinnedGit {
    static let home: String = {
        let home = NSTemporaryDirectory() + "welltree-commands-tests-\(getpid())/home"
        try! FileManager.default.createDirectory(atPath: home + "/empty", withIntermediateDirectories: true)
        try! "[user]\n\tname = Alice Example\n\temail = alice@example.com\n[init]\n\tdefaultBranch = main\n"
            .write(toFile: home + "/.gitconfig", atomically: true, encoding: .utf8)
        git_libgit2_init()
        precondition(welltree_set_config_search_path(Int32(GIT_CONFIG_LEVEL_GLOBAL.rawValue), home) == 0)
        precondition(welltree_set_config_search_path(Int32(GIT_CONFIG_LEVEL_XDG.rawValue), home + "/empty") == 0)
        precondition(welltree_set_config_search_path(Int32(GIT_CONFIG_LEVEL_SYSTEM.rawValue), home + "/empty") == 0)
        return home
    }()
}

/// Runs programs the tests need beside welltree (git), reading both pipes to the end before
/// waiting so a chatty program cannot deadlock on a full pipe.
enum Run {
    @discardableResult
    static func program(
        _ executable: String, _ arguments: [String], in directory: String? = nil, environment: [String: String] = [:],
        input: String? = nil
    ) throws -> RunResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable.hasPrefix("/") ? executable : "/usr/bin/env")
        process.arguments = executable.hasPrefix("/") ? arguments : [executable] + arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        let err = Pipe()
        let inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try inPipe.fileHandleForWriting.close()
        let group = DispatchGroup()
        nonisolated(unsafe) var stderrData = Data()
        group.enter()
        DispatchQueue.global().async {
            stderrData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return RunResult(
            status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: stderrData, as: UTF8.self))
    }
}

/// A review repository in a temporary directory, removed afterwards, with welltree's commands
/// run in this process (`WelltreeCommand.run(_:console:)` on a capturing console): the same
/// parsing, the same code and the same output as the binary, without starting one.
final class Sandbox {
    let root: String
    let repo: String
    /// Who runs the commands (`WELLTREE_PRINCIPAL`).
    var principal = "alice@example.com"
    /// More environment for the commands (`GITHUB_STEP_SUMMARY`, `WELLTREE_TEMPLATE`).
    var extraEnvironment: [String: String] = [:]

    init(initialise: Bool = true) throws {
        _ = PinnedGit.home
        root = NSTemporaryDirectory() + "welltree-commands-" + UUID().uuidString
        repo = root + "/reviews"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        if initialise {
            let result = try welltree(["init", repo])
            precondition(result.status == 0, "welltree init failed: \(result)")
        }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }

    /// The environment of the commands and of git: the pinned configuration, the principal.
    var environment: [String: String] {
        [
            "HOME": PinnedGit.home, "WELLTREE_PRINCIPAL": principal, "XDG_CONFIG_HOME": PinnedGit.home + "/empty",
            "GIT_CONFIG_NOSYSTEM": "1", "NO_COLOR": "1",
        ].merging(extraEnvironment) { $1 }
    }

    /// Runs a welltree command in-process, as if started in `directory` (default: the
    /// repository once it exists).
    @discardableResult
    func welltree(_ arguments: [String], in directory: String? = nil, input: String? = nil) throws -> RunResult {
        let (console, captured) = Console.capturing(
            environment: environment,
            workingDirectory: directory ?? (FileManager.default.fileExists(atPath: repo) ? repo : root), input: input ?? "")
        let status = WelltreeCommand.run(arguments, console: console)
        return RunResult(status: status, stdout: captured.stdout, stderr: captured.stderr)
    }

    /// Runs git in the review repository.
    @discardableResult
    func git(_ arguments: [String], in directory: String? = nil) throws -> RunResult {
        try Run.program("git", arguments, in: directory ?? repo, environment: environment)
    }

    /// Reads a file of the review repository's work tree.
    func read(_ path: String) throws -> String {
        try String(contentsOfFile: repo + "/" + path, encoding: .utf8)
    }

    /// Writes a file of the review repository's work tree.
    func write(_ path: String, _ text: String) throws {
        try text.write(toFile: repo + "/" + path, atomically: true, encoding: .utf8)
    }

    /// Parses JSON output.
    func json(_ result: RunResult) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    /// The guide's tutorial workload.
    static let tutorialName = "Retail Website - North America"

    /// Creates the tutorial workload: two AWS Regions in North America and the local data center.
    func createTutorialWorkload(extra: [String] = []) throws -> RunResult {
        try welltree(
            [
                "workload", "create", "--name", Sandbox.tutorialName,
                "--description", "Online retail storefront serving customers in North America",
                "--review-owner", "Jane Doe", "--environment", "production",
                "--aws-region", "us-east-1", "--aws-region", "us-west-2", "--non-aws-region", "Local data center",
            ] + extra)
    }

    /// The commit a branch points at, or nil when it does not exist (an unborn branch).
    func commit(of ref: String = "refs/heads/main") throws -> String? {
        let result = try git(["rev-parse", "--verify", "-q", ref + "^{commit}"])
        return result.status == 0 ? result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) : nil
    }
}

extension Sandbox {
    /// A new sandbox holding a copy of this one's repository: a prepared state is built once
    /// and each trial of a destructive test starts from an identical copy.
    func copy() throws -> Sandbox {
        let copy = try Sandbox(initialise: false)
        copy.principal = principal
        copy.extraEnvironment = extraEnvironment
        for item in try FileManager.default.contentsOfDirectory(atPath: root) {
            try FileManager.default.copyItem(atPath: root + "/" + item, toPath: copy.root + "/" + item)
        }
        return copy
    }

    /// `git fsck --full` found nothing wrong (unreferenced objects are fine).
    func fsckIsClean() throws -> Bool {
        let result = try git(["fsck", "--full", "--strict", "--no-dangling"])
        let text = result.stdout + result.stderr
        return result.status == 0 && !["error", "missing", "broken", "corrupt", "bad"].contains { text.contains($0) }
    }

    /// `git status --porcelain` (untracked files included), empty when the work tree and index
    /// equal HEAD.
    func porcelainStatus() throws -> String {
        try git(["status", "--porcelain", "--untracked-files=all"]).stdout
    }
}
