import WelltreeCore

/// The API's `ChoiceContent`.
package struct ChoiceContentShape: Encodable {
    package var DisplayText: String
    package var Url: String?
    init?(_ resource: LensResource?) {
        guard let resource else { return nil }
        DisplayText = resource.displayText
        Url = resource.url
    }
}

/// The API's `Choice`.
package struct ChoiceShape: Encodable {
    package var ChoiceId: String
    package var Title: String
    package var Description: String?
    package var HelpfulResource: ChoiceContentShape?
    package var ImprovementPlan: ChoiceContentShape?

    init(_ choice: LensChoice) {
        ChoiceId = choice.id
        Title = choice.title
        Description = choice.description
        HelpfulResource = ChoiceContentShape(choice.helpfulResource)
        ImprovementPlan = ChoiceContentShape(choice.improvementPlan)
    }
}

/// The API's `ChoiceAnswer` (and, without notes, `ChoiceAnswerSummary`).
package struct ChoiceAnswerShape: Encodable {
    package var ChoiceId: String
    package var Status: String
    package var Reason: String?
    package var Notes: String?
}

/// A question's helpful-resource text where the API's `DisplayText` (1 to 64 characters) can
/// carry it; a longer one (every built-in question's describes its pillar page) is left out
/// rather than cut, and the URL still leads to it.
func questionDisplayText(_ resource: LensResource?) -> String? {
    guard let text = resource?.displayText, (1...64).contains(text.unicodeScalars.count) else { return nil }
    return text
}

/// Every choice of `question` with its status in `answer` (the API's `ChoiceAnswer`s), for
/// workload and template answers alike.
func choiceAnswers(_ question: LensQuestion, _ answer: Answer?, withNotes: Bool) -> [ChoiceAnswerShape] {
    question.choices.map { choice in
        if let na = answer?.notApplicableChoices[choice.id] {
            return ChoiceAnswerShape(ChoiceId: choice.id, Status: "NOT_APPLICABLE", Reason: na.reason.rawValue, Notes: withNotes ? na.notes : nil)
        }
        let selected = answer?.selectedChoices.contains(choice.id) ?? false
        return ChoiceAnswerShape(ChoiceId: choice.id, Status: selected ? "SELECTED" : "UNSELECTED", Reason: nil, Notes: nil)
    }
}

/// The API's `Answer`.
package struct AnswerShape: Encodable {
    package var QuestionId: String
    package var PillarId: String
    package var QuestionTitle: String
    package var QuestionDescription: String?
    package var HelpfulResourceUrl: String?
    package var HelpfulResourceDisplayText: String?
    package var Choices: [ChoiceShape]
    package var SelectedChoices: [String]
    package var ChoiceAnswers: [ChoiceAnswerShape]
    package var IsApplicable: Bool
    package var Risk: String
    package var Notes: String?
    package var Reason: String?
    /// Welltree's addition: when the answer last changed.
    package var UpdatedAt: String?
    /// Welltree's addition: what the answer cites, with each citation's state.
    package var Evidence: [EvidenceShape]?

    package init(pillarId: String, question: LensQuestion, answer: Answer?, risk: Risk, updatedAt: String?, evidence: [CitedEvidence] = []) {
        QuestionId = question.id
        PillarId = pillarId
        QuestionTitle = question.title
        QuestionDescription = question.description
        HelpfulResourceUrl = question.helpfulResource?.url
        HelpfulResourceDisplayText = questionDisplayText(question.helpfulResource)
        Choices = question.choices.map(ChoiceShape.init)
        SelectedChoices = answer?.selectedChoices ?? []
        ChoiceAnswers = choiceAnswers(question, answer, withNotes: true)
        IsApplicable = answer?.isApplicable ?? true
        Risk = risk.rawValue
        Notes = answer?.notes
        Reason = answer?.isApplicable == false ? (answer?.reason ?? AnswerReason.none).rawValue : nil
        UpdatedAt = updatedAt
        Evidence = evidence.isEmpty ? nil : evidence.map(EvidenceShape.init)
    }
}

/// GetAnswer.
package struct GetAnswerOutput: Encodable {
    package var WorkloadId: String
    package var LensAlias: String
    package var LensArn: String
    package var Answer: AnswerShape
    package var MilestoneNumber: Int?

    package init(workloadId: String, lens: LensRecord, answer: AnswerShape, milestone: Int? = nil) {
        WorkloadId = workloadId
        LensAlias = lens.alias
        LensArn = lensArn(lens.alias, type: lens.type)
        Answer = answer
        MilestoneNumber = milestone
    }
}

/// The API's `AnswerSummary`.
package struct AnswerSummaryShape: Encodable {
    package var QuestionId: String
    package var PillarId: String
    package var QuestionTitle: String
    package var Choices: [ChoiceShape]
    package var SelectedChoices: [String]
    package var ChoiceAnswerSummaries: [ChoiceAnswerShape]
    package var IsApplicable: Bool
    package var Risk: String
    package var Reason: String?
    /// PRIORITIZED or NON_PRIORITIZED by the workload's profile (Welltree's mapping); left out
    /// without a profile, or for a lens the mapping does not cover.
    package var QuestionType: String?

    package init(pillarId: String, question: LensQuestion, answer: Answer?, risk: Risk, questionType: WelltreeCore.QuestionType? = nil) {
        QuestionId = question.id
        PillarId = pillarId
        QuestionTitle = question.title
        Choices = question.choices.map(ChoiceShape.init)
        SelectedChoices = answer?.selectedChoices ?? []
        ChoiceAnswerSummaries = choiceAnswers(question, answer, withNotes: false)
        IsApplicable = answer?.isApplicable ?? true
        Risk = risk.rawValue
        Reason = answer?.isApplicable == false ? (answer?.reason ?? AnswerReason.none).rawValue : nil
        QuestionType = questionType?.rawValue
    }
}

/// ListAnswers.
package struct ListAnswersOutput: Encodable {
    package var WorkloadId: String
    package var LensAlias: String
    package var LensArn: String
    package var AnswerSummaries: [AnswerSummaryShape]
    package var MilestoneNumber: Int?

    package init(workloadId: String, lens: LensRecord, summaries: [AnswerSummaryShape], milestone: Int? = nil) {
        WorkloadId = workloadId
        LensAlias = lens.alias
        LensArn = lensArn(lens.alias, type: lens.type)
        AnswerSummaries = summaries
        MilestoneNumber = milestone
    }
}

/// The API's `PillarReviewSummary`.
package struct PillarReviewSummaryShape: Encodable {
    package var PillarId: String
    package var PillarName: String
    package var RiskCounts: RiskCounts
    package var Notes: String?
    /// The risks of the pillar's prioritized questions; left out without a profile.
    package var PrioritizedRiskCounts: RiskCounts?
}

/// The API's `LensReview`.
package struct LensReviewShape: Encodable {
    package var LensAlias: String
    package var LensArn: String
    package var LensName: String
    package var LensVersion: String
    package var LensStatus: String
    package var PillarReviewSummaries: [PillarReviewSummaryShape]
    package var RiskCounts: RiskCounts
    package var UpdatedAt: String?
    package var Notes: String?
    /// The risks of the questions the workload's profile prioritizes; left out without one.
    package var PrioritizedRiskCounts: RiskCounts?
    /// The workload's profile (`WorkloadProfile`), when it has one.
    package var Profiles: [WorkloadProfileShape]?

    package init(
        record: LensRecord, version: String, status: String, review: LensReview, updatedAt: String?, notes: LensReviewNotes = LensReviewNotes(),
        prioritized: WelltreeCore.PrioritizedRiskCounts? = nil, profile: ProfileReference? = nil
    ) {
        LensAlias = record.alias
        LensArn = lensArn(record.alias, type: record.type)
        LensName = record.name
        LensVersion = version
        LensStatus = status
        PillarReviewSummaries = review.pillars.map {
            PillarReviewSummaryShape(
                PillarId: $0.id, PillarName: $0.name, RiskCounts: $0.riskCounts, Notes: notes.notes(ofPillar: $0.id),
                PrioritizedRiskCounts: prioritized?.riskCounts(ofPillar: $0.id))
        }
        PrioritizedRiskCounts = prioritized?.riskCounts
        Profiles = profile.map { [WorkloadProfileShape($0)] }
        Notes = notes.notes.flatMap { $0.isEmpty ? nil : $0 }
        RiskCounts = review.riskCounts
        UpdatedAt = updatedAt
    }
}

/// GetLensReview.
package struct GetLensReviewOutput: Encodable {
    package var WorkloadId: String
    package var LensReview: LensReviewShape
    package var MilestoneNumber: Int?

    package init(workloadId: String, review: LensReviewShape, milestone: Int? = nil) {
        WorkloadId = workloadId
        LensReview = review
        MilestoneNumber = milestone
    }

    /// GetLensReview of what `status` reads: the review with its prioritized risks and the
    /// workload's profile.
    package init(_ state: LensReviewState) {
        let shape = LensReviewShape(
            record: state.record, version: state.version, status: state.status.rawValue, review: state.review, updatedAt: state.updatedAt,
            notes: state.notes, prioritized: state.prioritized, profile: state.workload.profile)
        self.init(workloadId: state.workload.id, review: shape, milestone: state.milestone?.number)
    }
}

/// The API's `ChoiceImprovementPlan`. Its `DisplayText` is the API's short text (1 to 64
/// characters): the best practice's title, cut at a word boundary with an ellipsis when longer.
/// Welltree's additions carry what does not fit: the whole title and the improvement plan's text.
package struct ChoiceImprovementPlanShape: Encodable {
    package var ChoiceId: String
    package var DisplayText: String
    package var ImprovementPlanUrl: String?
    /// Welltree's addition: the best practice's title, whole.
    package var ChoiceTitle: String
    /// Welltree's addition: the improvement plan's text, whole, when the lens gives one that
    /// says more than the title.
    package var ImprovementPlanText: String?

    init(_ choice: LensChoice) {
        ChoiceId = choice.id
        DisplayText = shortDisplayText(choice.title)
        ImprovementPlanUrl = choice.improvementPlan?.url ?? choice.helpfulResource?.url
        ChoiceTitle = choice.title
        ImprovementPlanText = choice.improvementPlan.map(\.displayText).flatMap { $0.isEmpty || $0 == choice.title ? nil : $0 }
    }
}

/// The API's `DisplayText` (1 to 64 characters) for `text`: the text itself when it fits, else
/// its longest prefix ending at a word boundary that fits with an ellipsis after it (a first word
/// longer than that is cut inside the word). Lengths count Unicode scalars, as the API does.
package func shortDisplayText(_ text: String, limit: Int = 64) -> String {
    let scalars = Array(text.unicodeScalars)
    guard scalars.count > limit else { return text }
    let room = limit - 1
    var cut = room
    // A boundary: the scalar after the prefix is whitespace (the prefix ends a word).
    while cut > 0, !scalars[cut].properties.isWhitespace { cut -= 1 }
    if cut == 0 { cut = room }
    var prefix = scalars[..<cut]
    while let last = prefix.last, last.properties.isWhitespace || ",;:.-\u{2013}\u{2014}".unicodeScalars.contains(last) {
        prefix = prefix.dropLast()
    }
    if prefix.isEmpty { prefix = scalars[..<room] }
    var view = String.UnicodeScalarView()
    view.append(contentsOf: prefix)
    return String(view) + "\u{2026}"
}

/// The API's `ImprovementSummary`.
package struct ImprovementSummaryShape: Encodable {
    package var QuestionId: String
    package var PillarId: String
    package var QuestionTitle: String
    package var Risk: String
    package var ImprovementPlanUrl: String?
    package var ImprovementPlans: [ChoiceImprovementPlanShape]

    package init(_ item: ImprovementItem) {
        QuestionId = item.questionId
        PillarId = item.pillarId
        QuestionTitle = item.questionTitle
        Risk = item.risk.rawValue
        ImprovementPlanUrl = item.improvementPlanURL
        ImprovementPlans = item.missingChoices.map(ChoiceImprovementPlanShape.init)
    }
}

/// ListLensReviewImprovements.
package struct ListLensReviewImprovementsOutput: Encodable {
    package var WorkloadId: String
    package var LensAlias: String
    package var LensArn: String
    package var ImprovementSummaries: [ImprovementSummaryShape]
    package var MilestoneNumber: Int?

    package init(workloadId: String, lens: LensRecord, items: [ImprovementItem], milestone: Int? = nil) {
        WorkloadId = workloadId
        LensAlias = lens.alias
        LensArn = lensArn(lens.alias, type: lens.type)
        ImprovementSummaries = items.map(ImprovementSummaryShape.init)
        MilestoneNumber = milestone
    }
}

/// The dashboard document: ListWorkloads' summaries with risk counts, plus Welltree's totals.
package struct DashboardOutput: Encodable {
    package struct DashboardTotals: Encodable {
        package var Workloads = 0
        package var WorkloadsWithHighRisks = 0
        package var WorkloadsWithMediumRisks = 0
        package var RiskCounts = WelltreeCore.RiskCounts()
        /// Answers citing evidence changed or missing since they were confirmed, when any.
        package var AnswersWithStaleEvidence: Int?
        /// The prioritized questions' risks summed over the workloads that use a profile
        /// (Welltree's mapping); left out when none does.
        package var PrioritizedRiskCounts: WelltreeCore.RiskCounts?

        package init() {}
    }

    package var WorkloadSummaries: [WorkloadSummaryShape]
    package var Totals: DashboardTotals

    package init(_ summaries: [WorkloadSummaryShape], totals: DashboardTotals) {
        WorkloadSummaries = summaries
        Totals = totals
    }

    /// The dashboard's rows and totals in these shapes.
    package init(_ dashboard: Dashboard) {
        self.init(dashboard.rows.map(WorkloadSummaryShape.init), totals: DashboardTotals(dashboard.totals))
    }
}

extension DashboardOutput {
    /// Sets each row's `StaleEvidenceAnswers` from the counts by workload id (rows without
    /// stale evidence keep no such field), and the total.
    package mutating func countStaleEvidence(_ counts: [String: Int]) {
        for index in WorkloadSummaries.indices {
            WorkloadSummaries[index].StaleEvidenceAnswers = counts[WorkloadSummaries[index].WorkloadId]
        }
        let total = WorkloadSummaries.compactMap(\.StaleEvidenceAnswers).reduce(0, +)
        Totals.AnswersWithStaleEvidence = total == 0 ? nil : total
    }
}

extension DashboardOutput.DashboardTotals {
    /// The totals in this shape.
    package init(_ totals: WorkloadTotals) {
        Workloads = totals.workloads
        WorkloadsWithHighRisks = totals.withHighRisks
        WorkloadsWithMediumRisks = totals.withMediumRisks
        RiskCounts = totals.riskCounts
        PrioritizedRiskCounts = totals.prioritizedRiskCounts
    }
}

/// The API's `LensReviewSummary`: one lens of a workload, without its pillars.
package struct LensReviewSummaryShape: Encodable {
    package var LensAlias: String
    package var LensArn: String
    package var LensName: String
    package var LensVersion: String
    package var LensStatus: String
    package var RiskCounts: RiskCounts
    /// The risks of the questions the workload's profile prioritizes in this lens; left out
    /// without a profile, or when the mapping prioritizes nothing in the lens.
    package var PrioritizedRiskCounts: RiskCounts?
    /// The workload's profile (the API lists at most one); left out without one.
    package var Profiles: [WorkloadProfileShape]?
    package var UpdatedAt: String?

    package init(
        record: LensRecord, version: String, status: String, riskCounts: RiskCounts, updatedAt: String?,
        prioritizedRiskCounts: RiskCounts? = nil, profile: ProfileReference? = nil
    ) {
        LensAlias = record.alias
        LensArn = lensArn(record.alias, type: record.type)
        LensName = record.name
        LensVersion = version
        LensStatus = status
        RiskCounts = riskCounts
        PrioritizedRiskCounts = prioritizedRiskCounts
        Profiles = profile.map { [WorkloadProfileShape($0)] }
        UpdatedAt = updatedAt
    }
}

/// ListLensReviews: every lens a workload applies, now or at a milestone.
package struct ListLensReviewsOutput: Encodable {
    package var WorkloadId: String
    package var LensReviewSummaries: [LensReviewSummaryShape]
    package var MilestoneNumber: Int?

    package init(workloadId: String, summaries: [LensReviewSummaryShape], milestone: Int? = nil) {
        WorkloadId = workloadId
        LensReviewSummaries = summaries
        MilestoneNumber = milestone
    }
}

/// UpdateLensReview.
package struct UpdateLensReviewOutput: Encodable {
    package var WorkloadId: String
    package var LensReview: LensReviewShape

    package init(workloadId: String, review: LensReviewShape) {
        WorkloadId = workloadId
        LensReview = review
    }

    /// UpdateLensReview: the review with the `notes` just written, as the API answers it
    /// (without the prioritized risks and the profile, which `status` adds).
    package init(_ state: LensReviewState, notes: LensReviewNotes) {
        let shape = LensReviewShape(
            record: state.record, version: state.version, status: state.status.rawValue, review: state.review, updatedAt: state.updatedAt,
            notes: notes)
        self.init(workloadId: state.workload.id, review: shape)
    }
}
