import Testing

@testable import WelltreeCore

@Suite("Answer updates")
struct AnswerUpdateTests {
    static let question = LensQuestion(
        id: "ops_deploy", title: "How do you deploy?",
        choices: ["ops_pipeline", "ops_rollback", "ops_canary", "ops_deploy_no"].map { LensChoice(id: $0, title: $0) },
        riskRules: [RiskRule(condition: "default", risk: .high)])
    static let withoutNone = LensQuestion(
        id: "sec_data", title: "Data?", choices: [LensChoice(id: "sec_encrypt", title: "E")],
        riskRules: [RiskRule(condition: "default", risk: .high)])

    @Test("selections are stored in lens order, without duplicates")
    func selectOrder() throws {
        let answer = try AnswerUpdate(select: ["ops_canary", "ops_pipeline", "ops_canary"]).apply(to: nil, question: Self.question)
        #expect(answer.selectedChoices == ["ops_pipeline", "ops_canary"])
        #expect(answer.isApplicable)
    }

    @Test("select replaces the selection; an update without it keeps it")
    func selectReplaces() throws {
        let old = Answer(selectedChoices: ["ops_pipeline", "ops_rollback"], notes: "n")
        #expect(try AnswerUpdate(select: ["ops_canary"]).apply(to: old, question: Self.question).selectedChoices == ["ops_canary"])
        let notes = try AnswerUpdate(notes: "new").apply(to: old, question: Self.question)
        #expect(notes.selectedChoices == ["ops_pipeline", "ops_rollback"])
        #expect(notes.notes == "new")
        #expect(try AnswerUpdate(notes: "").apply(to: old, question: Self.question).notes == nil)
    }

    @Test("--none selects None of these and clears the rest; selecting it alone does the same")
    func none() throws {
        let old = Answer(selectedChoices: ["ops_pipeline", "ops_rollback"])
        #expect(try AnswerUpdate(none: true).apply(to: old, question: Self.question).selectedChoices == ["ops_deploy_no"])
        let viaSelect = try AnswerUpdate(select: ["ops_deploy_no"]).apply(to: old, question: Self.question)
        #expect(viaSelect.selectedChoices == ["ops_deploy_no"])
    }

    @Test("--select listing None of these beside other choices is refused with the rule named")
    func noneMixedWithOthers() throws {
        let old = Answer(selectedChoices: ["ops_pipeline"])
        let error = try #require(throws: ValidationError.self) {
            try AnswerUpdate(select: ["ops_rollback", "ops_deploy_no"]).apply(to: old, question: Self.question)
        }
        #expect(
            error.violations == [
                Violation(
                    field: "--select", value: "ops_rollback,ops_deploy_no",
                    rule: "selects ops_deploy_no (\"None of these\") together with ops_rollback; "
                        + "\"None of these\" is selected alone (use --none, or leave it out)")
            ])
    }

    @Test("--none on a question without None of these is a violation")
    func noneMissing() {
        #expect(
            throws: ValidationError([
                Violation(field: "--none", value: "sec_data", rule: "has no \"None of these\" choice (a choice id ending in _no)")
            ])
        ) {
            try AnswerUpdate(none: true).apply(to: nil, question: Self.withoutNone)
        }
    }

    @Test("unknown choice ids are violations that list the valid ids")
    func unknownChoice() throws {
        do {
            _ = try AnswerUpdate(select: ["ops_pipline"]).apply(to: nil, question: Self.question)
            Issue.record("accepted an unknown choice")
        } catch {
            #expect(
                error.violations == [
                    Violation(
                        field: "--select", value: "ops_pipline",
                        rule: "is not a choice of question ops_deploy; valid choices: ops_pipeline, ops_rollback, ops_canary, ops_deploy_no"
                    )
                ])
        }
    }

    @Test("marking a choice not applicable unselects it; unmarking removes the mark")
    func choiceNotApplicable() throws {
        let old = Answer(selectedChoices: ["ops_pipeline", "ops_canary"])
        let marked = try AnswerUpdate(choiceNotApplicable: [
            .init(choiceId: "ops_canary", reason: .architectureConstraints, notes: "no traffic")
        ])
        .apply(to: old, question: Self.question)
        #expect(marked.selectedChoices == ["ops_pipeline"])
        #expect(marked.notApplicableChoices == ["ops_canary": ChoiceNotApplicable(reason: .architectureConstraints, notes: "no traffic")])
        let unmarked = try AnswerUpdate(choiceApplicable: ["ops_canary"]).apply(to: marked, question: Self.question)
        #expect(unmarked.notApplicableChoices == [:])
        let reselected = try AnswerUpdate(select: ["ops_canary"]).apply(to: marked, question: Self.question)
        #expect(reselected.selectedChoices == ["ops_canary"])
        #expect(reselected.notApplicableChoices == [:])
    }

    @Test("question not applicable keeps selections; applicable again restores them")
    func questionNotApplicable() throws {
        let old = Answer(selectedChoices: ["ops_pipeline"])
        let na = try AnswerUpdate(notApplicable: .outOfScope).apply(to: old, question: Self.question)
        #expect(!na.isApplicable)
        #expect(na.reason == .outOfScope)
        #expect(na.selectedChoices == ["ops_pipeline"])
        let back = try AnswerUpdate(applicable: true).apply(to: na, question: Self.question)
        #expect(back == old)
    }

    @Test("every broken rule is reported together")
    func allViolations() {
        let update = AnswerUpdate(
            select: ["ops_pipeline", "nope"],
            choiceNotApplicable: [
                .init(choiceId: "ops_deploy_no"), .init(choiceId: "ops_pipeline"),
                .init(choiceId: "ops_canary", notes: String(repeating: "x", count: 251)),
            ],
            choiceApplicable: ["ops_canary"], notApplicable: .other, applicable: true,
            notes: String(repeating: "y", count: 2085))
        do {
            _ = try update.apply(to: nil, question: Self.question)
            Issue.record("accepted")
        } catch {
            #expect(
                error.violations.map(\.field) == [
                    "--select", "--choice-na", "--choice-na", "--choice-na notes", "--choice-applicable", "--applicable",
                    "--notes",
                ])
            #expect(error.violations[1].rule == "is the \"None of these\" choice, which cannot be marked not applicable")
            #expect(error.violations[2].rule == "cannot be both selected and not applicable")
        }
    }

    @Test("notes at the limits pass")
    func limits() throws {
        let update = AnswerUpdate(
            choiceNotApplicable: [.init(choiceId: "ops_canary", notes: String(repeating: "x", count: 250))],
            notes: String(repeating: "y", count: 2084))
        let answer = try update.apply(to: nil, question: Self.question)
        #expect(answer.notes?.count == 2084)
        #expect(answer.notApplicableChoices["ops_canary"]?.notes?.count == 250)
    }

    @Test("--none and --select together are refused")
    func noneWithSelect() {
        #expect(throws: ValidationError.self) {
            try AnswerUpdate(select: ["ops_pipeline"], none: true).apply(to: nil, question: Self.question)
        }
    }
}
