/// How a pillar or question changed between two versions of a lens (the API's `DifferenceStatus`).
package enum DifferenceStatus: String, Sendable, Codable, CaseIterable {
    case new = "NEW"
    case updated = "UPDATED"
    case deleted = "DELETED"
}

/// One question that is new, changed or gone.
package struct QuestionDifference: Sendable, Equatable {
    package var id: String
    package var title: String
    package var status: DifferenceStatus
}

/// One pillar with changes, and the questions that changed in it.
package struct PillarDifference: Sendable, Equatable {
    package var id: String
    package var name: String
    package var status: DifferenceStatus
    package var questions: [QuestionDifference]
}

/// What changed between two versions of a lens: the API's `VersionDifferences`, which the
/// console shows before publishing ("the new, updated and deleted questions") and before an
/// upgrade ("what changed in each pillar").
///
/// Questions are matched by id across the whole lens, because answers are stored by question
/// id: a question moved to another pillar keeps its answer and is reported as updated in the
/// pillar it moved to, not as deleted and new. Pillars without changes are left out.
package struct LensDifference: Sendable, Equatable {
    /// Changed pillars: the target's order first, then pillars the target no longer has.
    package var pillars: [PillarDifference]

    package init(base: Lens, target: Lens) {
        var baseQuestions: [String: (pillar: String, question: LensQuestion)] = [:]
        for pillar in base.pillars { for question in pillar.questions { baseQuestions[question.id] = (pillar.id, question) } }
        var targetIds: Set<String> = []
        for pillar in target.pillars { for question in pillar.questions { targetIds.insert(question.id) } }

        var result: [PillarDifference] = []
        for pillar in target.pillars {
            let basePillar = base.pillar(id: pillar.id)
            var questions: [QuestionDifference] = []
            for question in pillar.questions {
                if let old = baseQuestions[question.id] {
                    if old.question != question || old.pillar != pillar.id {
                        questions.append(QuestionDifference(id: question.id, title: question.title, status: .updated))
                    }
                } else {
                    questions.append(QuestionDifference(id: question.id, title: question.title, status: .new))
                }
            }
            for question in basePillar?.questions ?? [] where !targetIds.contains(question.id) {
                questions.append(QuestionDifference(id: question.id, title: question.title, status: .deleted))
            }
            if basePillar == nil {
                result.append(PillarDifference(id: pillar.id, name: pillar.name, status: .new, questions: questions))
            } else if !questions.isEmpty || basePillar?.name != pillar.name {
                result.append(PillarDifference(id: pillar.id, name: pillar.name, status: .updated, questions: questions))
            }
        }
        for pillar in base.pillars where target.pillar(id: pillar.id) == nil {
            let questions = pillar.questions.filter { !targetIds.contains($0.id) }
                .map { QuestionDifference(id: $0.id, title: $0.title, status: .deleted) }
            result.append(PillarDifference(id: pillar.id, name: pillar.name, status: .deleted, questions: questions))
        }
        pillars = result
    }

    /// True when the two versions ask the same questions the same way.
    package var isEmpty: Bool { pillars.isEmpty }
}
