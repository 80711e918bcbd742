/// A profile's answers: for each question of the profile template, the ids of the choices
/// selected (the API's `ProfileQuestionUpdate` list, as one map). Written as a JSON object from
/// question id to choice ids, each list in the template's choice order; questions with nothing
/// selected are left out.
package struct ProfileAnswers: Sendable, Equatable, Codable {
    /// Selected choice ids by question id.
    package var selections: [String: [String]]

    package init(_ selections: [String: [String]] = [:]) {
        self.selections = selections
    }

    /// The choices selected for `questionId` (none when it is not answered).
    package subscript(questionId: String) -> [String] { selections[questionId] ?? [] }

    /// Every selected choice id, questions in id order.
    package var selectedChoiceIds: [String] {
        selections.keys.sorted().flatMap { selections[$0] ?? [] }
    }

    /// These answers with the questions in `updates` replaced (an empty list clears one), as
    /// UpdateProfile's `ProfileQuestions` do; the other questions keep their choices.
    package func merging(_ updates: [String: [String]]) -> ProfileAnswers {
        var result = selections
        for (question, choices) in updates { result[question] = choices }
        return ProfileAnswers(result)
    }

    /// The canonical form against `template`: each list in the template's choice order, questions
    /// without a selection left out. Ids the template does not know are kept, after the known
    /// ones, so normalising never hides an error from `violations(against:style:)`.
    package func normalized(to template: ProfileTemplate) -> ProfileAnswers {
        var result: [String: [String]] = [:]
        for (questionId, choices) in selections where !choices.isEmpty {
            guard let question = template.question(id: questionId) else {
                result[questionId] = choices
                continue
            }
            let order = question.choices.map(\.id)
            result[questionId] = order.filter { choices.contains($0) } + choices.filter { !order.contains($0) }
        }
        return ProfileAnswers(result)
    }

    package init(from decoder: any Decoder) throws {
        selections = try decoder.singleValueContainer().decode([String: [String]].self)
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(selections.filter { !$0.value.isEmpty })
    }
}

extension ProfileAnswers {
    /// How violations name what is wrong.
    package enum Style: Sendable {
        /// `welltree profile create/update --answer QUESTION=CHOICE,...`.
        case commandLine
        /// JSON paths in a profile version file (`answers["q"][1]`).
        case document
    }

    /// Every rule the answers break against `template`: questions and choices the template does
    /// not have (the message lists the valid ones), a choice selected twice, and for every
    /// question of the template a number of selections outside its minimum and maximum (a
    /// question without answers has selected none).
    package func violations(against template: ProfileTemplate, style: Style) -> [Violation] {
        var validator = Validator()
        func field(_ questionId: String, _ index: Int? = nil) -> String {
            switch style {
            case .commandLine: "--answer"
            case .document: "answers[\"\(questionId)\"]" + (index.map { "[\($0)]" } ?? "")
            }
        }
        let questionListing = template.questions.map(\.id).joined(separator: ", ")
        for questionId in selections.keys.sorted() where template.question(id: questionId) == nil {
            validator.add(
                Violation(
                    field: field(questionId), value: questionId,
                    rule: "is not a question of the profile template; its questions: \(questionListing)"))
        }
        for question in template.questions {
            let chosen = self[question.id]
            let listing = question.choices.map(\.id).joined(separator: ", ")
            var seen: Set<String> = []
            for (index, id) in chosen.enumerated() {
                if question.choice(id: id) == nil {
                    validator.add(
                        Violation(
                            field: field(question.id, index), value: id,
                            rule: "is not a choice of question \(question.id); its choices: \(listing)"))
                }
                if !seen.insert(id).inserted {
                    validator.add(Violation(field: field(question.id, index), value: id, rule: "is selected twice"))
                }
            }
            let range = question.selectionRange
            guard !range.contains(chosen.count) else { continue }
            let wanted = TextRules.countPhrase(range, noun: "choice")
            if chosen.isEmpty {
                validator.add(
                    Violation(
                        field: field(question.id), value: question.id,
                        rule: "is not answered: select \(wanted) of \(listing)"))
            } else {
                validator.add(
                    Violation(
                        field: field(question.id),
                        value: style == .commandLine ? "\(question.id)=\(chosen.joined(separator: ","))" : "\(chosen.count) choices",
                        rule: "selects \(chosen.count) choice\(chosen.count == 1 ? "" : "s"); question \(question.id) takes \(wanted)"))
            }
        }
        return validator.violations
    }
}
