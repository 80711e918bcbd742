import Foundation
import TestSupport
import Testing

/// Workload directories in shards, and repositories written before them, through the binary.
@Suite("Sharded layout (end to end)")
struct LayoutTests {
    static let workload = Sandbox.tutorialName
    static let directory = "retail-website-north-america"
    static let sharded = Fixtures.tutorialDirectory
    static let unsharded = Fixtures.unshardedTutorialDirectory

    /// The tutorial workload with one answer, moved back to the layout before shards the way
    /// an older Welltree wrote it (settings format 1, the directory straight below workloads/).
    private func repositoryBeforeShards() throws -> Sandbox {
        let sandbox = try Sandbox()
        try #require(try sandbox.createTutorialWorkload().status == 0)
        let answer = try sandbox.welltree(["answer", "update", Self.workload, "priorities", "--select", "ops_priorities_ext_cust_needs"])
        try #require(answer.status == 0, "\(answer)")
        try #require(try sandbox.git(["mv", Self.sharded, Self.unsharded]).status == 0)
        let settings = try sandbox.read("welltree.json")
        try #require(settings.contains("\"format\": 3"))
        try settings.replacingOccurrences(of: "\"format\": 3", with: "\"format\": 1")
            .write(toFile: sandbox.repo + "/welltree.json", atomically: true, encoding: .utf8)
        try #require(try sandbox.git(["commit", "-qam", "Written by an older Welltree"]).status == 0)
        return sandbox
    }

    @Test func newWorkloadsAreWrittenIntoTheShardOfTheirFirstTwoCharacters() throws {
        let sandbox = try Sandbox()
        try #require(try sandbox.createTutorialWorkload().status == 0)
        #expect(FileManager.default.fileExists(atPath: sandbox.repo + "/" + Self.sharded + "/workload.json"))
        #expect(try sandbox.read("welltree.json").contains("\"format\": 3"))
    }

    @Test func aRepositoryWrittenBeforeShardsIsReadThenMovedInOneCommit() throws {
        let sandbox = try repositoryBeforeShards()
        let before = try sandbox.welltree(["dashboard", "--format", "json"])
        try #require(before.status == 0, "\(before)")
        #expect(before.stdout.contains("\"WorkloadsWithHighRisks\" : 1") || before.stdout.contains("\"WorkloadsWithHighRisks\": 1"), "\(before)")
        // A milestone of the old layout: its commit stays in history after the move.
        let milestone = try sandbox.welltree(["milestone", "create", Self.workload, "Before shards"])
        try #require(milestone.status == 0, "\(milestone)")

        // Reads work; writes are refused until the workloads are moved, and nothing is written.
        let head = try sandbox.commit()
        let refused = try sandbox.welltree(["answer", "update", Self.workload, "identities", "--none"])
        #expect(refused.status == 2 && refused.stderr.contains("`welltree init` moves each into workloads/<first two characters>/"), "\(refused)")
        #expect(try sandbox.commit() == head)
        // A review writes answers to the work tree before committing: it stops before the first.
        let review = try sandbox.welltree(["review", Self.workload], input: "none\nnext\nsave\n")
        #expect(review.status == 2 && review.stderr.contains("`welltree init` moves each"), "\(review)")
        #expect(try sandbox.porcelainStatus() == "" && sandbox.commit() == head)

        let moved = try sandbox.welltree(["init"])
        #expect(moved.status == 0 && moved.stdout.contains("Moved 1 workload into shards"), "\(moved)")
        // The move is a commit of its own; the evidence index (settings format 3) follows in another.
        #expect(try sandbox.git(["log", "-2", "--format=%s"]).stdout == "Keep an evidence index\nMove workloads into shards\n")
        #expect(moved.stdout.contains("Built the evidence index (0 markers) and recorded settings format 3"), "\(moved)")
        #expect(try sandbox.porcelainStatus() == "")
        #expect(!FileManager.default.fileExists(atPath: sandbox.repo + "/" + Self.unsharded))
        // Every file moved unchanged (git sees pure renames) and the settings record format 2.
        let changes = try sandbox.git(["diff", "--name-status", "-M", "HEAD~2", "HEAD~1"]).stdout
        #expect(
            changes == """
                M\twelltree.json
                R100\t\(Self.unsharded)/answers/wellarchitected/priorities.json\t\(Self.sharded)/answers/wellarchitected/priorities.json
                R100\t\(Self.unsharded)/workload.json\t\(Self.sharded)/workload.json

                """)
        #expect(try sandbox.welltree(["init"]).stdout.contains("is up to date"))

        // The same data before and after; a comparison across the move finds nothing changed.
        #expect(try sandbox.welltree(["dashboard", "--format", "json"]).stdout == before.stdout)
        let check = try sandbox.welltree(["check", "--base", "HEAD~2", "--format", "json"])
        #expect(check.status == 0, "\(check)")
        let diff = try sandbox.welltree(["diff", "HEAD~2", "HEAD"])
        #expect(diff.stdout.contains("No workload or lens changed"), "\(diff)")
        // The milestone tagged on the old layout still reads.
        let shown = try sandbox.welltree(["milestone", "show", Self.workload, "Before shards", "--format", "json"])
        #expect(shown.status == 0 && shown.stdout.contains("\"HIGH\" : 1") || shown.stdout.contains("\"HIGH\": 1"), "\(shown)")
        // And writes work again.
        #expect(try sandbox.welltree(["answer", "update", Self.workload, "identities", "--none"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: sandbox.repo + "/" + Self.sharded + "/answers/wellarchitected/identities.json"))
    }

    @Test func aWorkloadNamedLikeAShardMovesIntoItsOwnShard() throws {
        // "UI!" lives in workloads/ui, the very shard that "UI Kit" (workloads/ui-kit) moves to:
        // that move cannot be a rename of the directory, and must not lose either workload.
        let sandbox = try Sandbox()
        for name in ["UI!", "UI Kit", "Payments"] {
            let created = try sandbox.welltree([
                "workload", "create", "--name", name, "--description", "A workload", "--review-owner", "Jane Doe",
                "--environment", "production", "--aws-region", "us-east-1",
            ])
            try #require(created.status == 0, "\(created)")
        }
        try #require(try sandbox.welltree(["answer", "update", "UI Kit", "priorities", "--none", "--notes", "kit"]).status == 0)
        let directories = ["ui", "ui-kit", "payments"]
        for directory in directories {
            try #require(try sandbox.git(["mv", "workloads/\(directory.prefix(2))/\(directory)", "workloads/\(directory)-moving"]).status == 0)
        }
        for shard in ["ui", "pa"] {  // emptied, but still on disk: git mv would move into them
            try FileManager.default.removeItem(atPath: sandbox.repo + "/workloads/" + shard)
        }
        for directory in directories {
            try #require(try sandbox.git(["mv", "workloads/\(directory)-moving", "workloads/\(directory)"]).status == 0)
        }
        let settings = try sandbox.read("welltree.json").replacingOccurrences(of: "\"format\": 3", with: "\"format\": 1")
        try settings.write(toFile: sandbox.repo + "/welltree.json", atomically: true, encoding: .utf8)
        try #require(try sandbox.git(["commit", "-qam", "Written by an older Welltree"]).status == 0)
        let before = try sandbox.welltree(["workload", "list", "--format", "json"])
        try #require(before.status == 0, "\(before)")

        let moved = try sandbox.welltree(["init"])
        #expect(moved.status == 0 && moved.stdout.contains("Moved 3 workloads"), "\(moved)")
        #expect(try sandbox.porcelainStatus() == "")
        let files = try sandbox.git(["ls-files", "workloads"]).stdout
        #expect(
            files == """
                workloads/pa/payments/workload.json
                workloads/ui/ui-kit/answers/wellarchitected/priorities.json
                workloads/ui/ui-kit/workload.json
                workloads/ui/ui/workload.json

                """)
        #expect(try sandbox.welltree(["workload", "list", "--format", "json"]).stdout == before.stdout)
        #expect(try sandbox.read("workloads/ui/ui-kit/answers/wellarchitected/priorities.json").contains("kit"))
    }

    @Test func aWorkloadInTheWrongShardIsRefusedWithWhereItBelongs() throws {
        let sandbox = try Sandbox()
        try #require(try sandbox.createTutorialWorkload().status == 0)
        try FileManager.default.createDirectory(atPath: sandbox.repo + "/workloads/zz", withIntermediateDirectories: true)
        try #require(try sandbox.git(["mv", Self.sharded, "workloads/zz/" + Self.directory]).status == 0)
        try #require(try sandbox.git(["commit", "-qam", "Misplaced by hand"]).status == 0)
        let rule = "workloads/zz/\(Self.directory): a workload directory belongs in the shard of its first two characters, \(Self.sharded)"
        let dashboard = try sandbox.welltree(["dashboard"])
        #expect(dashboard.status == 2 && dashboard.stderr.contains(rule), "\(dashboard)")
        let validate = try sandbox.welltree(["validate"])
        let problem = "workloads/zz/\(Self.directory): error: a workload directory belongs in the shard of its first two characters"
        #expect(validate.status == 2 && validate.stderr.hasPrefix(problem), "\(validate)")
    }
}
