/// One question of a lens, its possible answers (choices) and the rules that rate an answer.
package struct LensQuestion: Sendable, Equatable, Codable {
    /// Unique in the whole lens, so answers can be stored by question id alone.
    package var id: String
    /// The question as asked, up to 128 characters.
    package var title: String
    /// Optional longer explanation (the spec requires it, but real lenses omit it and AWS imports them).
    package var description: String?
    /// Optional link explaining the question.
    package var helpfulResource: LensResource?
    /// The best practices a reviewer can tick, 1 to 15, in display order.
    package var choices: [LensChoice]
    /// Up to 3 rules, tried in order; the first true one gives the risk.
    package var riskRules: [RiskRule]

    package init(
        id: String,
        title: String,
        description: String? = nil,
        helpfulResource: LensResource? = nil,
        choices: [LensChoice],
        riskRules: [RiskRule]
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.helpfulResource = helpfulResource
        self.choices = choices
        self.riskRules = riskRules
    }

    /// The choice with this id. Choice ids are unique only within their question.
    package func choice(id: String) -> LensChoice? {
        choices.first { $0.id == id }
    }

    /// The question's "None of these" choice, if it has one.
    package var noneOfTheseChoice: LensChoice? {
        choices.first { $0.isNoneOfThese }
    }

    /// True when one of the rules is `default`, so every answered question gets a risk.
    package var hasDefaultRule: Bool {
        riskRules.contains { $0.isDefault }
    }
}
