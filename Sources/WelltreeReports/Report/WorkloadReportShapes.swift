import WelltreeCore

/// The workload report as JSON. The API has no JSON form of a lens review report (it returns a
/// PDF), so this document is Welltree's own, built from the API's shapes and field names:
/// `Workload` is GetWorkload's, each lens review is `LensReview` with its pillars' questions
/// added, and the improvement plan is ListLensReviewImprovements' `ImprovementSummaries`.
package struct WorkloadReportOutput: Encodable {
    /// WORKLOAD for the current state, MILESTONE for a milestone's.
    package var ReportType: String
    package var GeneratedAt: String
    package var CommitId: String?
    package var Milestone: ReportMilestoneShape?
    package var Workload: WorkloadShape
    package var LensReviews: [LensReportShape]
    package var RiskTrend: [TrendPointShape]

    package init(_ model: WorkloadReportModel) {
        ReportType = model.milestone == nil ? "WORKLOAD" : "MILESTONE"
        GeneratedAt = model.generatedAt
        CommitId = model.commit
        Milestone = model.milestone.map(ReportMilestoneShape.init)
        Workload = WorkloadShape(model.workload, riskCounts: model.riskCounts, pillarPriorities: model.pillarPriority)
        LensReviews = model.lenses.map(LensReportShape.init)
        RiskTrend = model.trendPoints.map { TrendPointShape(Label: $0.label, HighRisks: $0.high, MediumRisks: $0.medium) }
    }
}

/// The milestone a report is of.
package struct ReportMilestoneShape: Encodable {
    package var MilestoneName: String
    package var MilestoneNumber: Int?
    package var RecordedAt: String
    package var SignatureStatus: String?

    init(_ milestone: MilestoneInfo) {
        MilestoneName = milestone.name
        MilestoneNumber = milestone.number
        RecordedAt = milestone.recordedAt
        SignatureStatus = milestone.signatureStatus
    }
}

/// One point of the risk trend.
package struct TrendPointShape: Encodable {
    package var Label: String
    package var HighRisks: Int
    package var MediumRisks: Int
}

/// The API's `LensReview` with every question of every pillar and the improvement plan.
package struct LensReportShape: Encodable {
    package var LensAlias: String
    package var LensArn: String
    package var LensName: String
    package var LensVersion: String
    package var RiskCounts: RiskCounts
    package var PillarReviewSummaries: [PillarReportShape]
    package var ImprovementSummaries: [ImprovementSummaryShape]
    package var Notes: String?

    init(_ lens: LensReport) {
        LensAlias = lens.alias
        LensArn = lensArn(lens.alias, type: lens.type)
        LensName = lens.name
        LensVersion = lens.version
        RiskCounts = lens.riskCounts
        PillarReviewSummaries = lens.pillars.map { pillar in
            PillarReportShape(PillarId: pillar.id, PillarName: pillar.name, RiskCounts: pillar.riskCounts,
                              Questions: pillar.questions.map(QuestionReportShape.init), Notes: pillar.notes)
        }
        ImprovementSummaries = lens.improvements.map(ImprovementSummaryShape.init)
        Notes = lens.notes
    }
}

/// The API's `PillarReviewSummary` with its questions.
package struct PillarReportShape: Encodable {
    package var PillarId: String
    package var PillarName: String
    package var RiskCounts: RiskCounts
    package var Questions: [QuestionReportShape]
    package var Notes: String?
}

/// One question: risk, applicability, selected and not-applicable best practices, notes.
package struct QuestionReportShape: Encodable {
    package var QuestionId: String
    package var QuestionTitle: String
    package var Risk: String
    package var IsApplicable: Bool
    package var Reason: String?
    package var SelectedChoices: [BestPracticeShape]
    package var NotApplicableChoices: [NotApplicableChoiceShape]
    package var Notes: String?

    init(_ question: QuestionReport) {
        QuestionId = question.id
        QuestionTitle = question.title
        Risk = question.risk.rawValue
        IsApplicable = question.isApplicable
        Reason = question.reason?.rawValue
        SelectedChoices = question.selected.map { BestPracticeShape(ChoiceId: $0.id, ChoiceTitle: $0.title) }
        NotApplicableChoices = question.notApplicable.map {
            NotApplicableChoiceShape(ChoiceId: $0.choice.id, ChoiceTitle: $0.choice.title, Reason: $0.reason.rawValue, Notes: $0.notes)
        }
        Notes = question.notes
    }
}

/// A best practice marked not applicable (the API's `ChoiceAnswer` with status NOT_APPLICABLE).
package struct NotApplicableChoiceShape: Encodable {
    package var ChoiceId: String
    package var ChoiceTitle: String
    package var Reason: String
    package var Notes: String?
}
