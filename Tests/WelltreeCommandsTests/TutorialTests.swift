import Foundation
import Testing

/// The user guide's tutorial, driven through the built binary: define the workload, document it
/// to 3 HRIs and 1 MRI, then make the Step 4 improvements that leave 1 HRI and 2 MRIs.
@Suite("Tutorial end to end")
struct TutorialTests {
    static let w = Sandbox.tutorialName

    static func documentWorkload(_ sandbox: Sandbox) throws {
        let answers: [[String]] = [
            ["priorities", "--select", "ops_priorities_ext_cust_needs,ops_priorities_int_cust_needs,ops_priorities_governance_reqs,ops_priorities_compliance_reqs,ops_priorities_eval_threat_landscape,ops_priorities_eval_tradeoffs"],
            ["identities", "--select", "sec_identities_unique,sec_identities_secrets"],
            ["monitor-aws-resources", "--none", "--notes", "Only load balancer health checks so far."],
            ["adapt-to-changes", "--none"],
            ["backing-up-data", "--select", "rel_backing_up_data_identified_backups_data,rel_backing_up_data_secured_backups_data",
             "--choice-na", "rel_backing_up_data_periodic_recovery_testing_data:BUSINESS_PRIORITIES:Drills start next quarter"],
            ["sus_user", "--not-applicable", "--reason", "out-of-scope"],
        ]
        for answer in answers {
            let result = try sandbox.welltree(["answer", "update", w] + answer)
            #expect(result.status == 0, "\(result)")
        }
    }

    static func counts(_ sandbox: Sandbox) throws -> [String: Int] {
        let result = try sandbox.welltree(["status", w, "--format", "json"])
        #expect(result.status == 0, "\(result)")
        let root = try #require(try sandbox.json(result) as? [String: Any])
        let review = try #require(root["LensReview"] as? [String: Any])
        return try #require(review["RiskCounts"] as? [String: Int])
    }

    @Test func threeHighRisksAndOneMediumThenImprovementsLeaveOneHigh() throws {
        let sandbox = try Sandbox()
        let created = try sandbox.createTutorialWorkload()
        #expect(created.status == 0, "\(created)")
        try Self.documentWorkload(sandbox)
        var counts = try Self.counts(sandbox)
        #expect(counts["HIGH"] == 3)
        #expect(counts["MEDIUM"] == 1)
        #expect(counts["NONE"] == 1)
        #expect(counts["NOT_APPLICABLE"] == 1)
        #expect(counts["UNANSWERED"] == 51)

        let plan = try sandbox.welltree(["improvements", Self.w, "--format", "json"])
        try WorkloadCommandTests.expectShape("ListLensReviewImprovements", plan)
        let summaries = try #require((try sandbox.json(plan) as? [String: Any])?["ImprovementSummaries"] as? [[String: Any]])
        #expect(summaries.map { $0["QuestionId"] as? String } == ["identities", "monitor-aws-resources", "adapt-to-changes", "backing-up-data"])
        // The API's DisplayText is the practice's title within 64 characters; the improvement
        // plan's whole text is Welltree's ImprovementPlanText.
        let plans = summaries.flatMap { $0["ImprovementPlans"] as? [[String: Any]] ?? [] }
        #expect(plans.allSatisfy { ($0["DisplayText"] as? String).map { (1...64).contains($0.unicodeScalars.count) } == true })
        #expect(plans.allSatisfy { ($0["ImprovementPlanText"] as? String)?.contains("In Welltree's rules for this lens") == true })
        #expect(summaries.map { $0["Risk"] as? String } == ["HIGH", "HIGH", "HIGH", "MEDIUM"])

        // Step 4: CloudWatch monitoring and Auto Scaling.
        let monitor = try sandbox.welltree([
            "answer", "update", Self.w, "monitor-aws-resources", "--select",
            "rel_monitor_aws_resources_monitor_resources,rel_monitor_aws_resources_notification_aggregation,rel_monitor_aws_resources_notification_monitor,rel_monitor_aws_resources_automate_response_monitor,rel_monitor_aws_resources_storage_analytics,rel_monitor_aws_resources_review_monitoring,rel_monitor_aws_resources_end_to_end",
            "--notes", "Amazon CloudWatch dashboards and alarms added.",
        ])
        #expect(monitor.stdout.contains("risk NONE"), "\(monitor)")
        let scale = try sandbox.welltree(["answer", "update", Self.w, "adapt-to-changes", "--select", "rel_adapt_to_changes_autoscale_adapt"])
        #expect(scale.stdout.contains("risk MEDIUM"), "\(scale)")
        counts = try Self.counts(sandbox)
        #expect(counts["HIGH"] == 1)
        #expect(counts["MEDIUM"] == 2)

        let dashboard = try sandbox.welltree(["dashboard", "--format", "json"])
        let totals = try #require((try sandbox.json(dashboard) as? [String: Any])?["Totals"] as? [String: Any])
        #expect(totals["Workloads"] as? Int == 1)
        #expect(totals["WorkloadsWithHighRisks"] as? Int == 1)

        let log = try sandbox.git(["log", "--format=%s"])
        #expect(log.stdout.hasPrefix("Answer adapt-to-changes of Retail Website - North America (wellarchitected): HIGH -> MEDIUM\n"))
        #expect(log.stdout.split(separator: "\n").count == 10)
        #expect(try sandbox.git(["status", "--porcelain"]).stdout.isEmpty)
        #expect(try sandbox.git(["fsck", "--strict"]).status == 0)
    }

    @Test func aQuestionNotApplicableKeepsItsSelectionsForLater() throws {
        let sandbox = try Sandbox()
        _ = try sandbox.createTutorialWorkload()
        try sandbox.welltree(["answer", "update", Self.w, "identities", "--select", "sec_identities_unique"])
        try sandbox.welltree(["answer", "update", Self.w, "identities", "--not-applicable", "--reason", "OUT_OF_SCOPE"])
        var show = try sandbox.welltree(["answer", "show", Self.w, "identities", "--format", "json"])
        var answer = try #require((try sandbox.json(show) as? [String: Any])?["Answer"] as? [String: Any])
        #expect(answer["Risk"] as? String == "NOT_APPLICABLE")
        #expect(answer["Reason"] as? String == "OUT_OF_SCOPE")
        #expect(answer["SelectedChoices"] as? [String] == ["sec_identities_unique"])
        try sandbox.welltree(["answer", "update", Self.w, "identities", "--applicable"])
        show = try sandbox.welltree(["answer", "show", Self.w, "identities", "--format", "json"])
        answer = try #require((try sandbox.json(show) as? [String: Any])?["Answer"] as? [String: Any])
        #expect(answer["Risk"] as? String == "HIGH")
        #expect(answer["IsApplicable"] as? Bool == true)
    }

    @Test func selectingNoneOfTheseClearsTheOtherSelections() throws {
        let sandbox = try Sandbox()
        _ = try sandbox.createTutorialWorkload()
        try sandbox.welltree(["answer", "update", Self.w, "identities", "--select", "sec_identities_unique,sec_identities_secrets"])
        try sandbox.welltree(["answer", "update", Self.w, "identities", "--none"])
        let text = try sandbox.read("workloads/re/retail-website-north-america/answers/wellarchitected/identities.json")
        #expect(text.contains("\"sec_identities_no\""))
        #expect(!text.contains("sec_identities_unique"))
    }
}
