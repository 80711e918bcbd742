import Foundation
import Testing

/// `welltree diff` between commits and the work tree, run in-process.
@Suite("pull-request tools: diff")
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
}
