/// Why a JSON text could not be parsed, and where.
package struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was wrong ("expected ',' or '}'").
    package var message: String
    /// The byte offset at which the parser gave up.
    package var offset: Int
    /// The same place as a line and column.
    package var position: SourcePosition

    package var description: String { "\(message) at \(position)" }
}

/// A strict RFC 8259 parser producing `JSONNode`s that remember their offsets.
///
/// Strict where it matters for data integrity: no `NaN`, no trailing commas, no comments, no
/// duplicate keys, no unescaped control characters, nesting bounded so hostile input cannot
/// exhaust the stack. A UTF-8 byte order mark at the very start is skipped.
package struct JSONParser {
    /// Deepest nesting accepted; real lenses nest 7 levels, so this only stops abuse.
    package static let maximumDepth = 256

    private let bytes: [UInt8]
    private let allowsDuplicateKeys: Bool

    private init(bytes: [UInt8], allowsDuplicateKeys: Bool = false) {
        self.bytes = bytes
        self.allowsDuplicateKeys = allowsDuplicateKeys
    }

    /// Parses a complete document: exactly one value, surrounded by optional whitespace.
    package static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONNode {
        try JSONParser(bytes: bytes).parseDocument()
    }

    /// Parses a document that may repeat a key within an object, keeping every member in source
    /// order. For importing third-party files (real lens files repeat `url`), where the caller
    /// decides which value counts and warns; Welltree's own files are read with `parse(_:)`.
    package static func parse(_ bytes: [UInt8], allowingDuplicateKeys: Bool) throws(JSONSyntaxError) -> JSONNode {
        try JSONParser(bytes: bytes, allowsDuplicateKeys: allowingDuplicateKeys).parseDocument()
    }

    /// Parses a complete document given as text.
    package static func parse(_ text: String) throws(JSONSyntaxError) -> JSONNode {
        try parse(Array(text.utf8))
    }

    private func parseDocument() throws(JSONSyntaxError) -> JSONNode {
        var index = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        skipWhitespace(&index)
        guard index < bytes.count else { throw error("the document is empty", at: index) }
        let node = try parseValue(&index, depth: 0)
        skipWhitespace(&index)
        if index < bytes.count {
            throw error("unexpected \(describe(index)) after the end of the document", at: index)
        }
        return node
    }

    private func error(_ message: String, at offset: Int) -> JSONSyntaxError {
        JSONSyntaxError(message: message, offset: offset, position: SourcePosition(offset: offset, in: bytes))
    }

    private func describe(_ index: Int) -> String {
        guard index < bytes.count else { return "end of input" }
        let byte = bytes[index]
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }

    private func skipWhitespace(_ index: inout Int) {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private func parseValue(_ index: inout Int, depth: Int) throws(JSONSyntaxError) -> JSONNode {
        guard index < bytes.count else { throw error("expected a value, found end of input", at: index) }
        let start = index
        switch bytes[index] {
        case UInt8(ascii: "{"):
            guard depth < Self.maximumDepth else { throw error("nesting deeper than \(Self.maximumDepth) levels", at: index) }
            return JSONNode(.object(try parseObject(&index, depth: depth + 1)), offset: start)
        case UInt8(ascii: "["):
            guard depth < Self.maximumDepth else { throw error("nesting deeper than \(Self.maximumDepth) levels", at: index) }
            return JSONNode(.array(try parseArray(&index, depth: depth + 1)), offset: start)
        case UInt8(ascii: "\""):
            return JSONNode(.string(try parseString(&index)), offset: start)
        case UInt8(ascii: "t"):
            try expectLiteral("true", &index)
            return JSONNode(.bool(true), offset: start)
        case UInt8(ascii: "f"):
            try expectLiteral("false", &index)
            return JSONNode(.bool(false), offset: start)
        case UInt8(ascii: "n"):
            try expectLiteral("null", &index)
            return JSONNode(.null, offset: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONNode(.number(try parseNumber(&index)), offset: start)
        case UInt8(ascii: "N"), UInt8(ascii: "I"):
            throw error("NaN and Infinity are not valid JSON", at: index)
        default:
            throw error("expected a value, found \(describe(index))", at: index)
        }
    }

    private func expectLiteral(_ literal: String, _ index: inout Int) throws(JSONSyntaxError) {
        let start = index
        let expected = Array(literal.utf8)
        guard index + expected.count <= bytes.count else { throw error("invalid literal", at: start) }
        let count = expected.count
        let matches = (0..<count).allSatisfy { bytes[index + $0] == expected[$0] }
        guard matches else { throw error("invalid literal, found \(describe(start))", at: start) }
        index += count
    }

    private func parseObject(_ index: inout Int, depth: Int) throws(JSONSyntaxError) -> [JSONMember] {
        index += 1
        var members: [JSONMember] = []
        // Duplicate keys are found by a linear search while the object is small (most are), and
        // through a set only past that: hashing every key was a measurable part of parsing.
        var seen: Set<String>?
        skipWhitespace(&index)
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return members
        }
        while true {
            skipWhitespace(&index)
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw error("expected a string key, found \(describe(index))", at: index)
            }
            let keyOffset = index
            let key = try parseString(&index)
            if !allowsDuplicateKeys {
                let duplicate: Bool
                if members.count < 16 {
                    duplicate = members.contains { $0.key == key }
                } else {
                    if seen == nil { seen = Set(members.map(\.key)) }
                    duplicate = !seen!.insert(key).inserted
                }
                if duplicate { throw error("duplicate key \"\(key)\"", at: keyOffset) }
            }
            skipWhitespace(&index)
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw error("expected ':' after key \"\(key)\", found \(describe(index))", at: index)
            }
            index += 1
            skipWhitespace(&index)
            let value = try parseValue(&index, depth: depth)
            members.append(JSONMember(key: key, node: value))
            skipWhitespace(&index)
            guard index < bytes.count else { throw error("expected ',' or '}', found end of input", at: index) }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return members
            }
            throw error("expected ',' or '}', found \(describe(index))", at: index)
        }
    }

    private func parseArray(_ index: inout Int, depth: Int) throws(JSONSyntaxError) -> [JSONNode] {
        index += 1
        var elements: [JSONNode] = []
        skipWhitespace(&index)
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return elements
        }
        while true {
            skipWhitespace(&index)
            elements.append(try parseValue(&index, depth: depth))
            skipWhitespace(&index)
            guard index < bytes.count else { throw error("expected ',' or ']', found end of input", at: index) }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return elements
            }
            throw error("expected ',' or ']', found \(describe(index))", at: index)
        }
    }

    private func parseNumber(_ index: inout Int) throws(JSONSyntaxError) -> String {
        let start = index
        func digits(_ index: inout Int) -> Int {
            let from = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
            return index - from
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count else { throw error("invalid number", at: start) }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else if digits(&index) == 0 {
            throw error("invalid number", at: start)
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits(&index) > 0 else { throw error("invalid number: digits expected after '.'", at: start) }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits(&index) > 0 else { throw error("invalid number: digits expected in exponent", at: start) }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private func parseString(_ index: inout Int) throws(JSONSyntaxError) -> String {
        let start = index
        index += 1
        // Fast path: no escapes, so the bytes can be decoded in one go.
        var scan = index
        var asciiOnly = true
        while scan < bytes.count {
            let byte = bytes[scan]
            if byte == UInt8(ascii: "\"") {
                let slice = bytes[index..<scan]
                index = scan + 1
                if asciiOnly { return String(decoding: slice, as: UTF8.self) }
                guard let text = UTF8Validation.string(slice) else {
                    throw error("the string is not valid UTF-8", at: start)
                }
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw error("control character 0x\(String(byte, radix: 16)) in a string must be escaped", at: scan) }
            if byte >= 0x80 { asciiOnly = false }
            scan += 1
        }
        guard scan < bytes.count else { throw error("unterminated string", at: start) }
        // Slow path with escapes.
        var buffer: [UInt8] = Array(bytes[index..<scan])
        index = scan
        while true {
            guard index < bytes.count else { throw error("unterminated string", at: start) }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                guard let text = UTF8Validation.string(buffer[...]) else {
                    throw error("the string is not valid UTF-8", at: start)
                }
                return text
            }
            if byte < 0x20 { throw error("control character 0x\(String(byte, radix: 16)) in a string must be escaped", at: index) }
            if byte != UInt8(ascii: "\\") {
                buffer.append(byte)
                index += 1
                continue
            }
            index += 1
            guard index < bytes.count else { throw error("unterminated escape", at: index) }
            let escaped = bytes[index]
            index += 1
            switch escaped {
            case UInt8(ascii: "\""): buffer.append(0x22)
            case UInt8(ascii: "\\"): buffer.append(0x5C)
            case UInt8(ascii: "/"): buffer.append(0x2F)
            case UInt8(ascii: "b"): buffer.append(0x08)
            case UInt8(ascii: "f"): buffer.append(0x0C)
            case UInt8(ascii: "n"): buffer.append(0x0A)
            case UInt8(ascii: "r"): buffer.append(0x0D)
            case UInt8(ascii: "t"): buffer.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try parseHex4(&index)
                if (0xD800..<0xDC00).contains(scalar) {
                    guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                        throw error("unpaired surrogate in \\u escape", at: index)
                    }
                    index += 2
                    let low = try parseHex4(&index)
                    guard (0xDC00..<0xE000).contains(low) else { throw error("invalid low surrogate in \\u escape", at: index) }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00..<0xE000).contains(scalar) {
                    throw error("unpaired surrogate in \\u escape", at: index)
                }
                guard let unicode = Unicode.Scalar(scalar) else { throw error("invalid \\u escape", at: index) }
                buffer.append(contentsOf: Array(String(Character(unicode)).utf8))
            default:
                throw error("invalid escape '\\\(Character(Unicode.Scalar(escaped)))'", at: index - 2)
            }
        }
    }

    private func parseHex4(_ index: inout Int) throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("truncated \\u escape", at: index) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw error("invalid hex digit in \\u escape", at: index)
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }
}
