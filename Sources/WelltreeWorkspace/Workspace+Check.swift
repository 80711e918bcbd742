import WelltreeCore

/// What `welltree check` judges: a revision alone, or what it adds to a base.
package struct CheckRequest: Sendable, Equatable {
    /// The revision judged.
    package var head: String
    /// The revision compared with (the pull request's target), if any.
    package var base: String?
    /// Compare with the merge base of `base` and `head` instead of `base` itself.
    package var mergeBase: Bool
    /// The risk level that fails.
    package var failOn: RiskThreshold
    /// The evidence finding kinds that fail (with a base only: they are about a change).
    package var failOnEvidence: [EvidenceFinding.Kind]

    package init(
        head: String = "HEAD", base: String? = nil, mergeBase: Bool = false, failOn: RiskThreshold = .high,
        failOnEvidence: [EvidenceFinding.Kind] = []
    ) {
        self.head = head
        self.base = base
        self.mergeBase = mergeBase
        self.failOn = failOn
        self.failOnEvidence = failOnEvidence
    }
}

extension Workspace {
    /// The CI gate's verdict: without a base, every risk at the threshold in `head`; with one,
    /// the changed workloads compared (their changed files validated, lens integrity checked),
    /// the risks `head` adds at the threshold, with those it resolves, and the evidence findings. Files are named
    /// from the repository's root (`locatingFiles(below: prefix)`), as CI annotations need.
    package func check(_ request: CheckRequest) throws(WorkspaceError) -> CheckResult {
        let headSnapshot = try snapshot(.revision(request.head))
        let failOn = request.failOn
        let result: CheckResult
        if let given = request.base {
            let base = try request.mergeBase ? mergeBaseRevision(given, request.head) : given
            let comparison = WorkspaceComparison(base: try snapshot(.revision(base)), head: headSnapshot)
            let compared = try comparison.compare(baseLabel: given, headLabel: request.head, validating: true)
            let risks = compared.diff.risks
            result = CheckResult(
                base: given, head: request.head, failOn: failOn,
                findings: CheckResult.findings(in: compared.diff, failOn: failOn),
                resolved: risks.resolvedHigh + (failOn == .medium ? risks.resolvedMedium : []),
                checked: compared.checked, integrity: compared.diff.integrity,
                evidence: try comparison.evidenceFindings(failing: Set(request.failOnEvidence)), failOnEvidence: request.failOnEvidence)
        } else {
            let (findings, checked) = try headSnapshot.currentRisks(threshold: failOn)
            result = CheckResult(base: nil, head: request.head, failOn: failOn, findings: findings, resolved: [], checked: checked)
        }
        return result.locatingFiles(below: prefix)
    }

    /// Every risk at `threshold` in this state, for a check without a base: every workload
    /// and every applied lens is evaluated.
    package func currentRisks(threshold: RiskThreshold) throws(WorkspaceError) -> (findings: [RiskItem], checked: [CheckedLens]) {
        var findings: [RiskItem] = []
        var checked: [CheckedLens] = []
        let workloads = try allWorkloads()
        try Self.refuseDuplicateIds(workloads)
        for stored in workloads.sorted(by: { $0.workload.name.lowercased() < $1.workload.name.lowercased() }) {
            let judged = try judged(stored)
            checked += judged.lenses.map { CheckedLens(judged, $0) }
            findings += RiskItem.risks(in: judged, threshold: threshold)
        }
        return (findings, checked)
    }
}

extension Workspace {
    /// Refuses a list of workloads where two directories hold one id.
    static func refuseDuplicateIds(_ workloads: [StoredWorkload]) throws(WorkspaceError) {
        var directories: [String: [String]] = [:]
        for stored in workloads { directories[stored.workload.id, default: []].append(Layout.workloadDirectory(stored.directory)) }
        if let (id, paths) = directories.filter({ $0.value.count > 1 }).min(by: { $0.key < $1.key }) {
            throw .duplicateWorkloadId(id: id, paths: paths)
        }
    }
}
