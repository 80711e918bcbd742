/// One entry of an improvement plan: a question at risk and the best practices still missing
/// (the API's `ImprovementSummary`).
package struct ImprovementItem: Sendable, Equatable, Codable {
    /// The pillar holding the question.
    package var pillarId: String
    /// The pillar name, for reports.
    package var pillarName: String
    /// The question id.
    package var questionId: String
    /// The question title, for reports.
    package var questionTitle: String
    /// The question's risk (HIGH or MEDIUM unless other risks were asked for).
    package var risk: Risk
    /// Choices neither selected nor marked not applicable, without "None of these", in lens
    /// order: the practices to adopt, each with its own improvement plan.
    package var missingChoices: [LensChoice]
    /// The question-level link: the lens format has no question improvement plan, so this is the
    /// question's helpful-resource url, if any. Per-practice links are on `missingChoices`.
    package var improvementPlanURL: String?

    package init(
        pillarId: String, pillarName: String, questionId: String, questionTitle: String, risk: Risk,
        missingChoices: [LensChoice], improvementPlanURL: String?
    ) {
        self.pillarId = pillarId
        self.pillarName = pillarName
        self.questionId = questionId
        self.questionTitle = questionTitle
        self.risk = risk
        self.missingChoices = missingChoices
        self.improvementPlanURL = improvementPlanURL
    }
}

extension LensReview {
    /// The improvement plan: questions whose risk is in `risks`, most severe first.
    ///
    /// Order: all high-risk issues before all medium-risk ones (a team fixes HRIs first whatever
    /// the pillar); within one risk, pillars in `pillarPriority` order (the workload's pillar
    /// priorities; pillars not listed follow in lens order); within a pillar, lens question order.
    /// Questions not applicable never appear, even if asked for: the service leaves them out of
    /// every improvement list.
    package func improvements(lens: Lens, pillarPriority: [String] = [], risks: Set<Risk> = [.high, .medium]) -> [ImprovementItem] {
        var rank: [String: Int] = [:]
        for id in pillarPriority where rank[id] == nil { rank[id] = rank.count }
        for pillar in lens.pillars where rank[pillar.id] == nil { rank[pillar.id] = rank.count }

        var entries: [(item: ImprovementItem, pillarRank: Int, order: Int)] = []
        var order = 0
        for pillar in pillars {
            guard let lensPillar = lens.pillar(id: pillar.id) else { continue }
            for review in pillar.questions {
                order += 1
                guard review.risk != .notApplicable, risks.contains(review.risk),
                    let question = lensPillar.questions.first(where: { $0.id == review.questionId })
                else { continue }
                let selected = Set(review.answer?.selectedChoices ?? [])
                let notApplicable = review.answer?.notApplicableChoices ?? [:]
                let missing = question.choices.filter {
                    !$0.isNoneOfThese && !selected.contains($0.id) && notApplicable[$0.id] == nil
                }
                let item = ImprovementItem(
                    pillarId: pillar.id, pillarName: pillar.name, questionId: question.id, questionTitle: question.title,
                    risk: review.risk, missingChoices: missing, improvementPlanURL: question.helpfulResource?.url)
                entries.append((item, rank[pillar.id] ?? Int.max, order))
            }
        }
        entries.sort { lhs, rhs in
            if lhs.item.risk != rhs.item.risk { return lhs.item.risk < rhs.item.risk }
            if lhs.pillarRank != rhs.pillarRank { return lhs.pillarRank < rhs.pillarRank }
            return lhs.order < rhs.order
        }
        return entries.map(\.item)
    }
}
