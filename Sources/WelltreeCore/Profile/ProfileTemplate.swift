/// One choice of a profile question (the API's `ProfileTemplateChoice`).
package struct ProfileTemplateChoice: Sendable, Equatable, Codable {
    /// Unique in the whole template (Welltree's rule), so a choice is named without its question.
    package var id: String
    package var title: String
    package var description: String?

    package init(id: String, title: String, description: String? = nil) {
        self.id = id
        self.title = title
        self.description = description
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case id, title, description }

    package init(from decoder: any Decoder) throws {
        try JSONNodeDecoder.refuseUnknownKeys(in: decoder, known: Set(CodingKeys.allCases.map(\.rawValue)), what: "a profile choice")
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(String.self, forKey: .title)
        description = try c.decodeIfPresent(String.self, forKey: .description)
    }
}

/// One question of the profile template (the API's `ProfileTemplateQuestion`): a profile selects
/// between `minSelectedChoices` and `maxSelectedChoices` of its choices.
package struct ProfileTemplateQuestion: Sendable, Equatable, Codable {
    package var id: String
    package var title: String
    package var description: String?
    package var choices: [ProfileTemplateChoice]
    package var minSelectedChoices: Int
    package var maxSelectedChoices: Int
    /// True when the id and title are the AWS Well-Architected Tool's own (known from its
    /// output); false for questions Welltree or the workspace defined.
    package var fromAWS: Bool

    package init(
        id: String, title: String, description: String? = nil, choices: [ProfileTemplateChoice],
        minSelectedChoices: Int, maxSelectedChoices: Int, fromAWS: Bool = false
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.choices = choices
        self.minSelectedChoices = minSelectedChoices
        self.maxSelectedChoices = maxSelectedChoices
        self.fromAWS = fromAWS
    }

    /// How many choices a profile may select, when the bounds are sane.
    package var selectionRange: ClosedRange<Int> {
        max(0, minSelectedChoices)...max(max(0, minSelectedChoices), maxSelectedChoices)
    }

    /// The choice with this id, if the question has one.
    package func choice(id: String) -> ProfileTemplateChoice? { choices.first { $0.id == id } }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case id, title, description, choices, minSelectedChoices, maxSelectedChoices, fromAWS
    }

    package init(from decoder: any Decoder) throws {
        try JSONNodeDecoder.refuseUnknownKeys(in: decoder, known: Set(CodingKeys.allCases.map(\.rawValue)), what: "a profile question")
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(String.self, forKey: .title)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        choices = try c.decode([ProfileTemplateChoice].self, forKey: .choices)
        minSelectedChoices = try c.decode(Int.self, forKey: .minSelectedChoices)
        maxSelectedChoices = try c.decode(Int.self, forKey: .maxSelectedChoices)
        fromAWS = try c.decodeIfPresent(Bool.self, forKey: .fromAWS) ?? false
    }

    /// `fromAWS` only when true, `description` only when present.
    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)
        try c.encodeIfPresent(description, forKey: .description)
        try c.encode(choices, forKey: .choices)
        try c.encode(minSelectedChoices, forKey: .minSelectedChoices)
        try c.encode(maxSelectedChoices, forKey: .maxSelectedChoices)
        if fromAWS { try c.encode(true, forKey: .fromAWS) }
    }
}

/// The questions a profile answers: `profile-template.json` at the root of the workspace, in the
/// shape of the API's `ProfileTemplate` (GetProfileTemplate).
///
/// AWS has not published its own template beyond one question id; the file Welltree ships is
/// Welltree's (docs/profiles-and-templates.md), and a workspace may edit it. Reading is strict:
/// an unknown key anywhere is an error naming its JSON path.
package struct ProfileTemplate: Sendable, Equatable, Codable {
    /// The template's name (the API's `TemplateName`, a `ProfileName`: 3 to 100 characters).
    package var name: String
    /// What the file is and whose it is; not part of the API's shape.
    package var about: String?
    package var questions: [ProfileTemplateQuestion]

    package init(name: String, about: String? = nil, questions: [ProfileTemplateQuestion]) {
        self.name = name
        self.about = about
        self.questions = questions
    }

    /// The file's path in the workspace.
    package static let fileName = "profile-template.json"

    /// The question with this id.
    package func question(id: String) -> ProfileTemplateQuestion? { questions.first { $0.id == id } }

    /// The question holding the choice with this id (choice ids are unique in a valid template).
    package func question(holdingChoice id: String) -> ProfileTemplateQuestion? {
        questions.first { $0.choice(id: id) != nil }
    }

    /// Every choice id, in template order.
    package var choiceIds: [String] { questions.flatMap { $0.choices.map(\.id) } }

    private enum CodingKeys: String, CodingKey, CaseIterable { case name, about, questions }

    package init(from decoder: any Decoder) throws {
        try JSONNodeDecoder.refuseUnknownKeys(in: decoder, known: Set(CodingKeys.allCases.map(\.rawValue)), what: "a profile template")
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        about = try c.decodeIfPresent(String.self, forKey: .about)
        questions = try c.decode([ProfileTemplateQuestion].self, forKey: .questions)
    }
}

extension ProfileTemplate {
    /// The limits of the template: the API's lengths for ids, titles and descriptions, and
    /// Welltree's own counts (the service publishes none).
    package enum Limits {
        /// `ProfileName`.
        package static let nameLength = 3...100
        /// Welltree's: the `about` text.
        package static let aboutLength = 1...1024
        /// Welltree's: questions in the template.
        package static let questions = 1...20
        /// Welltree's: choices in one question.
        package static let choicesPerQuestion = 1...20
        /// `QuestionId`.
        package static let questionIdLength = 1...128
        /// `ChoiceId`.
        package static let choiceIdLength = 1...64
        /// `QuestionTitle`, `ChoiceTitle`.
        package static let titleLength = 1...512
        /// `QuestionDescription`, `ChoiceDescription`.
        package static let descriptionLength = 1...1024
    }

    /// Every rule the template breaks, each with its JSON path: counts, ids (plain letters,
    /// digits, `-` and `_`; question ids unique, choice ids unique across the template), lengths,
    /// no control characters, and selection bounds a profile can meet
    /// (0 <= min <= max, 1 <= max <= number of choices).
    package func violations() -> [Violation] {
        var validator = Validator()
        TextRules.check(name, field: "name", length: Limits.nameLength, multiline: false, into: &validator)
        if let about { TextRules.check(about, field: "about", length: Limits.aboutLength, multiline: true, into: &validator) }
        validator.require(
            Limits.questions.contains(questions.count), field: "questions", value: "\(questions.count) questions",
            rule: "must hold \(TextRules.countPhrase(Limits.questions, noun: "question"))")
        var questionIds: Set<String> = []
        var choiceOwners: [String: String] = [:]
        for (q, question) in questions.enumerated() {
            let path = "questions[\(q)]"
            validator.require(
                TextRules.isPlainIdentifier(question.id, length: Limits.questionIdLength), field: "\(path).id", value: question.id,
                rule: "must be 1 to 128 letters, digits, '-' or '_'")
            validator.require(
                questionIds.insert(question.id).inserted, field: "\(path).id", value: question.id, rule: "is used by another question")
            TextRules.check(question.title, field: "\(path).title", length: Limits.titleLength, multiline: false, into: &validator)
            if let description = question.description {
                TextRules.check(
                    description, field: "\(path).description", length: Limits.descriptionLength, multiline: true, into: &validator)
            }
            validator.require(
                Limits.choicesPerQuestion.contains(question.choices.count), field: "\(path).choices",
                value: "\(question.choices.count) choices",
                rule: "must hold \(TextRules.countPhrase(Limits.choicesPerQuestion, noun: "choice"))")
            for (c, choice) in question.choices.enumerated() {
                let choicePath = "\(path).choices[\(c)]"
                validator.require(
                    TextRules.isPlainIdentifier(choice.id, length: Limits.choiceIdLength), field: "\(choicePath).id", value: choice.id,
                    rule: "must be 1 to 64 letters, digits, '-' or '_'")
                if let owner = choiceOwners[choice.id] {
                    validator.add(
                        Violation(
                            field: "\(choicePath).id", value: choice.id,
                            rule: "is already a choice of question \(owner) (choice ids are unique in the whole template)"))
                } else {
                    choiceOwners[choice.id] = question.id
                }
                TextRules.check(choice.title, field: "\(choicePath).title", length: Limits.titleLength, multiline: false, into: &validator)
                if let description = choice.description {
                    TextRules.check(
                        description, field: "\(choicePath).description", length: Limits.descriptionLength, multiline: true, into: &validator
                    )
                }
            }
            validator.require(
                question.minSelectedChoices >= 0, field: "\(path).minSelectedChoices", value: "\(question.minSelectedChoices)",
                rule: "must not be negative")
            validator.require(
                question.maxSelectedChoices >= 1, field: "\(path).maxSelectedChoices", value: "\(question.maxSelectedChoices)",
                rule: "must be at least 1")
            validator.require(
                question.maxSelectedChoices >= question.minSelectedChoices, field: "\(path).maxSelectedChoices",
                value: "\(question.maxSelectedChoices)", rule: "must not be less than minSelectedChoices (\(question.minSelectedChoices))")
            validator.require(
                question.maxSelectedChoices <= question.choices.count, field: "\(path).maxSelectedChoices",
                value: "\(question.maxSelectedChoices)", rule: "must not exceed the number of choices (\(question.choices.count))")
        }
        return validator.violations
    }
}
