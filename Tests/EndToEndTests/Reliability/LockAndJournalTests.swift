import Foundation
import TestSupport
import Testing

/// Faults other than a kill in flight: git's lock files left behind, and a user editing a file
/// that an interrupted write had still to update. Each must end in a message naming the file
/// and what to do, with nothing written and nothing removed silently.
@Suite("Stale locks and interrupted writes")
struct LockAndJournalTests {
    static let w = Sandbox.tutorialName
    static let columns = ["Fault injected", "Expected", "Observed"]

    func report(_ fault: String, _ expected: String, _ result: RunResult, _ sandbox: Sandbox) {
        let line = result.stderr.split(separator: "\n").first.map(String.init) ?? result.stdout
        let shown = line.replacingOccurrences(of: sandbox.root + "/", with: "")
        ReliabilityLog.record(
            "Other faults", columns: Self.columns,
            [fault, expected, "exit \(result.status): " + (shown.count > 170 ? String(shown.prefix(170)) + "…" : shown)])
    }

    @Test(arguments: ["index.lock", "refs/heads/main.lock"])
    func aStaleGitLockIsNamedNeverDeleted(_ lock: String) throws {
        let sandbox = try Sandbox()
        _ = try sandbox.createTutorialWorkload()
        let head = try sandbox.commit()
        let path = sandbox.repo + "/.git/" + lock
        try Data().write(to: URL(fileURLWithPath: path))
        let refused = try sandbox.welltree(["answer", "update", Self.w, "priorities", "--none"])
        #expect(
            refused.status == 2 && refused.stderr.contains("rm '\(path)'") && refused.stderr.contains("nothing was written"), "\(refused)")
        #expect(try sandbox.commit() == head)
        #expect(FileManager.default.fileExists(atPath: path))
        report("stale .git/\(lock) (as left by a killed git)", "refused, lock named with its rm command, nothing written", refused, sandbox)
        try FileManager.default.removeItem(atPath: path)
        #expect(try sandbox.welltree(["answer", "update", Self.w, "priorities", "--none"]).status == 0)
        #expect(try sandbox.porcelainStatus() == "")
    }

    /// The tutorial workload, and an answer update killed right after it moved the branch
    /// (`WELLTREE_FAULT=after-ref`): the work tree and index still hold the old files.
    static func killedAfterTheBranchMoved() throws -> Sandbox {
        let sandbox = try Sandbox()
        _ = try sandbox.createTutorialWorkload()
        let killed = try Run.program(
            Run.welltree, ["answer", "update", w, "priorities", "--none"], in: sandbox.repo,
            environment: sandbox.environment.merging(["WELLTREE_FAULT": "after-ref"]) { $1 })
        #expect(killed.status == 9, "\(killed)")
        return sandbox
    }

    @Test func anEditAfterAnInterruptedWriteIsKeptAndExplained() throws {
        let sandbox = try Self.killedAfterTheBranchMoved()
        let path = "workloads/re/retail-website-north-america/answers/wellarchitected/priorities.json"
        try FileManager.default.createDirectory(
            atPath: sandbox.repo + "/" + (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try "my own edit\n".write(toFile: sandbox.repo + "/" + path, atomically: true, encoding: .utf8)
        let refused = try sandbox.welltree(["answer", "update", Self.w, "identities", "--none"])
        #expect(
            refused.status == 2 && refused.stderr.contains("interrupted after committing") && refused.stderr.contains(path), "\(refused)")
        #expect(try sandbox.read(path) == "my own edit\n")
        report(
            "kill after the branch moved, then the user edits the file it had to update",
            "refused, file kept, told to commit or discard the edit", refused, sandbox)
        try sandbox.git(["checkout", "HEAD", "--", path])
        let next = try sandbox.welltree(["answer", "update", Self.w, "identities", "--none"])
        #expect(next.status == 0, "\(next)")
        #expect(try sandbox.porcelainStatus() == "")
        #expect(!sandbox.hasPendingJournal)
    }

    @Test func aKillAfterTheBranchMovedIsFinishedByAReadOnlyCommand() throws {
        let sandbox = try Self.killedAfterTheBranchMoved()
        #expect(try sandbox.porcelainStatus() != "")
        let status = try sandbox.welltree(["status", Self.w])
        #expect(status.status == 0)
        #expect(try sandbox.porcelainStatus() == "")
        report("kill after the branch moved, then `welltree status`", "work tree and index brought up to date from HEAD", status, sandbox)
    }

    /// A write killed inside git's own index update leaves `index.lock`, which stops the finish
    /// of the write: a command that writes nothing (here a read) must not succeed over the
    /// half-written work tree; it names the lock, and once it is removed the write is finished.
    @Test func aKillInsideTheIndexUpdateIsReportedUntilItsLockIsGone() throws {
        let sandbox = try Self.killedAfterTheBranchMoved()
        let lock = sandbox.repo + "/.git/index.lock"
        #expect(FileManager.default.createFile(atPath: lock, contents: Data()))
        let refused = try sandbox.welltree(["status", Self.w])
        #expect(refused.status == 2 && refused.stderr.contains("rm '\(lock)'"), "\(refused)")
        #expect(sandbox.hasPendingJournal)
        report("kill inside git's index update (index.lock left), then `welltree status`", "refused, lock named with its rm command", refused, sandbox)
        try FileManager.default.removeItem(atPath: lock)
        let status = try sandbox.welltree(["status", Self.w])
        #expect(status.status == 0, "\(status)")
        #expect(try sandbox.porcelainStatus() == "")
        #expect(!sandbox.hasPendingJournal)
    }
}
