/// One citation of one answer, with how it stands in the state looked at: a row of
/// `welltree evidence`, and what the gate's evidence findings are made from.
package struct CitedEvidence: Sendable, Equatable, Codable {
    package var workloadId: String
    package var workloadName: String
    package var lens: String
    package var questionId: String
    /// The answer file, relative to the workspace.
    package var answerFile: String
    package var evidence: Evidence
    /// The object id the path has in the state looked at; nil when missing, and for URLs.
    package var currentId: String?
    package var state: EvidenceState

    package init(
        workloadId: String, workloadName: String, lens: String, questionId: String, answerFile: String, evidence: Evidence,
        currentId: String?
    ) {
        self.workloadId = workloadId
        self.workloadName = workloadName
        self.lens = lens
        self.questionId = questionId
        self.answerFile = answerFile
        self.evidence = evidence
        self.currentId = currentId
        self.state = evidence.state(current: currentId)
    }

    /// `backing-up-data of Payments` or `rel_backup_automated of backing-up-data of Payments`.
    package var subject: String {
        (evidence.choiceId.map { "\($0) of " } ?? "") + "\(questionId) of \(workloadName)"
    }
}

/// What the gate reports when a branch modifies, moves or deletes evidence an answer cites and
/// the answer was not confirmed again since: the reviewer who gave the answer should look.
package struct EvidenceFinding: Sendable, Equatable, Codable {
    package enum Kind: String, Sendable, Codable, CaseIterable {
        /// The cited path has another object id than when the answer was confirmed.
        case evidenceChanged = "EVIDENCE_CHANGED"
        /// Nothing is at the cited path any more (deleted, or moved elsewhere).
        case evidenceRemoved = "EVIDENCE_REMOVED"

        /// The rule id in SARIF and Code Quality reports: `welltree/evidence-changed`.
        package var ruleId: String { "welltree/" + argument }

        /// The value `--fail-on` takes: `evidence-changed`.
        package var argument: String { String(rawValue.lowercased().map { $0 == "_" ? "-" : $0 }) }

        /// A short title for people.
        package var title: String {
            switch self {
            case .evidenceChanged: "Cited evidence changed"
            case .evidenceRemoved: "Cited evidence removed"
            }
        }
    }

    package var kind: Kind
    /// The evidence's path, relative to the repository's root: where CI formats put the finding.
    package var file: String
    /// The line the citation's range starts at (1 when it names none).
    package var line: Int
    /// The citation's line range as written (`12-40`), if any.
    package var lines: String?
    package var workloadId: String
    package var workloadName: String
    package var lens: String
    package var questionId: String
    /// The best practice the evidence is cited for, nil for the whole question.
    package var choiceId: String?
    /// The answer file citing the evidence (relative to the workspace, to the repository's root
    /// once `CheckResult.locatingFiles` has run).
    package var answerFile: String
    package var confirmedId: String?
    package var currentId: String?
    /// `backing-up-data of Payments cites infra/backup.tf, deleted in this change`.
    package var message: String
    /// Whether `--fail-on` named this kind, so the finding fails the gate.
    package var fails: Bool

    /// The finding for a cited path the change touched, or nil when the citation is current
    /// (the answer was confirmed in the change) or is a URL.
    package init?(_ cited: CitedEvidence, failing: Set<Kind>) {
        guard let path = cited.evidence.path else { return nil }
        switch cited.state {
        case .changed: kind = .evidenceChanged
        case .missing: kind = .evidenceRemoved
        case .current, .unchecked: return nil
        }
        file = path
        line = cited.evidence.lines.flatMap { Int($0.prefix { $0 != "-" }) } ?? 1
        lines = cited.evidence.lines
        workloadId = cited.workloadId
        workloadName = cited.workloadName
        lens = cited.lens
        questionId = cited.questionId
        choiceId = cited.evidence.choiceId
        answerFile = cited.answerFile
        confirmedId = cited.evidence.confirmedId
        currentId = cited.currentId
        let what = kind == .evidenceRemoved ? "deleted or moved in this change" : "changed in this change"
        message = "\(cited.subject) cites \(cited.evidence.location), \(what); a reviewer should look and run "
            + "`welltree answer confirm` (or cite other evidence)"
        fails = failing.contains(kind)
    }

    /// The evidence as the answer cites it: `infra/backup.tf:12-40`.
    package var location: String { file + (lines.map { ":" + $0 } ?? "") }

    /// A stable fingerprint: kind, evidence path, workload, lens, question and best practice.
    package var fingerprint: String {
        RiskItem.fingerprint(of: "\(kind.rawValue)/\(file)/\(workloadId)/\(lens)/\(questionId)/\(choiceId ?? "")")
    }
}
