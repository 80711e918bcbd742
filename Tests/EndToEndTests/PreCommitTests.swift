import Foundation
import Testing

/// `.pre-commit-hooks.yaml` driven by the real pre-commit framework: `pre-commit try-repo`
/// points a review repository at this source tree's hooks, with `welltree` on PATH.
@Suite("pre-commit hooks", .enabled(if: PythonTools.isAvailable, PythonTools.skipMessage))
struct PreCommitTests {
    /// Runs `pre-commit try-repo <this source tree> HOOK` in the sandbox's repository.
    static func tryRepo(_ sandbox: Sandbox, _ arguments: [String]) throws -> RunResult {
        let bin = sandbox.root + "/bin"
        if !FileManager.default.fileExists(atPath: bin + "/welltree") {
            try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: bin + "/welltree", withDestinationPath: Run.welltree)
        }
        var environment = sandbox.environment
        environment["PATH"] = bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        environment["PRE_COMMIT_HOME"] = sandbox.root + "/pre-commit-cache"
        return try Run.program(
            PythonTools.tool("pre-commit"), ["try-repo", PythonTools.sourceRoot] + arguments, in: sandbox.repo, environment: environment)
    }

    @Test func validateRefusesAnInvalidAnswerFileAndPassesAValidOne() throws {
        let sandbox = try Sandbox()
        try #require(try sandbox.createTutorialWorkload().status == 0)
        let answers = "workloads/re/retail-website-north-america/answers/wellarchitected/"
        try FileManager.default.createDirectory(atPath: sandbox.repo + "/" + answers, withIntermediateDirectories: true)
        try "{\n  \"selectedChoices\": [\n    \"ops_priorities_no_such_choice\"\n  ]\n}\n"
            .write(toFile: sandbox.repo + "/" + answers + "priorities.json", atomically: true, encoding: .utf8)
        try #require(try sandbox.git(["add", answers + "priorities.json"]).status == 0)
        let refused = try Self.tryRepo(sandbox, ["welltree-validate", "--verbose"])
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stdout.contains("welltree validate") && refused.stdout.contains("Failed"), "\(refused)")
        #expect(
            refused.stdout.contains(answers + "priorities.json") && refused.stdout.contains("ops_priorities_no_such_choice"), "\(refused)")

        try "{\n  \"selectedChoices\": [\n    \"ops_priorities_ext_cust_needs\"\n  ]\n}\n"
            .write(toFile: sandbox.repo + "/" + answers + "priorities.json", atomically: true, encoding: .utf8)
        try #require(try sandbox.git(["add", answers + "priorities.json"]).status == 0)
        let passed = try Self.tryRepo(sandbox, ["welltree-validate", "--verbose"])
        #expect(passed.status == 0 && passed.stdout.contains("Passed"), "\(passed)")
    }

    @Test func theGateRunsAtPushAndFailsANewHighRisk() throws {
        let sandbox = try Self.pushedBranch()
        let from = try #require(try sandbox.commit(of: "refs/remotes/origin/main"))
        let to = try #require(try sandbox.commit(of: "HEAD"))
        let refused = try Self.tryRepo(
            sandbox, ["welltree-check", "--hook-stage", "pre-push", "--from-ref", from, "--to-ref", to, "--verbose"])
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stdout.contains("FAILED: 1 new high-risk issue"), "\(refused)")
    }

    /// A repository with origin/main and a branch that stops backing up data.
    static func pushedBranch() throws -> Sandbox {
        let sandbox = try Sandbox()
        try #require(try sandbox.createTutorialWorkload().status == 0)
        try #require(try sandbox.git(["update-ref", "refs/remotes/origin/main", "main"]).status == 0)
        try #require(try sandbox.git(["checkout", "-q", "-b", "stop-backups"]).status == 0)
        try #require(try sandbox.welltree(["answer", "update", Sandbox.tutorialName, "backing-up-data", "--none"]).status == 0)
        return sandbox
    }
}
