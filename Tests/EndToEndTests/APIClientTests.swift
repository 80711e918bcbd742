import Foundation
import TestSupport
import Testing

/// Every `--format json` output that speaks an operation of the AWS Well-Architected API, read by
/// botocore's response parser for that operation, as a boto3 client reads the service's
/// response: no member the API defines may be lost or change meaning on the way, and the values
/// clients branch on (risk counts, statuses, owners) must mean what they mean in the service.
@Suite("API clients read Welltree's JSON")
struct APIClientTests {
    static let workload = Sandbox.tutorialName
    static let lens = "readiness-review"

    /// Runs a command that must succeed and returns its JSON output.
    private func json(_ sandbox: Sandbox, _ arguments: [String]) throws -> String {
        let result = try sandbox.welltree(arguments + ["--format", "json"])
        try #require(result.status == 0, "\(arguments): \(result)")
        return result.stdout
    }

    @Test(.enabled(if: Botocore.python != nil, Botocore.skipMessage))
    func everyAPIShapedOutputReadsAsTheServiceMeansIt() throws {
        let sandbox = try Sandbox()
        let w = Self.workload
        var documents: [(operation: String, json: String)] = []
        func add(_ operation: String, _ arguments: [String]) throws {
            documents.append((operation, try json(sandbox, arguments)))
        }

        try add("CreateWorkload", [
            "workload", "create", "--name", w, "--description", "Online retail storefront", "--review-owner", "Jane Doe",
            "--environment", "production", "--aws-region", "us-east-1", "--tag", "team=storefront",
            "--account-id", "123456789012",
        ])
        // Nothing answered yet: no high and no medium risk, so neither key may be present.
        try add("GetWorkload", ["workload", "show", w])
        try add("ListWorkloads", ["workload", "list"])
        try add("ListWorkloads", ["dashboard"])
        try add("ListTagsForResource", ["workload", "tags", w])
        try add("UpdateWorkload", ["workload", "update", w, "--improvement-status", "in-progress"])

        try add("UpdateAnswer", ["answer", "update", w, "priorities", "--none"])
        try add("UpdateAnswer", [
            "answer", "update", w, "mit-deploy-risks", "--select",
            "ops_mit_deploy_risks_plan_for_unsucessful_changes,ops_mit_deploy_risks_test_val_chg",
            "--choice-na", "ops_mit_deploy_risks_deploy_mgmt_sys:BUSINESS_PRIORITIES:Manual releases until Q3",
            "--notes", "Reviewed with the release team",
        ])
        try add("GetAnswer", ["answer", "show", w, "mit-deploy-risks"])
        try add("ListAnswers", ["answer", "list", w])
        try add("GetLensReview", ["status", w])
        try add("ListLensReviewImprovements", ["improvements", w])

        // A custom lens with two published versions, the workload left on the first.
        let v1 = sandbox.root + "/readiness-v1.json"
        let v2 = sandbox.root + "/readiness-v2.json"
        try ReadinessLens.write(ReadinessLens.version1, to: v1)
        try ReadinessLens.write(ReadinessLens.version2, to: v2)
        for step in [["lens", "import", v1], ["lens", "publish", Self.lens, "--version", "1.0"], ["lens", "associate", w, Self.lens],
                     ["lens", "import", v2], ["lens", "publish", Self.lens, "--version", "2.0", "--major"]] {
            let result = try sandbox.welltree(step)
            try #require(result.status == 0, "\(step): \(result)")
        }
        try add("ListLenses", ["lens", "list"])
        try add("GetLens", ["lens", "show", Self.lens, "--version", "1.0"])
        try add("GetLens", ["lens", "show", Self.lens])
        try add("GetLensVersionDifference", ["lens", "diff", Self.lens, "--base-version", "1.0"])
        try add("ListNotifications", ["notifications"])

        try add("CreateMilestone", ["milestone", "create", w, "First review"])
        try add("ListMilestones", ["milestone", "list", w])
        try add("GetMilestone", ["milestone", "show", w, "1"])
        try add("ListLensReviews", ["lens", "reviews", w])
        try add("ListLensReviews", ["lens", "reviews", w, "--milestone", "1"])
        try add("GetLensReview", ["status", w, "--milestone", "1"])
        try add("GetAnswer", ["answer", "show", w, "mit-deploy-risks", "--milestone", "1"])
        try add("ListAnswers", ["answer", "list", w, "--milestone", "1"])
        try add("ListLensReviewImprovements", ["improvements", w, "--milestone", "1"])

        try add("CreateWorkloadShare", ["share", "create", w, "--principal", "bob@example.com", "--permission", "readonly"])
        let shareId = try #require(
            (try JSONSerialization.jsonObject(with: Data(documents.last!.json.utf8)) as? [String: Any])?["ShareId"] as? String)
        try add("CreateWorkloadShare", ["share", "create", w, "--principal", "210987654321", "--permission", "contributor"])
        try add("ListWorkloadShares", ["share", "list", w])
        sandbox.principal = "bob@example.com"
        try add("ListShareInvitations", ["share", "invitations"])
        try add("UpdateShareInvitation", ["share", "accept", shareId])
        sandbox.principal = "alice@example.com"
        try add("UpdateWorkloadShare", ["share", "update", w, shareId, "--permission", "contributor"])
        try add("CreateLensShare", ["lens", "share", "create", Self.lens, "--principal", "carol@example.com"])
        try add("ListLensShares", ["lens", "share", "list", Self.lens])
        try add("GetConsolidatedReport", ["report", "consolidated"])

        let results = try Botocore.parse(documents)
        try #require(results.count == documents.count)
        for result in results {
            #expect(result.problems.isEmpty, "\(result.operation): \(result.problems.joined(separator: "\n"))")
        }
        func parsed(_ operation: String, _ occurrence: Int = 0) throws -> [String: Any] {
            try #require(results.filter { $0.operation == operation }.dropFirst(occurrence).first).parsed
        }

        // Prowler's "no high or medium risks" check tests for the keys: an unanswered workload passes.
        let fresh = try #require(try parsed("GetWorkload")["Workload"] as? [String: Any])
        #expect(fresh["RiskCounts"] as? [String: Int] == ["UNANSWERED": 57])
        #expect(fresh["Owner"] as? String == "alice@example.com")
        let listed = try #require((try parsed("ListWorkloads")["WorkloadSummaries"] as? [[String: Any]])?.first)
        #expect(listed["Owner"] as? String == "alice@example.com")
        #expect((listed["RiskCounts"] as? [String: Int]).map { $0["HIGH"] == nil && $0["MEDIUM"] == nil } == true)
        // After `--none` on one question, HIGH is there and counts one.
        let review = try #require(try parsed("GetLensReview")["LensReview"] as? [String: Any])
        #expect((review["RiskCounts"] as? [String: Int])?["HIGH"] == 1)
        #expect((review["RiskCounts"] as? [String: Int])?["MEDIUM"] == 1)
        for pillar in review["PillarReviewSummaries"] as? [[String: Any]] ?? [] {
            #expect((pillar["RiskCounts"] as? [String: Int])?.values.contains(0) == false)
        }

        // The answer's choice marked not applicable keeps its reason and notes.
        let answer = try #require(try parsed("GetAnswer")["Answer"] as? [String: Any])
        let marked = (answer["ChoiceAnswers"] as? [[String: Any]] ?? []).first { $0["Status"] as? String == "NOT_APPLICABLE" }
        #expect(marked?["Reason"] as? String == "BUSINESS_PRIORITIES")
        #expect(marked?["Notes"] as? String == "Manual releases until Q3")
        #expect(answer["Risk"] as? String == "MEDIUM")

        // GetLens reports the version asked for, with that version's content.
        let old = try #require(try parsed("GetLens", 0)["Lens"] as? [String: Any])
        #expect(old["LensVersion"] as? String == "1.0")
        #expect(old["Name"] as? String == ReadinessLens.name)
        #expect(old["Owner"] as? String == "alice@example.com")
        let current = try #require(try parsed("GetLens", 1)["Lens"] as? [String: Any])
        #expect(current["LensVersion"] as? String == "2.0")

        // Tags as ListTagsForResource returns them.
        #expect(try parsed("ListTagsForResource")["Tags"] as? [String: String] == ["team": "storefront"])

        // Shares: who shared and where each invitation stands.
        let invitation = try #require((try parsed("ListShareInvitations")["ShareInvitationSummaries"] as? [[String: Any]])?.first)
        #expect(invitation["SharedBy"] as? String == "alice@example.com")
        #expect((try parsed("UpdateShareInvitation")["ShareInvitation"] as? [String: Any])?["ShareInvitationId"] as? String == shareId)
        let updated = try #require(try parsed("UpdateWorkloadShare")["WorkloadShare"] as? [String: Any])
        #expect(updated["SharedBy"] as? String == "alice@example.com")
        #expect(updated["Status"] as? String == "ACCEPTED")
        #expect(updated["PermissionType"] as? String == "CONTRIBUTOR")
        let shares = try #require(try parsed("ListWorkloadShares")["WorkloadShareSummaries"] as? [[String: Any]])
        #expect(Set(shares.compactMap { $0["Status"] as? String }) == ["PENDING"])

        // The consolidated report's counts leave zeros out at every level.
        let metric = try #require((try parsed("GetConsolidatedReport")["Metrics"] as? [[String: Any]])?.first)
        #expect((metric["RiskCounts"] as? [String: Int])?.values.contains(0) == false)
    }

    @Test func lensShowReportsTheVersionAskedFor() throws {
        let sandbox = try Sandbox()
        let v1 = sandbox.root + "/readiness-v1.json"
        var smaller = ReadinessLens.version2
        // A second version with one question fewer, so the count tells the versions apart.
        if var pillars = smaller["pillars"] as? [[String: Any]], var questions = pillars[1]["questions"] as? [[String: Any]] {
            questions.removeLast()
            pillars[1]["questions"] = questions
            smaller["pillars"] = pillars
        }
        let v2 = sandbox.root + "/readiness-v2.json"
        try ReadinessLens.write(ReadinessLens.version1, to: v1)
        try ReadinessLens.write(smaller, to: v2)
        for step in [["lens", "import", v1], ["lens", "publish", Self.lens, "--version", "1.0"],
                     ["lens", "import", v2], ["lens", "publish", Self.lens, "--version", "2.0", "--major"]] {
            try #require(try sandbox.welltree(step).status == 0, "\(step)")
        }
        let old = try #require(
            (try JSONSerialization.jsonObject(with: Data(try json(sandbox, ["lens", "show", Self.lens, "--version", "1.0"]).utf8))
                as? [String: Any])?["Lens"] as? [String: Any])
        #expect(old["LensVersion"] as? String == "1.0")
        #expect(old["QuestionCount"] as? Int == 4)
        #expect(old["Versions"] as? [String] == ["1.0", "2.0"])
        let current = try #require(
            (try JSONSerialization.jsonObject(with: Data(try json(sandbox, ["lens", "show", Self.lens]).utf8)) as? [String: Any])?[
                "Lens"] as? [String: Any])
        #expect(current["LensVersion"] as? String == "2.0")
        #expect(current["QuestionCount"] as? Int == 3)

        // A draft-only lens has no version to show; asking for one is refused by name.
        let draft = sandbox.root + "/draft.json"
        var other = ReadinessLens.version1
        other["name"] = "Another lens"
        try ReadinessLens.write(other, to: draft)
        try #require(try sandbox.welltree(["lens", "import", draft]).status == 0)
        let refused = try sandbox.welltree(["lens", "show", "another-lens", "--version", "1.0", "--format", "json"])
        #expect(refused.status == 2, "\(refused)")
        #expect(refused.stderr.contains("no version \"1.0\""))
    }

    @Test func workloadTagsListsTheTags() throws {
        let sandbox = try Sandbox()
        try #require(try sandbox.createTutorialWorkload(extra: ["--tag", "team=storefront", "--tag", "cost-center=42"]).status == 0)
        let text = try sandbox.welltree(["workload", "tags", Self.workload])
        #expect(text.status == 0, "\(text)")
        #expect(text.stdout == "KEY          VALUE\ncost-center  42\nteam         storefront\n")
        let document = try json(sandbox, ["workload", "tags", "retail website - north america"])
        #expect(document == "{\n  \"Tags\": {\n    \"cost-center\": \"42\",\n    \"team\": \"storefront\"\n  }\n}\n")
        try expectShape("ListTagsForResource", RunResult(status: 0, stdout: document, stderr: ""))

        let bare = try Sandbox()
        try #require(try bare.createTutorialWorkload().status == 0)
        #expect(try json(bare, ["workload", "tags", Self.workload]) == "{\n  \"Tags\": {}\n}\n")
        #expect(try bare.welltree(["workload", "tags", Self.workload]).stdout.contains("has no tags"))
    }
}
