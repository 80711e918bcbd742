import Foundation
import TestSupport
import Testing

@Suite("Lens commands end to end")
struct LensCommandTests {
    static let lens = Fixtures.teamLens

    @Test func importPublishAssociateAnswerExport() throws {
        let sandbox = try Sandbox()
        _ = try sandbox.createTutorialWorkload()
        let file = sandbox.root + "/team.json"
        try Self.lens.write(toFile: file, atomically: true, encoding: .utf8)
        let imported = try sandbox.welltree(["lens", "import", file])
        #expect(imported.status == 0, "\(imported)")
        #expect(imported.stdout.contains("team-practices"))
        #expect(try sandbox.welltree(["lens", "publish", "team-practices", "--version", "1.0", "--major"]).status == 0)
        #expect(try sandbox.welltree(["lens", "associate", Sandbox.tutorialName, "team-practices", "serverless"]).status == 0)
        let answer = try sandbox.welltree(["answer", "update", Sandbox.tutorialName, "team_oncall", "--lens", "team-practices", "--none"])
        #expect(answer.stdout.contains("risk HIGH"), "\(answer)")

        let list = try sandbox.welltree(["lens", "list", "--format", "json"])
        try WorkloadCommandTests.expectShape("ListLenses", list)
        let summaries = try #require((try sandbox.json(list) as? [String: Any])?["LensSummaries"] as? [[String: Any]])
        let types = Dictionary(uniqueKeysWithValues: summaries.map { ($0["LensAlias"] as! String, $0["LensType"] as! String) })
        #expect(types == ["wellarchitected": "AWS_OFFICIAL", "serverless": "AWS_OFFICIAL", "softwareasaservice": "AWS_OFFICIAL",
                          "foundationaltechnicalreview": "AWS_OFFICIAL", "team-practices": "CUSTOM_SELF"])

        let exported = try sandbox.welltree(["lens", "export", "team-practices"])
        let exportFile = sandbox.root + "/export.json"
        try exported.stdout.write(toFile: exportFile, atomically: true, encoding: .utf8)
        #expect(try sandbox.welltree(["lens", "validate", exportFile]).status == 0)
        #expect(try sandbox.welltree(["lens", "export", "team-practices", "--version", "1.0"]).stdout == exported.stdout)

        let answers = try sandbox.welltree(["answer", "list", Sandbox.tutorialName, "--lens", "team-practices", "--format", "json"])
        try WorkloadCommandTests.expectShape("ListAnswers", answers)
        let show = try sandbox.welltree(["answer", "show", Sandbox.tutorialName, "team_oncall", "--lens", "team-practices", "--format", "json"])
        try WorkloadCommandTests.expectShape("GetAnswer", show)
        let status = try sandbox.welltree(["status", Sandbox.tutorialName, "--lens", "team-practices", "--format", "json"])
        try WorkloadCommandTests.expectShape("GetLensReview", status)
        let plan = try sandbox.welltree(["improvements", Sandbox.tutorialName, "--lens", "team-practices", "--format", "json"])
        try WorkloadCommandTests.expectShape("ListLensReviewImprovements", plan)
    }

    @Test func aBrokenLensIsRejectedWithPathAndPosition() throws {
        let sandbox = try Sandbox()
        let file = sandbox.root + "/broken.json"
        try Self.lens.replacingOccurrences(of: "\"team_oncall_rota\", \"risk\"", with: "\"team_oncall_rota &&\", \"risk\"")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let head = try sandbox.git(["rev-parse", "HEAD"]).stdout
        let result = try sandbox.welltree(["lens", "import", file])
        #expect(result.status == 2)
        #expect(result.stderr.contains("riskRules[0].condition"), "\(result)")
        #expect(result.stderr.contains("column"))
        #expect(try sandbox.git(["rev-parse", "HEAD"]).stdout == head)
    }

    /// A team that disagrees with a built-in lens's rules publishes its own version of it; a
    /// minor version applies to the workloads that use the lens at once.
    @Test func aWorkspaceLocalVersionOfABuiltinLens() throws {
        let sandbox = try Sandbox()
        _ = try sandbox.createTutorialWorkload(extra: ["--lens", "serverless"])
        let exported = try sandbox.welltree(["lens", "export", "serverless"])
        let file = sandbox.root + "/serverless.json"
        try exported.stdout.replacingOccurrences(of: "\"HIGH_RISK\"", with: "\"MEDIUM_RISK\"")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let imported = try sandbox.welltree(["lens", "import", file, "--alias", "serverless"])
        #expect(imported.status == 0, "\(imported)")
        #expect(try sandbox.welltree(["lens", "publish", "serverless", "--version", "1.2", "--minor"]).status == 0)
        let answer = try sandbox.welltree(["answer", "update", Sandbox.tutorialName, "ops_q1", "--lens", "serverless", "--none"])
        #expect(answer.stdout.contains("risk MEDIUM"), "\(answer)")
        let status = try sandbox.welltree(["status", Sandbox.tutorialName, "--lens", "serverless", "--format", "json"])
        #expect(status.stdout.contains("\"LensVersion\": \"1.2\""))
        #expect(try sandbox.welltree(["lens", "export", "serverless", "--version", "1.1"]).stdout == exported.stdout)
    }
}
