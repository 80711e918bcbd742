/// A parsed JSON value that remembers where in the source text each part began.
///
/// Welltree parses workspace files and lens files into this tree rather than straight into
/// `Codable` types, so that every later complaint (an over-long title, an unknown choice id in a
/// rule) can name the JSON path *and* the line and column of the offending value.
package struct JSONNode: Sendable, Equatable {
    /// The value itself.
    package var value: JSONValue
    /// The byte offset of the value's first byte in the source, or -1 for values built in memory.
    package var offset: Int

    package init(_ value: JSONValue, offset: Int = -1) {
        self.value = value
        self.offset = offset
    }
}

/// One member of a JSON object, in source order. Duplicate keys are rejected by the parser.
package struct JSONMember: Sendable, Equatable {
    package var key: String
    package var node: JSONNode

    package init(key: String, node: JSONNode) {
        self.key = key
        self.node = node
    }
}

/// The shape of a JSON value. Numbers keep their source spelling so that re-encoding is exact.
package enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONNode])
    case object([JSONMember])

    /// A short name of the value's kind, for error messages ("expected a string, found an array").
    package var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

extension JSONNode {
    /// The member named `key` when this is an object.
    package subscript(key: String) -> JSONNode? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.key == key }?.node
    }

    /// The node at `path` below this one, if there is one.
    package func find(_ path: JSONPath) -> JSONNode? {
        var node = self
        for component in path.components {
            switch (component, node.value) {
            case (.key(let key), .object(let members)):
                guard let next = members.first(where: { $0.key == key })?.node else { return nil }
                node = next
            case (.index(let index), .array(let elements)):
                guard elements.indices.contains(index) else { return nil }
                node = elements[index]
            default:
                return nil
            }
        }
        return node
    }

    /// The string when this is a string.
    package var stringValue: String? {
        if case .string(let s) = value { return s }
        return nil
    }

    /// The elements when this is an array.
    package var arrayValue: [JSONNode]? {
        if case .array(let a) = value { return a }
        return nil
    }

    /// The members when this is an object.
    package var objectValue: [JSONMember]? {
        if case .object(let m) = value { return m }
        return nil
    }
}

/// A location in a JSON source text, counted from 1 as editors do.
package struct SourcePosition: Sendable, Equatable, CustomStringConvertible {
    package var line: Int
    package var column: Int

    package init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// Computes line and column (in characters, not bytes) of `offset` in `bytes`.
    package init(offset: Int, in bytes: some Collection<UInt8>) {
        var line = 1
        var column = 1
        var index = 0
        for byte in bytes {
            if index >= offset { break }
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        self.init(line: line, column: column)
    }

    package var description: String { "line \(line), column \(column)" }
}

/// A path into a JSON document, printed the way people write it: `pillars[0].questions[3].title`.
package struct JSONPath: Sendable, Equatable, Hashable, CustomStringConvertible {
    package enum Component: Sendable, Equatable, Hashable {
        case key(String)
        case index(Int)
    }

    package var components: [Component]

    package init(_ components: [Component] = []) {
        self.components = components
    }

    package static let root = JSONPath()

    package func appending(_ key: String) -> JSONPath {
        JSONPath(components + [.key(key)])
    }

    package func appending(_ index: Int) -> JSONPath {
        JSONPath(components + [.index(index)])
    }

    package var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key):
                let plain = !key.isEmpty && key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
                if plain {
                    text += text.isEmpty ? key : "." + key
                } else {
                    text += "[\"\(key)\"]"
                }
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text.isEmpty ? "$" : text
    }
}
