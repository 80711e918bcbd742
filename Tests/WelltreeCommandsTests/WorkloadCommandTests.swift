import Foundation
import TestSupport
import Testing

@Suite("Workload commands end to end")
struct WorkloadCommandTests {
    /// Checks a command's JSON output against an API operation's response shape.
    static func expectShape(_ operation: String, _ result: RunResult) throws {
        let problem = try APIShapeChecker.problem(operation, json: result.stdout)
        #expect(problem == nil, "\(problem ?? "")")
    }

    @Test func initTwiceChangesNothing() throws {
        let sandbox = try Sandbox()
        let head = try sandbox.git(["rev-parse", "HEAD"]).stdout
        let again = try sandbox.welltree(["init", sandbox.repo])
        #expect(again.status == 0)
        #expect(again.stdout.contains("up to date"))
        #expect(try sandbox.git(["rev-parse", "HEAD"]).stdout == head)
        #expect(try sandbox.git(["log", "--format=%s"]).stdout == "Initialise Welltree workspace\n")
    }

    @Test func initAdoptsAnExistingRepository() throws {
        let sandbox = try Sandbox(initialise: false)
        try FileManager.default.createDirectory(atPath: sandbox.repo, withIntermediateDirectories: true)
        try sandbox.git(["init", "-q", "-b", "main"])
        try "# Ours\n".write(toFile: sandbox.repo + "/NOTES.md", atomically: true, encoding: .utf8)
        try sandbox.git(["add", "NOTES.md"])
        try sandbox.git(["commit", "-qm", "Our notes"])
        let result = try sandbox.welltree(["init", sandbox.repo])
        #expect(result.status == 0, "\(result)")
        #expect(try sandbox.git(["log", "--format=%s"]).stdout == "Initialise Welltree workspace\nOur notes\n")
    }

    @Test func createShowListSpeakTheAPIShapes() throws {
        let sandbox = try Sandbox()
        let created = try sandbox.createTutorialWorkload(extra: ["--tag", "team=storefront", "--account-id", "123456789012", "--format", "json"])
        #expect(created.status == 0, "\(created)")
        try Self.expectShape("CreateWorkload", created)
        let id = try #require((try sandbox.json(created) as? [String: Any])?["WorkloadId"] as? String)
        #expect(id.count == 32)

        let show = try sandbox.welltree(["workload", "show", id, "--format", "json"])
        try Self.expectShape("GetWorkload", show)
        let workload = try #require((try sandbox.json(show) as? [String: Any])?["Workload"] as? [String: Any])
        #expect(workload["WorkloadName"] as? String == Sandbox.tutorialName)
        #expect(workload["AwsRegions"] as? [String] == ["us-east-1", "us-west-2"])
        #expect(workload["NonAwsRegions"] as? [String] == ["Local data center"])
        #expect(workload["Tags"] as? [String: String] == ["team": "storefront"])
        #expect(workload["Lenses"] as? [String] == ["wellarchitected"])
        #expect((workload["RiskCounts"] as? [String: Int])?["UNANSWERED"] == 57)

        let list = try sandbox.welltree(["workload", "list", "--format", "json"])
        try Self.expectShape("ListWorkloads", list)
        let text = try sandbox.welltree(["workload", "list"])
        #expect(text.stdout.hasPrefix("NAME "))
        #expect(text.stdout.contains(Sandbox.tutorialName))

        // Names are found ignoring spaces and case, and -C works before the subcommand.
        let byName = try sandbox.welltree(["-C", sandbox.repo, "workload", "show", "RETAIL WEBSITE-NORTH AMERICA"], in: sandbox.root)
        #expect(byName.status == 0, "\(byName)")
        #expect(byName.stdout.contains("Review owner"))
    }

    @Test func invalidInputListsEveryViolationExitsTwoAndWritesNothing() throws {
        let sandbox = try Sandbox()
        let head = try sandbox.git(["rev-parse", "HEAD"]).stdout
        let result = try sandbox.welltree([
            "workload", "create", "--name", "ab", "--description", "x", "--review-owner", "Jane Doe",
            "--environment", "production", "--account-id", "12345", "--tag", "aws:owner=me",
        ])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        let errors = result.stderr.split(separator: "\n").filter { $0.hasPrefix("error: ") }
        #expect(errors.count == 4, "\(result)")
        #expect(result.stderr.contains("--name: \"ab\""))
        #expect(result.stderr.contains("--account-id"))
        #expect(result.stderr.contains("aws:"))
        #expect(try sandbox.git(["rev-parse", "HEAD"]).stdout == head)
    }

    @Test func updateAndDeleteAreOwnerOnly() throws {
        let sandbox = try Sandbox()
        _ = try sandbox.createTutorialWorkload()
        sandbox.principal = "mallory@example.com"
        let refused = try sandbox.welltree(["workload", "update", Sandbox.tutorialName, "--notes", "mine now"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("only its owner alice@example.com"))
        sandbox.principal = "alice@example.com"
        let updated = try sandbox.welltree(["workload", "update", Sandbox.tutorialName, "--improvement-status", "in-progress", "--tag", "tier=1"])
        #expect(updated.status == 0, "\(updated)")
        #expect(try sandbox.git(["log", "-1", "--format=%s"]).stdout
            == "Update workload Retail Website - North America: tags, improvement status\n")
        let noConfirm = try sandbox.welltree(["workload", "delete", Sandbox.tutorialName])
        #expect(noConfirm.status == 2)
        let deleted = try sandbox.welltree(["workload", "delete", Sandbox.tutorialName, "--yes"])
        #expect(deleted.status == 0, "\(deleted)")
        #expect(try sandbox.welltree(["workload", "list", "--format", "json"]).stdout.contains("\"WorkloadSummaries\": []"))
    }

    @Test func aBrokenWorkspaceFileIsReportedWithPathAndPosition() throws {
        let sandbox = try Sandbox()
        _ = try sandbox.createTutorialWorkload()
        let path = "workloads/re/retail-website-north-america/workload.json"
        let broken = try sandbox.read(path).replacingOccurrences(of: "\"PRODUCTION\"", with: "\"STAGING\"")
        try broken.write(toFile: sandbox.repo + "/" + path, atomically: true, encoding: .utf8)
        try sandbox.git(["commit", "-qam", "Hand edit"])
        let result = try sandbox.welltree(["workload", "list"])
        #expect(result.status == 2)
        #expect(result.stderr.contains(path))
        #expect(result.stderr.contains("environment"))
        #expect(result.stderr.contains("line "))
    }
}
