import Testing

@testable import WelltreeCore

/// Templates that keep working: which answers of a workload created from a template still
/// follow it, and which its reviewers changed.
@Suite("Template status")
struct TemplateStatusTests {
    /// A two-question lens is enough to follow every case.
    static let lens = Lens(
        name: "Sample", description: "A sample lens",
        pillars: [
            LensPillar(
                id: "ops", name: "Operations",
                questions: ["q1", "q2", "q3", "q4"].map { id in
                    LensQuestion(
                        id: id, title: id, choices: ["\(id)_a", "\(id)_b", "\(id)_no"].map { LensChoice(id: $0, title: $0) },
                        riskRules: [RiskRule(condition: "default", risk: .high)])
                })
        ])

    static func answer(_ choices: String..., notes: String? = nil) -> Answer {
        Answer(selectedChoices: choices, notes: notes)
    }

    @Test(arguments: [
        ("equal to the current answer", "a", "a", ["b", "a"], TemplateAnswerState.current),
        ("equal to an earlier answer", "b", "a", ["b", "a"], .outdated),
        ("equal to no answer the template held", "c", "a", ["b", "a"], .overridden),
    ])
    func classifyComparesWithTheCurrentThenTheHeldValues(
        _ what: String, value: String, current: String, held: [String], expected: TemplateAnswerState
    ) {
        #expect(TemplateStatus.classify(value, current: current, held: held) == expected, "\(what)")
    }

    @Test func noValueOnEitherSideIsCurrentAndAnAnswerOfItsOwnIsOverridden() {
        #expect(TemplateStatus.classify(String?.none, current: nil, held: [nil]) == .current)
        #expect(TemplateStatus.classify("mine", current: nil, held: [nil]) == .overridden)
        #expect(TemplateStatus.classify(String?.none, current: "new", held: [nil, "new"]) == .outdated, "the template answered it after")
    }

    /// The scenario of the issue: a workload created from version 3 copied the template's
    /// answers to q1 and q2; the template has since changed q1; the workload's reviewers changed
    /// q2; q3 the template answered later; q4 neither answered.
    @Test func aChangedTemplateAnswerIsProposedOnlyWhereTheWorkloadDidNotOverrideIt() throws {
        let v3q1 = Self.answer("q1_a")
        let v3q2 = Self.answer("q2_a", notes: "Shared landing zone")
        let template: [String: Answer] = ["q1": Self.answer("q1_a", "q1_b"), "q2": v3q2, "q3": Self.answer("q3_b")]
        let workload: [String: Answer] = ["q1": v3q1, "q2": Self.answer("q2_a", notes: "Shared landing zone, plus our own VPC")]
        let history = TemplateAnswerHistory(["q1": [v3q1, template["q1"]], "q3": [nil, template["q3"]]])
        let comparisons = TemplateStatus.compare(lens: Self.lens, workloadAnswers: workload, templateAnswers: template, history: history)
        #expect(comparisons.map(\.state) == [.outdated, .overridden, .outdated, .current])
        #expect(comparisons[0].proposal == template["q1"] && comparisons[0].isApplicable)
        #expect(comparisons[1].proposal == nil && !comparisons[1].isApplicable, "an overridden answer is never touched")
        #expect(comparisons[2].proposal == template["q3"])
        #expect(comparisons.map(\.pillarId) == ["ops", "ops", "ops", "ops"])
    }

    /// After `template apply`, the workload holds the template's newer answer; when the template
    /// changes again, the workload still follows it (its answer is one the template held), so
    /// apply never needs to record anything in workload.json.
    @Test func anAppliedAnswerStillFollowsTheTemplateAfterTheNextChange() {
        let first = Self.answer("q1_a")
        let second = Self.answer("q1_a", "q1_b")
        let third = Self.answer("q1_b")
        let comparisons = TemplateStatus.compare(
            lens: Self.lens, workloadAnswers: ["q1": second], templateAnswers: ["q1": third],
            history: TemplateAnswerHistory(["q1": [first, second, third]]))
        #expect(comparisons[0].state == .outdated && comparisons[0].proposal == third)
    }

    /// Answers compare as answers: the order of a hand-edited selection and an answer that
    /// records nothing do not make a difference.
    @Test func answersCompareAsAnswersNotAsFiles() {
        let comparisons = TemplateStatus.compare(
            lens: Self.lens, workloadAnswers: ["q1": Self.answer("q1_b", "q1_a"), "q2": Answer()],
            templateAnswers: ["q1": Self.answer("q1_a", "q1_b")], history: TemplateAnswerHistory())
        #expect(comparisons.map(\.state) == [.current, .current, .current, .current])
    }

    /// A change of notes, a choice marked not applicable or the question marked not applicable
    /// on the workload is an override too: its reviewers' words are never replaced.
    @Test(arguments: [
        Answer(selectedChoices: ["q1_a"], notes: "Our own words"),
        Answer(selectedChoices: ["q1_a"], notApplicableChoices: ["q1_b": ChoiceNotApplicable(reason: .outOfScope)]),
        Answer(selectedChoices: ["q1_a"], isApplicable: false, reason: .businessPriorities),
    ])
    func anyChangeByTheWorkloadIsAnOverride(workloadAnswer: Answer) {
        let comparisons = TemplateStatus.compare(
            lens: Self.lens, workloadAnswers: ["q1": workloadAnswer], templateAnswers: ["q1": Self.answer("q1_b")],
            history: TemplateAnswerHistory(["q1": [Self.answer("q1_a"), Self.answer("q1_b")]]))
        #expect(comparisons[0].state == .overridden)
    }

    /// The template no longer answers a question: a workload that still holds the template's old
    /// answer is proposed the removal of its copy.
    @Test func aWithdrawnTemplateAnswerIsProposedAsARemoval() {
        let old = Self.answer("q2_b")
        let comparisons = TemplateStatus.compare(
            lens: Self.lens, workloadAnswers: ["q2": old], templateAnswers: [:], history: TemplateAnswerHistory(["q2": [old, nil]]))
        #expect(comparisons[1].state == .outdated && comparisons[1].proposal == nil && comparisons[1].isApplicable)
    }

    /// The template moved to a lens version with a choice the workload's version lacks: the
    /// proposal is blocked, with the reason, instead of writing an answer the lens cannot read.
    @Test func aProposalTheWorkloadsLensVersionCannotTakeIsBlocked() {
        let newer = Answer(selectedChoices: ["q1_a", "q1_c"])
        let comparisons = TemplateStatus.compare(
            lens: Self.lens, workloadAnswers: ["q1": Self.answer("q1_a")], templateAnswers: ["q1": newer],
            history: TemplateAnswerHistory(["q1": [Self.answer("q1_a"), newer]]))
        #expect(comparisons[0].state == .outdated && !comparisons[0].isApplicable)
        #expect(comparisons[0].blockers.map(\.value) == ["q1_c"])
    }
}
