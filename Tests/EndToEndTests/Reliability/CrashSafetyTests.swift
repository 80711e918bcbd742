import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A write command the crash test interrupts. Adding a command to `CrashSafetyTests.scenarios`
/// is all it takes to have it killed at every fault point and at random moments.
struct WriteScenario: Sendable, CustomTestStringConvertible {
    /// Shown in the report.
    var name: String
    /// Commands run, unkilled, to reach the state before the write.
    var setup: [[String]] = []
    /// The write that is killed. `@LENS` stands for a lens file, `@REPO` for the repository path.
    var command: [String]
    /// A write touching the same files, run once the branch holds the new commit; it must
    /// succeed, finishing what the killed process left.
    var next: [String]
    /// Runs where `welltree init` has not: the killed command creates the repository.
    var initialises = false
    /// Named fault points on this command's path.
    var faults = CrashSafetyTests.commitFaults
    /// The command creates a tag and never moves the branch (milestones): it has landed when
    /// the tags changed.
    var tagOnly = false

    var testDescription: String { name }
}

/// Crash safety: every write command is killed with SIGKILL at each named step of the write
/// path (`WELLTREE_FAULT`) and at seeded random moments, and the repository must stay
/// consistent: `git fsck` clean, the branch on the old commit or on exactly one new commit
/// holding the complete file set, no lock that blocks the next command without saying how to
/// clear it, and a clean `git status` after the next command.
@Suite("Crash safety: SIGKILL during writes")
struct CrashSafetyTests {
    static let w = Sandbox.tutorialName
    static let create = [
        "workload", "create", "--name", w, "--description", "Online retail storefront", "--review-owner", "Jane Doe",
        "--environment", "production", "--aws-region", "us-east-1",
    ]

    static let scenarios: [WriteScenario] = [
        WriteScenario(name: "init", command: ["init", "@REPO"], next: create, initialises: true),
        WriteScenario(name: "workload create", command: create, next: ["workload", "update", w, "--notes", "after"]),
        WriteScenario(
            name: "workload update", setup: [create],
            command: ["workload", "update", w, "--notes", "killed", "--description", "Changed description"],
            next: ["workload", "update", w, "--notes", "after"]),
        WriteScenario(
            name: "workload delete (directory removal)",
            setup: [create, ["answer", "update", w, "priorities", "--none"], ["answer", "update", w, "identities", "--none"]],
            command: ["workload", "delete", w, "--yes"], next: create),
        WriteScenario(
            name: "answer update", setup: [create],
            command: ["answer", "update", w, "priorities", "--select", "ops_priorities_ext_cust_needs", "--notes", "killed"],
            next: ["answer", "update", w, "priorities", "--none"]),
        WriteScenario(
            name: "answer cleared (file removal)",
            setup: [create, ["answer", "update", w, "priorities", "--select", "ops_priorities_ext_cust_needs"]],
            command: ["answer", "update", w, "priorities", "--select", ""],
            next: ["answer", "update", w, "priorities", "--none"]),
        WriteScenario(
            name: "lens import", command: ["lens", "import", "@LENS"], next: ["lens", "import", "@LENS", "--alias", "team-practices"]),
        WriteScenario(
            name: "lens publish", setup: [["lens", "import", "@LENS"]],
            command: ["lens", "publish", "team-practices", "--version", "1.0"],
            next: ["lens", "import", "@LENS", "--alias", "team-practices"]),
        WriteScenario(
            name: "milestone create", setup: [create, ["answer", "update", w, "priorities", "--none"]],
            command: ["milestone", "create", w, "Review 1"], next: ["milestone", "create", w, "Review 2"],
            faults: ["after-tag"], tagOnly: true),
        WriteScenario(
            name: "lens upgrade (milestone, then commit)",
            setup: [
                create, ["lens", "import", "@V1"], ["lens", "publish", "readiness-review", "--version", "1.0"],
                ["lens", "associate", w, "readiness-review"],
                ["answer", "update", w, "arch_retry", "--lens", "readiness-review", "--select", "arch_retry_backoff,arch_retry_sdk"],
                ["answer", "update", w, "arch_legacy_dr", "--lens", "readiness-review", "--select", "arch_legacy_dr_sync"],
                ["lens", "import", "@V2"], ["lens", "publish", "readiness-review", "--version", "2.0", "--major"],
            ],
            command: ["lens", "upgrade", w, "readiness-review", "--milestone", "Before 2.0"],
            next: ["answer", "update", w, "arch_retry", "--lens", "readiness-review", "--select", "arch_retry_backoff"],
            faults: ["after-tag"] + commitFaults),
    ]

    /// Named fault points of the commit path, in order (see `FaultPoint` in Workspace+Commit.swift).
    static let commitFaults = [
        "after-objects", "after-commit-object", "after-journal", "after-ref", "mid-worktree", "before-index", "after-index",
    ]
    /// Random kills per scenario.
    static let randomKills = 12

    static let columns = [
        "Command", "Fault", "Trials", "Killed before it landed", "Killed after it landed", "Not killed (finished first)",
        "Next command", "Outcome",
    ]

    @Test(arguments: scenarios)
    func killedAtEveryStepTheRepositoryStaysConsistent(_ scenario: WriteScenario) throws {
        let template = try Sandbox(initialise: !scenario.initialises)
        try Fixtures.teamLens.write(toFile: template.root + "/team.json", atomically: true, encoding: .utf8)
        try ReadinessLens.write(ReadinessLens.version1, to: template.root + "/readiness-v1.json")
        try ReadinessLens.write(ReadinessLens.version2, to: template.root + "/readiness-v2.json")
        for command in scenario.setup {
            let result = try template.welltree(expand(command, template))
            try #require(result.status == 0, "setup \(command): \(result)")
        }
        // Runs without faults give the file set the commit must hold, and the median duration.
        var durations: [Double] = []
        var expected: Set<String> = []
        for _ in 0..<3 {
            let reference = try template.copy()
            let started = Date()
            let done = try reference.welltree(expand(scenario.command, reference))
            durations.append(Date().timeIntervalSince(started))
            try #require(done.status == 0, "\(done)")
            expected = try changedPaths(reference, from: try template.commit(), to: try #require(try reference.commit()))
        }
        let duration = durations.sorted()[1]

        for fault in scenario.faults {
            let trial = try run(scenario, from: template, expected: expected, fault: fault, delay: nil)
            record(scenario, fault: fault, [trial])
        }
        var generator = SeededGenerator(seed: UInt64(scenario.name.utf8.reduce(5381) { ($0 &* 33) &+ UInt64($1) }))
        var trials: [TrialOutcome] = []
        for _ in 0..<Self.randomKills {
            // Biased towards the end of the run, where the write happens.
            let delay = (0.25 + 0.85 * Double.random(in: 0...1, using: &generator).squareRoot().squareRoot()) * duration
            trials.append(try run(scenario, from: template, expected: expected, fault: nil, delay: delay))
        }
        record(scenario, fault: "random SIGKILL at 0.25-1.1 x \(Int(duration * 1000)) ms", trials)
    }

    struct TrialOutcome {
        var killed: Bool
        var moved: Bool
        /// Git lock files a kill left behind, which the next command named.
        var locks: [String]
    }

    /// One killed run and every check on what it left.
    private func run(
        _ scenario: WriteScenario, from template: Sandbox, expected: Set<String>, fault: String?, delay: Double?
    ) throws -> TrialOutcome {
        let sandbox = try template.copy()
        let before = try template.commit()
        let label = "\(scenario.name), \(fault ?? "random \(Int((delay ?? 0) * 1000)) ms")"
        let killed = try runKilled(sandbox, expand(scenario.command, sandbox), fault: fault, delay: delay)
        if let fault, !(fault == "mid-worktree" && expected.allSatisfy({ $0.hasPrefix("workloads/") }) && scenario.name.contains("delete"))
        {
            // Every named point is on the path of every write, except mid-worktree for a
            // command that only removes a directory (it writes no single file).
            #expect(killed, "\(label): the fault point was not reached")
        }
        let after = try sandbox.commit()
        let gitExists = FileManager.default.fileExists(atPath: sandbox.repo + "/.git/HEAD")
        if gitExists { #expect(try sandbox.fsckIsClean(), "\(label): git fsck") }
        let moved = after != before
        let tagsChanged = try tags(sandbox) != tags(template)
        if !scenario.tagOnly && !scenario.faults.contains("after-tag") {
            #expect(!tagsChanged, "\(label): no tag may appear")
        }
        let landed = moved || scenario.tagOnly && tagsChanged
        if moved, let after {
            let parents = try sandbox.git(["rev-list", "--parents", "-n", "1", after]).stdout.split(separator: " ").dropFirst()
                .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            #expect(parents == (before.map { [$0] } ?? []), "\(label): the branch must hold exactly one new commit on the old one")
            #expect(try changedPaths(sandbox, from: before, to: after) == expected, "\(label): the commit must hold the whole file set")
            for path in expected where path.hasSuffix(".json") {
                let shown = try sandbox.git(["show", "\(after):\(path)"])
                if shown.status == 0 {
                    #expect(
                        (try? JSONSerialization.jsonObject(with: Data(shown.stdout.utf8))) != nil, "\(label): \(path) is not valid JSON")
                }
            }
        }
        // The next command: the same one when nothing landed, else one touching the same files.
        let next = expand(landed ? scenario.next : scenario.command, sandbox)
        var result = try sandbox.welltree(next)
        var namedLocks: [String] = []
        let locks = try sandbox.gitLockFiles()
        if result.status != 0, let lock = locks.first {
            // A kill inside libgit2's own lock-write-rename leaves git's lock file: the command
            // must name it and say how to remove it.
            #expect(result.stderr.contains(lock) && result.stderr.contains("rm '"), "\(label): \(result)")
            namedLocks = locks
            for lock in locks { try FileManager.default.removeItem(atPath: sandbox.repo + "/.git/" + lock) }
            result = try sandbox.welltree(next)
        }
        #expect(result.status == 0, "\(label): next command \(next): \(result)")
        let status = try sandbox.porcelainStatus()
        #expect(status == "", "\(label): work tree and index must equal HEAD after \(next)")
        #expect(!sandbox.hasPendingJournal, "\(label): the journal must be gone")
        #expect(try sandbox.gitLockFiles().isEmpty, "\(label): no lock may remain")
        #expect(try sandbox.fsckIsClean(), "\(label): git fsck after the next command")
        return TrialOutcome(killed: killed, moved: landed, locks: namedLocks)
    }

    private func record(_ scenario: WriteScenario, fault: String, _ trials: [TrialOutcome]) {
        let before = trials.filter { $0.killed && !$0.moved }.count
        let after = trials.filter { $0.killed && $0.moved }.count
        let locks = Set(trials.flatMap(\.locks)).sorted()
        let next = scenario.command == scenario.next ? "same" : scenario.next.prefix(2).joined(separator: " ")
        var outcome = "fsck clean, one whole commit or none, status clean after the next command"
        if !locks.isEmpty {
            outcome += "; stale \(locks.joined(separator: ", ")) left by the kill, named by the next command with its rm command"
        }
        if trials.count == 1, !trials[0].killed { outcome = "point not on this command's path; " + outcome }
        ReliabilityLog.record(
            "Crash safety (SIGKILL during writes)", columns: Self.columns,
            [
                scenario.name, fault, "\(trials.count)", "\(before)", "\(after)", "\(trials.count - before - after)",
                "rerun, or \(next)", outcome,
            ])
    }

    private func expand(_ command: [String], _ sandbox: Sandbox) -> [String] {
        let files = ["@LENS": "/team.json", "@V1": "/readiness-v1.json", "@V2": "/readiness-v2.json"]
        return command.map { argument in
            if argument == "@REPO" { return sandbox.repo }
            return files[argument].map { sandbox.root + $0 } ?? argument
        }
    }

    /// Every tag with the object it names.
    private func tags(_ sandbox: Sandbox) throws -> String {
        guard FileManager.default.fileExists(atPath: sandbox.repo + "/.git") else { return "" }
        return try sandbox.git(["for-each-ref", "refs/tags", "--format=%(refname) %(objectname)"]).stdout
    }

    /// Paths that differ between two commits (all paths of `to` when `from` is nil).
    private func changedPaths(_ sandbox: Sandbox, from: String?, to: String) throws -> Set<String> {
        let arguments =
            from.map { ["diff-tree", "-r", "--name-only", "--no-commit-id", $0, to] }
            ?? ["ls-tree", "-r", "--name-only", to]
        return Set(try sandbox.git(arguments).stdout.split(separator: "\n").map(String.init))
    }

    /// Runs welltree, killing it with SIGKILL at the fault point or after `delay` seconds.
    /// Returns whether it died by the signal.
    private func runKilled(_ sandbox: Sandbox, _ arguments: [String], fault: String?, delay: Double?) throws -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Run.welltree)
        process.arguments = arguments
        process.currentDirectoryURL = URL(
            fileURLWithPath: FileManager.default.fileExists(atPath: sandbox.repo) ? sandbox.repo : sandbox.root)
        var environment = ProcessInfo.processInfo.environment.merging(sandbox.environment) { $1 }
        if let fault { environment["WELLTREE_FAULT"] = fault }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        if let delay {
            usleep(UInt32(delay * 1_000_000))
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
    }
}
