import WelltreeCore

/// A GitLab Code Quality report: a JSON array of issues, shown in merge requests.
///
/// HRIs are `critical`, MRIs `major`; the fingerprint is the risk's identity (workload id,
/// lens, question), so GitLab tracks the same issue across pipelines. GitLab does not fail a
/// job on a report: the job's exit status (welltree check's) must.
package struct GitLabCodeQualityIssue: Sendable, Encodable {
    var description: String
    var check_name: String
    var fingerprint: String
    var severity: String
    var location: Location
    var categories = ["Well-Architected"]

    struct Location: Sendable, Encodable {
        var path: String
        var lines: Lines
    }

    struct Lines: Sendable, Encodable { var begin: Int }

    /// The issues of a check: its risks, then its lens integrity findings (those that fail the
    /// gate `critical`, lens-rules changes `info`), then its evidence findings at the evidence's
    /// path (`critical` when they fail the gate, else `minor`).
    package static func report(_ result: CheckResult) -> [GitLabCodeQualityIssue] {
        result.findings.map { item in
            GitLabCodeQualityIssue(
                description: CheckText.message(item),
                check_name: item.risk == .high ? SARIFLog.highRule : SARIFLog.mediumRule,
                fingerprint: item.fingerprint, severity: item.risk == .high ? "critical" : "major",
                location: Location(path: item.file, lines: Lines(begin: item.line)))
        } + result.integrity.map { finding in
            GitLabCodeQualityIssue(
                description: CheckText.message(finding), check_name: finding.kind.ruleId, fingerprint: finding.fingerprint,
                severity: finding.fails ? "critical" : "info", location: Location(path: finding.file, lines: Lines(begin: 1)))
        } + result.evidence.map { finding in
            GitLabCodeQualityIssue(
                description: CheckText.message(finding), check_name: finding.kind.ruleId, fingerprint: finding.fingerprint,
                severity: finding.fails ? "critical" : "minor", location: Location(path: finding.file, lines: Lines(begin: finding.line)))
        }
    }
}
