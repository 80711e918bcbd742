import Foundation
import Testing

/// `welltree diff`, the drivers `welltree hooks install` configures, and `welltree validate`,
/// exercised with the git CLI as a reviewer would.
@Suite("pull-request tools")
struct PullRequestToolsTests {
    static let workload = Sandbox.tutorialName
    static let answers = "workloads/re/retail-website-north-america/answers/wellarchitected/"

    @Test func diffDescribesPropertiesAnswersAndRisks() throws {
        let sandbox = try Sandbox()
        try #require(try sandbox.createTutorialWorkload().status == 0)
        try sandbox.git(["checkout", "-q", "-b", "change"])
        try #require(try sandbox.welltree(["workload", "update", Self.workload, "--review-owner", "John Roe"]).status == 0)
        try #require(try sandbox.welltree(["answer", "update", Self.workload, "priorities", "--none", "--notes", "Not yet"]).status == 0)
        let text = try sandbox.welltree(["diff", "main", "HEAD"])
        #expect(text.status == 0, "\(text)")
        #expect(text.stdout.contains("Review owner: Jane Doe -> John Roe"))
        #expect(text.stdout.contains("priorities  How do you determine what your priorities are?  UNANSWERED -> HIGH"))
        #expect(text.stdout.contains("+ selected: None of these"))
        #expect(text.stdout.contains("notes: (none) -> \"Not yet\""))
        #expect(text.stdout.contains("HRIs: 1 new, 0 resolved (net +1)"))
        let markdown = try sandbox.welltree(["diff", "main", "HEAD", "--format", "markdown"])
        #expect(markdown.stdout.contains("## Well-Architected review changes"))
        #expect(markdown.stdout.contains("| Retail Website - North America | edited | 1 | 0 | 0 | 0 |"))
        let json = try #require(try sandbox.json(try sandbox.welltree(["diff", "main", "HEAD", "--format", "json"])) as? [String: Any])
        let workloads = try #require(json["workloads"] as? [[String: Any]])
        #expect(workloads.first?["kind"] as? String == "EDITED")
        #expect(((json["risks"] as? [String: Any])?["newHigh"] as? [Any])?.count == 1)
    }

    @Test func diffOfTheWorkTreeSeesUncommittedEdits() throws {
        let sandbox = try Sandbox()
        try #require(try sandbox.createTutorialWorkload().status == 0)
        let path = sandbox.repo + "/" + Self.answers + "priorities.json"
        try FileManager.default.createDirectory(atPath: sandbox.repo + "/" + Self.answers, withIntermediateDirectories: true)
        try "{\n  \"selectedChoices\": [\n    \"ops_priorities_no\"\n  ]\n}\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try sandbox.welltree(["diff"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("Changes from HEAD to work tree"))
        #expect(result.stdout.contains("UNANSWERED -> HIGH"))
        try FileManager.default.removeItem(atPath: path)
        #expect(try sandbox.welltree(["diff"]).stdout.contains("No workload or lens changed."))
    }

    @Test func renamesAndRemovalsAreNamed() throws {
        let sandbox = try Sandbox()
        try #require(try sandbox.createTutorialWorkload().status == 0)
        try sandbox.git(["checkout", "-q", "-b", "change"])
        try #require(try sandbox.welltree(["workload", "update", Self.workload, "--name", "Retail Website - Americas"]).status == 0)
        let renamed = try sandbox.welltree(["diff", "main", "HEAD"])
        #expect(renamed.stdout.contains("Workload \"Retail Website - North America\" renamed to \"Retail Website - Americas\""))
        try #require(try sandbox.welltree(["workload", "delete", "Retail Website - Americas", "--yes"]).status == 0)
        #expect(try sandbox.welltree(["diff", "main", "HEAD"]).stdout.contains("removed"))
    }

    /// Installs the drivers and returns a sandbox with the tutorial workload on main.
    static func installed() throws -> Sandbox {
        let sandbox = try Sandbox()
        try #require(try sandbox.createTutorialWorkload().status == 0)
        let install = try sandbox.welltree(["hooks", "install"])
        try #require(install.status == 0, "\(install)")
        return sandbox
    }

    @Test func gitDiffShowsQuestionTitles() throws {
        let sandbox = try Self.installed()
        try #require(try sandbox.welltree(["answer", "update", Self.workload, "priorities", "--select", "ops_priorities_ext_cust_needs"]).status == 0)
        let log = try sandbox.git(["log", "-p", "-1"])
        #expect(log.stdout.contains("+Question: How do you determine what your priorities are?"), "\(log)")
        #expect(log.stdout.contains("+[x] Evaluate customer needs"))
        try #require(try sandbox.welltree(["answer", "update", Self.workload, "priorities", "--select", "ops_priorities_int_cust_needs"]).status == 0)
        let diff = try sandbox.git(["diff", "HEAD~1", "HEAD"])
        #expect(diff.stdout.contains("-[x] Evaluate customer needs"))
        #expect(diff.stdout.contains("+[x] Evaluate internal customer needs"))
        let workload = try sandbox.git(["show", "HEAD~2", "--", "workloads/re/retail-website-north-america/workload.json"])
        #expect(workload.stdout.contains("+Review owner: Jane Doe"))
    }

    @Test func differentQuestionsAndPropertiesMergeCleanly() throws {
        let sandbox = try Self.installed()
        try #require(try sandbox.welltree(["answer", "update", Self.workload, "priorities", "--select", "ops_priorities_ext_cust_needs"]).status == 0)
        try sandbox.git(["checkout", "-q", "-b", "a"])
        try #require(try sandbox.welltree(["answer", "update", Self.workload, "priorities", "--notes", "Agreed in the review"]).status == 0)
        try #require(try sandbox.welltree(["answer", "update", Self.workload, "ops-model", "--none"]).status == 0)
        try #require(try sandbox.welltree(["workload", "update", Self.workload, "--review-owner", "John Roe"]).status == 0)
        try sandbox.git(["checkout", "-q", "main"])
        try sandbox.git(["checkout", "-q", "-b", "b"])
        try #require(try sandbox.welltree(["answer", "update", Self.workload, "priorities", "--select", "ops_priorities_ext_cust_needs,ops_priorities_int_cust_needs"]).status == 0)
        try #require(try sandbox.welltree(["answer", "update", Self.workload, "org-culture", "--none"]).status == 0)
        try #require(try sandbox.welltree(["workload", "update", Self.workload, "--description", "Storefront for North America"]).status == 0)
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
        try #require(try sandbox.welltree(["answer", "update", Self.workload, "priorities", "--select", "ops_priorities_ext_cust_needs"]).status == 0)
        try sandbox.git(["checkout", "-q", "main"])
        try #require(try sandbox.welltree(["answer", "update", Self.workload, "priorities", "--select", "ops_priorities_int_cust_needs"]).status == 0)
        let merge = try sandbox.git(["merge", "--no-edit", "a"])
        #expect(merge.status != 0)
        #expect(merge.stderr.contains("conflict in question priorities of lens wellarchitected (workload retail-website-north-america): both sides changed selectedChoices"), "\(merge)")
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
        try "{\n  \"selectedChoices\": [\n    \"no_such_choice\"\n  ]\n}\n".write(toFile: sandbox.repo + "/" + path, atomically: true, encoding: .utf8)
        try sandbox.git(["add", path])
        let commit = try sandbox.git(["commit", "-m", "Hand edit"])
        #expect(commit.status != 0)
        #expect(commit.stderr.contains("\(path):3:5: error: selectedChoices[0]: \"no_such_choice\" is not a choice of question priorities"), "\(commit)")
        try "{\n  \"selectedChoices\": [\n    \"ops_priorities_no\"\n  ]\n}\n".write(toFile: sandbox.repo + "/" + path, atomically: true, encoding: .utf8)
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
        try #require(try sandbox.welltree(["answer", "update", Self.workload, "priorities", "--select", "ops_priorities_ext_cust_needs"]).status == 0)
        let path = Self.answers + "priorities.json"
        try "{\n  \"selectedChoices\": [\n    \"no_such_choice\"\n  ]\n}\n".write(toFile: sandbox.repo + "/" + path, atomically: true, encoding: .utf8)
        let head = try sandbox.commit(of: "HEAD")
        let refused = try sandbox.git(commit)
        #expect(refused.status != 0, "\(refused)")
        #expect(
            refused.stderr.contains("\(path):3:5: error: selectedChoices[0]: \"no_such_choice\" is not a choice of question priorities"),
            "\(refused)")
        #expect(try sandbox.commit(of: "HEAD") == head)
        try "{\n  \"selectedChoices\": [\n    \"ops_priorities_no\"\n  ]\n}\n".write(toFile: sandbox.repo + "/" + path, atomically: true, encoding: .utf8)
        let fixed = try sandbox.git(commit)
        #expect(fixed.status == 0, "\(fixed)")
        #expect(try sandbox.commit(of: "HEAD") != head)
    }
}
