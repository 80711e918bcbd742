import WelltreeCore

/// One thing wrong with a dump, an import or an export: where (a file of the dump and the JSON
/// path in it, or a field), the value at fault and the rule it breaks.
package struct AWSProblem: Sendable, Equatable, CustomStringConvertible {
    /// The dump file (`lenses/wellarchitected/answers/priorities.json`), or what else is at fault
    /// (`workload`, `lens my-lens`).
    package var subject: String
    /// The JSON path in the file, when the problem is in one.
    package var path: JSONPath?
    /// Line and column of the value, when known.
    package var position: SourcePosition?
    /// The value at fault, if any (shown escaped).
    package var value: String?
    /// The rule broken, phrased as the rule ("must be one of PRODUCTION, PREPRODUCTION").
    package var rule: String

    package init(subject: String, path: JSONPath? = nil, position: SourcePosition? = nil, value: String? = nil, rule: String) {
        self.subject = subject
        self.path = path
        self.position = position
        self.value = value
        self.rule = rule
    }

    /// `file: path: "value" rule (line L, column C)`, with control and format characters of
    /// the value and the subject spelled as `\u{XXXX}`: a dump is untrusted input.
    package var description: String {
        var text = Violation.visible(subject)
        if let path { text += ": \(Violation.visible(path.description))" }
        text += ":"
        if let value { text += " \"\(Violation.visible(Self.shorten(value)))\"" }
        text += " \(Violation.visible(rule))"
        if let position { text += " (\(position))" }
        return text
    }

    private static func shorten(_ value: String) -> String {
        value.count > 80 ? String(value.prefix(60)) + "…(\(value.count) characters)" : value
    }
}

/// The error of this module: a dump that cannot be read, an import or an export that cannot be
/// made, with every problem found (not only the first), so one correction fixes them all.
package struct AWSError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What failed.
    package enum Kind: String, Sendable {
        /// A file of the dump is missing, not JSON, or not in its operation's shape.
        case invalidDump = "the AWS dump is not in the API's shapes"
        /// The dump is readable but cannot become Welltree files.
        case cannotImport = "the AWS dump cannot be imported"
        /// The workload cannot be written as the service's requests.
        case cannotExport = "the workload cannot be exported to AWS"
    }

    package var kind: Kind
    package var problems: [AWSProblem]

    package init(_ kind: Kind, _ problems: [AWSProblem]) {
        self.kind = kind
        self.problems = problems
    }

    /// The kind, then one problem per line.
    package var description: String {
        ([kind.rawValue + ":"] + problems.map { "  " + $0.description }).joined(separator: "\n")
    }
}

/// Something a dump holds that Welltree does not keep, or that it ignores; not an error.
package struct AWSNotice: Sendable, Equatable, CustomStringConvertible {
    /// The file (and what in it) or the thing concerned.
    package var subject: String
    package var path: JSONPath?
    /// What happens to it and why.
    package var message: String

    package init(subject: String, path: JSONPath? = nil, message: String) {
        self.subject = subject
        self.path = path
        self.message = message
    }

    package var description: String {
        Violation.visible(subject) + (path.map { ": " + Violation.visible($0.description) } ?? "") + ": " + Violation.visible(message)
    }
}
