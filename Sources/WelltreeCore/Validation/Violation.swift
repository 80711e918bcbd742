/// One broken rule in user input: which field, what value, which rule.
///
/// Validation collects every violation instead of stopping at the first, so a user fixes a
/// command line or a file in one go.
package struct Violation: Sendable, Equatable, CustomStringConvertible {
    /// The field or JSON path at fault, as the user would name it (`--name`, `tags["env"]`).
    package var field: String
    /// The offending value, shortened for display when very long.
    package var value: String
    /// The rule that was broken, phrased as the rule ("must be 3 to 100 characters").
    package var rule: String

    package init(field: String, value: String, rule: String) {
        self.field = field
        self.value = Violation.shorten(value)
        self.rule = rule
    }

    /// Long values are cut in the middle so messages stay readable.
    private static func shorten(_ value: String) -> String {
        guard value.count > 80 else { return value }
        return String(value.prefix(60)) + "…(\(value.count) characters)"
    }

    /// The value is shown with control and format characters (escape sequences, NUL,
    /// right-to-left overrides, zero-width marks) spelled as `\u{XXXX}`: hostile input must not
    /// drive the user's terminal or reorder the message around it.
    package var description: String { "\(field): \"\(Self.visible(value))\" \(rule)" }

    /// `text` with every control (Cc) and format (Cf) scalar written as `\u{XXXX}`.
    package static func visible(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .format:
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

/// Input that broke one or more rules. Nothing is written when this is thrown.
package struct ValidationError: Error, Sendable, Equatable, CustomStringConvertible {
    package var violations: [Violation]

    package init(_ violations: [Violation]) {
        self.violations = violations
    }

    package var description: String {
        violations.map(\.description).joined(separator: "\n")
    }
}

/// Collects violations while checking a value, then throws them together.
package struct Validator: Sendable {
    package private(set) var violations: [Violation] = []

    package init() {}

    /// Records a violation when `condition` is false.
    package mutating func require(_ condition: Bool, field: String, value: String, rule: String) {
        if !condition { violations.append(Violation(field: field, value: value, rule: rule)) }
    }

    package mutating func add(_ violation: Violation) { violations.append(violation) }

    /// Throws every recorded violation, if any.
    package func check() throws(ValidationError) {
        if !violations.isEmpty { throw ValidationError(violations) }
    }
}
