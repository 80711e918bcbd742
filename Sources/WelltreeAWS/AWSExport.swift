import WelltreeCore

/// Plans the requests that recreate a workload in the AWS Well-Architected Tool
/// (docs/aws-migration.md, "Export"): the first state as CreateWorkload with its answers and
/// notes, then, state by state, the milestone of the state before (CreateMilestone, or
/// UpgradeLensReview where a custom lens moves to a new version) and what changed.
///
/// Pure: the workspace gathers an `AWSExportSource`; this returns values.
package enum AWSExport {
    package static func plan(_ source: AWSExportSource) throws(AWSError) -> AWSExportPlan {
        var planning = ExportPlanning(source: source)
        planning.plan()
        guard planning.problems.isEmpty else { throw AWSError(.cannotExport, planning.problems) }
        return AWSExportPlan(workloadId: source.workloadId, requests: planning.requests, notCarried: planning.notCarried)
    }

    /// The placeholder ARN the request files carry until `apply.sh` passes the service's.
    package static func placeholderArn(_ workloadId: String) -> String {
        "arn:aws:wellarchitected:::workload/" + workloadId
    }

    /// A share principal the service can share with: an AWS account id (12 digits), or an ARN
    /// (an IAM user or role, an organization or organizational unit).
    package static func isServicePrincipal(_ principal: String) -> Bool {
        if principal.utf8.count == 12, principal.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return true }
        return principal.hasPrefix("arn:aws") && principal.utf8.count <= 2048
            && principal.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F }
    }

    /// ImportLens takes a lens file of at most this many characters (`LensJSON`).
    static let lensJSONLength = 2...500_000
}

private struct ExportPlanning {
    let source: AWSExportSource
    var requests: [AWSExportRequest] = []
    var problems: [AWSProblem] = []
    var notCarried: [AWSNotice] = []
    /// The `apply.sh` variable of each custom lens imported so far, by Welltree alias.
    var lensVariables: [String: String] = [:]
    /// The custom lens versions imported so far, in order, by alias.
    var imported: [String: [String]] = [:]
    /// The milestone the requests being planned belong to.
    var currentMilestone: Int?
    /// Whether some answer's evidence travels in its notes (`AWSEvidenceNotes`).
    var carriesEvidence = false
    /// The answers (`alias/question`) whose evidence did not fit in the service's notes.
    var evidenceLeftOut: Set<String> = []

    init(source: AWSExportSource) {
        self.source = source
    }

    var workloadId: String { source.workloadId }

    mutating func plan() {
        guard let first = source.states.first else {
            problems.append(AWSProblem(subject: "workload \(workloadId)", rule: "has no state to export"))
            return
        }
        var before: AWSExportState?
        for state in source.states {
            currentMilestone = state.milestone?.number
            if let before {
                transition(from: before, to: state)
            } else {
                create(first)
            }
            before = state
        }
        currentMilestone = nil
        shares()
        lensNotices()
        if carriesEvidence {
            notCarried.append(
                AWSNotice(
                    subject: "workload \(workloadId)",
                    message:
                        "the evidence answers cite travels in their Notes, in a block `welltree import aws` reads back (docs/aws-migration.md); the service shows it as text and checks nothing"
                ))
        }
        notCarried.append(
            AWSNotice(
                subject: "workload \(workloadId)",
                message:
                    "the owner, the times (created, updated, answered, recorded), the milestone tags and their signatures stay in Welltree: the service records its own"
            ))
    }

    // MARK: Requests

    mutating func add<Body: Encodable>(
        _ operation: String, _ body: Body, arguments: [AWSApplyArgument] = [], capture: AWSApplyCapture? = nil
    ) {
        let bytes: [UInt8]
        do {
            bytes = try CanonicalJSON.encode(body)
        } catch {
            problems.append(AWSProblem(subject: operation, rule: "cannot be encoded: \(error)"))
            return
        }
        requests.append(
            AWSExportRequest(operation: operation, body: bytes, arguments: arguments, capture: capture, milestone: currentMilestone))
    }

    /// A request body's client request token: the same workload, position and content give the
    /// same token, so a second run of `apply.sh` is recognised by the service as a retry.
    func token(_ parts: String...) -> String {
        let text = ([workloadId, String(requests.count)] + parts).joined(separator: "\u{0}")
        return "welltree-" + RiskItem.fingerprint(of: text) + RiskItem.fingerprint(of: String(text.reversed()))
    }

    var workloadArguments: [AWSApplyArgument] { [.literal("--workload-id"), .variable("workload_id")] }

    /// `--lens-alias` for a custom lens (its ARN from ImportLens); nothing for an AWS lens.
    func lensArguments(_ alias: String, in state: AWSExportState) -> [AWSApplyArgument] {
        guard !state.awsLenses.contains(alias), let variable = lensVariables[alias] else { return [] }
        return [.literal("--lens-alias"), .variable(variable)]
    }

    // MARK: The first state

    mutating func create(_ state: AWSExportState) {
        let w = state.workload
        for lens in w.lenses where !state.awsLenses.contains(lens.alias) { importLensVersion(lens, state: state) }
        let awsLenses = w.lenses.map(\.alias).filter { state.awsLenses.contains($0) }
        guard !awsLenses.isEmpty else {
            problems.append(
                AWSProblem(
                    subject: "workload \(workloadId)", value: w.lenses.map(\.alias).joined(separator: ", "),
                    rule: "applies no AWS lens; CreateWorkload needs one"))
            return
        }
        var body = AWSInput.CreateWorkload(
            WorkloadName: w.name, Description: w.description, Environment: w.environment.rawValue, ReviewOwner: w.reviewOwner,
            AwsRegions: w.awsRegions.isEmpty ? nil : w.awsRegions, NonAwsRegions: w.nonAwsRegions.isEmpty ? nil : w.nonAwsRegions,
            AccountIds: w.accountIds.isEmpty ? nil : w.accountIds, ArchitecturalDesign: w.architecturalDesign, IndustryType: w.industryType,
            Industry: w.industry, Notes: w.notes, PillarPriorities: w.pillarPriorities, Lenses: awsLenses,
            Tags: w.tags.isEmpty ? nil : w.tags, ClientRequestToken: "")
        body.ClientRequestToken = token("CreateWorkload", w.name)
        add("CreateWorkload", body, capture: .workload)
        if w.improvementStatus != .notStarted {
            var update = AWSInput.UpdateWorkload(WorkloadId: workloadId)
            update.ImprovementStatus = w.improvementStatus.rawValue
            add("UpdateWorkload", update, arguments: workloadArguments)
        }
        let custom = w.lenses.map(\.alias).filter { !state.awsLenses.contains($0) }
        if !custom.isEmpty { associate("AssociateLenses", custom, in: state) }
        changes(from: nil, to: state)
    }

    // MARK: Between states

    mutating func transition(from before: AWSExportState, to state: AWSExportState) {
        // The custom lens versions the next state needs, published before the milestone that
        // moves the workload onto them.
        var upgraded: [WorkloadLens] = []
        for lens in state.workload.lenses where !state.awsLenses.contains(lens.alias) {
            let old = before.workload.lenses.first { $0.alias == lens.alias }
            importLensVersion(lens, state: state)
            if let old, old.version != lens.version { upgraded.append(lens) }
        }
        if let milestone = before.milestone {
            currentMilestone = milestone.number
            if let first = upgraded.first {
                if upgraded.count > 1 {
                    problems.append(
                        AWSProblem(
                            subject: "milestone \(milestone.number)", value: upgraded.map(\.alias).joined(separator: ", "),
                            rule:
                                "are custom lenses that move to a new version after this milestone; the service records a milestone with every lens upgrade (UpgradeLensReview), so only one lens may move between two milestones"
                        ))
                }
                var body = AWSInput.UpgradeLensReview(
                    WorkloadId: workloadId, LensAlias: first.alias, MilestoneName: milestone.name, ClientRequestToken: "")
                body.ClientRequestToken = token("UpgradeLensReview", first.alias, first.version, milestone.name)
                add("UpgradeLensReview", body, arguments: workloadArguments + lensArguments(first.alias, in: state))
            } else {
                var body = AWSInput.CreateMilestone(WorkloadId: workloadId, MilestoneName: milestone.name, ClientRequestToken: "")
                body.ClientRequestToken = token("CreateMilestone", milestone.name)
                add("CreateMilestone", body, arguments: workloadArguments)
            }
            currentMilestone = state.milestone?.number
        } else if let first = upgraded.first {
            problems.append(
                AWSProblem(
                    subject: "lens \(first.alias)", value: first.version,
                    rule:
                        "is a version the workload moves to without a milestone before it; the service moves a lens review only by recording a milestone"
                ))
        }
        workloadChanges(from: before.workload, to: state.workload)
        let beforeAliases = Set(before.workload.lenses.map(\.alias))
        let afterAliases = Set(state.workload.lenses.map(\.alias))
        let removed = before.workload.lenses.map(\.alias).filter { !afterAliases.contains($0) }
        if !removed.isEmpty { associate("DisassociateLenses", removed, in: before) }
        let added = state.workload.lenses.map(\.alias).filter { !beforeAliases.contains($0) }
        if !added.isEmpty { associate("AssociateLenses", added, in: state) }
        changes(from: before, to: state)
    }

    mutating func associate(_ operation: String, _ aliases: [String], in state: AWSExportState) {
        var arguments = workloadArguments + [.literal("--lens-aliases")]
        for alias in aliases {
            if let variable = lensVariables[alias], !state.awsLenses.contains(alias) {
                arguments.append(.variable(variable))
            } else {
                arguments.append(.literal(alias))
            }
        }
        add(operation, AWSInput.LensAliases(WorkloadId: workloadId, LensAliases: aliases), arguments: arguments)
    }

    /// ImportLens (and CreateLensVersion) of a custom lens version not sent yet.
    mutating func importLensVersion(_ lens: WorkloadLens, state: AWSExportState) {
        let versions = imported[lens.alias] ?? []
        if versions.last == lens.version { return }
        if versions.contains(lens.version) {
            problems.append(
                AWSProblem(
                    subject: "lens \(lens.alias)", value: lens.version,
                    rule:
                        "is a version the workload returns to after a later one (\(versions.last ?? "")); the service only moves a lens review forward"
                ))
            return
        }
        guard let file = source.customLenses[lens.alias]?[lens.version] else {
            problems.append(
                AWSProblem(
                    subject: "lens \(lens.alias)", value: lens.version, rule: "is a custom lens version the export was given no file for"))
            return
        }
        let length = file.json.count
        guard AWSExport.lensJSONLength.contains(length) else {
            problems.append(
                AWSProblem(
                    subject: "lens \(lens.alias) \(lens.version)", value: String(length),
                    rule:
                        "characters; ImportLens takes a lens file of \(AWSExport.lensJSONLength.lowerBound)-\(AWSExport.lensJSONLength.upperBound)"
                ))
            return
        }
        let variable: String
        var arguments: [AWSApplyArgument] = []
        let capture: AWSApplyCapture
        if let known = lensVariables[lens.alias] {
            variable = known
            arguments = [.literal("--lens-alias"), .variable(variable)]
            capture = .lensStatus
        } else {
            variable = "lens_\(lensVariables.count + 1)"
            lensVariables[lens.alias] = variable
            capture = .lens(variable: variable)
        }
        var body = AWSInput.ImportLens(LensAlias: versions.isEmpty ? nil : lens.alias, JSONString: file.json, ClientRequestToken: "")
        body.ClientRequestToken = token("ImportLens", lens.alias, lens.version, file.json)
        add("ImportLens", body, arguments: arguments, capture: capture)
        var version = AWSInput.CreateLensVersion(
            LensAlias: lens.alias, LensVersion: lens.version, IsMajorVersion: true, ClientRequestToken: "")
        version.ClientRequestToken = token("CreateLensVersion", lens.alias, lens.version)
        add("CreateLensVersion", version, arguments: [.literal("--lens-alias"), .variable(variable)])
        imported[lens.alias, default: []].append(lens.version)
    }

    /// UpdateWorkload with the properties that changed; TagResource and UntagResource for tags.
    mutating func workloadChanges(from a: Workload, to b: Workload) {
        var u = AWSInput.UpdateWorkload(WorkloadId: workloadId)
        if a.name != b.name { u.WorkloadName = b.name }
        if a.description != b.description { u.Description = b.description }
        if a.environment != b.environment { u.Environment = b.environment.rawValue }
        if a.reviewOwner != b.reviewOwner { u.ReviewOwner = b.reviewOwner }
        if a.awsRegions != b.awsRegions { u.AwsRegions = b.awsRegions }
        if a.nonAwsRegions != b.nonAwsRegions { u.NonAwsRegions = b.nonAwsRegions }
        if a.accountIds != b.accountIds { u.AccountIds = b.accountIds }
        if a.architecturalDesign != b.architecturalDesign { u.ArchitecturalDesign = b.architecturalDesign ?? "" }
        if a.industryType != b.industryType { u.IndustryType = b.industryType ?? "" }
        if a.industry != b.industry { u.Industry = b.industry ?? "" }
        if a.notes != b.notes { u.Notes = b.notes ?? "" }
        if a.improvementStatus != b.improvementStatus { u.ImprovementStatus = b.improvementStatus.rawValue }
        if a.pillarPriorities != b.pillarPriorities { u.PillarPriorities = b.pillarPriorities }
        if !u.isEmpty { add("UpdateWorkload", u, arguments: workloadArguments) }
        let arn: [AWSApplyArgument] = [.literal("--workload-arn"), .variable("workload_arn")]
        let changed = b.tags.filter { a.tags[$0.key] != $0.value }
        if !changed.isEmpty {
            add("TagResource", AWSInput.TagResource(WorkloadArn: AWSExport.placeholderArn(workloadId), Tags: changed), arguments: arn)
        }
        let removed = a.tags.keys.filter { b.tags[$0] == nil }.sorted()
        if !removed.isEmpty {
            add(
                "UntagResource", AWSInput.UntagResource(WorkloadArn: AWSExport.placeholderArn(workloadId), TagKeys: removed), arguments: arn
            )
        }
    }

    /// UpdateAnswer for every question whose answer changed, UpdateLensReview for notes that
    /// changed, lens by lens in the workload's order.
    mutating func changes(from before: AWSExportState?, to state: AWSExportState) {
        for lens in state.workload.lenses {
            // A lens the state before did not apply starts empty in the service.
            let applied = before?.workload.lenses.contains { $0.alias == lens.alias } ?? false
            let old = applied ? before?.answers[lens.alias] ?? [:] : [:]
            let new = state.answers[lens.alias] ?? [:]
            for question in Set(old.keys).union(new.keys).sorted() {
                let a = old[question]
                let b = new[question]
                if a == b { continue }
                answer(question, lens: lens.alias, from: a, to: b, in: state)
            }
            let oldNotes = applied ? before?.notes[lens.alias] ?? LensReviewNotes() : LensReviewNotes()
            let newNotes = state.notes[lens.alias] ?? LensReviewNotes()
            if oldNotes != newNotes { notes(lens.alias, from: oldNotes, to: newNotes, in: state) }
        }
    }

    /// The whole answer `b` (nil: cleared), with what `a` had marked undone.
    mutating func answer(_ question: String, lens alias: String, from a: Answer?, to b: Answer?, in state: AWSExportState) {
        let answer = b ?? Answer()
        var updates: [String: AWSInput.ChoiceUpdate] = [:]
        for (choice, mark) in answer.notApplicableChoices {
            updates[choice] = AWSInput.ChoiceUpdate(Status: "NOT_APPLICABLE", Reason: mark.reason.rawValue, Notes: mark.notes)
        }
        for choice in (a?.notApplicableChoices ?? [:]).keys where answer.notApplicableChoices[choice] == nil {
            updates[choice] = AWSInput.ChoiceUpdate(Status: answer.selectedChoices.contains(choice) ? "SELECTED" : "UNSELECTED")
        }
        let notes = sentNotes(answer, question: question, lens: alias)
        let before = a.flatMap { AWSEvidenceNotes.compose(notes: $0.notes, evidence: $0.evidence) ?? $0.notes }
        let body = AWSInput.UpdateAnswer(
            WorkloadId: workloadId, LensAlias: alias, QuestionId: question,
            SelectedChoices: answer.selectedChoices.filter { answer.notApplicableChoices[$0] == nil },
            ChoiceUpdates: updates.isEmpty ? nil : updates, Notes: notes ?? (before == nil ? nil : ""),
            IsApplicable: answer.isApplicable, Reason: answer.isApplicable ? nil : (answer.reason ?? AnswerReason.none).rawValue)
        add("UpdateAnswer", body, arguments: workloadArguments + lensArguments(alias, in: state))
    }

    /// The notes an answer is sent with: its own, then the block of the evidence it cites. When
    /// the two do not fit in the service's notes, the notes alone, and the export's report says
    /// the citations were left out (once per answer), rather than cutting one.
    mutating func sentNotes(_ answer: Answer, question: String, lens alias: String) -> String? {
        guard !answer.evidence.isEmpty else { return answer.notes }
        if let composed = AWSEvidenceNotes.compose(notes: answer.notes, evidence: answer.evidence) {
            carriesEvidence = true
            return composed
        }
        if evidenceLeftOut.insert("\(alias)/\(question)").inserted {
            let n = answer.evidence.count
            notCarried.append(
                AWSNotice(
                    subject: "answer \(alias)/\(question)" + (currentMilestone.map { " (from milestone \($0))" } ?? ""),
                    message:
                        "\(n) evidence citation\(n == 1 ? "" : "s") left out: with the answer's notes they would exceed the \(LensLimits.answerNotesLength) characters the service's Notes hold, and a citation is never cut; they stay in Welltree"
                ))
        }
        return answer.notes
    }

    mutating func notes(_ alias: String, from a: LensReviewNotes, to b: LensReviewNotes, in state: AWSExportState) {
        var pillars: [String: String] = [:]
        for id in Set(a.pillarNotes.keys).union(b.pillarNotes.keys) where a.notes(ofPillar: id) != b.notes(ofPillar: id) {
            pillars[id] = b.notes(ofPillar: id) ?? ""
        }
        let lensNotes: String? = (a.notes ?? "") == (b.notes ?? "") ? nil : b.notes ?? ""
        guard lensNotes != nil || !pillars.isEmpty else { return }
        let body = AWSInput.UpdateLensReview(
            WorkloadId: workloadId, LensAlias: alias, LensNotes: lensNotes, PillarNotes: pillars.isEmpty ? nil : pillars)
        add("UpdateLensReview", body, arguments: workloadArguments + lensArguments(alias, in: state))
    }

    /// What the lenses do not carry: Welltree's versions of AWS's lenses, custom lenses' minor
    /// versions.
    mutating func lensNotices() {
        var seen: Set<String> = []
        for state in source.states.reversed() {
            for lens in state.workload.lenses where !seen.contains(lens.alias) {
                seen.insert(lens.alias)
                if state.awsLenses.contains(lens.alias) {
                    notCarried.append(
                        AWSNotice(
                            subject: "lens \(lens.alias)",
                            message:
                                "Welltree's version \(lens.version) is not sent: the service applies its current version of its own lens; a best practice that version does not have is refused by the service, and apply.sh stops at that UpdateAnswer"
                        ))
                } else {
                    notCarried.append(
                        AWSNotice(
                            subject: "lens \(lens.alias)",
                            message:
                                "every version the workload used is published as a major version (IsMajorVersion true), so each milestone keeps the version it used"
                        ))
                }
            }
        }
    }

    // MARK: Shares

    mutating func shares() {
        for share in source.shares where share.status == .pending || share.status == .accepted {
            guard AWSExport.isServicePrincipal(share.principal) else {
                notCarried.append(
                    AWSNotice(
                        subject: "share \(share.shareId)",
                        message:
                            "with \(share.principal) is not exported: the service shares with AWS account ids, IAM ARNs and organizations, not git principals"
                    ))
                continue
            }
            var body = AWSInput.CreateWorkloadShare(
                WorkloadId: workloadId, SharedWith: share.principal, PermissionType: share.permission.rawValue, ClientRequestToken: "")
            body.ClientRequestToken = token("CreateWorkloadShare", share.principal, share.permission.rawValue)
            add("CreateWorkloadShare", body, arguments: workloadArguments)
        }
    }
}
