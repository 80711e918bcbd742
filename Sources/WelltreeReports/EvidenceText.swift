import WelltreeCore

/// Citations as people and programs read them: an aligned table for the terminal (every cell
/// escaped by `TextTable`), and `EvidenceShape` for JSON (Welltree's own addition to the API's
/// shapes: the service has no evidence).
package enum EvidenceText {
    /// Optional columns of the table.
    package enum Column { case workload, lens, question, choice }

    /// `STATE  PRACTICE  EVIDENCE` rows, with the columns asked for before the evidence.
    package static func table(_ cited: [CitedEvidence], showing columns: Set<Column>) -> String {
        var headers = ["STATE"]
        if columns.contains(.workload) { headers.append("WORKLOAD") }
        if columns.contains(.lens) { headers.append("LENS") }
        if columns.contains(.question) { headers.append("QUESTION") }
        if columns.contains(.choice) { headers.append("PRACTICE") }
        headers.append("EVIDENCE")
        var table = TextTable(headers)
        for row in cited {
            var cells = [stateLabel(row.state)]
            if columns.contains(.workload) { cells.append(row.workloadName) }
            if columns.contains(.lens) { cells.append(row.lens) }
            if columns.contains(.question) { cells.append(row.questionId) }
            if columns.contains(.choice) { cells.append(row.evidence.choiceId ?? "(question)") }
            cells.append(row.evidence.location)
            table.add(cells)
        }
        return table.render()
    }

    /// `welltree evidence`: the citations (with the workload's column when they are of every
    /// workload), or a line saying there are none (`stale`: none stale).
    package static func list(_ cited: [CitedEvidence], stale: Bool, allWorkloads: Bool) -> String {
        guard !cited.isEmpty else { return stale ? "No stale evidence.\n" : "No answer cites evidence.\n" }
        return table(cited, showing: allWorkloads ? [.workload, .lens, .question, .choice] : [.lens, .question, .choice])
    }

    /// `current`, `changed`, `missing`, `url`: what the STATE column says.
    package static func stateLabel(_ state: EvidenceState) -> String {
        switch state {
        case .current: "current"
        case .changed: "changed since confirmed"
        case .missing: "missing"
        case .unchecked: "url (not checked)"
        }
    }

    /// One line for the terminal after a command changed or confirmed citations.
    package static func summary(_ cited: [CitedEvidence]) -> String {
        let stale = cited.filter(\.state.isStale).count
        return "\(cited.count) citation\(cited.count == 1 ? "" : "s"), \(stale) stale"
    }
}

/// One citation in JSON (`answer show`, `welltree evidence`): Welltree's addition.
package struct EvidenceShape: Encodable {
    package var ChoiceId: String?
    package var Path: String?
    package var Lines: String?
    package var Url: String?
    package var ConfirmedId: String?
    package var CurrentId: String?
    /// CURRENT, CHANGED, MISSING or UNCHECKED (a URL).
    package var State: String

    package init(_ cited: CitedEvidence) {
        ChoiceId = cited.evidence.choiceId
        Path = cited.evidence.path
        Lines = cited.evidence.lines
        Url = cited.evidence.url
        ConfirmedId = cited.evidence.confirmedId
        CurrentId = cited.currentId
        State = cited.state.rawValue
    }
}

/// A row of `welltree evidence --format json`.
package struct CitedEvidenceShape: Encodable {
    package var WorkloadId: String
    package var WorkloadName: String
    package var LensAlias: String
    package var QuestionId: String
    /// The answer file, relative to the repository's root.
    package var AnswerFile: String
    package var Evidence: EvidenceShape

    package init(_ cited: CitedEvidence, prefix: String) {
        WorkloadId = cited.workloadId
        WorkloadName = cited.workloadName
        LensAlias = cited.lens
        QuestionId = cited.questionId
        AnswerFile = prefix + cited.answerFile
        Evidence = EvidenceShape(cited)
    }
}

/// `welltree evidence --format json`: every citation, and the counts by state.
package struct ListEvidenceOutput: Encodable {
    package var Citations: [CitedEvidenceShape]
    package var Current: Int
    package var Changed: Int
    package var Missing: Int
    package var Unchecked: Int

    package init(_ cited: [CitedEvidence], prefix: String) {
        Citations = cited.map { CitedEvidenceShape($0, prefix: prefix) }
        Current = cited.filter { $0.state == .current }.count
        Changed = cited.filter { $0.state == .changed }.count
        Missing = cited.filter { $0.state == .missing }.count
        Unchecked = cited.filter { $0.state == .unchecked }.count
    }
}
