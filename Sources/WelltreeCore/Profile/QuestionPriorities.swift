/// Whether a question is among those a workload's profile prioritizes (the API's `QuestionType`
/// on ListAnswers' and ListReviewTemplateAnswers' summaries).
package enum QuestionType: String, Sendable, Codable, CaseIterable {
    case prioritized = "PRIORITIZED"
    case nonPrioritized = "NON_PRIORITIZED"
}

/// The prioritized questions of one lens for one profile version: computed from the profile's
/// answers and the workspace's `ProfilePrioritization`, never stored.
package struct QuestionPriorities: Sendable, Equatable {
    /// The lens the priorities are for.
    package var lensAlias: String
    /// Prioritized question ids, in lens order.
    package var prioritized: [String]
    /// For each prioritized question, the profile choices that prioritize it (template order):
    /// what `answer show` names as the reason.
    package var causes: [String: [String]]

    package init(lensAlias: String, prioritized: [String], causes: [String: [String]]) {
        self.lensAlias = lensAlias
        self.prioritized = prioritized
        self.causes = causes
    }

    /// PRIORITIZED or NON_PRIORITIZED.
    package func type(of questionId: String) -> QuestionType {
        causes[questionId] == nil ? .nonPrioritized : .prioritized
    }

    /// For each of `questionIds` (a `LensEvaluator`'s `questionIds`, in its order), whether it is
    /// prioritized: computed once per profile version and lens version, so summing prioritized
    /// risks over many workloads adds one array look-up per question.
    package func prioritizedMask(questionIds: [String]) -> [Bool] {
        questionIds.map { causes[$0] != nil }
    }
}

/// Risk counts over the prioritized questions only, for a lens and for each of its pillars (the
/// API's `PrioritizedRiskCounts` on LensReview, LensReviewSummary and PillarReviewSummary).
/// Their risks add up to the number of prioritized questions, unanswered ones included.
package struct PrioritizedRiskCounts: Sendable, Equatable {
    /// One pillar's prioritized risks.
    package struct Pillar: Sendable, Equatable {
        package var id: String
        package var riskCounts: RiskCounts

        package init(id: String, riskCounts: RiskCounts) {
            self.id = id
            self.riskCounts = riskCounts
        }
    }

    /// Over the whole lens.
    package var riskCounts: RiskCounts
    /// Per pillar, in lens order (every pillar, zero counts included, so shapes are stable).
    package var pillars: [Pillar]

    package init(riskCounts: RiskCounts, pillars: [Pillar]) {
        self.riskCounts = riskCounts
        self.pillars = pillars
    }

    /// The counts of the pillar with `id` (all zero for a pillar the lens does not have).
    package func riskCounts(ofPillar id: String) -> RiskCounts {
        pillars.first { $0.id == id }?.riskCounts ?? RiskCounts()
    }
}

extension LensReview {
    /// The risks of the questions `priorities` prioritizes, per pillar and for the lens.
    package func prioritizedRiskCounts(_ priorities: QuestionPriorities) -> PrioritizedRiskCounts {
        var total = RiskCounts()
        var pillarCounts: [PrioritizedRiskCounts.Pillar] = []
        for pillar in pillars {
            var counts = RiskCounts()
            for question in pillar.questions where priorities.type(of: question.questionId) == .prioritized {
                counts.add(question.risk)
            }
            total.add(counts)
            pillarCounts.append(PrioritizedRiskCounts.Pillar(id: pillar.id, riskCounts: counts))
        }
        return PrioritizedRiskCounts(riskCounts: total, pillars: pillarCounts)
    }
}
