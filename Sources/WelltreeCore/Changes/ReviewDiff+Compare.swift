/// The risk diff: how a workload, and each of its lenses, changed between two states, computed
/// from the two judged workloads alone.
extension WorkloadChange {
    /// The change of one workload between two states (nil on a side where it does not exist),
    /// and the head side's lenses as the gate examined them.
    ///
    /// `filesChanged` says whether anything of the workload's files differs between the states
    /// (its directory's content or place), which only the repository can tell: a workload whose
    /// files did not change is compared because a lens it applies changed, and is left out
    /// (nil) unless that moved a risk or an answer's reading.
    package static func compare(
        old: JudgedWorkload?, new: JudgedWorkload?, filesChanged: Bool
    ) -> (change: WorkloadChange?, checked: [CheckedLens]) {
        guard let any = new ?? old else { return (nil, []) }
        let kind: WorkloadChangeKind
        if let old, let new {
            kind = old.workload.name != new.workload.name ? .renamed : filesChanged ? .edited : .reevaluated
        } else {
            kind = old == nil ? .added : .removed
        }
        var change = WorkloadChange(
            id: any.workload.id, name: any.workload.name, previousName: kind == .renamed ? old?.workload.name : nil,
            directory: any.directory, kind: kind)
        if let old, let new { change.properties = new.workload.propertyChanges(from: old.workload) }
        var aliases = (new?.lenses ?? []).map(\.alias)
        for lens in old?.lenses ?? [] where !aliases.contains(lens.alias) { aliases.append(lens.alias) }
        var checked: [CheckedLens] = []
        for alias in aliases {
            let before = old.flatMap { workload in workload.lens(alias).map { (workload, $0) } }
            let after = new.flatMap { workload in workload.lens(alias).map { (workload, $0) } }
            if let (workload, lens) = after { checked.append(CheckedLens(workload, lens)) }
            let (lensChange, movement) = LensAnswerChanges.compare(before, after)
            change.risks.add(movement)
            if let lensChange { change.lenses.append(lensChange) }
        }
        let visible = kind != .reevaluated || !change.risks.isEmpty || change.lenses.contains { !$0.questions.isEmpty }
        return (visible ? change : nil, checked)
    }
}

extension LensAnswerChanges {
    /// How one lens of one workload changed between two states (each side the workload and its
    /// judged lens, nil where the lens is not applied): the questions whose answer or risk
    /// changed, in lens order (the head's version first, then questions only the base's has),
    /// and how the HRIs and MRIs moved. The change is nil when no question changed and the lens
    /// kept its application and version.
    package static func compare(
        _ old: (JudgedWorkload, JudgedLens)?, _ new: (JudgedWorkload, JudgedLens)?
    ) -> (changes: LensAnswerChanges?, risks: RiskMovement) {
        var movement = RiskMovement()
        guard let (_, shown) = new ?? old else { return (nil, movement) }
        let application: LensApplicationChange = old == nil ? .applied : (new == nil ? .removed : .kept)
        let oldRisks = old?.1.risks ?? [:]
        let newRisks = new?.1.risks ?? [:]
        var questions: [QuestionChange] = []
        var seen = Set<String>()
        for lens in [new?.1.lens, old?.1.lens].compactMap({ $0 }) {
            for pillar in lens.pillars {
                for question in pillar.questions where seen.insert(question.id).inserted {
                    let riskBefore = oldRisks[question.id] ?? .unanswered
                    let riskAfter = newRisks[question.id] ?? .unanswered
                    if application != .removed,
                        let found = QuestionChange.compare(
                            question: question, pillarId: pillar.id, file: (new ?? old)!.1.answerFile(question.id),
                            before: old?.1.answers[question.id], after: new?.1.answers[question.id],
                            riskBefore: riskBefore, riskAfter: riskAfter)
                    {
                        questions.append(found)
                    }
                    guard riskBefore != riskAfter,
                        riskBefore == .high || riskBefore == .medium || riskAfter == .high || riskAfter == .medium
                    else { continue }
                    func item(_ side: (JudgedWorkload, JudgedLens)?, risk: Risk) -> RiskItem? {
                        side.map { RiskItem($0.0.workload, $0.1, pillarId: pillar.id, question: question, risk: risk) }
                    }
                    let newItem = item(new, risk: riskAfter)
                    let oldItem = item(old, risk: riskBefore)
                    guard let primary = newItem ?? oldItem else { continue }
                    movement.record(primary, before: riskBefore, after: riskAfter, resolvedItem: oldItem)
                }
            }
        }
        let versionBefore = old?.1.version
        let versionAfter = new?.1.version
        if questions.isEmpty && application == .kept && versionBefore == versionAfter { return (nil, movement) }
        let changes = LensAnswerChanges(
            alias: shown.alias, name: shown.name, application: application,
            versionBefore: versionBefore == versionAfter ? nil : versionBefore,
            versionAfter: versionBefore == versionAfter ? nil : versionAfter, questions: questions)
        return (changes, movement)
    }
}
