import Testing

@testable import WelltreeCore

@Suite("Improvement plans")
struct ImprovementPlanTests {
    /// valid.json answered so that ops_deploy and sec_data are HIGH, sec_identity and
    /// ops_observe are MEDIUM.
    static func review() throws -> (Lens, LensReview) {
        let lens = try LensFixtures.load("valid.json").lens
        let answers: [String: Answer] = [
            "ops_deploy": Answer(selectedChoices: ["ops_deploy_canary"]),
            "ops_observe": Answer(selectedChoices: ["ops_observe_no"]),
            "sec_identity": Answer(selectedChoices: ["sec_identity_mfa"]),
            "sec_data": Answer(notApplicableChoices: ["sec_data_classify": ChoiceNotApplicable(reason: .businessPriorities)]),
        ]
        return (lens, LensEvaluator(lens: lens).review(answers: answers))
    }

    @Test("high risks come first, then medium, each in lens order by default")
    func defaultOrder() throws {
        let (lens, review) = try Self.review()
        #expect(review.questions.map(\.risk) == [.high, .medium, .medium, .high])
        let plan = review.improvements(lens: lens)
        #expect(plan.map(\.questionId) == ["ops_deploy", "sec_data", "ops_observe", "sec_identity"])
        #expect(plan.map(\.risk) == [.high, .high, .medium, .medium])
    }

    @Test("pillar priorities order each risk group; unlisted pillars follow in lens order")
    func pillarPriority() throws {
        let (lens, review) = try Self.review()
        let plan = review.improvements(lens: lens, pillarPriority: ["security"])
        #expect(plan.map(\.questionId) == ["sec_data", "ops_deploy", "sec_identity", "ops_observe"])
        let unknown = review.improvements(lens: lens, pillarPriority: ["cost", "security", "security"])
        #expect(unknown.map(\.questionId) == plan.map(\.questionId))
    }

    @Test("missing choices exclude selected, not-applicable and None-of-these choices")
    func missingChoices() throws {
        let (lens, review) = try Self.review()
        let plan = review.improvements(lens: lens)
        #expect(plan[0].missingChoices.map(\.id) == ["ops_deploy_pipeline", "ops_deploy_rollback"])
        #expect(plan[0].missingChoices[0].improvementPlan?.url == "https://example.com/plan/ops_deploy_pipeline")
        #expect(plan[0].improvementPlanURL == "https://example.com/help/deploy")
        #expect(plan[0].pillarName == "Operations")
        #expect(plan[0].questionTitle == "How do you deploy changes?")
        #expect(plan[1].missingChoices.map(\.id) == ["sec_data_encrypt"])
        #expect(plan[1].improvementPlanURL == nil)
        #expect(plan[2].missingChoices.map(\.id) == ["ops_observe_metrics", "ops_observe_alarms"])
    }

    @Test("risk filter, and not-applicable questions never appear")
    func filter() throws {
        let (lens, review) = try Self.review()
        #expect(review.improvements(lens: lens, risks: [.high]).map(\.questionId) == ["ops_deploy", "sec_data"])
        let evaluator = LensEvaluator(lens: lens)
        let notApplicable = evaluator.review(answers: ["ops_deploy": Answer(isApplicable: false, reason: .other)])
        #expect(notApplicable.improvements(lens: lens, risks: Set(Risk.allCases)).map(\.risk) == [.unanswered, .unanswered, .unanswered])
    }
}
