import Testing

@testable import WelltreeCore

/// One row of Fixtures/lenses/evaluation-cases.json: an answer to a question of evaluation.json
/// and the risk it must get.
struct EvaluationCase: Decodable, Sendable, CustomTestStringConvertible {
    var question: String
    var selected: [String]
    var notApplicable: [String]
    var applicable: Bool
    var expected: Risk
    var why: String

    var testDescription: String { "\(question) \(selected) NA\(notApplicable) -> \(expected.rawValue): \(why)" }

    var answer: Answer {
        Answer(
            selectedChoices: selected,
            notApplicableChoices: Dictionary(uniqueKeysWithValues: notApplicable.map { ($0, ChoiceNotApplicable()) }),
            isApplicable: applicable, reason: applicable ? nil : .outOfScope)
    }

    static let all: [EvaluationCase] = {
        do {
            return try JSONNodeDecoder().decode([EvaluationCase].self, from: LensFixtures.bytes("evaluation-cases.json"))
        } catch {
            return []
        }
    }()
}

@Suite("Lens evaluation")
struct LensEvaluatorTests {
    static let evaluator: LensEvaluator? = try? LensEvaluator(lens: LensFixtures.load("evaluation.json").lens)

    @Test("the case table loads")
    func table() {
        #expect(EvaluationCase.all.count >= 35)
        #expect(Self.evaluator != nil)
    }

    @Test("risks follow lens-format.md", arguments: EvaluationCase.all)
    func evaluate(_ row: EvaluationCase) throws {
        let evaluator = try #require(Self.evaluator)
        #expect(evaluator.risk(questionId: row.question, answer: row.answer) == row.expected)
    }

    @Test("no answer at all is UNANSWERED; an unknown question is UNANSWERED")
    func unanswered() throws {
        let evaluator = try #require(Self.evaluator)
        #expect(evaluator.risk(questionId: "precedence", answer: nil) == .unanswered)
        #expect(evaluator.risk(questionId: "no_such_question", answer: Answer(selectedChoices: ["aaa"])) == .unanswered)
        #expect(evaluator.risk(questionId: "precedence", answer: Answer(notes: "thinking about it")) == .unanswered)
    }

    @Test("the same choice id in two questions is answered per question")
    func choiceIdsPerQuestion() throws {
        let evaluator = try #require(Self.evaluator)
        let answers = ["negation": Answer(selectedChoices: ["aaa"]), "na_or": Answer(selectedChoices: ["bbb"])]
        let review = evaluator.review(answers: answers)
        let risks = Dictionary(uniqueKeysWithValues: review.questions.map { ($0.questionId, $0.risk) })
        #expect(risks["negation"] == Risk.none)
        #expect(risks["na_or"] == Risk.none)
        #expect(risks["na_and"] == .unanswered)
    }

    @Test("a lens review counts risks per pillar and per lens")
    func review() throws {
        let lens = try LensFixtures.load("valid.json").lens
        let evaluator = LensEvaluator(lens: lens)
        let answers: [String: Answer] = [
            "ops_deploy": Answer(selectedChoices: ["ops_deploy_no"]),
            "ops_observe": Answer(selectedChoices: ["ops_observe_metrics", "ops_observe_alarms"]),
            "sec_identity": Answer(selectedChoices: ["sec_identity_mfa"], isApplicable: false, reason: .outOfScope),
        ]
        let review = evaluator.review(answers: answers)
        #expect(review.pillars.map(\.id) == ["operations", "security"])
        #expect(review.questions.map(\.risk) == [.high, .none, .notApplicable, .unanswered])
        #expect(review.pillars[0].riskCounts[.high] == 1)
        #expect(review.pillars[0].riskCounts[.none] == 1)
        #expect(review.pillars[1].riskCounts[.notApplicable] == 1)
        #expect(review.pillars[1].riskCounts[.unanswered] == 1)
        #expect(review.riskCounts.total == 4)
        #expect(review.riskCounts.answered == 3)
        #expect(review.riskCounts == evaluator.riskCounts(answers: answers))
        #expect(review.questions[0].answer == answers["ops_deploy"])
        #expect(review.questions[0].title == "How do you deploy changes?")
    }

    @Test("a lens built in memory with a broken rule skips that rule instead of crashing")
    func unvalidatedLens() {
        let question = LensQuestion(
            id: "q01", title: "Q", choices: [LensChoice(id: "aaa", title: "A")],
            riskRules: [
                RiskRule(condition: "aaa &&", risk: .none), RiskRule(condition: "zzz", risk: .none),
                RiskRule(condition: "default", risk: .medium),
            ])
        let evaluator = LensEvaluator(
            lens: Lens(name: "L", description: "", pillars: [LensPillar(id: "p01", name: "P", questions: [question])]))
        #expect(evaluator.risk(questionId: "q01", answer: Answer(selectedChoices: ["aaa"])) == .medium)
    }
}
