/// Why a JSON document did not fit the type it was read as: the JSON path, the place in the
/// text and what was expected.
package struct JSONDocumentError: Error, Sendable, Equatable, CustomStringConvertible {
    package var path: JSONPath
    package var position: SourcePosition?
    package var message: String

    package init(path: JSONPath, position: SourcePosition?, message: String) {
        self.path = path
        self.position = position
        self.message = message
    }

    package var description: String {
        if let position { return "\(path): \(message) (\(position))" }
        return "\(path): \(message)"
    }
}

/// Decodes `Decodable` types from a parsed `JSONNode`, reporting mistakes as `JSONDocumentError`s
/// that name the JSON path and the line and column of the value at fault.
package struct JSONNodeDecoder {
    package init() {}

    /// Parses `bytes` and decodes a `T`; syntax errors and shape errors both come back as
    /// `JSONDocumentError`.
    package func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws(JSONDocumentError) -> T {
        let node: JSONNode
        do {
            node = try JSONParser.parse(bytes)
        } catch {
            throw JSONDocumentError(path: .root, position: error.position, message: error.message)
        }
        return try decode(type, from: node, source: bytes)
    }

    /// Decodes a `T` from an already parsed node; `source` gives positions to error messages.
    package func decode<T: Decodable>(_ type: T.Type, from node: JSONNode, source: [UInt8]? = nil) throws(JSONDocumentError) -> T {
        let context = DecodingContext(source: source)
        do {
            return try T(from: NodeDecoder(node: node, path: .root, context: context))
        } catch let error as NodeDecodingFailure {
            throw error.documentError
        } catch let error as DecodingError {
            // Raised by synthesised conformances, e.g. a string that is no case of an enum.
            let (codingPath, message) = switch error {
            case .dataCorrupted(let c): (c.codingPath, c.debugDescription)
            case .keyNotFound(let key, let c): (c.codingPath, "the required field \"\(key.stringValue)\" is missing")
            case .typeMismatch(_, let c): (c.codingPath, c.debugDescription)
            case .valueNotFound(_, let c): (c.codingPath, c.debugDescription)
            @unknown default: ([], String(describing: error))
            }
            let path = JSONPath(codingPath.map { key in key.intValue.map { .index($0) } ?? .key(key.stringValue) })
            throw JSONDocumentError(path: path, position: node.find(path).flatMap { context.position($0.offset) }, message: message)
        } catch {
            throw JSONDocumentError(path: .root, position: nil, message: String(describing: error))
        }
    }
}

/// Carries the source bytes so failures can be turned into line/column at the point they occur.
private final class DecodingContext: Sendable {
    let source: [UInt8]?
    init(source: [UInt8]?) { self.source = source }

    func position(_ offset: Int) -> SourcePosition? {
        guard let source, offset >= 0 else { return nil }
        return SourcePosition(offset: offset, in: source)
    }
}

private struct NodeDecodingFailure: Error {
    let documentError: JSONDocumentError
}

private struct PathKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
}

private func codingKeys(for path: JSONPath) -> [any CodingKey] {
    path.components.map {
        switch $0 {
        case .key(let k): PathKey(stringValue: k)
        case .index(let i): PathKey(intValue: i)
        }
    }
}

private struct NodeDecoder: Decoder {
    let node: JSONNode
    let path: JSONPath
    let context: DecodingContext

    var codingPath: [any CodingKey] { codingKeys(for: path) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func failure(_ message: String, at node: JSONNode? = nil, path: JSONPath? = nil) -> NodeDecodingFailure {
        NodeDecodingFailure(documentError: JSONDocumentError(
            path: path ?? self.path, position: context.position((node ?? self.node).offset), message: message))
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = node.value else {
            throw failure("expected an object, found \(node.value.kindName)")
        }
        return KeyedDecodingContainer(KeyedContainer<Key>(decoder: self, members: members))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = node.value else {
            throw failure("expected an array, found \(node.value.kindName)")
        }
        return UnkeyedContainer(decoder: self, elements: elements)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleContainer(decoder: self)
    }

    func child(_ node: JSONNode, _ path: JSONPath) -> NodeDecoder {
        NodeDecoder(node: node, path: path, context: context)
    }

    /// Decodes a scalar or nested value at this node.
    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        switch type {
        case is String.Type:
            guard case .string(let s) = node.value else { throw failure("expected a string, found \(node.value.kindName)") }
            return s as! T
        case is Bool.Type:
            guard case .bool(let b) = node.value else { throw failure("expected true or false, found \(node.value.kindName)") }
            return b as! T
        case is Int.Type:
            guard case .number(let n) = node.value, let i = Int(n) else {
                throw failure("expected a whole number, found \(node.value.kindName)")
            }
            return i as! T
        case is Double.Type:
            guard case .number(let n) = node.value, let d = Double(n) else {
                throw failure("expected a number, found \(node.value.kindName)")
            }
            return d as! T
        case is JSONNode.Type:
            return node as! T
        default:
            return try T(from: self)
        }
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: NodeDecoder
    let members: [JSONMember]
    /// Member positions by key for objects past a handful of members: decoding a map (tags,
    /// marks) looks up every key, which a linear search would make quadratic in its size.
    private let index: [String: Int]?

    init(decoder: NodeDecoder, members: [JSONMember]) {
        self.decoder = decoder
        self.members = members
        if members.count > 16 {
            var index: [String: Int] = [:]
            index.reserveCapacity(members.count)
            for (position, member) in members.enumerated() where index[member.key] == nil { index[member.key] = position }
            self.index = index
        } else {
            index = nil
        }
    }

    var codingPath: [any CodingKey] { decoder.codingPath }
    var allKeys: [Key] { members.compactMap { Key(stringValue: $0.key) } }

    /// The member named `key`, if any.
    private func member(_ key: Key) -> JSONMember? {
        if let index { return index[key.stringValue].map { members[$0] } }
        return members.first { $0.key == key.stringValue }
    }

    func contains(_ key: Key) -> Bool { member(key) != nil }

    private func node(_ key: Key) throws -> JSONNode {
        guard let member = member(key) else {
            throw decoder.failure("the required field \"\(key.stringValue)\" is missing")
        }
        return member.node
    }

    private func child(_ key: Key) throws -> NodeDecoder {
        decoder.child(try node(key), decoder.path.appending(key.stringValue))
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let member = member(key) else { return true }
        return member.node.value == .null
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try child(key).decodeValue(type)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let member = member(key), member.node.value != .null else { return nil }
        return try decoder.child(member.node, decoder.path.appending(key.stringValue)).decodeValue(type)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try child(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try child(key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { decoder }
    func superDecoder(forKey key: Key) throws -> any Decoder { try child(key) }
}

private struct UnkeyedContainer: UnkeyedDecodingContainer {
    let decoder: NodeDecoder
    let elements: [JSONNode]
    var currentIndex = 0

    init(decoder: NodeDecoder, elements: [JSONNode]) {
        self.decoder = decoder
        self.elements = elements
    }

    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    private mutating func next() throws -> NodeDecoder {
        guard !isAtEnd else { throw decoder.failure("the array has too few elements") }
        defer { currentIndex += 1 }
        return decoder.child(elements[currentIndex], decoder.path.appending(currentIndex))
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { return false }
        if elements[currentIndex].value == .null {
            currentIndex += 1
            return true
        }
        return false
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decodeValue(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }
    mutating func superDecoder() throws -> any Decoder { try next() }
}

private struct SingleContainer: SingleValueDecodingContainer {
    let decoder: NodeDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { decoder.node.value == .null }
    func decode(_ type: Bool.Type) throws -> Bool { try decoder.decodeValue(type) }
    func decode(_ type: String.Type) throws -> String { try decoder.decodeValue(type) }
    func decode(_ type: Double.Type) throws -> Double { try decoder.decodeValue(type) }
    func decode(_ type: Int.Type) throws -> Int { try decoder.decodeValue(type) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if type == Float.self { return Float(try decoder.decodeValue(Double.self)) as! T }
        if type == Int64.self { return Int64(try decoder.decodeValue(Int.self)) as! T }
        if type == UInt32.self { return UInt32(clamping: try decoder.decodeValue(Int.self)) as! T }
        return try decoder.decodeValue(type)
    }
}

extension JSONNodeDecoder {
    /// Raises a `JSONDocumentError` from inside a custom `init(from:)`, at the decoder's current
    /// path and value (for rules the type system cannot express, such as an enum value).
    package static func invalid(_ message: String, in decoder: any Decoder) -> any Error {
        if let node = decoder as? NodeDecoder { return node.failure(message) }
        return DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: message))
    }
}
