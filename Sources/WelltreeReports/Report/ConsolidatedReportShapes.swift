import WelltreeCore

/// The API's `BestPractice`: a choice that contributes to a question's risk.
package struct BestPracticeShape: Encodable, Equatable {
    package var ChoiceId: String
    package var ChoiceTitle: String
}

/// The API's `QuestionMetric`.
package struct QuestionMetricShape: Encodable {
    package var QuestionId: String
    package var Risk: String
    package var BestPractices: [BestPracticeShape]
}

/// The API's `PillarMetric`.
package struct PillarMetricShape: Encodable {
    package var PillarId: String
    package var RiskCounts: RiskCounts
    /// Welltree's addition, as PillarReviewSummary has it: the risks of the questions the
    /// workload's profile prioritizes in this pillar (Welltree's mapping); left out without one.
    package var PrioritizedRiskCounts: RiskCounts?
    package var Questions: [QuestionMetricShape]
}

/// The API's `LensMetric`.
package struct LensMetricShape: Encodable {
    package var LensArn: String
    package var RiskCounts: RiskCounts
    /// Welltree's addition, as LensReviewSummary has it: the risks of the questions the
    /// workload's profile prioritizes in this lens (Welltree's mapping); left out without one,
    /// or when the mapping prioritizes nothing in the lens.
    package var PrioritizedRiskCounts: RiskCounts?
    package var Pillars: [PillarMetricShape]

    /// As the API documents `PillarMetric.Questions`, only the questions identified as risks
    /// (high or medium) are listed, each with the best practices still missing.
    package init(_ lens: LensReport) {
        LensArn = lensArn(lens.alias, type: lens.type)
        RiskCounts = lens.riskCounts
        PrioritizedRiskCounts = lens.prioritized?.riskCounts
        let prioritized = lens.prioritized
        let missing = Dictionary(lens.improvements.map { ($0.questionId, $0.missingChoices) }, uniquingKeysWith: { first, _ in first })
        Pillars = lens.pillars.map { pillar in
            PillarMetricShape(
                PillarId: pillar.id, RiskCounts: pillar.riskCounts,
                PrioritizedRiskCounts: prioritized?.riskCounts(ofPillar: pillar.id),
                Questions: pillar.questions.filter { $0.risk == .high || $0.risk == .medium }.map { question in
                    QuestionMetricShape(
                        QuestionId: question.id, Risk: question.risk.rawValue,
                        BestPractices: (missing[question.id] ?? []).map { BestPracticeShape(ChoiceId: $0.id, ChoiceTitle: $0.title) })
                })
        }
    }
}

/// The API's `ConsolidatedReportMetric` (always of type WORKLOAD, the only type the API has).
package struct ConsolidatedReportMetricShape: Encodable {
    package var MetricType = "WORKLOAD"
    package var WorkloadId: String
    package var WorkloadArn: String
    package var WorkloadName: String
    package var UpdatedAt: String
    package var RiskCounts: RiskCounts
    package var LensesAppliedCount: Int
    package var Lenses: [LensMetricShape]
    /// Welltree's addition: how many answers cite evidence changed or missing since they were
    /// confirmed (absent when none), as the dashboard counts them.
    package var StaleEvidenceAnswers: Int?
    /// Welltree's additions, as WorkloadSummary has them: the risks of the questions the
    /// workload's profile prioritizes over every lens (Welltree's mapping, not the service's),
    /// and the profile; both left out for a workload without a profile.
    package var PrioritizedRiskCounts: RiskCounts?
    package var Profiles: [WorkloadProfileShape]?

    package init(_ model: WorkloadReportModel, staleEvidenceAnswers: Int? = nil) {
        StaleEvidenceAnswers = staleEvidenceAnswers
        PrioritizedRiskCounts = model.prioritizedRiskCounts
        Profiles = model.workload.profile.map { [WorkloadProfileShape($0)] }
        WorkloadId = model.workload.id
        WorkloadArn = workloadArn(model.workload.id)
        WorkloadName = model.workload.name
        UpdatedAt = model.updatedAt
        RiskCounts = model.riskCounts
        LensesAppliedCount = model.lenses.count
        Lenses = model.lenses.map(LensMetricShape.init)
    }
}

/// GetConsolidatedReport with `Format=JSON`: every workload's metrics in one page (no NextToken).
package struct GetConsolidatedReportOutput: Encodable {
    package var Metrics: [ConsolidatedReportMetricShape]
    /// Welltree's addition: workloads left out because they could not be read (absent when none).
    package var OmittedWorkloads: [OmittedWorkload]?

    package init(_ model: ConsolidatedReportModel) {
        Metrics = model.workloads.map { ConsolidatedReportMetricShape($0, staleEvidenceAnswers: model.staleEvidence(of: $0.workload.id)) }
        OmittedWorkloads = model.omitted.isEmpty ? nil : model.omitted
    }
}
