/// A parsed risk-rule condition.
///
/// The language is the one every lens in the wild uses:
///
/// ```
/// or   := and ( "||" and )*
/// and  := not ( "&&" not )*
/// not  := "!" not | ID | "(" or ")"
/// ```
///
/// with whitespace anywhere, and the whole condition `default` meaning "always". `&&` binds
/// tighter than `||`. Chains of one operator are kept flat (`a && b && c` is one `.and` of three),
/// which makes printing and evaluation simpler without changing the meaning.
package indirect enum RiskCondition: Sendable, Equatable {
    /// The `default` condition: always true.
    case always
    /// True when the choice with this id (of the same question) is selected.
    case choice(String)
    /// Negation.
    case not(RiskCondition)
    /// True when every operand is (two or more operands).
    case and([RiskCondition])
    /// True when some operand is (two or more operands).
    case or([RiskCondition])
}

/// Why a condition text does not parse, and at which column (counted from 1 in the text as
/// written, leading whitespace included) so the message can point at the spot.
package struct ConditionSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was wrong, phrased as what was expected ("expected ')'").
    package var message: String
    /// Column of the offending place, from 1.
    package var column: Int

    package init(message: String, column: Int) {
        self.message = message
        self.column = column
    }

    package var description: String { "\(message) at column \(column)" }
}

extension RiskCondition {
    /// Deepest nesting of parentheses and `!` accepted; real lenses nest 3 levels, so this only
    /// protects the parser's stack from hostile files.
    package static let maximumDepth = 64

    /// Reads a condition. `default` (with surrounding whitespace) is `.always`; anywhere else the
    /// word is an ordinary id.
    package static func parse(_ text: String) throws(ConditionSyntaxError) -> RiskCondition {
        var parser = ConditionParser(text)
        return try parser.parseCondition()
    }

    /// The choice ids the condition mentions, each once, in order of first appearance.
    package var choiceIds: [String] {
        var ids: [String] = []
        collectIds(into: &ids)
        return ids
    }

    private func collectIds(into ids: inout [String]) {
        switch self {
        case .always: break
        case .choice(let id): if !ids.contains(id) { ids.append(id) }
        case .not(let inner): inner.collectIds(into: &ids)
        case .and(let operands), .or(let operands): for operand in operands { operand.collectIds(into: &ids) }
        }
    }
}

extension RiskCondition: CustomStringConvertible {
    /// The condition spelled with single spaces and only the parentheses it needs; parsing the
    /// text gives back an equal condition.
    package var description: String {
        switch self {
        case .always: return RiskRule.defaultCondition
        // A choice whose id is `default` is parenthesised: bare, the word means "always".
        case .choice(let id): return id == RiskRule.defaultCondition ? "(" + id + ")" : id
        case .not(let inner):
            if case .choice(let id) = inner { return "!" + id }
            if case .not = inner { return "!" + inner.description }
            return "!(" + inner.description + ")"
        case .and(let operands):
            return operands.map { operand in
                if case .or = operand { return "(" + operand.description + ")" }
                return operand.description
            }.joined(separator: " && ")
        case .or(let operands):
            return operands.map(\.description).joined(separator: " || ")
        }
    }
}

/// Recursive-descent parser over the text's Unicode scalars (columns count scalars).
private struct ConditionParser {
    private enum Token: Equatable {
        case id(String)
        case not, and, or, open, close, end
    }

    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var token: Token = .end
    private var tokenColumn = 1
    private var depth = 0

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    mutating func parseCondition() throws(ConditionSyntaxError) -> RiskCondition {
        try advance()
        if token == .end { throw ConditionSyntaxError(message: "the condition is empty", column: tokenColumn) }
        if token == .id(RiskRule.defaultCondition) {
            try advance()
            if token == .end { return .always }
            throw unexpected("the end of the condition after 'default'")
        }
        let condition = try parseOr()
        if token != .end { throw unexpected("'&&', '||' or the end of the condition") }
        return condition
    }

    private mutating func parseOr() throws(ConditionSyntaxError) -> RiskCondition {
        var operands = [try parseAnd()]
        while token == .or {
            try advance()
            operands.append(try parseAnd())
        }
        return operands.count == 1 ? operands[0] : .or(Self.flatten(operands, or: true))
    }

    private mutating func parseAnd() throws(ConditionSyntaxError) -> RiskCondition {
        var operands = [try parseNot()]
        while token == .and {
            try advance()
            operands.append(try parseNot())
        }
        return operands.count == 1 ? operands[0] : .and(Self.flatten(operands, or: false))
    }

    private mutating func parseNot() throws(ConditionSyntaxError) -> RiskCondition {
        switch token {
        case .id(let id):
            try advance()
            return .choice(id)
        case .not:
            try enter()
            try advance()
            let inner = try parseNot()
            depth -= 1
            return .not(inner)
        case .open:
            try enter()
            try advance()
            let inner = try parseOr()
            guard token == .close else { throw unexpected("')'") }
            depth -= 1
            try advance()
            return inner
        default:
            throw unexpected("a choice id, '!' or '('")
        }
    }

    private mutating func enter() throws(ConditionSyntaxError) {
        depth += 1
        if depth > RiskCondition.maximumDepth {
            throw ConditionSyntaxError(message: "nested deeper than \(RiskCondition.maximumDepth) levels", column: tokenColumn)
        }
    }

    private static func flatten(_ operands: [RiskCondition], or: Bool) -> [RiskCondition] {
        var flat: [RiskCondition] = []
        for operand in operands {
            switch (operand, or) {
            case (.or(let inner), true), (.and(let inner), false): flat.append(contentsOf: inner)
            default: flat.append(operand)
            }
        }
        return flat
    }

    private func unexpected(_ expected: String) -> ConditionSyntaxError {
        let found: String =
            switch token {
            case .id(let id): "'\(id)'"
            case .not: "'!'"
            case .and: "'&&'"
            case .or: "'||'"
            case .open: "'('"
            case .close: "')'"
            case .end: "the end of the condition"
            }
        return ConditionSyntaxError(message: "expected \(expected), found \(found)", column: tokenColumn)
    }

    private static func isIdScalar(_ scalar: Unicode.Scalar) -> Bool {
        // ASCII first: choice ids nearly always are, and the Unicode property look-ups were
        // most of the time spent compiling a lens's rules.
        if scalar.isASCII {
            let value = scalar.value
            return (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value) || (0x30...0x39).contains(value)
                || scalar == "_" || scalar == "-" || scalar == "."
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || (0x09...0x0D).contains(scalar.value) }
        return scalar.properties.isWhitespace
    }

    /// Reads the next token into `token`, remembering its column.
    private mutating func advance() throws(ConditionSyntaxError) {
        while index < scalars.count, Self.isWhitespace(scalars[index]) { index += 1 }
        tokenColumn = index + 1
        guard index < scalars.count else {
            token = .end
            return
        }
        let scalar = scalars[index]
        switch scalar {
        case "!": token = .not
        case "(": token = .open
        case ")": token = .close
        case "&", "|":
            guard index + 1 < scalars.count, scalars[index + 1] == scalar else {
                throw ConditionSyntaxError(message: "expected '\(scalar)\(scalar)'", column: tokenColumn)
            }
            index += 1
            token = scalar == "&" ? .and : .or
        default:
            guard Self.isIdScalar(scalar) else {
                throw ConditionSyntaxError(message: "unexpected character '\(scalar)'", column: tokenColumn)
            }
            let start = index
            var ascii = true
            while index < scalars.count, Self.isIdScalar(scalars[index]) {
                ascii = ascii && scalars[index].isASCII
                index += 1
            }
            let id = scalars[start..<index]
            // Choice ids are ASCII as a rule: built from bytes, not appended scalar by scalar.
            token = .id(ascii ? String(decoding: id.map { UInt8(truncatingIfNeeded: $0.value) }, as: UTF8.self) : String(String.UnicodeScalarView(id)))
            return
        }
        index += 1
    }
}
