import WelltreeCore

/// Maps a dump onto Welltree's values (docs/aws-migration.md, "What becomes what"): every state
/// as the files Welltree would hold, the custom lens versions to publish, the invitations, the
/// losses, and the risk comparison.
///
/// Every value passes the rules Welltree holds its own files to (workload properties, answers
/// against their lens, notes), so an import can never write a file `welltree validate` refuses;
/// whatever breaks one is an `AWSError` (`.cannotImport`) naming the dump file, the field, the
/// value and the rule.
package enum AWSImport {
    package static func plan(_ dump: AWSWorkloadDump, context: AWSImportContext) throws(AWSError) -> AWSImportPlan {
        var planning = ImportPlanning(dump: dump, context: context)
        let plan = planning.plan()
        guard planning.problems.isEmpty else { throw AWSError(.cannotImport, planning.problems) }
        return plan
    }
}

private struct ImportPlanning {
    let dump: AWSWorkloadDump
    let context: AWSImportContext
    var problems: [AWSProblem] = []
    var losses: [AWSNotice] = []
    var comparison = AWSRiskComparison()
    var evaluators: [String: LensEvaluator] = [:]

    init(dump: AWSWorkloadDump, context: AWSImportContext) {
        self.dump = dump
        self.context = context
        losses = dump.notices
    }

    /// The Welltree lens of a lens review: the catalogue's for an AWS lens, the exported one for
    /// a custom lens.
    mutating func lens(of review: AWSLensReviewRecord, in state: AWSReviewState) -> AWSCatalogLens? {
        let subject = AWSDumpLayout.listLensReviews(milestone: state.milestone?.number)
        if review.isCustom {
            guard let alias = context.lenses.customAliases[review.alias] else {
                problems.append(AWSProblem(subject: subject, value: review.alias, rule: "is a custom lens the import was given no Welltree alias for"))
                return nil
            }
            guard let version = review.version, let export = dump.lensExport(review.alias, version: version) else { return nil }
            return AWSCatalogLens(alias: alias, version: version, lens: export.lens)
        }
        guard let builtin = context.lenses.builtin[review.alias] else {
            problems.append(AWSProblem(
                subject: subject, value: review.alias,
                rule: "is an AWS lens Welltree does not ship (it has \(context.lenses.builtin.keys.sorted().joined(separator: ", "))) and AWS does not export; it cannot be evaluated here"))
            return nil
        }
        return builtin
    }

    mutating func evaluator(_ lens: AWSCatalogLens) -> LensEvaluator {
        let key = lens.alias + "\u{0}" + lens.version
        if let evaluator = evaluators[key] { return evaluator }
        let evaluator = LensEvaluator(lens: lens.lens)
        evaluators[key] = evaluator
        return evaluator
    }

    mutating func plan() -> AWSImportPlan {
        let states = dump.states
        // The service does not report when a workload was created: the earliest time it gives.
        let times = states.compactMap(\.workload.updatedAt) + dump.milestones.compactMap { $0.milestone?.recordedAt }
        let createdAt = times.min() ?? context.now
        var imported: [AWSImportState] = []
        var milestones: [Milestone] = []
        for state in states {
            if let milestone = state.milestone {
                do {
                    try Milestone.validateNewName(milestone.name, existing: milestones, field: "MilestoneName")
                } catch {
                    for violation in error.violations {
                        problems.append(AWSProblem(
                            subject: AWSDumpLayout.getMilestone(milestone.number), path: JSONPath([.key("Milestone"), .key("MilestoneName")]),
                            value: violation.value, rule: violation.rule))
                    }
                }
                milestones.append(Milestone(
                    workloadId: state.workload.id, workloadName: state.workload.name, name: milestone.name, number: milestone.number,
                    recordedAt: milestone.recordedAt, riskCounts: RiskCounts(), lenses: []))
            }
            if let result = importState(state, createdAt: createdAt) { imported.append(result) }
        }
        let plan = AWSImportPlan(
            workloadId: dump.present.workload.id, states: imported, customLenses: customLenses(), shares: shares(), losses: losses,
            comparison: comparison)
        return plan
    }

    mutating func importState(_ state: AWSReviewState, createdAt: String) -> AWSImportState? {
        let record = state.workload
        var lenses: [(review: AWSLensReviewRecord?, lens: AWSCatalogLens)] = []
        for review in state.lensReviews {
            if let lens = lens(of: review, in: state) { lenses.append((review, lens)) }
        }
        // Without all its lenses the state cannot be judged further; what follows would only
        // repeat the missing lens in other words.
        guard lenses.count == state.lensReviews.count else { return nil }
        // Welltree applies the framework lens to every workload, first.
        if let index = lenses.firstIndex(where: { $0.lens.alias == Workload.frameworkLens }) {
            lenses.insert(lenses.remove(at: index), at: 0)
        } else if let framework = context.lenses.builtin[Workload.frameworkLens] {
            lenses.insert((nil, framework), at: 0)
            losses.append(AWSNotice(
                subject: record.source, path: JSONPath([.key("Workload"), .key("Lenses")]),
                message: "the \(Workload.frameworkLens) lens is added, unanswered: Welltree applies it to every workload"))
        }

        let workload = workloadValue(record, lenses: lenses.map { WorkloadLens(alias: $0.lens.alias, version: $0.lens.version) },
                                     createdAt: createdAt, time: state.milestone?.recordedAt)
        var answers: [String: [String: Answer]] = [:]
        var updatedAt: [String: String] = [:]
        var notes: [String: LensReviewNotes] = [:]
        for (review, lens) in lenses {
            guard let review else { continue }
            let evaluator = evaluator(lens)
            var lensAnswers: [String: Answer] = [:]
            for answer in review.answers {
                if let value = importAnswer(answer, lens: lens, evaluator: evaluator, milestone: state.milestone?.number) {
                    lensAnswers[answer.questionId] = value
                }
            }
            if !lensAnswers.isEmpty { answers[lens.alias] = lensAnswers }
            updatedAt[lens.alias] = review.updatedAt ?? record.updatedAt ?? state.milestone?.recordedAt ?? createdAt
            let reviewNotes = LensReviewNotes(
                notes: review.notes.flatMap { $0.isEmpty ? nil : $0 },
                pillarNotes: Dictionary(
                    review.pillars.compactMap { p in p.notes.flatMap { $0.isEmpty ? nil : (p.id, $0) } }, uniquingKeysWith: { a, _ in a }))
            let file = AWSDumpLayout.getLensReview(review.alias, milestone: state.milestone?.number)
            for violation in reviewNotes.violations(lens: lens.lens) {
                problems.append(AWSProblem(subject: file, value: violation.value, rule: "\(violation.field) \(violation.rule)"))
            }
            if !reviewNotes.isEmpty { notes[lens.alias] = reviewNotes }
        }
        guard let workload else { return nil }
        return AWSImportState(milestone: state.milestone, workload: workload, answers: answers, answersUpdatedAt: updatedAt, reviewNotes: notes)
    }

    /// `workload.json` of a state, checked as Welltree checks the file.
    mutating func workloadValue(_ r: AWSWorkloadRecord, lenses: [WorkloadLens], createdAt: String, time: String?) -> Workload? {
        var missing: [String] = []
        if r.description == nil { missing.append("Description") }
        if r.reviewOwner == nil { missing.append("ReviewOwner") }
        if r.environment == nil { missing.append("Environment") }
        for member in missing {
            problems.append(AWSProblem(
                subject: r.source, path: JSONPath(r.source.hasSuffix("get-milestone.json") ? [.key("Milestone"), .key("Workload"), .key(member)] : [.key("Workload"), .key(member)]),
                rule: "is missing; Welltree requires every workload to have one (set it in the AWS Well-Architected Tool and export again)"))
        }
        guard let description = r.description, let reviewOwner = r.reviewOwner, let environment = r.environment else { return nil }
        let priorities = r.pillarPriorities.flatMap { $0.isEmpty || $0 == context.pillarPriority ? nil : $0 }
        let workload = Workload(
            id: r.id, name: r.name, description: description, reviewOwner: reviewOwner, environment: environment,
            awsRegions: r.awsRegions, nonAwsRegions: r.nonAwsRegions, accountIds: r.accountIds,
            architecturalDesign: r.architecturalDesign.flatMap { $0.isEmpty ? nil : $0 },
            industryType: r.industryType.flatMap { $0.isEmpty ? nil : (IndustryType.canonical($0) ?? $0) },
            industry: r.industry.flatMap { $0.isEmpty ? nil : $0 }, tags: r.tags, notes: r.notes.flatMap { $0.isEmpty ? nil : $0 },
            improvementStatus: r.improvementStatus ?? .notStarted, owner: context.owner, lenses: lenses, pillarPriorities: priorities,
            createdAt: createdAt, updatedAt: r.updatedAt ?? time ?? createdAt)
        for violation in WorkloadValidation.validate(workload) {
            problems.append(AWSProblem(subject: r.source, value: violation.value, rule: "\(violation.field) \(violation.rule)"))
        }
        return workload
    }

    /// One answer as Welltree holds it, compared with the service's risk.
    mutating func importAnswer(_ a: AWSAnswerRecord, lens: AWSCatalogLens, evaluator: LensEvaluator, milestone: Int?) -> Answer? {
        let notApplicable = a.choiceAnswers.filter { $0.status == "NOT_APPLICABLE" }
        let marked = Dictionary(notApplicable.map { ($0.choiceId, ChoiceNotApplicable(reason: $0.reason ?? .none, notes: $0.notes.flatMap { $0.isEmpty ? nil : $0 })) },
                                uniquingKeysWith: { first, _ in first })
        let selectedIds = Set(a.selectedChoices + a.choiceAnswers.filter { $0.status == "SELECTED" }.map(\.choiceId)).subtracting(marked.keys)
        for other in a.choiceAnswers where other.status != "NOT_APPLICABLE" && !(other.notes ?? "").isEmpty {
            losses.append(AWSNotice(
                subject: a.source, path: JSONPath([.key("Answer"), .key("ChoiceAnswers")]),
                message: "the notes of \(other.choiceId), which is not marked not applicable, are not imported: Welltree keeps notes only for best practices not applicable"))
        }
        // Evidence travels in the notes' last block (AWSEvidenceNotes); what it cites is judged
        // below like any answer file's citations.
        let parsed = AWSEvidenceNotes.parse(a.notes)
        let notesPath = JSONPath([.key("Answer"), .key("Notes")])
        for problem in parsed.problems {
            problems.append(
                AWSProblem(subject: a.source, path: notesPath, value: problem.text, rule: "(line \(problem.line) of the Welltree evidence block) \(problem.rule)"))
        }
        var answer = Answer(
            selectedChoices: [], notApplicableChoices: marked, isApplicable: a.isApplicable,
            reason: a.isApplicable ? nil : (a.reason ?? AnswerReason.none), notes: parsed.notes,
            evidence: Evidence.sorted(parsed.evidence))
        for citation in parsed.evidence {
            if let path = citation.path, let rule = Evidence.reviewFilesRule(path, workspacePrefix: context.workspacePrefix) {
                problems.append(AWSProblem(subject: a.source, path: notesPath, value: path, rule: "evidence: \(rule)"))
            }
        }
        guard let (pillar, question) = lens.lens.question(id: a.questionId) else {
            if !answer.isEmpty || !selectedIds.isEmpty {
                unknown(a.source, JSONPath([.key("Answer"), .key("QuestionId")]), a.questionId,
                        "is not a question of \(lens.alias) \(lens.version); its answer cannot be kept")
            }
            return nil
        }
        let known = question.choices.map(\.id)
        answer.selectedChoices = known.filter { selectedIds.contains($0) }
        for id in selectedIds.subtracting(known).sorted() {
            unknown(a.source, JSONPath([.key("Answer"), .key("SelectedChoices")]), id,
                    "is not a choice of question \(question.id) in \(lens.alias) \(lens.version); the selection cannot be kept")
        }
        for id in marked.keys.sorted() where !known.contains(id) {
            answer.notApplicableChoices[id] = nil
            unknown(a.source, JSONPath([.key("Answer"), .key("ChoiceAnswers")]), id,
                    "is not a choice of question \(question.id) in \(lens.alias) \(lens.version); its not-applicable mark cannot be kept")
        }
        for violation in answer.violations(against: question, field: a.source) {
            problems.append(AWSProblem(subject: a.source, value: violation.value, rule: "\(violation.field) \(violation.rule)"))
        }
        let stored = answer.isEmpty ? nil : answer
        if let awsRisk = a.risk {
            comparison.answersCompared += 1
            let welltreeRisk = evaluator.risk(questionId: question.id, answer: stored)
            if welltreeRisk != awsRisk {
                comparison.differences.append(AWSRiskDifference(
                    milestone: milestone, lensAlias: lens.alias, pillarId: pillar.id, questionId: question.id, questionTitle: question.title,
                    selectedChoices: answer.selectedChoices,
                    notApplicableChoices: known.compactMap { id in answer.notApplicableChoices[id].map { (id, $0.reason) } },
                    isApplicable: answer.isApplicable, awsRisk: awsRisk, welltreeRisk: welltreeRisk))
            }
        }
        return stored
    }

    /// Content the Welltree lens cannot hold: a loss when the import may drop it, else a problem.
    mutating func unknown(_ file: String, _ path: JSONPath, _ value: String, _ rule: String) {
        if context.dropUnknownChoices {
            losses.append(AWSNotice(subject: file, path: path, message: "\(value) \(rule) (dropped)"))
        } else {
            problems.append(AWSProblem(subject: file, path: path, value: value, rule: rule + " (--drop-unknown-choices imports the rest)"))
        }
    }

    /// Every custom lens any state uses, with its versions in the order of first use.
    mutating func customLenses() -> [AWSImportedLens] {
        var result: [AWSImportedLens] = []
        for state in dump.states {
            for review in state.lensReviews where review.isCustom {
                guard let alias = context.lenses.customAliases[review.alias], let version = review.version,
                    let export = dump.lensExport(review.alias, version: version)
                else { continue }
                var index = result.firstIndex { $0.arn == review.alias }
                if index == nil {
                    if let clash = result.first(where: { $0.alias == alias }) {
                        problems.append(AWSProblem(subject: "lens \(alias)", value: review.alias, rule: "is given the Welltree alias of \(clash.arn) too"))
                        continue
                    }
                    result.append(AWSImportedLens(alias: alias, arn: review.alias, name: export.lens.name, versions: []))
                    index = result.count - 1
                }
                guard let index, !result[index].versions.contains(where: { $0.version == version }) else { continue }
                if !Self.isWelltreeVersion(version) {
                    problems.append(AWSProblem(subject: export.source, value: version, rule: "is not a lens version Welltree can hold (1-32 letters, digits and periods)"))
                }
                let bytes = (try? CanonicalJSON.encode(export.lens)) ?? []
                result[index].versions.append(AWSImportedLensVersion(version: version, lens: export.lens, bytes: bytes))
            }
        }
        return result
    }

    static func isWelltreeVersion(_ version: String) -> Bool {
        (1...32).contains(version.count) && version.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "."
        }
    }

    /// Pending invitations for the shares the service has pending or accepted.
    mutating func shares() -> [Share] {
        var shares: [Share] = []
        for record in dump.shares {
            guard record.status == "PENDING" || record.status == "ACCEPTED" else {
                losses.append(AWSNotice(subject: record.source, message: "the \(record.status) share with \(record.sharedWith) is not imported"))
                continue
            }
            shares.append(Share(
                shareId: record.shareId, principal: record.sharedWith, permission: record.permission, status: .pending,
                sharedBy: context.owner, invitedAt: context.now))
            if record.status == "ACCEPTED" {
                losses.append(AWSNotice(
                    subject: record.source,
                    message: "the share with \(record.sharedWith) was accepted in AWS; here it is a pending invitation the principal accepts again"))
            }
        }
        return shares
    }
}
