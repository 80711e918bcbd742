/// The findings of judged lenses: every risk item and every checked lens is built here, from a
/// `JudgedLens`, whether the gate judges one state alone or compares two.
extension RiskItem {
    /// The question `question` (of the pillar `pillarId`) of `lens` of `workload`, at `risk`:
    /// its answer file and the line its risk follows from, and the best practices missing.
    package init(_ workload: Workload, _ lens: JudgedLens, pillarId: String, question: LensQuestion, risk: Risk) {
        self.init(
            workloadId: workload.id, workloadName: workload.name, lens: lens.alias, lensName: lens.name, pillarId: pillarId,
            questionId: question.id, title: question.title, risk: risk, otherRisk: nil, file: lens.answerFile(question.id),
            line: lens.lines[question.id] ?? 1, missing: question.missingPractices(lens.answers[question.id]))
    }

    /// Every risk of `workload` that counts at `threshold`, lens by lens in the workload's
    /// order, questions in lens order: the findings of a state judged without a base.
    package static func risks(in workload: JudgedWorkload, threshold: RiskThreshold) -> [RiskItem] {
        var result: [RiskItem] = []
        for lens in workload.lenses {
            for (pillar, reviewed) in zip(lens.lens.pillars, lens.review.pillars) {
                for (question, review) in zip(pillar.questions, reviewed.questions) where threshold.counts(review.risk) {
                    result.append(RiskItem(workload.workload, lens, pillarId: pillar.id, question: question, risk: review.risk))
                }
            }
        }
        return result
    }
}

extension CheckedLens {
    /// One lens of one workload as the gate examined it, with its HRI and MRI counts.
    package init(_ workload: JudgedWorkload, _ lens: JudgedLens) {
        let counts = lens.review.riskCounts
        self.init(
            workloadId: workload.workload.id, workloadName: workload.workload.name, lens: lens.alias, lensName: lens.name,
            file: workload.file, high: counts[.high], medium: counts[.medium])
    }
}

extension RiskMovement {
    /// The HRIs and MRIs `judged` (the head's answers of `workload` judged by the base's lens
    /// version) has that `before` (the base's own review of the lens, nil when the base had
    /// none) did not: what a lens-rules change could hide. Each item has `rules` = `base`.
    package static func underBaseRules(_ workload: Workload, _ judged: JudgedLens, before: LensReview?) -> RiskMovement {
        var risksBefore: [String: Risk] = [:]
        for question in before?.questions ?? [] { risksBefore[question.questionId] = question.risk }
        var movement = RiskMovement()
        for (pillar, reviewed) in zip(judged.lens.pillars, judged.review.pillars) {
            for (question, review) in zip(pillar.questions, reviewed.questions) where review.risk == .high || review.risk == .medium {
                let riskBefore = risksBefore[question.id] ?? .unanswered
                guard riskBefore != review.risk else { continue }
                var item = RiskItem(workload, judged, pillarId: pillar.id, question: question, risk: review.risk)
                item.rules = RiskItem.baseRules
                movement.record(item, before: riskBefore, after: review.risk)
            }
        }
        return movement
    }

    /// The new HRIs and MRIs of this movement that `shown` does not already report (an MRI
    /// that `shown` has as an HRI counts as reported), without resolved ones: what the base's
    /// lens versions add to what the head's own show.
    package func newRisks(notShownIn shown: RiskMovement) -> RiskMovement {
        let shownHigh = Set(shown.newHigh.map(\.key))
        let shownMedium = Set(shown.newMedium.map(\.key))
        var result = RiskMovement()
        result.newHigh = newHigh.filter { !shownHigh.contains($0.key) }
        result.newMedium = newMedium.filter { !shownHigh.contains($0.key) && !shownMedium.contains($0.key) }
        return result
    }
}
