/// What risk evaluation needs of one answer file: its choices as bit masks over the question's
/// choice list, whether the question applies, and where its `updatedAt` text is.
package struct ScannedAnswer: Sendable, Equatable {
    /// Bit `i` set: the question's choice `i` is selected.
    package var selected: UInt64 = 0
    /// Bit `i` set: the question's choice `i` is marked not applicable.
    package var notApplicable: UInt64 = 0
    package var isApplicable = true
    /// The bytes of the `updatedAt` string (no quotes) in the scanned buffer, when present.
    package var updatedAt: Range<Int>?

    package init() {}
}

/// A strict, allocation-free reader for the answer files Welltree writes
/// (`workloads/<dir>/answers/<lens>/<question>.json`).
///
/// Decoding every answer into `Answer` values costs strings, arrays and dictionaries per file;
/// over a large organisation's hundreds of thousands of files that is most of a dashboard's
/// time. This scanner reads the bytes once and keeps only what evaluation needs, matching choice
/// ids against the question's `ChoiceTable` without creating strings.
///
/// It accepts exactly the well-formed documents of the answer schema (any JSON whitespace,
/// members in any order) and gives up, returning nil, on anything else: a syntax error, an
/// unknown or repeated key, a `null`, a `\u` escape, an unknown enum value, a choice id the
/// question does not have, invalid UTF-8. It knows no `evidence` key, so every answer that cites
/// evidence is left to the decoder too (the summary relies on this to notice citations). The caller then decodes the file with the general
/// decoder, which either accepts it (for example an unknown key, which `Answer` ignores) or
/// reports the error with its JSON path, line and column. So the scanner only ever decides the
/// common case and never changes what a file means.
package enum AnswerScanner {
    /// Scans one answer file. `choices` is the question's choice list; nil (a file for a question
    /// the lens does not have) makes the scan give up whenever a choice id must be matched.
    package static func scan(_ buffer: UnsafeRawBufferPointer, choices: ChoiceTable?) -> ScannedAnswer? {
        guard let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
        var cursor = Cursor(base: base, count: buffer.count, buffer: buffer)
        return cursor.answer(choices)
    }
}

private let quote = UInt8(ascii: "\"")
private let backslash = UInt8(ascii: "\\")

/// Keys of the answer schema, as bytes, with a bit each to catch repeats.
private enum Key {
    static let selectedChoices = Array("selectedChoices".utf8)
    static let notApplicableChoices = Array("notApplicableChoices".utf8)
    static let isApplicable = Array("isApplicable".utf8)
    static let reason = Array("reason".utf8)
    static let notes = Array("notes".utf8)
    static let updatedAt = Array("updatedAt".utf8)
    static let reasons: [[UInt8]] = AnswerReason.allCases.map { Array($0.rawValue.utf8) }
}

private struct Cursor {
    let base: UnsafePointer<UInt8>
    let count: Int
    let buffer: UnsafeRawBufferPointer
    var index = 0

    init(base: UnsafePointer<UInt8>, count: Int, buffer: UnsafeRawBufferPointer) {
        self.base = base
        self.count = count
        self.buffer = buffer
    }

    mutating func answer(_ choices: ChoiceTable?) -> ScannedAnswer? {
        var result = ScannedAnswer()
        skipWhitespace()
        let whole = fields { cursor, key in
            if cursor.matches(key, Key.selectedChoices) {
                guard let choices, let mask = cursor.choiceArray(choices) else { return nil }
                result.selected = mask
                return 1
            } else if cursor.matches(key, Key.notApplicableChoices) {
                guard let choices, let mask = cursor.notApplicableObject(choices) else { return nil }
                result.notApplicable = mask
                return 2
            } else if cursor.matches(key, Key.isApplicable) {
                guard let value = cursor.boolean() else { return nil }
                result.isApplicable = value
                return 4
            } else if cursor.matches(key, Key.reason) {
                return cursor.reason() ? 8 : nil
            } else if cursor.matches(key, Key.notes) {
                return cursor.string() != nil ? 16 : nil
            } else if cursor.matches(key, Key.updatedAt) {
                guard let value = cursor.string(), !value.escaped else { return nil }
                result.updatedAt = value.range
                return 32
            }
            return nil
        }
        guard whole else { return nil }
        skipWhitespace()
        return index == count ? result : nil
    }

    /// `{member, ...}` or `{}`, each member read by `member` (false refuses the document).
    @inline(__always)
    private mutating func object(_ member: (inout Cursor) -> Bool) -> Bool {
        guard take(UInt8(ascii: "{")) else { return false }
        skipWhitespace()
        if take(UInt8(ascii: "}")) { return true }
        repeat {
            skipWhitespace()
            guard member(&self) else { return false }
            skipWhitespace()
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "}"))
    }

    /// An object with known keys: `field` reads the value after each key and returns the key's
    /// bit, or nil for an unknown key or a bad value; a repeated key refuses the document too.
    @inline(__always)
    private mutating func fields(_ field: (inout Cursor, (range: Range<Int>, escaped: Bool)) -> UInt8?) -> Bool {
        var seen: UInt8 = 0
        return object { cursor in
            guard let key = cursor.string(), !key.escaped else { return false }
            cursor.skipWhitespace()
            guard cursor.take(UInt8(ascii: ":")) else { return false }
            cursor.skipWhitespace()
            guard let bit = field(&cursor, key), seen & bit == 0 else { return false }
            seen |= bit
            return true
        }
    }

    /// `["id", ...]` as a mask; nil on an unknown id.
    private mutating func choiceArray(_ choices: ChoiceTable) -> UInt64? {
        guard take(UInt8(ascii: "[")) else { return nil }
        skipWhitespace()
        var mask: UInt64 = 0
        if take(UInt8(ascii: "]")) { return mask }
        repeat {
            skipWhitespace()
            guard let choice = choiceIndex(choices) else { return nil }
            mask |= 1 << UInt64(choice)
            skipWhitespace()
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "]")) ? mask : nil
    }

    /// `{"id": {"reason": "...", "notes": "..."}, ...}` as a mask; nil on an unknown or
    /// repeated id or a member without its required reason.
    private mutating func notApplicableObject(_ choices: ChoiceTable) -> UInt64? {
        var mask: UInt64 = 0
        let whole = object { cursor in
            guard let choice = cursor.choiceIndex(choices), mask & (1 << UInt64(choice)) == 0 else { return false }
            mask |= 1 << UInt64(choice)
            cursor.skipWhitespace()
            guard cursor.take(UInt8(ascii: ":")) else { return false }
            cursor.skipWhitespace()
            var hasReason = false
            let member = cursor.fields { inner, key in
                if inner.matches(key, Key.reason) {
                    hasReason = inner.reason()
                    return hasReason ? 1 : nil
                } else if inner.matches(key, Key.notes) {
                    return inner.string() != nil ? 2 : nil
                }
                return nil
            }
            return member && hasReason
        }
        return whole ? mask : nil
    }

    /// A choice id string, as the index of the question's choice with that id.
    private mutating func choiceIndex(_ choices: ChoiceTable) -> Int? {
        guard let id = string(), !id.escaped else { return nil }
        let index = choices.index(of: UnsafeRawBufferPointer(rebasing: buffer[id.range]))
        guard let index, index < 64 else { return nil }
        return index
    }

    private mutating func reason() -> Bool {
        guard let value = string(), !value.escaped else { return false }
        return Key.reasons.contains { matches(value, $0) }
    }

    private mutating func boolean() -> Bool? {
        if literal("true") { return true }
        if literal("false") { return false }
        return nil
    }

    private mutating func literal(_ text: StaticString) -> Bool {
        let length = text.utf8CodeUnitCount
        guard count - index >= length else { return false }
        let bytes = text.utf8Start
        for offset in 0..<length where base[index + offset] != bytes[offset] { return false }
        index += length
        return true
    }

    /// A JSON string: the range of its contents and whether it has escapes. Nil on anything the
    /// general parser would reject (control characters, bad escapes, invalid UTF-8) and on `\u`
    /// escapes, which are left to it.
    private mutating func string() -> (range: Range<Int>, escaped: Bool)? {
        guard index < count, base[index] == quote else { return nil }
        index += 1
        let start = index
        var escaped = false
        var ascii = true
        while index < count {
            let byte = base[index]
            if byte == quote {
                let end = index
                index += 1
                if !ascii && !UTF8Validation.isValid(UnsafeBufferPointer(start: base + start, count: end - start)) { return nil }
                return (start..<end, escaped)
            }
            if byte == backslash {
                guard index + 1 < count else { return nil }
                switch base[index + 1] {
                case quote, backslash, UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"),
                    UInt8(ascii: "r"), UInt8(ascii: "t"):
                    escaped = true
                    index += 2
                    continue
                default:
                    return nil
                }
            }
            if byte < 0x20 { return nil }
            if byte >= 0x80 { ascii = false }
            index += 1
        }
        return nil
    }

    private func matches(_ value: (range: Range<Int>, escaped: Bool), _ expected: [UInt8]) -> Bool {
        guard value.range.count == expected.count else { return false }
        var position = value.range.lowerBound
        for byte in expected {
            if base[position] != byte { return false }
            position += 1
        }
        return true
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard index < count, base[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func skipWhitespace() {
        while index < count {
            switch base[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }
}
