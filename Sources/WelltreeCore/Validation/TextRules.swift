/// The rules free text in profiles, templates and notes follows, phrased as `Violation` rules:
/// a length in code points (as the API's Smithy `length` constraints count), and none of the
/// characters that act on a terminal or reorder a line (`UnsafeCharacter`), except newline and
/// tab in text that may span lines.
package enum TextRules {
    /// Every rule `text` breaks.
    package static func problems(_ text: String, length: ClosedRange<Int>, multiline: Bool) -> [String] {
        var rules: [String] = []
        let count = text.unicodeScalars.count
        if !length.contains(count) { rules.append(WorkloadChecker.lengthRule(length, count)) }
        if let unsafe = text.unicodeScalars.first(where: { UnsafeCharacter.isUnsafe($0) && !(multiline && ($0 == "\n" || $0 == "\t")) }) {
            let allowed = multiline ? " other than newline and tab" : ""
            rules.append(
                "must not contain control or bidirectional formatting characters\(allowed) (found \(WorkloadChecker.codePoint(unsafe)))")
        }
        return rules
    }

    /// Adds a violation of `field` for every rule `text` breaks.
    package static func check(
        _ text: String, field: String, length: ClosedRange<Int>, multiline: Bool, into validator: inout Validator
    ) {
        for rule in problems(text, length: length, multiline: multiline) {
            validator.add(Violation(field: field, value: text, rule: rule))
        }
    }

    /// Whether `id` is made of ASCII letters, digits, `-` and `_` and its length is in `length`:
    /// the identifiers of profile questions and choices, which commands print and users type.
    package static func isPlainIdentifier(_ id: String, length: ClosedRange<Int>) -> Bool {
        length.contains(id.unicodeScalars.count)
            && id.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
            }
    }

    /// "exactly 1 choice", "at most 5 choices", "1 to 5 choices", "at least 2 choices".
    package static func countPhrase(_ range: ClosedRange<Int>, noun: String) -> String {
        func plural(_ n: Int) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        if range.lowerBound == range.upperBound { return "exactly \(plural(range.lowerBound))" }
        if range.lowerBound == 0 { return "at most \(plural(range.upperBound))" }
        if range.upperBound == Int.max { return "at least \(plural(range.lowerBound))" }
        return "\(range.lowerBound) to \(plural(range.upperBound))"
    }
}
