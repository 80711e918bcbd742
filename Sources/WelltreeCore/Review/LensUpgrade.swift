/// Moving one workload's answers from one version of a lens to another, as the service's
/// UpgradeLensReview does.
///
/// Answers are kept by question id. For a question that remains, selections of choices that no
/// longer exist are dropped (a choice id is the only link between an answer and a practice, and
/// an id that vanished cannot be assumed to mean its successor), while notes and the
/// question's not-applicable state and reason carry over. New questions start unanswered;
/// answers to removed questions disappear (the milestone saved before the upgrade keeps them).
package struct LensUpgrade: Sendable, Equatable {
    /// What happens to one question.
    package enum Change: Sendable, Equatable {
        /// Answered before and still asked; `droppedChoices` lists selections or not-applicable
        /// marks of choices the new version no longer has.
        case kept(droppedChoices: [String])
        /// Asked only by the new version.
        case new
        /// No longer asked; `wasAnswered` says whether an answer is deleted with it.
        case removed(wasAnswered: Bool)
    }

    /// One question's fate, with the pillar it belongs to (the new pillar for kept questions).
    package struct QuestionChange: Sendable, Equatable {
        package var pillarId: String
        package var questionId: String
        package var change: Change
    }

    /// The answers after the upgrade, by question id (only non-empty answers).
    package var answers: [String: Answer]
    /// Question ids whose stored answers must go: removed questions, and answers left empty
    /// once their dropped selections are gone.
    package var removedAnswers: [String]
    /// Every question that is kept with an answer, new, or removed, in lens order.
    package var changes: [QuestionChange]
    /// The pillar-level differences between the two versions.
    package var difference: LensDifference

    package init(from base: Lens, to target: Lens, answers old: [String: Answer]) {
        difference = LensDifference(base: base, target: target)
        var answers: [String: Answer] = [:]
        var removed: [String] = []
        var changes: [QuestionChange] = []
        var targetIds: Set<String> = []
        for pillar in target.pillars {
            for question in pillar.questions {
                targetIds.insert(question.id)
                guard base.question(id: question.id) != nil else {
                    changes.append(QuestionChange(pillarId: pillar.id, questionId: question.id, change: .new))
                    continue
                }
                guard let answer = old[question.id] else { continue }
                let (migrated, dropped) = Self.migrate(answer, to: question)
                changes.append(QuestionChange(pillarId: pillar.id, questionId: question.id, change: .kept(droppedChoices: dropped)))
                if migrated.isEmpty { removed.append(question.id) } else { answers[question.id] = migrated }
            }
        }
        for pillar in base.pillars {
            for question in pillar.questions where !targetIds.contains(question.id) {
                let answered = old[question.id] != nil
                changes.append(QuestionChange(pillarId: pillar.id, questionId: question.id, change: .removed(wasAnswered: answered)))
                if answered { removed.append(question.id) }
            }
        }
        // Answers to questions neither version asks (left over from older versions) go too.
        let baseIds = Set(base.pillars.flatMap { $0.questions.map(\.id) })
        for id in old.keys.sorted() where !targetIds.contains(id) && !baseIds.contains(id) { removed.append(id) }
        self.answers = answers
        self.removedAnswers = removed
        self.changes = changes
    }

    /// The answer to `question` with selections of vanished choices dropped, and those choices.
    package static func migrate(_ answer: Answer, to question: LensQuestion) -> (Answer, dropped: [String]) {
        let ids = Set(question.choices.map(\.id))
        var result = answer
        result.selectedChoices = question.choices.map(\.id).filter { answer.selectedChoices.contains($0) }
        result.notApplicableChoices = answer.notApplicableChoices.filter { ids.contains($0.key) }
        let dropped = answer.selectedChoices.filter { !ids.contains($0) }
            + answer.notApplicableChoices.keys.sorted().filter { !ids.contains($0) && !answer.selectedChoices.contains($0) }
        return (result, dropped)
    }

    /// One line per pillar of either version that anything happened in, for commit messages
    /// and the command's report: `Architecture: 2 answers kept; selections dropped: q1 (c3); new: q9; removed: q4 (answer deleted)`.
    package func pillarSummaries(base: Lens, target: Lens) -> [String] {
        var order: [String] = target.pillars.map(\.id)
        for pillar in base.pillars where !order.contains(pillar.id) { order.append(pillar.id) }
        var lines: [String] = []
        for pillarId in order {
            let name = target.pillar(id: pillarId)?.name ?? base.pillar(id: pillarId)?.name ?? pillarId
            let here = changes.filter { $0.pillarId == pillarId }
            var kept = 0
            var droppedParts: [String] = []
            var new: [String] = []
            var removed: [String] = []
            for change in here {
                switch change.change {
                case .kept(let dropped):
                    kept += 1
                    if !dropped.isEmpty { droppedParts.append("\(change.questionId) (\(dropped.joined(separator: ", ")))") }
                case .new: new.append(change.questionId)
                case .removed(let answered): removed.append(change.questionId + (answered ? " (answer deleted)" : ""))
                }
            }
            let status = difference.pillars.first { $0.id == pillarId }?.status
            var parts: [String] = []
            if status == .new { parts.append("new pillar") }
            if status == .deleted { parts.append("pillar removed") }
            if kept > 0 { parts.append("\(kept) answer\(kept == 1 ? "" : "s") kept") }
            if !droppedParts.isEmpty { parts.append("selections dropped: " + droppedParts.joined(separator: ", ")) }
            if !new.isEmpty { parts.append("new: " + new.joined(separator: ", ")) }
            if !removed.isEmpty { parts.append("removed: " + removed.joined(separator: ", ")) }
            if parts.isEmpty { parts.append(status == .updated ? "questions updated" : "unchanged") }
            lines.append("\(name): " + parts.joined(separator: "; "))
        }
        return lines
    }
}
