import Foundation
import Testing
import WelltreeCore

/// The four AWS lenses shipped in workspace-template: valid under the same rules as imported
/// lenses, their ids as in the reference facts, and their derived risk rules behaving as documented.
@Suite("Built-in lenses")
struct BuiltinLensTests {
    static let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func load(_ alias: String) throws -> Lens {
        let path = projectRoot.appendingPathComponent("workspace-template/lenses/\(alias)/versions/1.0.json").path
        let bytes = try #require(FileManager.default.contents(atPath: path))
        return try LensLoader.load(Array(bytes), file: path, kind: .official).lens
    }

    @Test(arguments: [
        ("wellarchitected", 6, 57), ("serverless", 5, 9), ("softwareasaservice", 5, 14), ("foundationaltechnicalreview", 3, 12),
    ])
    func validatesWithTheExpectedShape(alias: String, pillars: Int, questions: Int) throws {
        let lens = try Self.load(alias)
        #expect(lens.pillars.count == pillars)
        #expect(lens.questionCount == questions)
        for question in lens.pillars.flatMap(\.questions) {
            #expect(question.noneOfTheseChoice != nil, "\(alias) \(question.id) has a None of these choice")
            #expect(question.hasDefaultRule, "\(alias) \(question.id) has a default rule")
        }
    }

    @Test func frameworkKeepsTheAWSIdsAndCurlyApostrophesOfOtherLensesSurvive() throws {
        let framework = try Self.load("wellarchitected")
        #expect(framework.pillars.map(\.id) == ["operationalExcellence", "security", "reliability", "performance", "costOptimization", "sustainability"])
        let (_, priorities) = try #require(framework.question(id: "priorities"))
        #expect(priorities.choices.first?.id == "ops_priorities_ext_cust_needs")
        #expect(priorities.noneOfTheseChoice?.id == "ops_priorities_no")
        #expect(framework.question(id: "cloud-financial-management") != nil)
        let serverless = try Self.load("serverless")
        #expect(serverless.pillars.flatMap(\.questions).contains { $0.title.contains("\u{2019}") })
    }

    /// Answers built from a question's choices by a rule, and the risk each must give.
    static func risk(_ evaluator: LensEvaluator, _ question: LensQuestion, selecting ids: [String]) -> Risk {
        evaluator.risk(questionId: question.id, answer: Answer(selectedChoices: ids))
    }

    @Test func frameworkRulesFollowThePublishedRiskLevels() throws {
        let lens = try Self.load("wellarchitected")
        let evaluator = LensEvaluator(lens: lens)
        let (_, question) = try #require(lens.question(id: "backing-up-data"))
        let all = question.choices.filter { !$0.isNoneOfThese }.map(\.id)
        let high = ["rel_backing_up_data_identified_backups_data", "rel_backing_up_data_secured_backups_data"]
        #expect(Self.risk(evaluator, question, selecting: all) == .none)
        #expect(Self.risk(evaluator, question, selecting: high) == .medium)
        #expect(Self.risk(evaluator, question, selecting: [high[0]]) == .high)
        #expect(Self.risk(evaluator, question, selecting: ["rel_backing_up_data_no"]) == .high)
        #expect(evaluator.risk(questionId: question.id, answer: nil) == .unanswered)
        #expect(evaluator.risk(questionId: question.id, answer: Answer(isApplicable: false, reason: .outOfScope)) == .notApplicable)
        // A high-risk practice marked not applicable counts as in place.
        let na = Answer(selectedChoices: [high[0]], notApplicableChoices: [high[1]: ChoiceNotApplicable(reason: .outOfScope)])
        #expect(evaluator.risk(questionId: question.id, answer: na) == .medium)
    }

    @Test func ftrRequiresEveryPracticeAndSaaSGradesPartialAnswers() throws {
        for (alias, expectedSome) in [("foundationaltechnicalreview", Risk.high), ("softwareasaservice", Risk.medium)] {
            let lens = try Self.load(alias)
            let evaluator = LensEvaluator(lens: lens)
            for question in lens.pillars.flatMap(\.questions) {
                let practices = question.choices.filter { !$0.isNoneOfThese }.map(\.id)
                #expect(Self.risk(evaluator, question, selecting: practices) == .none, "\(alias) \(question.id) all")
                if practices.count > 1 {
                    #expect(Self.risk(evaluator, question, selecting: [practices[0]]) == expectedSome, "\(alias) \(question.id) some")
                }
                #expect(Self.risk(evaluator, question, selecting: [question.noneOfTheseChoice!.id]) == .high, "\(alias) \(question.id) none")
                let allNA = Answer(notApplicableChoices: Dictionary(uniqueKeysWithValues: practices.map { ($0, ChoiceNotApplicable()) }))
                #expect(evaluator.risk(questionId: question.id, answer: allNA) == .none, "\(alias) \(question.id) all not applicable")
            }
        }
    }

    @Test func serverlessTiersMapToRiskLevels() throws {
        let lens = try Self.load("serverless")
        let evaluator = LensEvaluator(lens: lens)
        for question in lens.pillars.flatMap(\.questions) {
            let practices = question.choices.filter { !$0.isNoneOfThese }.map(\.id)
            #expect(Self.risk(evaluator, question, selecting: practices) == .none, "\(question.id)")
            #expect(Self.risk(evaluator, question, selecting: [question.noneOfTheseChoice!.id]) != .none, "\(question.id)")
        }
    }

    /// The committed lens files are exactly what the generator makes from the reference facts
    /// (ids, titles, links, rules), when the reference directory is beside the project.
    @Test func filesMatchTheReferenceFacts() throws {
        let reference = Self.projectRoot.deletingLastPathComponent().appendingPathComponent("shared/reference")
        guard FileManager.default.fileExists(atPath: reference.appendingPathComponent("framework-lens.csv").path) else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.projectRoot.appendingPathComponent("scripts/generate-builtin-lenses.py").path,
                             "--reference", reference.path, "--out", Self.projectRoot.appendingPathComponent("workspace-template/lenses").path, "--check"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}
