import Git

/// One reference update of a push, as git hands it to `pre-receive` on standard input
/// (`<old> <new> <ref>`) or to `update` as arguments. A zero id means "does not exist".
package struct PushUpdate: Sendable, Equatable {
    /// The value before the push, nil when the push creates the reference.
    package var old: ObjectID?
    /// The value after the push, nil when the push deletes the reference.
    package var new: ObjectID?
    package var reference: String

    package init(old: ObjectID?, new: ObjectID?, reference: String) {
        self.old = old
        self.new = new
        self.reference = reference
    }

    /// Parses `update`'s arguments or one `pre-receive` line's fields.
    package init?(old: String, new: String, reference: String) {
        guard let oldID = ObjectID(hex: old), let newID = ObjectID(hex: new), !reference.isEmpty else { return nil }
        let zero = ObjectID(bytes: Array(repeating: 0, count: 20))
        self.init(old: oldID == zero ? nil : oldID, new: newID == zero ? nil : newID, reference: reference)
    }

    /// Parses `pre-receive`'s standard input; malformed lines are returned for the caller to refuse.
    package static func parse(_ text: String) -> (updates: [PushUpdate], malformed: [String]) {
        var updates: [PushUpdate] = []
        var malformed: [String] = []
        for line in text.split(separator: "\n") where !line.isEmpty {
            let fields = line.split(separator: " ", maxSplits: 2).map(String.init)
            if fields.count == 3, let update = PushUpdate(old: fields[0], new: fields[1], reference: fields[2]) {
                updates.append(update)
            } else {
                malformed.append(String(line))
            }
        }
        return (updates, malformed)
    }
}

/// Why a push, or one reference of it, is refused: who, where, which file, which rule.
package struct PushRefusal: Sendable, Equatable, CustomStringConvertible {
    package var principal: String
    /// The reference concerned; empty for the push as a whole.
    package var reference: String
    /// The workload (`"Name" (id)`), lens or share file concerned, when there is one.
    package var subject: String?
    /// The file or tag concerned, when there is one.
    package var file: String?
    /// What was refused, when it is neither changing `file` nor updating the reference.
    package var action: String?
    package var rule: String

    package init(
        principal: String, reference: String, subject: String? = nil, file: String? = nil, action: String? = nil, rule: String
    ) {
        self.principal = principal
        self.reference = reference
        self.subject = subject
        self.file = file
        self.action = action
        self.rule = rule
    }

    package var description: String {
        var text = reference.isEmpty ? "\(principal) may not" : "\(reference): \(principal) may not"
        if let action {
            text += " \(action)"
        } else if let file {
            text += " change \(file)"
        } else {
            text += " update this reference"
        }
        if let subject { text += " of \(subject)" }
        return text + ": \(rule)"
    }
}
