import WelltreeCore

/// An answer's evidence in the AWS service, which has no field for it: a block at the end of the
/// question's `Notes` (docs/aws-migration.md, "Evidence"), written by `export aws` and read back
/// by `import aws`.
///
/// ```
/// Backups are the platform team's.
///
/// [Welltree evidence: do not edit these lines]
/// {"confirmedId":"d75f92a1409b8638b83ece6ad05f6e1be2c79f18","path":"infra/backup.tf"}
/// {"url":"https://runbooks.example.com/backups"}
/// [End of Welltree evidence]
/// ```
///
/// One citation a line, as the answer file's `evidence` list holds it (SCHEMA.md) on one line:
/// a path with the object id recorded when the answer was confirmed, or a URL. The block is the
/// last thing in the notes, after the answer's own notes and a blank line. The service's `Notes`
/// holds at most `LensLimits.answerNotesLength` characters: when notes and block do not fit, the
/// export sends the notes alone and says so rather than cutting a citation.
package enum AWSEvidenceNotes {
    /// The line that opens the block.
    package static let opening = "[Welltree evidence: do not edit these lines]"
    /// The line that closes it, the last line of the notes.
    package static let closing = "[End of Welltree evidence]"

    /// The notes to send: `notes` followed by the block of `evidence` (the notes alone when it
    /// cites nothing), or nil when the two do not fit in the service's `Notes`.
    package static func compose(notes: String?, evidence: [Evidence]) -> String? {
        guard !evidence.isEmpty else { return notes }
        let block = ([opening] + evidence.map(line) + [closing]).joined(separator: "\n")
        let text = (notes.map { $0.isEmpty ? "" : $0 + "\n\n" } ?? "") + block
        return text.unicodeScalars.count <= LensLimits.answerNotesLength ? text : nil
    }

    /// One citation as a line of compact JSON with sorted keys.
    static func line(_ citation: Evidence) -> String {
        let members: [(String, String?)] = [
            ("choiceId", citation.choiceId), ("confirmedId", citation.confirmedId), ("lines", citation.lines),
            ("path", citation.path), ("url", citation.url),
        ]
        let fields = members.compactMap { key, value in value.map { "\"\(key)\":" + quoted($0) } }
        return "{" + fields.joined(separator: ",") + "}"
    }

    private static func quoted(_ text: String) -> String {
        String(CanonicalJSON.string(.string(text)).dropLast())
    }

    /// What `parse` found in a question's notes from the service.
    package struct Parsed: Sendable, Equatable {
        /// The notes before the block (nil when there are none).
        package var notes: String?
        /// The citations of the block, in its order (empty without a block).
        package var evidence: [Evidence]
        /// Lines of the block that are no citation, by line of the block (1 is the first
        /// citation) with what is wrong.
        package var problems: [(line: Int, text: String, rule: String)]

        package init(notes: String?, evidence: [Evidence], problems: [(line: Int, text: String, rule: String)]) {
            self.notes = notes
            self.evidence = evidence
            self.problems = problems
        }

        package static func == (lhs: Parsed, rhs: Parsed) -> Bool {
            lhs.notes == rhs.notes && lhs.evidence == rhs.evidence
                && lhs.problems.map { "\($0.line) \($0.text) \($0.rule)" } == rhs.problems.map { "\($0.line) \($0.text) \($0.rule)" }
        }
    }

    /// Splits a question's notes from the service into the answer's own notes and the cited
    /// evidence. Notes not ending with a block are the answer's notes, whole. The citations are
    /// not judged here: the import checks them like any answer file's (`Answer.violations`).
    package static func parse(_ text: String?) -> Parsed {
        guard let text, !text.isEmpty else { return Parsed(notes: nil, evidence: [], problems: []) }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
        guard lines.last.map(trimmed) == closing, let start = lines.lastIndex(where: { trimmed($0) == opening }) else {
            return Parsed(notes: text, evidence: [], problems: [])
        }
        var evidence: [Evidence] = []
        var problems: [(Int, String, String)] = []
        for (offset, line) in lines[(start + 1)..<(lines.count - 1)].enumerated() {
            let content = trimmed(line)
            if content.isEmpty { continue }
            do {
                evidence.append(try JSONNodeDecoder().decode(Evidence.self, from: Array(content.utf8)))
            } catch {
                problems.append((offset + 1, content, "is not a citation (one JSON object a line, as SCHEMA.md's evidence list): \(error)"))
            }
        }
        var before = Array(lines[..<start])
        while let last = before.last, last.allSatisfy(\.isWhitespace) { before.removeLast() }
        let notes = before.joined(separator: "\n")
        return Parsed(notes: notes.isEmpty ? nil : notes, evidence: evidence, problems: problems)
    }

    private static func trimmed(_ line: String) -> String {
        var scalars = Substring(line).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
