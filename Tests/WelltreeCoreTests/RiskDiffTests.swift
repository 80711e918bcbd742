import Testing

@testable import WelltreeCore

/// The risk diff and the gate's findings as pure functions of judged lenses: plain values in,
/// plain values out, no repository.
@Suite("Risk diff")
struct RiskDiffTests {
    /// One question: "None of these" is an HRI, both practices no risk, anything else an MRI.
    static let lens = Lens(
        name: "Test", description: "A test lens",
        pillars: [
            LensPillar(
                id: "pillar", name: "Pillar",
                questions: [
                    LensQuestion(
                        id: "backups", title: "How do you back up data?",
                        choices: [
                            LensChoice(id: "backups_auto", title: "Automate backups"),
                            LensChoice(id: "backups_test", title: "Test restores"),
                            LensChoice(id: "backups_no", title: "None of these"),
                        ],
                        riskRules: [
                            RiskRule(condition: "backups_no", risk: .high),
                            RiskRule(condition: "backups_auto && backups_test", risk: .none),
                            RiskRule(condition: "default", risk: .medium),
                        ])
                ])
        ])

    static let workload = Workload(
        id: "0123456789abcdef0123456789abcdef", name: "Shop", description: "An online shop", reviewOwner: "Jane Doe",
        environment: .production, owner: "alice@example.com", lenses: [WorkloadLens(alias: "test", version: "1.0")],
        createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-01T00:00:00Z")

    /// The workload with the test lens judged on `answers`, whose files are
    /// `<directory>/<question>.json` and whose risk lines are `lines`.
    static func judged(
        _ answers: [String: Answer], lines: [String: Int] = [:], directory: String = "workloads/sh/shop", name: String = "Shop"
    ) -> JudgedWorkload {
        var workload = Self.workload
        workload.name = name
        let evaluator = LensEvaluator(lens: lens)
        let judged = JudgedLens(
            alias: "test", name: "Test Lens", version: "1.0", lens: lens, answers: answers, review: evaluator.review(answers: answers),
            lines: lines, answerFile: { "\(directory)/answers/test/\($0).json" })
        return JudgedWorkload(workload: workload, directory: directory, file: directory + "/workload.json", lenses: [judged])
    }

    @Test func anAnswerThatAddsAnHRIIsANewHRIAtItsAnswersLine() throws {
        let old = Self.judged([:])
        let new = Self.judged(["backups": Answer(selectedChoices: ["backups_no"])], lines: ["backups": 3])
        let (change, checked) = WorkloadChange.compare(old: old, new: new, filesChanged: true)
        let found = try #require(change)
        #expect(found.kind == .edited)
        let item = try #require(found.risks.newHigh.first)
        #expect(found.risks.newHigh.count == 1 && found.risks.resolvedHigh.isEmpty)
        #expect(item.file == "workloads/sh/shop/answers/test/backups.json" && item.line == 3)
        #expect(item.risk == .high && item.otherRisk == .unanswered && item.lensName == "Test Lens")
        #expect(item.missing.map(\.id) == ["backups_auto", "backups_test"])
        let question = try #require(found.lenses.first?.questions.first)
        #expect(question.selected.map(\.id) == ["backups_no"] && question.riskBefore == .unanswered && question.riskAfter == .high)
        #expect(checked.map(\.high) == [1] && checked.first?.file == "workloads/sh/shop/workload.json")
    }

    @Test func removingALensResolvesItsRisksWithoutListingItsQuestions() throws {
        let old = Self.judged(["backups": Answer(selectedChoices: ["backups_no"])], lines: ["backups": 2])
        var new = old
        new.lenses = []
        let (change, checked) = WorkloadChange.compare(old: old, new: new, filesChanged: true)
        let found = try #require(change)
        #expect(found.risks.resolvedHigh.map(\.line) == [2] && found.risks.newHigh.isEmpty)
        #expect(found.risks.resolvedHigh.first?.otherRisk == .unanswered)
        let lens = try #require(found.lenses.first)
        #expect(lens.application == .removed && lens.questions.isEmpty)
        #expect(checked.isEmpty)
    }

    @Test func aWorkloadOnlyReevaluatedIsShownOnlyWhenItsRisksMove() throws {
        let same = Self.judged(["backups": Answer(selectedChoices: ["backups_auto"])])
        let (unchanged, checked) = WorkloadChange.compare(old: same, new: same, filesChanged: false)
        #expect(unchanged == nil)
        #expect(checked.map(\.medium) == [1])
        let renamed = WorkloadChange.compare(old: same, new: Self.judged([:], name: "Shop Two"), filesChanged: true).change
        #expect(renamed?.kind == .renamed && renamed?.previousName == "Shop")
        #expect(renamed?.risks.resolvedMedium.count == 1)
    }

    @Test func riskItemsOfAStateJudgedAlone() {
        let judged = Self.judged(["backups": Answer(selectedChoices: ["backups_auto"])], lines: ["backups": 4])
        #expect(RiskItem.risks(in: judged, threshold: .high).isEmpty)
        let medium = RiskItem.risks(in: judged, threshold: .medium)
        #expect(medium.map(\.questionId) == ["backups"] && medium.map(\.line) == [4] && medium.map(\.risk) == [.medium])
        #expect(medium.first?.missing.map(\.id) == ["backups_test"])
    }

    @Test func underTheBaseRulesOnlyWhatTheHeadsRulesDoNotShowIsAdded() throws {
        let head = Self.judged(["backups": Answer(selectedChoices: ["backups_no"])], lines: ["backups": 2])
        let judged = try #require(head.lenses.first)
        let underBase = RiskMovement.underBaseRules(head.workload, judged, before: nil)
        #expect(underBase.newHigh.map(\.rules) == [RiskItem.baseRules])
        var shown = RiskMovement()
        #expect(underBase.newRisks(notShownIn: shown).newHigh.count == 1)
        shown.newHigh = underBase.newHigh
        #expect(underBase.newRisks(notShownIn: shown).isEmpty)
        let before = LensEvaluator(lens: Self.lens).review(answers: ["backups": Answer(selectedChoices: ["backups_no"])])
        #expect(RiskMovement.underBaseRules(head.workload, judged, before: before).isEmpty)
    }
}
