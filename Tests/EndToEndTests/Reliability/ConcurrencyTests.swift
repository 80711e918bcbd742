import Foundation
import TestSupport
import Testing

/// Concurrency: many welltree processes write to one repository at the same moment. Every
/// update must be committed (answer updates retry on their own) or refused with a message to
/// run the command again (workload updates); none may be lost silently, so the commits on each
/// file carry exactly the values of the successful writers, and the final files equal HEAD.
@Suite("Concurrency: processes writing at once")
struct ConcurrencyTests {
    static let names = ["Alpha Shop", "Beta Shop", "Gamma Shop"]
    static let questions = ["priorities", "identities", "monitor-aws-resources", "adapt-to-changes", "backing-up-data", "sus_user"]

    /// One process of a round: what it runs, the file it changes and the notes it writes there.
    struct Job {
        var kind: String
        var arguments: [String]
        var path: String
        var notes: String
    }

    static func jobs(round: Int) -> [Job] {
        var jobs: [Job] = []
        func answer(_ kind: String, _ workload: Int, _ question: String, _ tag: String) {
            let notes = "round \(round) \(tag)"
            jobs.append(
                Job(
                    kind: kind, arguments: ["answer", "update", names[workload], question, "--none", "--notes", notes],
                    path: "workloads/\(directory(workload).prefix(2))/\(directory(workload))/answers/wellarchitected/\(question).json", notes: notes))
        }
        for (k, question) in questions.enumerated() { answer("answer updates, one workload, different questions", 0, question, "q\(k)") }
        for k in 0..<4 { answer("answer updates, one workload, the same question", 1, "priorities", "same \(k)") }
        for k in 0..<2 { answer("answer updates, different workloads", 1 + k, "identities", "w\(k)") }
        for k in 0..<2 { answer("answer updates, different workloads", 2 - k, "backing-up-data", "v\(k)") }
        for k in 0..<2 {
            let notes = "round \(round) workload \(k)"
            jobs.append(
                Job(
                    kind: "workload updates (refused, not retried)", arguments: ["workload", "update", names[2], "--notes", notes],
                    path: "workloads/\(directory(2).prefix(2))/\(directory(2))/workload.json", notes: notes))
        }
        return jobs
    }

    static func directory(_ workload: Int) -> String { names[workload].lowercased().replacingOccurrences(of: " ", with: "-") }

    @Test func concurrentUpdatesAreCommittedOrRefusedNeverLost() throws {
        let sandbox = try Sandbox()
        for name in Self.names {
            let created = try sandbox.welltree([
                "workload", "create", "--name", name, "--description", "A shop for the concurrency test",
                "--review-owner", "Jane Doe", "--environment", "production", "--aws-region", "us-east-1",
            ])
            try #require(created.status == 0, "\(created)")
        }
        let start = try #require(try sandbox.commit())
        var succeeded: [Job] = []
        var tally: [String: (run: Int, committed: Int, refused: Int)] = [:]
        let rounds = 3
        for round in 1...rounds {
            let jobs = Self.jobs(round: round)
            let results = try runConcurrently(sandbox, jobs.map(\.arguments))
            for (job, result) in zip(jobs, results) {
                var entry = tally[job.kind] ?? (0, 0, 0)
                entry.run += 1
                if result.status == 0 {
                    entry.committed += 1
                    succeeded.append(job)
                } else {
                    // The only acceptable failure: a refusal that says to run the command again.
                    #expect(result.status == 2 && result.stderr.contains("run the command again"), "\(job.arguments): \(result)")
                    #expect(job.kind.hasPrefix("workload"), "answer updates retry on their own: \(result)")
                    entry.refused += 1
                }
                tally[job.kind] = entry
            }
        }
        // One commit per successful update (each writes distinct notes, so each changes a file).
        let commits = try sandbox.git(["rev-list", "--count", "\(start)..HEAD"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(Int(commits) == succeeded.count)
        // Per file: the notes the commits wrote are exactly the successful writers' notes.
        var committedNotes = Set<String>()
        for path in Set(succeeded.map(\.path)) {
            let history = try sandbox.git(["log", "--format=%H", "\(start)..HEAD", "--", path]).stdout.split(separator: "\n")
            var written: [String] = []
            for commit in history {
                let shown = try sandbox.git(["show", "\(commit):\(path)"])
                let object = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
                let notes = (object["notes"] as? String) ?? ((object["answer"] as? [String: Any])?["notes"] as? String)
                written.append(try #require(notes, "\(commit):\(path) has no notes: \(shown.stdout)"))
            }
            committedNotes.formUnion(written)
            #expect(written.sorted() == succeeded.filter { $0.path == path }.map(\.notes).sorted(), "\(path)")
            // The file in the work tree is the newest commit's.
            #expect(try sandbox.read(path).contains(written.first ?? "-"), "\(path)")
        }
        #expect(try sandbox.porcelainStatus() == "")
        #expect(try sandbox.fsckIsClean())
        #expect(!sandbox.hasPendingJournal)
        let perRound = Self.jobs(round: 1).count
        for (kind, entry) in tally.sorted(by: { $0.key < $1.key }) {
            let lost = succeeded.filter { $0.kind == kind && !committedNotes.contains($0.notes) }.count
            ReliabilityLog.record(
                "Concurrency (\(perRound) processes started at once, \(rounds) rounds)",
                columns: ["Writers", "Processes", "Committed", "Refused with \"run the command again\"", "Lost", "Outcome"],
                [
                    kind, "\(entry.run)", "\(entry.committed)", "\(entry.refused)", "\(lost)",
                    "each committed value is in exactly one commit; final files equal HEAD; fsck clean",
                ])
        }
    }

    /// Starts every command before waiting for any, then collects their results.
    private func runConcurrently(_ sandbox: Sandbox, _ commands: [[String]]) throws -> [RunResult] {
        var running: [(Process, Pipe, Pipe)] = []
        for arguments in commands {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Run.welltree)
            process.arguments = arguments
            process.currentDirectoryURL = URL(fileURLWithPath: sandbox.repo)
            process.environment = ProcessInfo.processInfo.environment.merging(sandbox.environment) { $1 }
            let out = Pipe()
            let err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            running.append((process, out, err))
        }
        // Outputs are a few lines each, far below a pipe's capacity, so waiting first is safe.
        return running.map { process, out, err in
            process.waitUntilExit()
            return RunResult(
                status: process.terminationStatus,
                stdout: String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self),
                stderr: String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
        }
    }
}
