/// One applied lens of a report: per pillar, every question joined with its answer, plus the
/// improvement plan. The join is done once here so every format shows the same facts.
package struct LensReport: Sendable, Equatable {
    package var alias: String
    package var name: String
    package var version: String
    package var type: LensType
    package var pillars: [PillarReport]
    /// Totals over all questions of the lens.
    package var riskCounts: RiskCounts
    /// Questions with high or medium risk, HRIs first, then by pillar priority.
    package var improvements: [ImprovementItem]
    /// The lens notes (GetLensReview's `Notes`), nil when none were written.
    package var notes: String?
    /// The risks of the questions the workload's profile prioritizes (Welltree's mapping), for
    /// the lens and per pillar; nil without a profile or when it prioritizes nothing here.
    package var prioritized: PrioritizedRiskCounts?

    package init(
        alias: String, name: String, version: String, type: LensType, pillars: [PillarReport], riskCounts: RiskCounts,
        improvements: [ImprovementItem], notes: String? = nil
    ) {
        self.alias = alias
        self.name = name
        self.version = version
        self.type = type
        self.pillars = pillars
        self.riskCounts = riskCounts
        self.improvements = improvements
        self.notes = notes.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Joins a lens version with a computed review of it and the review's lens and pillar notes.
    package init(
        record: LensRecord, version: String, lens: Lens, review: LensReview, pillarPriority: [String],
        notes: LensReviewNotes = LensReviewNotes()
    ) {
        var pillars: [PillarReport] = []
        for pillarReview in review.pillars {
            let lensPillar = lens.pillar(id: pillarReview.id)
            let questions = pillarReview.questions.map { questionReview in
                QuestionReport(review: questionReview, question: lensPillar?.questions.first { $0.id == questionReview.questionId })
            }
            pillars.append(
                PillarReport(
                    id: pillarReview.id, name: pillarReview.name, riskCounts: pillarReview.riskCounts, questions: questions,
                    notes: notes.notes(ofPillar: pillarReview.id)))
        }
        self.init(
            alias: record.alias, name: record.name, version: version, type: record.type, pillars: pillars,
            riskCounts: review.riskCounts, improvements: review.improvements(lens: lens, pillarPriority: pillarPriority),
            notes: notes.notes)
    }
}

/// One pillar of a lens report.
package struct PillarReport: Sendable, Equatable {
    package var id: String
    package var name: String
    package var riskCounts: RiskCounts
    package var questions: [QuestionReport]
    /// The pillar's notes (the API's `PillarReviewSummary.Notes`), nil when none were written.
    package var notes: String?

    package init(id: String, name: String, riskCounts: RiskCounts, questions: [QuestionReport], notes: String? = nil) {
        self.id = id
        self.name = name
        self.riskCounts = riskCounts
        self.questions = questions
        self.notes = notes.flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// One question as a report prints it: the risk, the practices selected, the practices marked
/// not applicable (with why), and the reviewers' notes.
package struct QuestionReport: Sendable, Equatable {
    package var id: String
    package var title: String
    package var risk: Risk
    /// False when the whole question was marked not applicable; `reason` says why.
    package var isApplicable: Bool
    package var reason: AnswerReason?
    package var selected: [LensChoice]
    package var notApplicable: [NotApplicablePractice]
    package var notes: String?
    /// The question's helpful resource, for a "learn more" link.
    package var helpfulResourceURL: String?
    /// What the answer cites as evidence, as cited (reports show the citations, not their
    /// states: `welltree evidence` does), with the title of the best practice each is for.
    package var evidence: [(evidence: Evidence, practice: String?)]

    package init(
        id: String, title: String, risk: Risk, isApplicable: Bool = true, reason: AnswerReason? = nil,
        selected: [LensChoice] = [], notApplicable: [NotApplicablePractice] = [], notes: String? = nil,
        helpfulResourceURL: String? = nil, evidence: [(evidence: Evidence, practice: String?)] = []
    ) {
        self.id = id
        self.title = title
        self.risk = risk
        self.isApplicable = isApplicable
        self.reason = reason
        self.selected = selected
        self.notApplicable = notApplicable
        self.notes = notes
        self.helpfulResourceURL = helpfulResourceURL
        self.evidence = evidence
    }

    package static func == (lhs: QuestionReport, rhs: QuestionReport) -> Bool {
        lhs.id == rhs.id && lhs.title == rhs.title && lhs.risk == rhs.risk && lhs.isApplicable == rhs.isApplicable
            && lhs.reason == rhs.reason && lhs.selected == rhs.selected && lhs.notApplicable == rhs.notApplicable
            && lhs.notes == rhs.notes && lhs.helpfulResourceURL == rhs.helpfulResourceURL
            && lhs.evidence.map(\.evidence) == rhs.evidence.map(\.evidence) && lhs.evidence.map(\.practice) == rhs.evidence.map(\.practice)
    }

    /// Joins a question review with the question's choices (lens order kept). A choice id the lens
    /// no longer has is still shown, by id, rather than silently dropped.
    init(review: QuestionReview, question: LensQuestion?) {
        let answer = review.answer
        let choices = question?.choices ?? []
        func choice(_ id: String) -> LensChoice { choices.first { $0.id == id } ?? LensChoice(id: id, title: id) }
        let order = Dictionary(choices.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let selectedIds = (answer?.selectedChoices ?? []).sorted { (order[$0] ?? .max) < (order[$1] ?? .max) }
        let naIds = (answer?.notApplicableChoices.keys.map { $0 } ?? []).sorted {
            ((order[$0] ?? .max), $0) < ((order[$1] ?? .max), $1)
        }
        self.init(
            id: review.questionId, title: review.title, risk: review.risk, isApplicable: answer?.isApplicable ?? true,
            reason: answer?.isApplicable == false ? (answer?.reason ?? AnswerReason.none) : nil,
            selected: selectedIds.map(choice),
            notApplicable: naIds.map { id in
                let na = answer?.notApplicableChoices[id] ?? ChoiceNotApplicable()
                return NotApplicablePractice(choice: choice(id), reason: na.reason, notes: na.notes)
            },
            notes: answer?.notes.flatMap { $0.isEmpty ? nil : $0 }, helpfulResourceURL: question?.helpfulResource?.url,
            evidence: (answer?.evidence ?? []).map { ($0, $0.choiceId.map { choice($0).title }) })
    }
}

/// A best practice marked not applicable, with the reason and notes given.
package struct NotApplicablePractice: Sendable, Equatable {
    package var choice: LensChoice
    package var reason: AnswerReason
    package var notes: String?

    package init(choice: LensChoice, reason: AnswerReason, notes: String? = nil) {
        self.choice = choice
        self.reason = reason
        self.notes = notes
    }
}
