import Foundation

/// What one run of a program printed and how it exited.
struct RunResult: CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String

    var description: String { "exit \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
}

/// Runs programs as a user would: the built `welltree` binary, git, ssh-keygen.
enum Run {
    /// The `welltree` binary built beside the test bundle, or the one `WELLTREE_TEST_BINARY`
    /// names (to run a test against an older build and see it fail before a fix).
    static var welltree: String {
        if let binary = ProcessInfo.processInfo.environment["WELLTREE_TEST_BINARY"], !binary.isEmpty { return binary }
        let bundleDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [bundleDirectory, bundleDirectory.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("welltree").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/welltree").path
    }

    /// Runs `executable` with `arguments`, reading both pipes to the end before waiting, so a
    /// chatty program cannot deadlock on a full pipe. The environment is the test's plus
    /// `environment`, or exactly `environment` when `inheritingEnvironment` is false.
    @discardableResult
    static func program(
        _ executable: String, _ arguments: [String], in directory: String? = nil,
        environment: [String: String] = [:], input: String? = nil, inheritingEnvironment: Bool = true
    ) throws -> RunResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable.hasPrefix("/") ? executable : "/usr/bin/env")
        process.arguments = executable.hasPrefix("/") ? arguments : [executable] + arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var env = inheritingEnvironment ? ProcessInfo.processInfo.environment : [:]
        for (key, value) in environment { env[key] = value }
        process.environment = env
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

/// A review repository in a temporary directory, with its own HOME (so git and libgit2 read a
/// pinned identity from $HOME/.gitconfig, never the developer's), removed afterwards.
final class Sandbox {
    let root: String
    let home: String
    let repo: String
    var principal = "alice@example.com"
    /// More environment for the programs run (GNUPGHOME, WELLTREE_TEMPLATE).
    var extraEnvironment: [String: String] = [:]

    init(initialise: Bool = true) throws {
        root = NSTemporaryDirectory() + "welltree-e2e-" + UUID().uuidString
        home = root + "/home"
        repo = root + "/reviews"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        try "[user]\n\tname = Alice Example\n\temail = alice@example.com\n[init]\n\tdefaultBranch = main\n"
            .write(toFile: home + "/.gitconfig", atomically: true, encoding: .utf8)
        if initialise {
            let result = try welltree(["init", repo])
            precondition(result.status == 0, "welltree init failed: \(result)")
        }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }

    var environment: [String: String] {
        ["HOME": home, "WELLTREE_PRINCIPAL": principal, "XDG_CONFIG_HOME": home + "/.config", "GIT_CONFIG_NOSYSTEM": "1",
         "NO_COLOR": "1"].merging(extraEnvironment) { $1 }
    }

    /// Runs welltree in the review repository.
    @discardableResult
    func welltree(_ arguments: [String], in directory: String? = nil, input: String? = nil) throws -> RunResult {
        try Run.program(Run.welltree, arguments, in: directory ?? (FileManager.default.fileExists(atPath: repo) ? repo : root),
                        environment: environment, input: input)
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

    /// Parses JSON output.
    func json(_ result: RunResult) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    /// The guide's tutorial workload.
    static let tutorialName = "Retail Website - North America"

    /// Creates the tutorial workload: two AWS Regions in North America and the local data center.
    func createTutorialWorkload(extra: [String] = []) throws -> RunResult {
        try welltree([
            "workload", "create", "--name", Sandbox.tutorialName,
            "--description", "Online retail storefront serving customers in North America",
            "--review-owner", "Jane Doe", "--environment", "production",
            "--aws-region", "us-east-1", "--aws-region", "us-west-2", "--non-aws-region", "Local data center",
        ] + extra)
    }
}

extension Sandbox {
    /// A new sandbox holding a copy of this one's repository: a prepared state is built once
    /// and each trial of a destructive test starts from an identical copy.
    func copy() throws -> Sandbox {
        let copy = try Sandbox(initialise: false)
        copy.principal = principal
        for item in try FileManager.default.contentsOfDirectory(atPath: root) where item != "home" {
            try FileManager.default.copyItem(atPath: root + "/" + item, toPath: copy.root + "/" + item)
        }
        return copy
    }

    /// The commit a branch points at, or nil when it does not exist (an unborn branch).
    func commit(of ref: String = "refs/heads/main") throws -> String? {
        guard FileManager.default.fileExists(atPath: repo + "/.git") else { return nil }
        let result = try git(["rev-parse", "--verify", "-q", ref + "^{commit}"])
        return result.status == 0 ? result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) : nil
    }

    /// `git fsck --full` found nothing wrong (unreferenced objects are fine: a write stopped
    /// before moving the branch leaves some, and `git gc` prunes them).
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

    /// Lock files under .git other than welltree's own flock file, relative to .git.
    func gitLockFiles() throws -> [String] {
        let gitDirectory = repo + "/.git"
        guard let paths = FileManager.default.subpaths(atPath: gitDirectory) else { return [] }
        return paths.filter { $0.hasSuffix(".lock") && $0 != "welltree/lock" }.sorted()
    }

    /// Whether an interrupted write's journal is waiting.
    var hasPendingJournal: Bool { FileManager.default.fileExists(atPath: repo + "/.git/welltree/pending") }
}
