/// The level of risk the CI gate fails on: `high` counts HRIs, `medium` HRIs and MRIs.
package enum RiskThreshold: String, Sendable, Codable, CaseIterable {
    case high
    case medium

    /// Whether a risk counts at this threshold.
    package func counts(_ risk: Risk) -> Bool {
        risk == .high || (self == .medium && risk == .medium)
    }
}

/// One lens of one workload that the check looked at: a JUnit test case.
package struct CheckedLens: Sendable, Equatable, Codable {
    package var workloadId: String
    package var workloadName: String
    package var lens: String
    package var lensName: String
    /// workload.json of the workload.
    package var file: String
    /// How many questions are HRIs and MRIs in the head state.
    package var high: Int
    package var medium: Int

    package init(workloadId: String, workloadName: String, lens: String, lensName: String, file: String, high: Int, medium: Int) {
        self.workloadId = workloadId
        self.workloadName = workloadName
        self.lens = lens
        self.lensName = lensName
        self.file = file
        self.high = high
        self.medium = medium
    }
}

/// What `welltree check` found: the risks at or above the threshold that the head state has
/// and the base state did not (every such risk when there is no base).
package struct CheckResult: Sendable, Equatable, Codable {
    /// The base revision as given, nil when HEAD was judged alone.
    package var base: String?
    package var head: String
    package var failOn: RiskThreshold
    /// The offending risks, by workload name, lens and question.
    package var findings: [RiskItem]
    /// HRIs and MRIs that the head state resolved (empty without a base).
    package var resolved: [RiskItem]
    /// Every workload lens examined, for reports that list passes as well as failures.
    package var checked: [CheckedLens]
    /// Lens integrity findings and lens-rules changes (see `IntegrityFinding`); those that
    /// `fail` fail the gate whatever the risks.
    package var integrity: [IntegrityFinding]
    /// Evidence the change modified, moved or deleted under answers not confirmed since (see
    /// `EvidenceFinding`); those of a kind in `failOnEvidence` fail the gate.
    package var evidence: [EvidenceFinding]
    /// The evidence finding kinds that fail the gate (`--fail-on evidence-removed`).
    package var failOnEvidence: [EvidenceFinding.Kind]

    package init(
        base: String?, head: String, failOn: RiskThreshold, findings: [RiskItem], resolved: [RiskItem], checked: [CheckedLens],
        integrity: [IntegrityFinding] = [], evidence: [EvidenceFinding] = [], failOnEvidence: [EvidenceFinding.Kind] = []
    ) {
        self.base = base
        self.head = head
        self.failOn = failOn
        self.findings = findings
        self.resolved = resolved
        self.checked = checked
        self.integrity = integrity
        self.evidence = evidence
        self.failOnEvidence = failOnEvidence
    }

    /// The gate's verdict: true when nothing at the threshold is new and no integrity or
    /// evidence finding fails.
    package var passed: Bool { findings.isEmpty && !integrity.contains(where: \.fails) && !evidence.contains(where: \.fails) }

    /// The integrity findings that fail the gate.
    package var failingIntegrity: [IntegrityFinding] { integrity.filter(\.fails) }

    /// The evidence findings that fail the gate.
    package var failingEvidence: [EvidenceFinding] { evidence.filter(\.fails) }

    /// The findings of a diff at a threshold: new HRIs, plus for `medium` the new MRIs that
    /// were not HRIs before (an HRI lowered to an MRI is an improvement, not a finding).
    package static func findings(in movement: RiskMovement, failOn: RiskThreshold) -> [RiskItem] {
        var result = movement.newHigh
        if failOn == .medium {
            result += movement.newMedium.filter { $0.otherRisk != .high }
        }
        return result
    }

    /// The findings of a whole diff: those of the head's own lens versions, then those only the
    /// base's lens versions show (after a lens-rules change), each risk once.
    package static func findings(in diff: ReviewDiff, failOn: RiskThreshold) -> [RiskItem] {
        var result = findings(in: diff.risks, failOn: failOn)
        let seen = Set(result.map(\.key))
        result += findings(in: diff.risksUnderBaseLenses, failOn: failOn).filter { !seen.contains($0.key) }
        return result
    }
}

extension CheckResult {
    /// The same result with every file named relative to the repository's root rather than the
    /// workspace's, for a workspace at `prefix` (`architecture/`): CI annotations and SARIF
    /// locate files from the repository's root.
    package func locatingFiles(below prefix: String) -> CheckResult {
        guard !prefix.isEmpty else { return self }
        var result = self
        for index in result.findings.indices { result.findings[index].file = prefix + result.findings[index].file }
        for index in result.resolved.indices { result.resolved[index].file = prefix + result.resolved[index].file }
        for index in result.checked.indices { result.checked[index].file = prefix + result.checked[index].file }
        for index in result.integrity.indices { result.integrity[index].file = prefix + result.integrity[index].file }
        // An evidence finding's file is the evidence's, already a repository path.
        for index in result.evidence.indices { result.evidence[index].answerFile = prefix + result.evidence[index].answerFile }
        return result
    }
}
