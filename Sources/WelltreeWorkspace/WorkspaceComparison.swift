import Git
import WelltreeCore

/// Compares two states of a workspace in reviewer terms, reading only what changed.
///
/// The two trees are compared by the Git layer's pruned walk, so an unchanged workload costs
/// one id comparison; only workloads with changed files are read (and, when a lens's published
/// versions changed, the workloads applying that lens, since their risks may move). Lenses are
/// parsed once per version blob.
package struct WorkspaceComparison {
    package let base: Workspace
    package let head: Workspace

    package init(base: Workspace, head: Workspace) {
        self.base = base
        self.head = head
    }

    /// The diff and every workload lens it evaluated on the head side.
    package struct Result {
        package var diff: ReviewDiff
        package var checked: [CheckedLens]
        package var parts: ChangedParts
    }

    /// Compares the two states; `baseLabel` and `headLabel` name them in the output.
    package func compare(baseLabel: String, headLabel: String) throws(WorkspaceError) -> Result {
        let repository = head.repository
        let comparison = try head.wrap { () throws(GitError) in
            try repository.compareTrees(from: base.baseTree, to: head.baseTree)
        }
        let parts = ChangedParts(comparison)
        var before: [String: StoredWorkload] = [:]
        var after: [String: StoredWorkload] = [:]
        // The walk hands over each changed workload directory's trees, so the large `workloads`
        // tree is not looked up again from the root for every workload.
        for directory in parts.workloadDirectories {
            let trees = parts.workloadTrees[directory]
            if let tree = trees?.old {
                let stored = try base.loadWorkload(TreeEntry(name: directory, id: tree, kind: .tree))
                before[stored.workload.id] = stored
            }
            if let tree = trees?.new {
                let stored = try head.loadWorkload(TreeEntry(name: directory, id: tree, kind: .tree))
                after[stored.workload.id] = stored
            }
        }
        if !parts.riskRelevantLenses.isEmpty {
            // A published lens version can move the risks of every workload applying it.
            func applies(_ stored: StoredWorkload) -> Bool {
                stored.workload.lenses.contains { parts.riskRelevantLenses.contains($0.alias) }
            }
            for stored in try head.allWorkloads() where applies(stored) && after[stored.workload.id] == nil {
                after[stored.workload.id] = stored
            }
            for stored in try base.allWorkloads() where before[stored.workload.id] == nil {
                if applies(stored) || after[stored.workload.id] != nil { before[stored.workload.id] = stored }
            }
        }
        var changes: [WorkloadChange] = []
        var checked: [CheckedLens] = []
        for id in Set(before.keys).union(after.keys) {
            let (change, lenses) = try compareWorkload(before[id], after[id])
            checked += lenses
            if let change { changes.append(change) }
        }
        changes.sort { ($0.name.lowercased(), $0.id) < ($1.name.lowercased(), $1.id) }
        checked.sort { ($0.workloadName.lowercased(), $0.lens) < ($1.workloadName.lowercased(), $1.lens) }
        let lenses = try lensChanges(parts)
        return Result(diff: ReviewDiff(base: baseLabel, head: headLabel, workloads: changes, lenses: lenses), checked: checked, parts: parts)
    }

    private func lensChanges(_ parts: ChangedParts) throws(WorkspaceError) -> [LensCatalogChange] {
        var result: [LensCatalogChange] = []
        for alias in parts.lensAliases {
            let old = try base.lensRecord(alias)
            let new = try head.lensRecord(alias)
            guard let record = new ?? old else { continue }
            let kind: LensCatalogChange.Kind
            if old == nil {
                kind = .added
            } else if new == nil {
                kind = .removed
            } else if new?.deletedAt != nil, old?.deletedAt == nil {
                kind = .deleted
            } else {
                kind = .changed
            }
            let published = (new?.versions ?? []).map(\.version).filter { version in
                !(old?.versions ?? []).contains { $0.version == version }
            }
            result.append(LensCatalogChange(alias: alias, name: record.name, kind: kind, versionsPublished: published,
                                            draftChanged: parts.draftChanges.contains(alias)))
        }
        return result
    }

    /// The change of one workload (nil when nothing a reviewer sees changed) and the head
    /// side's lenses with their risk counts.
    private func compareWorkload(_ old: StoredWorkload?, _ new: StoredWorkload?) throws(WorkspaceError) -> (WorkloadChange?, [CheckedLens]) {
        guard let any = new ?? old else { return (nil, []) }
        let kind: WorkloadChangeKind
        if old == nil {
            kind = .added
        } else if new == nil {
            kind = .removed
        } else if old!.workload.name != new!.workload.name {
            kind = .renamed
        } else if old!.tree != new!.tree || old!.directory != new!.directory {
            kind = .edited
        } else {
            kind = .reevaluated
        }
        var change = WorkloadChange(
            id: any.workload.id, name: any.workload.name,
            previousName: kind == .renamed ? old?.workload.name : nil,
            directory: Layout.workloadDirectory(any.directory), kind: kind)
        if let old, let new { change.properties = new.workload.propertyChanges(from: old.workload) }
        var aliases = (new?.workload.lenses ?? []).map(\.alias)
        for lens in old?.workload.lenses ?? [] where !aliases.contains(lens.alias) { aliases.append(lens.alias) }
        var checked: [CheckedLens] = []
        for alias in aliases {
            let oldApplied = old?.workload.lenses.first { $0.alias == alias }
            let newApplied = new?.workload.lenses.first { $0.alias == alias }
            let oldReview = try oldApplied.map { applied throws(WorkspaceError) in try base.review(of: old!, lens: applied) }
            let newReview = try newApplied.map { applied throws(WorkspaceError) in try head.review(of: new!, lens: applied) }
            if let new, let newReview {
                let counts = newReview.review.riskCounts
                checked.append(CheckedLens(
                    workloadId: new.workload.id, workloadName: new.workload.name, lens: alias,
                    lensName: newReview.lens.record.name, file: Layout.workloadFile(new.directory),
                    high: counts[.high], medium: counts[.medium]))
            }
            let lensChange = try compareLens(alias: alias, old: old, new: new, oldReview: oldReview, newReview: newReview, movement: &change.risks)
            if let lensChange { change.lenses.append(lensChange) }
        }
        let visible = kind != .reevaluated || !change.risks.isEmpty || change.lenses.contains { !$0.questions.isEmpty }
        return (visible ? change : nil, checked)
    }

    private func compareLens(
        alias: String, old: StoredWorkload?, new: StoredWorkload?,
        oldReview: WorkloadLensReview?, newReview: WorkloadLensReview?, movement: inout RiskMovement
    ) throws(WorkspaceError) -> LensAnswerChanges? {
        guard let shown = newReview ?? oldReview else { return nil }
        let application: LensApplicationChange = oldReview == nil ? .applied : (newReview == nil ? .removed : .kept)
        let oldRisks = Dictionary((oldReview?.review.questions ?? []).map { ($0.questionId, $0.risk) }, uniquingKeysWith: { a, _ in a })
        let newRisks = Dictionary((newReview?.review.questions ?? []).map { ($0.questionId, $0.risk) }, uniquingKeysWith: { a, _ in a })
        var questions: [QuestionChange] = []
        var seen = Set<String>()
        let lenses = [newReview?.lens.lens, oldReview?.lens.lens].compactMap { $0 }
        for lens in lenses {
            for pillar in lens.pillars {
                for question in pillar.questions where seen.insert(question.id).inserted {
                    let riskBefore = oldRisks[question.id] ?? .unanswered
                    let riskAfter = newRisks[question.id] ?? .unanswered
                    let beforeAnswer = oldReview?.answers[question.id]?.answer
                    let afterAnswer = newReview?.answers[question.id]?.answer
                    let newFile = new.map { Layout.answerFile($0.directory, lens: alias, question: question.id) }
                    let oldFile = old.map { Layout.answerFile($0.directory, lens: alias, question: question.id) }
                    if application != .removed, let found = QuestionChange.compare(
                        question: question, pillarId: pillar.id, file: newFile ?? oldFile ?? "",
                        before: beforeAnswer, after: afterAnswer,
                        riskBefore: riskBefore, riskAfter: riskAfter)
                    {
                        questions.append(found)
                    }
                    guard riskBefore != riskAfter, riskBefore == .high || riskBefore == .medium || riskAfter == .high || riskAfter == .medium else { continue }
                    func item(
                        _ stored: StoredWorkload?, _ review: WorkloadLensReview?, _ file: String?, risk: Risk, in workspace: Workspace
                    ) throws(WorkspaceError) -> RiskItem? {
                        guard let stored, let file else { return nil }
                        let line = risk == .high || risk == .medium ? try workspace.answerLine(file) : 1
                        let answer = review?.answers[question.id]?.answer
                        return RiskItem(
                            workloadId: stored.workload.id, workloadName: stored.workload.name, lens: alias,
                            lensName: (review ?? shown).lens.record.name, pillarId: pillar.id, questionId: question.id,
                            title: question.title, risk: risk, otherRisk: nil, file: file, line: line,
                            missing: Self.missing(question, answer))
                    }
                    let newItem = try item(new, newReview, newFile, risk: riskAfter, in: head)
                    let oldItem = try item(old, oldReview, oldFile, risk: riskBefore, in: base)
                    guard let primary = newItem ?? oldItem else { continue }
                    movement.record(primary, before: riskBefore, after: riskAfter, resolvedItem: oldItem)
                }
            }
        }
        let versionBefore = oldReview?.lens.version
        let versionAfter = newReview?.lens.version
        if questions.isEmpty && application == .kept && versionBefore == versionAfter { return nil }
        return LensAnswerChanges(
            alias: alias, name: shown.lens.record.name, application: application,
            versionBefore: versionBefore == versionAfter ? nil : versionBefore,
            versionAfter: versionBefore == versionAfter ? nil : versionAfter, questions: questions)
    }

    /// Best practices that are neither selected nor marked not applicable, without "None of
    /// these": what would lower the risk.
    static func missing(_ question: LensQuestion, _ answer: Answer?) -> [ChoiceRef] {
        question.choices.filter { choice in
            !choice.isNoneOfThese && !(answer?.selectedChoices.contains(choice.id) ?? false)
                && answer?.notApplicableChoices[choice.id] == nil
        }.map { ChoiceRef(id: $0.id, title: $0.title) }
    }
}
