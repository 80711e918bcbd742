/// The state of one lens for one workload: every question's risk, grouped by pillar, with totals
/// (the API's `LensReview`). Computed, never stored: answers are the stored facts.
package struct LensReview: Sendable, Equatable, Codable {
    /// Pillars in lens order.
    package var pillars: [PillarReview]
    /// Totals over all questions of the lens.
    package var riskCounts: RiskCounts

    package init(pillars: [PillarReview], riskCounts: RiskCounts) {
        self.pillars = pillars
        self.riskCounts = riskCounts
    }

    /// Every question review, in lens order.
    package var questions: [QuestionReview] {
        pillars.flatMap(\.questions)
    }
}

/// One pillar of a lens review.
package struct PillarReview: Sendable, Equatable, Codable {
    /// The pillar id.
    package var id: String
    /// The pillar name, for reports.
    package var name: String
    /// Questions in lens order.
    package var questions: [QuestionReview]
    /// Totals over the pillar's questions.
    package var riskCounts: RiskCounts

    package init(id: String, name: String, questions: [QuestionReview], riskCounts: RiskCounts) {
        self.id = id
        self.name = name
        self.questions = questions
        self.riskCounts = riskCounts
    }
}

/// One question of a lens review: its risk and the answer it came from.
package struct QuestionReview: Sendable, Equatable, Codable {
    /// The pillar holding the question.
    package var pillarId: String
    /// The question id.
    package var questionId: String
    /// The question title, for reports.
    package var title: String
    /// The evaluated risk.
    package var risk: Risk
    /// The stored answer, nil when the question was never answered.
    package var answer: Answer?

    package init(pillarId: String, questionId: String, title: String, risk: Risk, answer: Answer?) {
        self.pillarId = pillarId
        self.questionId = questionId
        self.title = title
        self.risk = risk
        self.answer = answer
    }
}
