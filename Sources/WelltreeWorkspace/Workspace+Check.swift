import Git
import WelltreeCore

extension Workspace {
    /// The line of the `"selectedChoices"` member of the answer file at `path` (1 when the file
    /// has none or cannot be read): where annotations and SARIF results point. Canonical files
    /// put a key and the start of its value on one line.
    package func answerLine(_ path: String) throws(WorkspaceError) -> Int {
        guard let bytes = try file(path), let root = try? JSONParser.parse(bytes),
            let node = root["selectedChoices"] ?? root["notApplicableChoices"] ?? root["isApplicable"]
        else { return 1 }
        return SourcePosition(offset: node.offset, in: bytes).line
    }

    /// Every risk at `threshold` in this state, for a check without a base: every workload
    /// and every applied lens is evaluated.
    package func currentRisks(threshold: RiskThreshold) throws(WorkspaceError) -> (findings: [RiskItem], checked: [CheckedLens]) {
        var findings: [RiskItem] = []
        var checked: [CheckedLens] = []
        let workloads = try allWorkloads()
        try Self.refuseDuplicateIds(workloads)
        for stored in workloads.sorted(by: { $0.workload.name.lowercased() < $1.workload.name.lowercased() }) {
            for review in try reviews(of: stored) {
                let counts = review.review.riskCounts
                checked.append(CheckedLens(
                    workloadId: stored.workload.id, workloadName: stored.workload.name, lens: review.applied.alias,
                    lensName: review.lens.record.name, file: Layout.workloadFile(stored.directory),
                    high: counts[.high], medium: counts[.medium]))
                for question in review.review.questions where threshold.counts(question.risk) {
                    let file = Layout.answerFile(stored.directory, lens: review.applied.alias, question: question.questionId)
                    let lensQuestion = review.lens.lens.question(id: question.questionId)?.1
                    findings.append(RiskItem(
                        workloadId: stored.workload.id, workloadName: stored.workload.name, lens: review.applied.alias,
                        lensName: review.lens.record.name, pillarId: question.pillarId, questionId: question.questionId,
                        title: question.title, risk: question.risk, otherRisk: nil, file: file, line: try answerLine(file),
                        missing: lensQuestion.map { WorkspaceComparison.missing($0, question.answer) } ?? []))
                }
            }
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
