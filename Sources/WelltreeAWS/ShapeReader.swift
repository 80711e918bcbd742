import WelltreeCore

/// Reads one document of a dump against its operation's output shape, recording every problem
/// (file, JSON path, line and column, value, rule) instead of stopping at the first, and a notice
/// for every member Welltree does not import.
///
/// The limits checked are the API model's (lengths in code points, list and map sizes, enums,
/// patterns) for every member read. A member the model does not define is noticed and ignored,
/// as the service's SDKs ignore it; a member the model defines but Welltree does not import is
/// noticed with the reason.
struct ShapeReader {
    /// An object of the document and where it is.
    struct Object {
        let members: [JSONMember]
        let path: JSONPath

        subscript(key: String) -> JSONNode? { members.first { $0.key == key }?.node }
    }

    let file: String
    let bytes: [UInt8]
    private(set) var problems: [AWSProblem] = []
    private(set) var notices: [AWSNotice] = []

    init(file: String, bytes: [UInt8]) {
        self.file = file
        self.bytes = bytes
    }

    /// The document's root, or nil (with the problem recorded) when it is not JSON.
    mutating func parse() -> JSONNode? {
        do {
            return try JSONParser.parse(bytes)
        } catch {
            problems.append(AWSProblem(subject: file, path: .root, position: error.position, rule: "is not JSON: \(error.message)"))
            return nil
        }
    }

    /// Records a problem at `node` (or where its parent is, for a missing member).
    mutating func fail(_ node: JSONNode?, _ path: JSONPath, value: String? = nil, _ rule: String) {
        let position = node.flatMap { $0.offset >= 0 ? SourcePosition(offset: $0.offset, in: bytes) : nil }
        problems.append(AWSProblem(subject: file, path: path, position: position, value: value, rule: rule))
    }

    mutating func notice(_ path: JSONPath, _ message: String) {
        notices.append(AWSNotice(subject: file, path: path, message: message))
    }

    /// `node` as an object of `shape`: members outside `known` are noticed as not in the shape;
    /// members in `unimported` (present and not empty) are noticed with their reason.
    mutating func object(
        _ node: JSONNode, _ path: JSONPath, shape: String, known: [String], unimported: [String: String] = [:]
    ) -> Object? {
        guard let members = node.objectValue else {
            fail(node, path, "must be an object (the API's \(shape)), not \(node.value.kindName)")
            return nil
        }
        for member in members {
            if !known.contains(member.key) {
                notice(path.appending(member.key), "not a member of the API's \(shape); ignored")
            } else if let reason = unimported[member.key], !Self.isEmpty(member.node) {
                notice(path.appending(member.key), reason)
            }
        }
        return Object(members: members, path: path)
    }

    /// The member `key` of `parent` as an object of `shape`.
    mutating func object(
        _ parent: Object, _ key: String, shape: String, known: [String], unimported: [String: String] = [:], required: Bool = false
    ) -> Object? {
        guard let node = present(parent, key, required: required) else { return nil }
        return object(node, parent.path.appending(key), shape: shape, known: known, unimported: unimported)
    }

    /// The member `key`, unless it is absent or null (a problem when required).
    mutating func present(_ parent: Object, _ key: String, required: Bool) -> JSONNode? {
        guard let node = parent[key], node.value != .null else {
            if required { fail(nil, parent.path.appending(key), "is missing; the import needs it") }
            return nil
        }
        return node
    }

    /// A string member checked against the model's limits for it.
    mutating func string(
        _ parent: Object, _ key: String, required: Bool = false, length: ClosedRange<Int>? = nil,
        pattern: ShapePattern? = nil, values: [String]? = nil
    ) -> String? {
        guard let node = present(parent, key, required: required) else { return nil }
        return string(node, parent.path.appending(key), length: length, pattern: pattern, values: values)
    }

    /// A string value checked against the model's limits for it.
    mutating func string(
        _ node: JSONNode, _ path: JSONPath, length: ClosedRange<Int>? = nil,
        pattern: ShapePattern? = nil, values: [String]? = nil
    ) -> String? {
        guard let text = node.stringValue else {
            fail(node, path, "must be a string, not \(node.value.kindName)")
            return nil
        }
        var good = true
        if let length, !length.contains(text.unicodeScalars.count) {
            fail(node, path, value: text, length.upperBound == Int.max
                ? "must be at least \(length.lowerBound) characters" : "must be \(length.lowerBound) to \(length.upperBound) characters")
            good = false
        }
        if let pattern, !pattern.check(text) {
            fail(node, path, value: text, "must be \(pattern.text)")
            good = false
        }
        if let values, !values.contains(text) {
            fail(node, path, value: text, "must be one of \(values.joined(separator: ", "))")
            good = false
        }
        return good ? text : nil
    }

    mutating func bool(_ parent: Object, _ key: String) -> Bool? {
        guard let node = present(parent, key, required: false) else { return nil }
        guard case .bool(let value) = node.value else {
            fail(node, parent.path.appending(key), "must be true or false, not \(node.value.kindName)")
            return nil
        }
        return value
    }

    mutating func integer(_ parent: Object, _ key: String, range: ClosedRange<Int>, required: Bool = false) -> Int? {
        guard let node = present(parent, key, required: required) else { return nil }
        guard case .number(let text) = node.value, let value = Int(text), range.contains(value) else {
            fail(node, parent.path.appending(key), value: node.stringValue ?? Self.text(node),
                 "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return value
    }

    /// A timestamp (ISO 8601 text or seconds since 1970) as Welltree writes times.
    mutating func timestamp(_ parent: Object, _ key: String, required: Bool = false) -> String? {
        guard let node = present(parent, key, required: required) else { return nil }
        guard let time = AWSTime.welltree(node) else {
            fail(node, parent.path.appending(key), value: node.stringValue ?? Self.text(node),
                 "must be an ISO 8601 time (2026-11-27T11:05:36Z) or seconds since 1970")
            return nil
        }
        return time
    }

    /// An array member's elements with their paths.
    mutating func array(_ parent: Object, _ key: String, max: Int? = nil, required: Bool = false) -> [(node: JSONNode, path: JSONPath)]? {
        guard let node = present(parent, key, required: required) else { return nil }
        let path = parent.path.appending(key)
        guard let elements = node.arrayValue else {
            fail(node, path, "must be a list, not \(node.value.kindName)")
            return nil
        }
        if let max, elements.count > max { fail(node, path, "has \(elements.count) items; the API allows at most \(max)") }
        return elements.enumerated().map { ($0.element, path.appending($0.offset)) }
    }

    /// A list of strings, each checked like `string`.
    mutating func strings(
        _ parent: Object, _ key: String, max: Int? = nil, length: ClosedRange<Int>? = nil,
        pattern: ShapePattern? = nil, required: Bool = false
    ) -> [String]? {
        guard let elements = array(parent, key, max: max, required: required) else { return nil }
        let values = elements.compactMap { string($0.node, $0.path, length: length, pattern: pattern) }
        return values.count == elements.count ? values : nil
    }

    /// A map of strings to strings (the API's `TagMap`, `PillarNotes`).
    mutating func stringMap(
        _ parent: Object, _ key: String, max: Int? = nil, keyLength: ClosedRange<Int>, valueLength: ClosedRange<Int>
    ) -> [String: String]? {
        guard let node = present(parent, key, required: false) else { return nil }
        let path = parent.path.appending(key)
        guard let members = node.objectValue else {
            fail(node, path, "must be an object, not \(node.value.kindName)")
            return nil
        }
        if let max, members.count > max { fail(node, path, "has \(members.count) entries; the API allows at most \(max)") }
        var map: [String: String] = [:]
        var good = true
        for member in members {
            let memberPath = path.appending(member.key)
            if !keyLength.contains(member.key.unicodeScalars.count) {
                fail(member.node, memberPath, value: member.key, "is a key outside \(keyLength.lowerBound) to \(keyLength.upperBound) characters")
                good = false
            }
            if let value = string(member.node, memberPath, length: valueLength) { map[member.key] = value } else { good = false }
        }
        return good ? map : nil
    }

    /// The API's `RiskCounts`: risks to counts.
    mutating func riskCounts(_ parent: Object, _ key: String) -> RiskCounts? {
        guard let node = present(parent, key, required: false) else { return nil }
        let path = parent.path.appending(key)
        guard let members = node.objectValue else {
            fail(node, path, "must be an object, not \(node.value.kindName)")
            return nil
        }
        var counts = RiskCounts()
        for member in members {
            guard let risk = Risk(rawValue: member.key) else {
                fail(member.node, path.appending(member.key), value: member.key,
                     "must be one of \(Risk.allCases.map(\.rawValue).joined(separator: ", "))")
                continue
            }
            guard case .number(let text) = member.node.value, let count = Int(text), count >= 0 else {
                fail(member.node, path.appending(member.key), value: Self.text(member.node), "must be a count (a whole number, 0 or more)")
                continue
            }
            counts[risk] = count
        }
        return counts
    }

    /// Whether a member holds nothing worth a notice (null, empty text, list or object, false).
    static func isEmpty(_ node: JSONNode) -> Bool {
        switch node.value {
        case .null: true
        case .string(let s): s.isEmpty
        case .array(let a): a.isEmpty
        case .object(let o): o.isEmpty
        case .bool(let b): !b
        case .number: false
        }
    }

    /// A short text of a non-string value, for messages.
    static func text(_ node: JSONNode) -> String {
        switch node.value {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .number(let n): n
        case .string(let s): s
        case .array: "[...]"
        case .object: "{...}"
        }
    }
}

/// A pattern of the API model, as a check and the words a message gives it.
struct ShapePattern: Sendable {
    let check: @Sendable (String) -> Bool
    let text: String
}

/// The model's patterns and enums that the dump's documents use.
enum AWSModel {
    static let workloadId = ShapePattern(check: { Workload.isValidID($0) }, text: "32 lowercase hexadecimal digits (WorkloadId)")
    static let shareId = ShapePattern(check: { Workload.isValidID($0) }, text: "32 lowercase hexadecimal digits (ShareId)")
    static let accountId = ShapePattern(
        check: { $0.utf8.count == 12 && $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }, text: "12 digits (AwsAccountId)")
    static let environments = ["PRODUCTION", "PREPRODUCTION"]
    static let improvementStatuses = ["NOT_APPLICABLE", "NOT_STARTED", "IN_PROGRESS", "COMPLETE", "RISK_ACKNOWLEDGED"]
    static let reasons = AnswerReason.allCases.map(\.rawValue)
    static let risks = Risk.allCases.map(\.rawValue)
    static let choiceStatuses = ["SELECTED", "NOT_APPLICABLE", "UNSELECTED"]
    static let lensStatuses = ["CURRENT", "NOT_CURRENT", "DEPRECATED", "DELETED", "UNSHARED"]
    static let shareStatuses = ["ACCEPTED", "REJECTED", "PENDING", "REVOKED", "EXPIRED", "ASSOCIATING", "ASSOCIATED", "FAILED"]
    static let permissions = ["READONLY", "CONTRIBUTOR"]
    static let questionTypes = ["PRIORITIZED", "NON_PRIORITIZED"]
}
