import Foundation
import Testing

/// The drivers `welltree hooks install` configures and the pre-commit check, exercised with the
/// git CLI as a reviewer would: git runs the binary, so these need a process.
@Suite("pull-request tools: git drivers and hooks")
struct GitDriverTests {
    static let workload = Sandbox.tutorialName
    static let answers = "workloads/re/retail-website-north-america/answers/wellarchitected/"

    static func installed() throws -> Sandbox {
        let sandbox = try Sandbox()
        try #require(try sandbox.createTutorialWorkload().status == 0)
        let install = try sandbox.welltree(["hooks", "install"])
        try #require(install.status == 0, "\(install)")
        return sandbox
    }

    @Test func gitDiffShowsQuestionTitles() throws {
        let sandbox = try Self.installed()
        try #require(
            try sandbox.welltree(["answer", "update", Self.workload, "priorities", "--select", "ops_priorities_ext_cust_needs"]).status == 0
        )
        let log = try sandbox.git(["log", "-p", "-1"])
        #expect(log.stdout.contains("+Question: How do you determine what your priorities are?"), "\(log)")
        #expect(log.stdout.contains("+[x] Evaluate customer needs"))
        try #require(
            try sandbox.welltree(["answer", "update", Self.workload, "priorities", "--select", "ops_priorities_int_cust_needs"]).status == 0
        )
        let diff = try sandbox.git(["diff", "HEAD~1", "HEAD"])
        #expect(diff.stdout.contains("-[x] Evaluate customer needs"))
        #expect(diff.stdout.contains("+[x] Evaluate internal customer needs"))
        let workload = try sandbox.git(["show", "HEAD~2", "--", "workloads/re/retail-website-north-america/workload.json"])
        #expect(workload.stdout.contains("+Review owner: Jane Doe"))
    }

    @Test func differentQuestionsAndPropertiesMergeCleanly() throws {
        let sandbox = try Self.installed()
        try #require(
            try sandbox.welltree(["answer", "update", Self.workload, "priorities", "--select", "ops_priorities_ext_cust_needs"]).status == 0
        )
        try sandbox.git(["checkout", "-q", "-b", "a"])
        try #require(
            try sandbox.welltree(["answer", "update", Self.workload, "priorities", "--notes", "Agreed in the review"]).status == 0)
        try #require(try sandbox.welltree(["answer", "update", Self.workload, "ops-model", "--none"]).status == 0)
        try #require(try sandbox.welltree(["workload", "update", Self.workload, "--review-owner", "John Roe"]).status == 0)
        try sandbox.git(["checkout", "-q", "main"])
        try sandbox.git(["checkout", "-q", "-b", "b"])
        try #require(
            try sandbox.welltree([
                "answer", "update", Self.workload, "priorities", "--select", "ops_priorities_ext_cust_needs,ops_priorities_int_cust_needs",
            ]).status == 0)
        try #require(try sandbox.welltree(["answer", "update", Self.workload, "org-culture", "--none"]).status == 0)
        try #require(
            try sandbox.welltree(["workload", "update", Self.workload, "--description", "Storefront for North America"]).status == 0)
        let merge = try sandbox.git(["merge", "--no-edit", "a"])
        #expect(merge.status == 0, "\(merge)")
        let priorities = try sandbox.read(Self.answers + "priorities.json")
        #expect(priorities.contains("Agreed in the review") && priorities.contains("ops_priorities_int_cust_needs"))
        let workload = try sandbox.read("workloads/re/retail-website-north-america/workload.json")
        #expect(workload.contains("John Roe") && workload.contains("Storefront for North America"))
        #expect(try sandbox.welltree(["validate"]).status == 0)
    }

    @Test func theSameQuestionChangedBothWaysConflicts() throws {
        let sandbox = try Self.installed()
        try sandbox.git(["checkout", "-q", "-b", "a"])
        try #require(
            try sandbox.welltree(["answer", "update", Self.workload, "priorities", "--select", "ops_priorities_ext_cust_needs"]).status == 0
        )
        try sandbox.git(["checkout", "-q", "main"])
        try #require(
            try sandbox.welltree(["answer", "update", Self.workload, "priorities", "--select", "ops_priorities_int_cust_needs"]).status == 0
        )
        let merge = try sandbox.git(["merge", "--no-edit", "a"])
        #expect(merge.status != 0)
        #expect(
            merge.stderr.contains(
                "conflict in question priorities of lens wellarchitected (workload retail-website-north-america): both sides changed selectedChoices"
            ), "\(merge)")
        let file = try sandbox.read(Self.answers + "priorities.json")
        #expect(file.hasPrefix("<<<<<<< ours\n"))
        #expect(file.contains("=======\n") && file.contains(">>>>>>> theirs\n"))
        let validate = try sandbox.welltree(["validate"])
        #expect(validate.status == 2)
        #expect(validate.stderr.contains(Self.answers + "priorities.json:1:1: error:"))
    }

    @Test func preCommitRefusesInvalidFiles() throws {
        let sandbox = try Self.installed()
        let path = Self.answers + "priorities.json"
        try FileManager.default.createDirectory(atPath: sandbox.repo + "/" + Self.answers, withIntermediateDirectories: true)
        try "{\n  \"selectedChoices\": [\n    \"no_such_choice\"\n  ]\n}\n".write(
            toFile: sandbox.repo + "/" + path, atomically: true, encoding: .utf8)
        try sandbox.git(["add", path])
        let commit = try sandbox.git(["commit", "-m", "Hand edit"])
        #expect(commit.status != 0)
        #expect(
            commit.stderr.contains("\(path):3:5: error: selectedChoices[0]: \"no_such_choice\" is not a choice of question priorities"),
            "\(commit)")
        try "{\n  \"selectedChoices\": [\n    \"ops_priorities_no\"\n  ]\n}\n".write(
            toFile: sandbox.repo + "/" + path, atomically: true, encoding: .utf8)
        try sandbox.git(["add", path])
        let fixed = try sandbox.git(["commit", "-m", "Hand edit"])
        #expect(fixed.status == 0, "\(fixed)")
    }

    /// `git commit -a` and `git commit PATH` stage into a temporary index and name it to the hook
    /// in `GIT_INDEX_FILE` (relative to the work tree's root); `.git/index` still holds the
    /// old state while the hook runs, so a check of it would pass the invalid file.
    @Test(arguments: [["commit", "-a", "-m", "Hand edit"], ["commit", "-m", "Hand edit", "--", answers + "priorities.json"]])
    func preCommitChecksWhatTheCommitTakesFromTheWorkTree(_ commit: [String]) throws {
        let sandbox = try Self.installed()
        try #require(
            try sandbox.welltree(["answer", "update", Self.workload, "priorities", "--select", "ops_priorities_ext_cust_needs"]).status == 0
        )
        let path = Self.answers + "priorities.json"
        try "{\n  \"selectedChoices\": [\n    \"no_such_choice\"\n  ]\n}\n".write(
            toFile: sandbox.repo + "/" + path, atomically: true, encoding: .utf8)
        let head = try sandbox.commit(of: "HEAD")
        let refused = try sandbox.git(commit)
        #expect(refused.status != 0, "\(refused)")
        #expect(
            refused.stderr.contains("\(path):3:5: error: selectedChoices[0]: \"no_such_choice\" is not a choice of question priorities"),
            "\(refused)")
        #expect(try sandbox.commit(of: "HEAD") == head)
        try "{\n  \"selectedChoices\": [\n    \"ops_priorities_no\"\n  ]\n}\n".write(
            toFile: sandbox.repo + "/" + path, atomically: true, encoding: .utf8)
        let fixed = try sandbox.git(commit)
        #expect(fixed.status == 0, "\(fixed)")
        #expect(try sandbox.commit(of: "HEAD") != head)
    }
}
