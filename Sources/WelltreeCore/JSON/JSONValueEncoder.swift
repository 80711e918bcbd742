/// Turns any `Encodable` value into a `JSONValue` tree, which `CanonicalJSON` then spells.
///
/// Optional properties that are `nil` are left out (the synthesised `encodeIfPresent`), so files
/// carry only what is set.
package struct JSONValueEncoder {
    package init() {}

    package func encode(_ value: some Encodable) throws -> JSONValue {
        let encoder = TreeEncoder(codingPath: [])
        try value.encode(to: encoder)
        return encoder.storage.resolved
    }
}

/// The mutable tree the encoder fills. A class because containers hand out references to it.
private final class Box {
    enum Content {
        case empty
        case value(JSONValue)
        case array([Box])
        case object([(String, Box)])
    }

    var content: Content = .empty

    var resolved: JSONValue {
        switch content {
        case .empty: return .object([])
        case .value(let v): return v
        case .array(let boxes): return .array(boxes.map { JSONNode($0.resolved) })
        case .object(let pairs):
            var seen: [String: Int] = [:]
            var members: [JSONMember] = []
            for (key, box) in pairs {
                let member = JSONMember(key: key, node: JSONNode(box.resolved))
                if let at = seen[key] {
                    members[at] = member
                } else {
                    seen[key] = members.count
                    members.append(member)
                }
            }
            return .object(members)
        }
    }
}

private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
}

private final class TreeEncoder: Encoder {
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    let storage: Box

    init(codingPath: [any CodingKey], storage: Box = Box()) {
        self.codingPath = codingPath
        self.storage = storage
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = storage.content {} else { storage.content = .object([]) }
        return KeyedEncodingContainer(KeyedContainer<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = storage.content {} else { storage.content = .array([]) }
        return UnkeyedContainer(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(encoder: self)
    }
}

private func number<T: BinaryInteger>(_ value: T) -> JSONValue { .number(String(value)) }

private func number(_ value: Double, _ path: [any CodingKey]) throws -> JSONValue {
    guard value.isFinite else {
        throw EncodingError.invalidValue(value, .init(codingPath: path, debugDescription: "JSON has no \(value)"))
    }
    if value == value.rounded(), abs(value) < 1e15 { return .number(String(Int64(value))) }
    return .number(String(value))
}

/// Encodes a value into a fresh box, using the direct forms for scalars.
private func box(_ value: some Encodable, path: [any CodingKey]) throws -> Box {
    let result = Box()
    switch value {
    case let s as String: result.content = .value(.string(s))
    case let b as Bool: result.content = .value(.bool(b))
    case let i as Int: result.content = .value(number(i))
    case let d as Double: result.content = .value(try number(d, path))
    default:
        try value.encode(to: TreeEncoder(codingPath: path, storage: result))
    }
    return result
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: TreeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    private func append(_ key: Key, _ child: Box) {
        guard case .object(var pairs) = encoder.storage.content else { return }
        // Empty the box first so the array is uniquely referenced and grows in place (otherwise
        // every append copies it: quadratic for a 10,000-row dashboard).
        encoder.storage.content = .empty
        pairs.append((key.stringValue, child))
        encoder.storage.content = .object(pairs)
    }

    private func leaf(_ value: JSONValue) -> Box {
        let b = Box()
        b.content = .value(value)
        return b
    }

    mutating func encodeNil(forKey key: Key) throws { append(key, leaf(.null)) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { append(key, leaf(.bool(value))) }
    mutating func encode(_ value: String, forKey key: Key) throws { append(key, leaf(.string(value))) }
    mutating func encode(_ value: Double, forKey key: Key) throws { append(key, leaf(try number(value, codingPath + [key]))) }
    mutating func encode(_ value: Float, forKey key: Key) throws { append(key, leaf(try number(Double(value), codingPath + [key]))) }
    mutating func encode(_ value: Int, forKey key: Key) throws { append(key, leaf(number(value))) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { append(key, leaf(number(value))) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { append(key, leaf(number(value))) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { append(key, leaf(number(value))) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { append(key, leaf(number(value))) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { append(key, leaf(number(value))) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { append(key, leaf(number(value))) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { append(key, leaf(number(value))) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { append(key, leaf(number(value))) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { append(key, leaf(number(value))) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        append(key, try box(value, path: codingPath + [key]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = Box()
        append(key, child)
        return TreeEncoder(codingPath: codingPath + [key], storage: child).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = Box()
        append(key, child)
        return TreeEncoder(codingPath: codingPath + [key], storage: child).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let child = Box()
        append(key, child)
        return TreeEncoder(codingPath: codingPath + [key], storage: child)
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let encoder: TreeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int {
        if case .array(let boxes) = encoder.storage.content { return boxes.count }
        return 0
    }

    private func append(_ child: Box) {
        guard case .array(var boxes) = encoder.storage.content else { return }
        // As above: no copy per element.
        encoder.storage.content = .empty
        boxes.append(child)
        encoder.storage.content = .array(boxes)
    }

    private var nextPath: [any CodingKey] { codingPath + [AnyKey(intValue: count)] }

    mutating func encodeNil() throws {
        let b = Box()
        b.content = .value(.null)
        append(b)
    }

    mutating func encode<T: Encodable>(_ value: T) throws { append(try box(value, path: nextPath)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = Box()
        let path = nextPath
        append(child)
        return TreeEncoder(codingPath: path, storage: child).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = Box()
        let path = nextPath
        append(child)
        return TreeEncoder(codingPath: path, storage: child).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let child = Box()
        let path = nextPath
        append(child)
        return TreeEncoder(codingPath: path, storage: child)
    }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let encoder: TreeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    private func set(_ value: JSONValue) { encoder.storage.content = .value(value) }

    mutating func encodeNil() throws { set(.null) }
    mutating func encode(_ value: Bool) throws { set(.bool(value)) }
    mutating func encode(_ value: String) throws { set(.string(value)) }
    mutating func encode(_ value: Double) throws { set(try number(value, codingPath)) }
    mutating func encode(_ value: Float) throws { set(try number(Double(value), codingPath)) }
    mutating func encode(_ value: Int) throws { set(number(value)) }
    mutating func encode(_ value: Int8) throws { set(number(value)) }
    mutating func encode(_ value: Int16) throws { set(number(value)) }
    mutating func encode(_ value: Int32) throws { set(number(value)) }
    mutating func encode(_ value: Int64) throws { set(number(value)) }
    mutating func encode(_ value: UInt) throws { set(number(value)) }
    mutating func encode(_ value: UInt8) throws { set(number(value)) }
    mutating func encode(_ value: UInt16) throws { set(number(value)) }
    mutating func encode(_ value: UInt32) throws { set(number(value)) }
    mutating func encode(_ value: UInt64) throws { set(number(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        let child = try box(value, path: codingPath)
        encoder.storage.content = child.content
    }
}

extension JSONValue: Encodable {
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let b): try container.encode(b)
        case .string(let s): try container.encode(s)
        case .number(let n): try container.encode(RawNumber(lexeme: n))
        case .array(let nodes): try container.encode(nodes.map(\.value))
        case .object(let members): try container.encode(OrderedObject(members: members))
        }
    }
}

/// A number kept in its source spelling while passing through the encoder.
private struct RawNumber: Encodable {
    let lexeme: String
    func encode(to encoder: any Encoder) throws {
        if let tree = encoder as? TreeEncoder {
            tree.storage.content = .value(.number(lexeme))
        } else {
            var c = encoder.singleValueContainer()
            try c.encode(Double(lexeme) ?? 0)
        }
    }
}

private struct OrderedObject: Encodable {
    let members: [JSONMember]
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        for member in members { try c.encode(member.node.value, forKey: AnyKey(stringValue: member.key)) }
    }
}
