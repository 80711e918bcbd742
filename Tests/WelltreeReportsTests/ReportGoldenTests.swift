import Testing
import WelltreeCore
@testable import WelltreeReports

/// Markdown and JSON reports against golden files, from the pinned fixture model.
@Suite struct ReportGoldenTests {
    @Test func workloadMarkdown() throws {
        try Golden.check(WorkloadReportMarkdown.render(ReportFixture.model()), "workload.md")
    }

    @Test func milestoneMarkdown() throws {
        try Golden.check(WorkloadReportMarkdown.render(ReportFixture.milestoneModel()), "milestone.md")
    }

    @Test func workloadJSON() throws {
        try Golden.check(jsonText(WorkloadReportOutput(ReportFixture.model())), "workload.json")
    }

    @Test func milestoneJSON() throws {
        try Golden.check(jsonText(WorkloadReportOutput(ReportFixture.milestoneModel())), "milestone.json")
    }

    @Test func consolidatedMarkdown() throws {
        try Golden.check(ConsolidatedReportMarkdown.render(ReportFixture.consolidated()), "consolidated.md")
    }

    /// The GetConsolidatedReport shape (checked against the API model by `awsshape.py` in the
    /// end-to-end test).
    @Test func consolidatedJSON() throws {
        try Golden.check(jsonText(GetConsolidatedReportOutput(ReportFixture.consolidated())), "consolidated.json")
    }
}

/// What the model makes of a lens review: the join every format relies on.
@Suite struct ReportModelTests {
    @Test func questionsCarryPracticesReasonsAndNotes() throws {
        let lens = ReportFixture.lensReport()
        let questions = Dictionary(uniqueKeysWithValues: lens.pillars.flatMap(\.questions).map { ($0.id, $0) })
        let priorities = try #require(questions["ops_priorities"])
        #expect(priorities.risk == .medium)
        #expect(priorities.selected.map(\.id) == ["ops_priorities_a"])
        #expect(priorities.notApplicable.map(\.choice.title) == ["Evaluate governance requirements"])
        #expect(priorities.notApplicable.first?.reason == .businessPriorities)
        #expect(priorities.notApplicable.first?.notes == "Governance is set by the parent company")
        #expect(priorities.notes?.contains("東京") == true)
        let data = try #require(questions["sec_data"])
        #expect(data.risk == .notApplicable && !data.isApplicable && data.reason == .outOfScope)
        #expect(questions["ops_health"]?.risk == .unanswered)
    }

    /// HRIs first, then pillar priority (security before operational excellence here); unanswered
    /// questions are not improvements.
    @Test func improvementPlanFollowsRiskThenPillarPriority() {
        let items = ReportFixture.lensReport().improvements
        #expect(items.map(\.questionId) == ["sec_identities", "ops_priorities"])
        #expect(items.first?.missingChoices.map(\.id) == ["sec_identities_a", "sec_identities_b"])
    }

    @Test func trendFallsBackToTheReportedState() {
        let model = ReportFixture.model()
        #expect(model.trendPoints == [TrendPoint(label: "Current", high: 1, medium: 1)])
        #expect(ReportFixture.milestoneModel().trendPoints.count == 3)
    }

    @Test func markdownEscapesUserText() {
        var model = ReportFixture.model()
        model.workload.name = "<script>alert(1)</script> *bold* [x](javascript:y)"
        let text = WorkloadReportMarkdown.render(model)
        #expect(!text.contains("<script>"))
        #expect(text.contains("\\<script\\>alert(1)\\</script\\> \\*bold\\* \\[x\\](javascript:y)"))
    }

    @Test func consolidatedQuestionsAreTheRisksWithMissingPractices() throws {
        let output = GetConsolidatedReportOutput(ReportFixture.consolidated())
        let sample = try #require(output.Metrics.first { $0.WorkloadName == "Retail Website - North America" })
        let security = try #require(sample.Lenses.first?.Pillars.first { $0.PillarId == "security" })
        #expect(security.Questions.map(\.QuestionId) == ["sec_identities"])
        #expect(security.Questions.first?.BestPractices.map(\.ChoiceId) == ["sec_identities_a", "sec_identities_b"])
        #expect(sample.LensesAppliedCount == 1)
    }
}
