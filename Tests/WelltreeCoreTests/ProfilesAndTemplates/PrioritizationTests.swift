import TestSupport
import Testing

@testable import WelltreeCore

/// From a profile's answers to PRIORITIZED / NON_PRIORITIZED questions and prioritized risk
/// counts, with the shipped template and mapping on the shipped framework lens.
@Suite("Prioritization")
struct PrioritizationTests {
    static func priorities(_ choices: [String], version: String = ShippedProfileFiles.frameworkVersions.last!) throws -> QuestionPriorities
    {
        let template = try ShippedProfileFiles.template()
        return try #require(
            try ShippedProfileFiles.prioritization().priorities(
                lensAlias: Workload.frameworkLens, lens: ShippedProfileFiles.framework(version),
                answers: ShippedProfileFiles.answers(choices, in: template), template: template))
    }

    /// One choice prioritizes exactly the questions its entry lists, in lens order.
    @Test func oneChoicePrioritizesItsEntry() throws {
        let priorities = try Self.priorities(["priority-disaster-recovery"])
        #expect(priorities.prioritized == ["backing-up-data", "testing-resiliency", "planning-for-recovery"])
        #expect(priorities.type(of: "backing-up-data") == .prioritized)
        #expect(priorities.type(of: "identities") == .nonPrioritized)
        #expect(priorities.causes["planning-for-recovery"] == ["priority-disaster-recovery"])
    }

    /// Several choices prioritize the union of their entries; a question reached by several
    /// names each, in the order the template asks them.
    @Test func choicesPrioritizeTheUnionAndNameTheirCauses() throws {
        let choices = ["adoption-launch", "value-business-critical", "lifecycle-launch", "priority-resilience", "priority-observability"]
        let priorities = try Self.priorities(choices)
        let mapping = try #require(try ShippedProfileFiles.prioritization().lenses[Workload.frameworkLens])
        let expected = Set(choices.flatMap { mapping[$0]?.questions ?? [] })
        #expect(Set(priorities.prioritized) == expected)
        #expect(priorities.causes["backing-up-data"] == ["adoption-launch", "value-business-critical", "lifecycle-launch"])
        #expect(priorities.causes["monitor-aws-resources"] == ["lifecycle-launch", "priority-observability"])
        let lens = try ShippedProfileFiles.framework()
        let order = lens.pillars.flatMap { $0.questions.map(\.id) }
        #expect(priorities.prioritized == order.filter { expected.contains($0) }, "lens order")
        #expect(priorities.prioritizedMask(questionIds: LensEvaluator(lens: lens).questionIds) == order.map { expected.contains($0) })
    }

    /// A reference model on random profiles: prioritized exactly when some selected choice's
    /// entry lists the question.
    @Test func randomProfilesMatchTheReferenceModel() throws {
        var generator = SeededGenerator(seed: 19)
        let template = try ShippedProfileFiles.template()
        let mapping = try ShippedProfileFiles.prioritization()
        let entries = try #require(mapping.lenses[Workload.frameworkLens])
        let lens = try ShippedProfileFiles.framework()
        for _ in 0..<200 {
            var selections: [String: [String]] = [:]
            for question in template.questions {
                let count = Int.random(in: question.selectionRange, using: &generator)
                selections[question.id] = Array(question.choices.map(\.id).shuffled(using: &generator).prefix(count))
            }
            let answers = ProfileAnswers(selections).normalized(to: template)
            #expect(answers.violations(against: template, style: .document).isEmpty)
            let priorities = try #require(
                mapping.priorities(lensAlias: Workload.frameworkLens, lens: lens, answers: answers, template: template))
            for pillar in lens.pillars {
                for question in pillar.questions {
                    let reference = answers.selectedChoiceIds.contains { entries[$0]?.questions.contains(question.id) == true }
                    #expect((priorities.type(of: question.id) == .prioritized) == reference, "\(question.id) for \(answers.selections)")
                }
            }
        }
    }

    /// A lens the mapping does not list has no priorities at all: nil, not "all NON_PRIORITIZED".
    @Test func aLensWithoutAMappingHasNoPriorities() throws {
        let template = try ShippedProfileFiles.template()
        let answers = ShippedProfileFiles.answers(["adoption-launch"], in: template)
        #expect(
            try ShippedProfileFiles.prioritization().priorities(
                lensAlias: "serverless", lens: ShippedProfileFiles.framework(), answers: answers, template: template) == nil)
    }

    /// A version that selects a choice the workspace has since removed from its template (or
    /// that the mapping never listed) keeps working: that choice prioritizes nothing. A
    /// question the workload's lens version does not have is ignored.
    @Test func staleChoicesAndQuestionsPrioritizeNothing() throws {
        var template = try ShippedProfileFiles.template()
        var mapping = try ShippedProfileFiles.prioritization()
        let answers = ShippedProfileFiles.answers(["adoption-launch", "priority-cost"], in: template)
        template.questions[0].choices.removeAll { $0.id == "adoption-launch" }
        mapping.lenses[Workload.frameworkLens]?["priority-cost"]?.questions.append("a-question-of-a-later-version")
        let priorities = try #require(
            mapping.priorities(
                lensAlias: Workload.frameworkLens, lens: try ShippedProfileFiles.framework(), answers: answers, template: template))
        #expect(priorities.prioritized.count == 11, "the cost pillar only: \(priorities.prioritized)")
        #expect(priorities.causes["a-question-of-a-later-version"] == nil)
        #expect(priorities.type(of: "ready-to-support") == .nonPrioritized)
    }

    /// Prioritized risk counts are the risks of the prioritized questions: per pillar, adding up
    /// to the lens's, and to the number of prioritized questions.
    @Test func prioritizedRiskCountsCountThePrioritizedQuestionsOnly() throws {
        let lens = try ShippedProfileFiles.framework()
        let evaluator = LensEvaluator(lens: lens)
        // backing-up-data: nothing but "None of these" (HIGH under the built-in rules);
        // identities: not applicable; monitor-aws-resources: every best practice (NONE).
        let backing = try #require(lens.question(id: "backing-up-data")?.1)
        let monitor = try #require(lens.question(id: "monitor-aws-resources")?.1)
        let answers: [String: Answer] = [
            "backing-up-data": Answer(selectedChoices: [try #require(backing.noneOfTheseChoice?.id)]),
            "identities": Answer(isApplicable: false, reason: .outOfScope),
            "monitor-aws-resources": Answer(selectedChoices: monitor.choices.filter { !$0.isNoneOfThese }.map(\.id)),
        ]
        let review = evaluator.review(answers: answers)
        let priorities = try Self.priorities(["priority-disaster-recovery", "priority-observability"])
        let counts = review.prioritizedRiskCounts(priorities)
        #expect(counts.riskCounts.total == priorities.prioritized.count)
        #expect(counts.riskCounts[.high] == 1)
        #expect(counts.riskCounts[.none] == 1)
        #expect(counts.riskCounts[.notApplicable] == 0, "identities is not prioritized by these choices")
        #expect(counts.riskCounts[.unanswered] == priorities.prioritized.count - 2)
        var sum = RiskCounts()
        for pillar in counts.pillars { sum.add(pillar.riskCounts) }
        #expect(sum == counts.riskCounts)
        #expect(counts.pillars.map(\.id) == lens.pillars.map(\.id))
        #expect(counts.riskCounts(ofPillar: "reliability")[.high] == 1)
        #expect(counts.riskCounts(ofPillar: "costOptimization").total == 1, "monitor-usage, through observability")
        #expect(review.riskCounts[.notApplicable] == 1, "all risks still count identities")
    }
}
