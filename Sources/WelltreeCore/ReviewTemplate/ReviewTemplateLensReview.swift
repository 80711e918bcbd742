/// One lens of a review template as GetReviewTemplateLensReview and ListReviewTemplateAnswers
/// show it: every question's status, counts per pillar and for the lens, and the notes.
/// Computed from the template's answer files and notes file, never stored.
package struct ReviewTemplateLensReview: Sendable, Equatable {
    /// One question of the lens.
    package struct Question: Sendable, Equatable {
        package var pillarId: String
        package var questionId: String
        package var title: String
        package var status: ReviewTemplateAnswerStatus
        /// The stored answer, nil when the template has none.
        package var answer: Answer?
    }

    /// One pillar of the lens.
    package struct Pillar: Sendable, Equatable {
        package var id: String
        package var name: String
        package var notes: String?
        package var questions: [Question]
        package var questionCounts: TemplateQuestionCounts
    }

    /// Pillars in lens order.
    package var pillars: [Pillar]
    /// The lens notes.
    package var notes: String?
    /// Totals over the lens.
    package var questionCounts: TemplateQuestionCounts

    /// Every question, in lens order.
    package var questions: [Question] { pillars.flatMap(\.questions) }

    /// The review of `lens` (the version the template is pinned to) given the template's
    /// answers by question id and its notes for the lens. Answers to questions the lens version
    /// does not have are not counted.
    package static func compute(lens: Lens, answers: [String: Answer], notes: LensReviewNotes?) -> ReviewTemplateLensReview {
        var total = TemplateQuestionCounts()
        var pillars: [Pillar] = []
        for pillar in lens.pillars {
            var counts = TemplateQuestionCounts()
            var questions: [Question] = []
            for question in pillar.questions {
                let answer = answers[question.id]
                let status = ReviewTemplateAnswerStatus(answer)
                counts.add(status)
                questions.append(
                    Question(pillarId: pillar.id, questionId: question.id, title: question.title, status: status, answer: answer))
            }
            total.add(counts)
            pillars.append(
                Pillar(
                    id: pillar.id, name: pillar.name, notes: notes?.notes(ofPillar: pillar.id), questions: questions, questionCounts: counts
                ))
        }
        return ReviewTemplateLensReview(pillars: pillars, notes: notes?.notes.flatMap { $0.isEmpty ? nil : $0 }, questionCounts: total)
    }
}
