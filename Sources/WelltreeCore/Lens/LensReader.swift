/// Walks a parsed lens file, building the `Lens` and collecting diagnostics as it goes.
///
/// Values that are wrong or missing are replaced by placeholders so the walk can continue and
/// report everything; the lens is only handed out when no error was recorded.
struct LensReader {
    let file: String
    let kind: LensKind
    private(set) var diagnostics: [LensDiagnostic] = []
    private let lines: LineIndex
    /// Where each question id was first defined, to report duplicates across pillars.
    var questionPaths: [String: JSONPath] = [:]

    init(bytes: [UInt8], file: String, kind: LensKind) {
        self.file = file
        self.kind = kind
        self.lines = LineIndex(bytes)
    }

    // MARK: Diagnostics

    mutating func error(_ message: String, at path: JSONPath, _ node: JSONNode?) {
        report(message, at: path, node, isError: true)
    }

    mutating func warning(_ message: String, at path: JSONPath, _ node: JSONNode?) {
        report(message, at: path, node, isError: false)
    }

    private mutating func report(_ message: String, at path: JSONPath, _ node: JSONNode?, isError: Bool) {
        let position = node.flatMap { $0.offset >= 0 ? lines.position(of: $0.offset) : nil }
        diagnostics.append(LensDiagnostic(file: file, path: path, position: position, message: message, isError: isError))
    }

    // MARK: Lens and pillars

    mutating func readLens(_ root: JSONNode) -> Lens {
        let members = object(root, at: .root, what: "the lens", keys: ["schemaVersion", "name", "description", "pillars"])
        let version = string(members, "schemaVersion", in: .root, root, maxLength: nil)
        if let version, version.text != LensLoader.schemaVersion {
            error(
                "unknown schemaVersion \"\(version.text)\"; a lens file has schemaVersion \"\(LensLoader.schemaVersion)\"",
                at: JSONPath.root.appending("schemaVersion"), version.node)
        }
        let name = string(members, "name", in: .root, root, maxLength: LensLimits.nameLength, nonEmpty: true, restricted: true)
        let description = string(members, "description", in: .root, root, maxLength: LensLimits.textLength, restricted: true)
        var pillars: [LensPillar] = []
        let path = JSONPath.root.appending("pillars")
        if let nodes = array(members, "pillars", in: .root, root, required: true, limit: LensLimits.pillars, what: "pillars") {
            if nodes.isEmpty { error("a lens needs at least one pillar", at: path, members?["pillars"]) }
            var seen: [String: JSONPath] = [:]
            for (index, node) in nodes.enumerated() {
                pillars.append(readPillar(node, at: path.appending(index), seen: &seen))
            }
        }
        return Lens(
            schemaVersion: version?.text ?? "", name: name?.text ?? "", description: description?.text ?? "",
            pillars: pillars)
    }

    private mutating func readPillar(_ node: JSONNode, at path: JSONPath, seen: inout [String: JSONPath]) -> LensPillar {
        let members = object(node, at: path, what: "a pillar", keys: ["id", "name", "questions"])
        let id = identifier(members, in: path, node, what: "pillar", seen: &seen)
        let name = string(members, "name", in: path, node, maxLength: LensLimits.nameLength, nonEmpty: true, restricted: true)
        var questions: [LensQuestion] = []
        let questionsPath = path.appending("questions")
        if let nodes = array(
            members, "questions", in: path, node, required: true, limit: LensLimits.questionsPerPillar,
            what: "questions in a pillar")
        {
            if nodes.isEmpty { error("a pillar needs at least one question", at: questionsPath, members?["questions"]) }
            for (index, questionNode) in nodes.enumerated() {
                questions.append(readQuestion(questionNode, at: questionsPath.appending(index)))
            }
        }
        return LensPillar(id: id ?? "", name: name?.text ?? "", questions: questions)
    }

    // MARK: Building blocks

    /// The members of an object, warning about keys outside `keys`; nil (with an error) when the
    /// node is not an object.
    mutating func object(_ node: JSONNode, at path: JSONPath, what: String, keys: Set<String>) -> [JSONMember]? {
        guard let members = node.objectValue else {
            error("\(what) must be an object, found \(node.value.kindName)", at: path, node)
            return nil
        }
        var seen = Set<String>()
        for member in members {
            if !seen.insert(member.key).inserted {
                warning(
                    "duplicate key \"\(member.key)\"; the last value is used", at: path.appending(member.key), member.node)
            } else if !keys.contains(member.key) {
                warning(
                    "unknown key \"\(member.key)\" ignored (not part of the lens format)", at: path.appending(member.key), member.node)
            }
        }
        return members
    }

    /// False when the UTF-8 bytes alone show there is no control character other than tab, line
    /// feed and carriage return (C0 controls, DEL, and C1 controls encoded as 0xC2 0x80-0x9F), so
    /// the per-character Unicode look-up, most of a large lens's import time, is skipped.
    static func mayHaveControls(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return true }
            if byte == 0x7F || (previous == 0xC2 && byte >= 0x80 && byte <= 0x9F) { return true }
            previous = byte
        }
        return false
    }

    /// A string member with its node. Missing required members and wrong types are errors;
    /// lengths over `maxLength` are errors; `restricted` adds the character-set warning.
    mutating func string(
        _ members: [JSONMember]?, _ key: String, in parent: JSONPath, _ parentNode: JSONNode,
        required: Bool = true, maxLength: Int?, nonEmpty: Bool = false, restricted: Bool = false
    ) -> (text: String, node: JSONNode)? {
        guard let members else { return nil }
        let path = parent.appending(key)
        guard let node = members[key], required || node.value != .null else {
            if required { error("the required field \"\(key)\" is missing", at: parent, parentNode) }
            return nil
        }
        guard let text = node.stringValue else {
            error("\"\(key)\" must be a string, found \(node.value.kindName)", at: path, node)
            return nil
        }
        let length = text.unicodeScalars.count
        if let maxLength, length > maxLength {
            error("\"\(key)\" is \(length) characters long; at most \(maxLength) are allowed", at: path, node)
        }
        if nonEmpty, text.isEmpty { error("\"\(key)\" must not be empty", at: path, node) }
        // Control characters (NUL, escape sequences) are never text: they would reach terminals
        // and file names through every report. Tab, newline and carriage return are text.
        var controls: [Character] = []
        if Self.mayHaveControls(text) {
            for character in text where character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
                && !["\t", "\n", "\r", "\r\n"].contains(character) && !controls.contains(character) {
                controls.append(character)
            }
        }
        if !controls.isEmpty {
            error("\"\(key)\" contains control characters: \(controls.map(Self.visible).joined(separator: " ")) (only tab and line breaks are allowed)", at: path, node)
        }
        if restricted, kind == .custom {
            let bad = LensLimits.restrictedCharacters(in: text)
            if !bad.isEmpty {
                warning(
                    "contains characters AWS refuses here: \(bad.map(Self.visible).joined(separator: " ")) (allowed: letters, digits, spaces, newlines and - _ . , : / ( ) @ ! & # + ' ?)",
                    at: path, node)
            }
        }
        return (text, node)
    }

    /// A character as a message can show it: invisible ones as `U+00A0`.
    private static func visible(_ character: Character) -> String {
        guard character.isWhitespace || character.unicodeScalars.contains(where: { [.control, .format].contains($0.properties.generalCategory) }) else {
            return String(character)
        }
        return character.unicodeScalars.map { scalar in
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }.joined()
    }

    /// An array member; a wrong type or more than `limit` elements is an error.
    mutating func array(
        _ members: [JSONMember]?, _ key: String, in parent: JSONPath, _ parentNode: JSONNode,
        required: Bool, limit: Int, what: String
    ) -> [JSONNode]? {
        guard let members else { return nil }
        guard let node = members[key], node.value != .null || required else {
            if required { error("the required field \"\(key)\" is missing", at: parent, parentNode) }
            return nil
        }
        guard let elements = node.arrayValue else {
            error("\"\(key)\" must be an array, found \(node.value.kindName)", at: parent.appending(key), node)
            return nil
        }
        if elements.count > limit {
            error("\(elements.count) \(what); at most \(limit) are allowed", at: parent.appending(key), node)
        }
        return elements
    }

    /// The `id` member, checked for its form and for uniqueness against `seen`.
    mutating func identifier(
        _ members: [JSONMember]?, in path: JSONPath, _ node: JSONNode, what: String, allowingDash: Bool = false,
        seen: inout [String: JSONPath]
    ) -> String? {
        guard let id = string(members, "id", in: path, node, maxLength: nil) else { return nil }
        let idPath = path.appending("id")
        if !LensLimits.isValidId(id.text, allowingDash: allowingDash) {
            let charset = allowingDash ? "letters, digits, underscores or dashes" : "letters, digits or underscores"
            error("\(what) id \"\(id.text)\" must be 3 to 128 \(charset)", at: idPath, id.node)
        }
        if let first = seen[id.text] {
            error("duplicate \(what) id \"\(id.text)\" (first used at \(first))", at: idPath, id.node)
        } else {
            seen[id.text] = path
        }
        return id.text
    }
}

/// Line starts of a source text, so many diagnostics can get line and column cheaply.
private struct LineIndex {
    private let bytes: [UInt8]
    private let starts: [Int]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
        self.starts = starts
    }

    /// Same counting as `SourcePosition(offset:in:)`: lines from 1, columns in characters from 1.
    func position(of offset: Int) -> SourcePosition {
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let start = starts[low]
        var column = 1
        var index = start
        while index < min(offset, bytes.count) {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return SourcePosition(line: low + 1, column: column)
    }
}

extension [JSONMember] {
    /// The node of the member named `key`, if present; the last one when a third-party file
    /// repeats the key (as JavaScript's and Python's JSON readers do).
    subscript(key: String) -> JSONNode? {
        last { $0.key == key }?.node
    }
}
