import TestSupport
import Testing

@testable import WelltreeCore

/// Property: the compiled evaluator (bit masks, a flat node program, three-valued logic) agrees
/// with a straightforward evaluator written from lens-format.md on random lenses and answers.
/// Seeded, so every run tries the same cases and a failure names a reproducible case.
@Suite("Risk evaluation agrees with a reference evaluator")
struct RiskEvaluationPropertyTests {
    static let lenses = 300
    static let answersPerLens = 40

    @Test func compiledEvaluationEqualsTheReference() throws {
        var generator = SeededGenerator(seed: 0x5EED_0001)
        var compared = 0
        var seen = Set<Risk>()
        for lensNumber in 0..<Self.lenses {
            let lens = Self.randomLens(&generator)
            let evaluator = LensEvaluator(lens: lens)
            for _ in 0..<Self.answersPerLens {
                var answers: [String: Answer] = [:]
                for question in lens.pillars.flatMap(\.questions) {
                    if let answer = Self.randomAnswer(question, &generator) { answers[question.id] = answer }
                }
                let review = evaluator.review(answers: answers)
                for question in lens.pillars.flatMap(\.questions) {
                    let expected = Reference.risk(question, answers[question.id])
                    let actual = review.questions.first { $0.questionId == question.id }?.risk
                    #expect(
                        actual == expected, "lens \(lensNumber), \(question.riskRules), answer \(String(describing: answers[question.id]))")
                    #expect(evaluator.risk(questionId: question.id, answer: answers[question.id]) == expected)
                    seen.insert(expected)
                    compared += 1
                }
                var counts = RiskCounts()
                for question in review.questions { counts.add(question.risk) }
                #expect(evaluator.riskCounts(answers: answers) == counts)
            }
        }
        // The generator reaches every outcome, so the comparison is not vacuous.
        #expect(seen == Set(Risk.allCases))
        ReliabilityLog.record(
            "Property tests (seeded, deterministic)", columns: ["Property", "Cases", "Outcome"],
            [
                "compiled risk evaluation equals a reference evaluator (random lenses, conditions with !, &&, ||, not-applicable choices)",
                "\(Self.lenses) lenses, \(compared) question evaluations", "all equal; every risk value reached",
            ])
    }

    @Test func printedConditionsParseToTheSameCondition() throws {
        var generator = SeededGenerator(seed: 0x5EED_0002)
        let ids = ["a_one", "b_two", "c_three", "default", "d-4", "e.5"]
        let count = 5000
        for _ in 0..<count {
            let condition = Self.randomCondition(ids, depth: 5, &generator)
            #expect(try RiskCondition.parse(condition.description) == Self.flattened(condition), "\(condition)")
        }
        ReliabilityLog.record(
            "Property tests (seeded, deterministic)", columns: ["Property", "Cases", "Outcome"],
            ["a printed risk condition parses back to the same condition (ids include `default`)", "\(count) conditions", "all equal"])
    }

    // MARK: Generators

    static func randomLens(_ g: inout SeededGenerator) -> Lens {
        var questions: [LensQuestion] = []
        for q in 0..<Int.random(in: 1...6, using: &g) {
            let ids = (0..<Int.random(in: 1...8, using: &g)).map { "q\(q)_c\($0)" }
            var rules: [RiskRule] = []
            for _ in 0..<Int.random(in: 1...3, using: &g) {
                let text = randomCondition(ids + ["q\(q)_unknown"], depth: 3, &g).description
                rules.append(RiskRule(condition: text, risk: RuleRisk.allCases.randomElement(using: &g)!))
            }
            if Bool.random(using: &g) { rules.append(RiskRule(condition: "default", risk: .high)) }
            questions.append(
                LensQuestion(id: "q\(q)", title: "Question \(q)", choices: ids.map { LensChoice(id: $0, title: $0) }, riskRules: rules))
        }
        return Lens(name: "Random", description: "Random lens", pillars: [LensPillar(id: "pillar", name: "Pillar", questions: questions)])
    }

    static func randomCondition(_ ids: [String], depth: Int, _ g: inout SeededGenerator) -> RiskCondition {
        let pick = depth == 0 ? 0 : Int.random(in: 0...3, using: &g)
        switch pick {
        case 0: return .choice(ids.randomElement(using: &g)!)
        case 1: return .not(randomCondition(ids, depth: depth - 1, &g))
        default:
            let operands = (0..<Int.random(in: 2...3, using: &g)).map { _ in randomCondition(ids, depth: depth - 1, &g) }
            return pick == 2 ? .and(operands) : .or(operands)
        }
    }

    /// The parser keeps chains of one operator flat; a generated tree is compared in that form.
    static func flattened(_ condition: RiskCondition) -> RiskCondition {
        switch condition {
        case .always, .choice: return condition
        case .not(let inner): return .not(flattened(inner))
        case .and(let operands):
            return .and(operands.map(flattened).flatMap { if case .and(let inner) = $0 { inner } else { [$0] } })
        case .or(let operands):
            return .or(operands.map(flattened).flatMap { if case .or(let inner) = $0 { inner } else { [$0] } })
        }
    }

    static func randomAnswer(_ question: LensQuestion, _ g: inout SeededGenerator) -> Answer? {
        if Int.random(in: 0..<8, using: &g) == 0 { return nil }
        let ids = question.choices.map(\.id) + ["not_a_choice"]
        var answer = Answer()
        answer.selectedChoices = ids.filter { _ in Int.random(in: 0..<3, using: &g) == 0 }
        for id in ids where Int.random(in: 0..<5, using: &g) == 0 {
            answer.notApplicableChoices[id] = ChoiceNotApplicable()
        }
        if Int.random(in: 0..<10, using: &g) == 0 {
            answer.isApplicable = false
            answer.reason = .outOfScope
        }
        return answer
    }
}

/// lens-format.md's rules, written directly over sets of ids and the condition tree.
private enum Reference {
    enum Truth { case yes, no, dropped }

    static func risk(_ question: LensQuestion, _ answer: Answer?) -> Risk {
        guard let answer else { return .unanswered }
        if !answer.isApplicable { return .notApplicable }
        let known = Set(question.choices.map(\.id))
        let notApplicable = Set(answer.notApplicableChoices.keys).intersection(known)
        let selected = Set(answer.selectedChoices).intersection(known).subtracting(notApplicable)
        if selected.isEmpty && notApplicable.isEmpty { return .unanswered }
        for rule in question.riskRules {
            guard let condition = try? RiskCondition.parse(rule.condition) else { continue }
            if truth(condition, known, selected, notApplicable) != .no { return rule.risk.risk }
        }
        return .unanswered
    }

    static func truth(_ condition: RiskCondition, _ known: Set<String>, _ selected: Set<String>, _ notApplicable: Set<String>) -> Truth {
        switch condition {
        case .always: return .yes
        case .choice(let id):
            if !known.contains(id) { return .no }
            if notApplicable.contains(id) { return .dropped }
            return selected.contains(id) ? .yes : .no
        case .not(let inner):
            switch truth(inner, known, selected, notApplicable) {
            case .yes: return .no
            case .no: return .yes
            case .dropped: return .dropped
            }
        case .and(let operands):
            let values = operands.map { truth($0, known, selected, notApplicable) }
            if values.contains(.no) { return .no }
            return values.contains(.yes) ? .yes : .dropped
        case .or(let operands):
            let values = operands.map { truth($0, known, selected, notApplicable) }
            if values.contains(.yes) { return .yes }
            return values.contains(.no) ? .no : .dropped
        }
    }
}
