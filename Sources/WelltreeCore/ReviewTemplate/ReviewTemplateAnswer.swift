/// Whether a review template answers a question (the API's `ReviewTemplateAnswerStatus`). A
/// template answer has no risk: it is a starting point for workloads, judged in each of them.
package enum ReviewTemplateAnswerStatus: String, Sendable, Codable, CaseIterable {
    case unanswered = "UNANSWERED"
    case answered = "ANSWERED"

    /// The status of a stored template answer (nil: no file). A template answer is the
    /// workload answer format (`Answer`), so it is updated by `AnswerUpdate` and checked by
    /// `Answer.violations(against:field:)` exactly as a workload's is.
    ///
    /// ANSWERED when the answer selects a choice, marks one not applicable or marks the question
    /// not applicable: the answers that give a workload's question a risk other than UNANSWERED.
    /// Notes alone answer nothing.
    package init(_ answer: Answer?) {
        guard let answer else {
            self = .unanswered
            return
        }
        let answered = !answer.isApplicable || !answer.selectedChoices.isEmpty || !answer.notApplicableChoices.isEmpty
        self = answered ? .answered : .unanswered
    }
}

/// How many questions a template answers and leaves open (the API's `QuestionCounts` map), per
/// template, lens or pillar. Encoded as the service encodes it: a zero count is left out (see
/// `RiskCounts`); decoding reads a missing key as zero.
package struct TemplateQuestionCounts: Sendable, Equatable, Hashable {
    package var answered = 0
    package var unanswered = 0

    package init(answered: Int = 0, unanswered: Int = 0) {
        self.answered = answered
        self.unanswered = unanswered
    }

    package subscript(status: ReviewTemplateAnswerStatus) -> Int {
        switch status {
        case .answered: answered
        case .unanswered: unanswered
        }
    }

    package mutating func add(_ status: ReviewTemplateAnswerStatus) {
        switch status {
        case .answered: answered += 1
        case .unanswered: unanswered += 1
        }
    }

    package mutating func add(_ other: TemplateQuestionCounts) {
        answered += other.answered
        unanswered += other.unanswered
    }

    package var total: Int { answered + unanswered }
}

extension TemplateQuestionCounts: Codable {
    package init(from decoder: any Decoder) throws {
        let map = try decoder.singleValueContainer().decode([String: Int].self)
        self.init()
        for (key, value) in map {
            guard let status = ReviewTemplateAnswerStatus(rawValue: key) else {
                throw JSONNodeDecoder.invalid("unknown answer status \"\(key)\"", in: decoder)
            }
            switch status {
            case .answered: answered = value
            case .unanswered: unanswered = value
            }
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        var map: [String: Int] = [:]
        if answered != 0 { map[ReviewTemplateAnswerStatus.answered.rawValue] = answered }
        if unanswered != 0 { map[ReviewTemplateAnswerStatus.unanswered.rawValue] = unanswered }
        try container.encode(map)
    }
}
