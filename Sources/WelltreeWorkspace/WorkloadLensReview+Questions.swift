import WelltreeCore

/// One question of a reviewed lens as `answer list` lists it.
package struct ReviewedQuestion: Sendable {
    package var pillarId: String
    package var question: LensQuestion
    /// The stored answer; nil when the question is unanswered.
    package var answer: Answer?
    package var risk: Risk
    /// PRIORITIZED or NON_PRIORITIZED by the workload's profile; nil without priorities.
    package var type: QuestionType?
}

extension WorkloadLensReview {
    /// The lens's questions in order with their answers and risks: all of them, or those of
    /// `pillar` (not found, naming the lens's pillars, when the lens has none such), and of
    /// those only the ones `priorities` gives the type `only` (all when either is nil).
    package func questions(inPillar pillar: String?, priorities: QuestionPriorities?, only: QuestionType?) throws(WorkspaceError) -> [ReviewedQuestion] {
        let lens = lens.lens
        if let pillar, lens.pillar(id: pillar) == nil {
            throw .notFound(what: "pillar", name: pillar, hint: "lens \(applied.alias) has: \(lens.pillars.map(\.id).joined(separator: ", "))")
        }
        var result: [ReviewedQuestion] = []
        for lensPillar in lens.pillars where pillar == nil || lensPillar.id == pillar {
            for question in lensPillar.questions {
                let type = priorities?.type(of: question.id)
                if let only, priorities != nil, type != only { continue }
                result.append(ReviewedQuestion(
                    pillarId: lensPillar.id, question: question, answer: answers[question.id]?.answer, risk: risk(of: question.id), type: type))
            }
        }
        return result
    }

    /// The improvement plan of the review (`LensReview.improvements`): the questions at one of
    /// `risks`, ordered by `pillarPriority`; only those of `pillar` when given, and only those
    /// `priorities` gives the type `only` (all when either is nil).
    package func improvements(
        pillarPriority: [String], risks: Set<Risk>, pillar: String?, priorities: QuestionPriorities?, only: QuestionType?
    ) -> [ImprovementItem] {
        review.improvements(lens: lens.lens, pillarPriority: pillarPriority, risks: risks).filter { item in
            if let pillar, item.pillarId != pillar { return false }
            if let only, let priorities, priorities.type(of: item.questionId) != only { return false }
            return true
        }
    }
}
