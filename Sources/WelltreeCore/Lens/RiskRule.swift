/// The risk a rule assigns, spelled as in lens files.
package enum RuleRisk: String, Sendable, Equatable, Codable, CaseIterable {
    case high = "HIGH_RISK"
    case medium = "MEDIUM_RISK"
    case none = "NO_RISK"

    /// The question risk this rule risk stands for (HIGH_RISK -> HIGH, NO_RISK -> NONE).
    package var risk: Risk {
        switch self {
        case .high: .high
        case .medium: .medium
        case .none: .none
        }
    }
}

/// One risk rule of a question: when `condition` holds, the question has `risk`.
///
/// The condition is kept as text (what the lens file says, trimmed at import) so that exporting a
/// lens gives back its own rules; `RiskCondition.parse` reads it, and `LensEvaluator` compiles it
/// once per lens.
package struct RiskRule: Sendable, Equatable, Codable {
    /// The spelling of the catch-all condition.
    package static let defaultCondition = "default"

    /// `default` or a boolean expression over the question's choice ids.
    package var condition: String
    /// The risk given when the condition is the first true one.
    package var risk: RuleRisk

    package init(condition: String, risk: RuleRisk) {
        self.condition = condition
        self.risk = risk
    }

    /// True for the catch-all rule.
    package var isDefault: Bool { condition == Self.defaultCondition }
}
