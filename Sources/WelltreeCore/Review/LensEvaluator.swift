/// Turns answers into risks for one lens, exactly as lens-format.md describes.
///
/// Built once per lens and then used for many workloads, so everything that can be done ahead is:
/// conditions are parsed once and compiled into one flat node array over choice *indices*;
/// answers are mapped to two bit masks (selected, not applicable) with precomputed
/// choice-id -> index maps. Evaluating a question allocates nothing and compares no strings
/// beyond the dictionary look-ups of the answer's own ids.
///
/// Semantics:
/// - a question marked not applicable is NOT_APPLICABLE (its selections are kept, not counted);
/// - with nothing selected and no choice marked not applicable it is UNANSWERED;
/// - otherwise the first rule whose condition is true gives the risk; `default` is true;
/// - a choice marked not applicable is neutral: its literal, negated or not, drops out of the
///   expression (true inside `&&`, false inside `||`), and a condition whose literals all drop
///   out is true;
/// - a `_no` choice is an ordinary boolean; a choice both selected and not applicable in a file
///   counts as not applicable;
/// - when no rule holds (a lens without `default`), the question stays UNANSWERED.
///
/// The lens is expected to have passed `LensLoader`. For a lens built in memory, a rule whose
/// condition does not parse never holds and an unknown choice id reads as unselected; choices
/// past the 64th of a question (a valid lens has at most 15) are ignored.
package struct LensEvaluator: Sendable {
    /// The lens the evaluator was built for.
    package let lens: Lens
    private let questions: [CompiledQuestion]
    private let questionIndex: [String: Int]
    private let program: ConditionProgram
    /// Question ids in lens order (pillar by pillar): position `i` is question index `i`.
    package let questionIds: [String]

    package init(lens: Lens) {
        self.lens = lens
        var builder = ConditionProgram.Builder()
        var questions: [CompiledQuestion] = []
        var questionIndex: [String: Int] = [:]
        var questionIds: [String] = []
        for pillar in lens.pillars {
            for question in pillar.questions {
                var choiceIndex: [String: Int] = [:]
                for (index, choice) in question.choices.enumerated() where index < 64 && choiceIndex[choice.id] == nil {
                    choiceIndex[choice.id] = index
                }
                var rules: [CompiledRule] = []
                for rule in question.riskRules {
                    guard let condition = try? RiskCondition.parse(rule.condition) else { continue }
                    rules.append(CompiledRule(root: builder.add(condition, choiceIndex: choiceIndex), risk: rule.risk.risk))
                }
                if questionIndex[question.id] == nil { questionIndex[question.id] = questions.count }
                questionIds.append(question.id)
                questions.append(CompiledQuestion(
                    choiceIndex: choiceIndex, rules: rules,
                    choices: ChoiceTable(question.choices.prefix(64).map(\.id))))
            }
        }
        self.questions = questions
        self.questionIndex = questionIndex
        self.questionIds = questionIds
        self.program = builder.program
    }

    /// The position of a question in lens order, or nil when the lens has no such question.
    package func questionIndex(of questionId: String) -> Int? {
        questionIndex[questionId]
    }

    /// The choice ids of the question at `index`, for matching ids read from bytes.
    package func choices(ofQuestion index: Int) -> ChoiceTable {
        questions[index].choices
    }

    /// The risk of the question at `index` from an answer already reduced to choice bit masks
    /// (bit `i` is the question's choice `i`): the fast path for scanned answer files, with the
    /// same semantics as `risk(questionId:answer:)`.
    package func risk(questionAt index: Int, selected: UInt64, notApplicable: UInt64, isApplicable: Bool) -> Risk {
        guard isApplicable else { return .notApplicable }
        return risk(questions[index], selected: selected, notApplicable: notApplicable)
    }

    /// The risk of one question given its answer (nil when never answered). A question id the
    /// lens does not have is UNANSWERED.
    package func risk(questionId: String, answer: Answer?) -> Risk {
        guard let index = questionIndex[questionId] else { return .unanswered }
        return risk(questions[index], answer)
    }

    /// The whole lens review: every question's risk with per-pillar and lens totals. `answers`
    /// are keyed by question id; a missing entry means unanswered.
    package func review(answers: [String: Answer]) -> LensReview {
        var pillars: [PillarReview] = []
        var total = RiskCounts()
        var next = 0
        for pillar in lens.pillars {
            var counts = RiskCounts()
            var reviews: [QuestionReview] = []
            reviews.reserveCapacity(pillar.questions.count)
            for question in pillar.questions {
                let answer = answers[question.id]
                let risk = risk(questions[next], answer)
                next += 1
                counts.add(risk)
                reviews.append(
                    QuestionReview(
                        pillarId: pillar.id, questionId: question.id, title: question.title, risk: risk, answer: answer))
            }
            total.add(counts)
            pillars.append(PillarReview(id: pillar.id, name: pillar.name, questions: reviews, riskCounts: counts))
        }
        return LensReview(pillars: pillars, riskCounts: total)
    }

    /// Only the lens totals, without building per-question reviews: for dashboards over many
    /// workloads.
    package func riskCounts(answers: [String: Answer]) -> RiskCounts {
        var counts = RiskCounts()
        var next = 0
        for pillar in lens.pillars {
            for question in pillar.questions {
                counts.add(risk(questions[next], answers[question.id]))
                next += 1
            }
        }
        return counts
    }

    private func risk(_ question: CompiledQuestion, _ answer: Answer?) -> Risk {
        guard let answer else { return .unanswered }
        guard answer.isApplicable else { return .notApplicable }
        var selected: UInt64 = 0
        var notApplicable: UInt64 = 0
        for id in answer.selectedChoices {
            if let index = question.choiceIndex[id] { selected |= 1 << UInt64(index) }
        }
        for id in answer.notApplicableChoices.keys {
            if let index = question.choiceIndex[id] { notApplicable |= 1 << UInt64(index) }
        }
        return risk(question, selected: selected, notApplicable: notApplicable)
    }

    private func risk(_ question: CompiledQuestion, selected: UInt64, notApplicable: UInt64) -> Risk {
        let selected = selected & ~notApplicable
        guard selected != 0 || notApplicable != 0 else { return .unanswered }
        for rule in question.rules where program.holds(rule.root, selected: selected, notApplicable: notApplicable) {
            return rule.risk
        }
        return .unanswered
    }
}

private struct CompiledQuestion: Sendable {
    let choiceIndex: [String: Int]
    let rules: [CompiledRule]
    let choices: ChoiceTable
}

private struct CompiledRule: Sendable {
    let root: Int32
    let risk: Risk
}
