import WelltreeCore

/// How each output shape of the dump is read: the members the API model gives it, the limits of
/// the ones Welltree imports, and why the others are not imported.
extension ShapeReader {
    static let workloadMembers = [
        "AccountIds", "Applications", "ArchitecturalDesign", "AwsRegions", "Description", "DiscoveryConfig", "Environment",
        "ImprovementStatus", "Industry", "IndustryType", "IsReviewOwnerUpdateAcknowledged", "JiraConfiguration", "Lenses",
        "NonAwsRegions", "Notes", "Owner", "PillarPriorities", "PrioritizedRiskCounts", "Profiles", "ReviewOwner",
        "ReviewRestrictionDate", "RiskCounts", "ShareInvitationId", "Tags", "UpdatedAt", "WorkloadArn", "WorkloadId", "WorkloadName",
    ]
    static let workloadUnimported = [
        "Applications": "AppRegistry applications have no counterpart in Welltree; not imported",
        "DiscoveryConfig": "the discovery configuration (Trusted Advisor) has no counterpart in Welltree; not imported",
        "JiraConfiguration": "the Jira configuration has no counterpart in Welltree; not imported",
        "Profiles": "profiles are not imported",
        "Owner": "the owning account is not imported: the principal who runs the import owns the workload",
    ]
    static let lensReviewUnimported = [
        "JiraConfiguration": "the Jira configuration has no counterpart in Welltree; not imported",
        "Profiles": "profiles are not imported",
    ]

    /// The API's `Workload` (GetWorkload's, or a milestone's in GetMilestone).
    mutating func workload(_ node: JSONNode, _ path: JSONPath) -> AWSWorkloadRecord? {
        guard let o = object(node, path, shape: "Workload", known: Self.workloadMembers, unimported: Self.workloadUnimported)
        else { return nil }
        let id = string(o, "WorkloadId", required: true, pattern: AWSModel.workloadId)
        let name = string(o, "WorkloadName", required: true, length: 3...100)
        var record = AWSWorkloadRecord(id: id ?? "", name: name ?? "", source: file)
        record.description = string(o, "Description", length: 3...250)
        record.environment = string(o, "Environment", values: AWSModel.environments).flatMap(WorkloadEnvironment.init(rawValue:))
        record.accountIds = strings(o, "AccountIds", max: 100, pattern: AWSModel.accountId) ?? []
        record.awsRegions = strings(o, "AwsRegions", max: 50, length: 1...100) ?? []
        record.nonAwsRegions = strings(o, "NonAwsRegions", max: 5, length: 3...25) ?? []
        record.architecturalDesign = string(o, "ArchitecturalDesign", length: 0...2048)
        record.reviewOwner = string(o, "ReviewOwner", length: 3...255)
        record.industryType = string(o, "IndustryType", length: 0...100)
        record.industry = string(o, "Industry", length: 0...100)
        record.notes = string(o, "Notes", length: 0...2084)
        record.improvementStatus = string(o, "ImprovementStatus", values: AWSModel.improvementStatuses)
            .flatMap(ImprovementStatus.init(rawValue:))
        record.pillarPriorities = strings(o, "PillarPriorities", length: 1...64)
        record.lenses = strings(o, "Lenses", length: 1...128) ?? []
        record.owner = string(o, "Owner", pattern: AWSModel.accountId)
        record.tags = stringMap(o, "Tags", max: 50, keyLength: 1...128, valueLength: 0...256) ?? [:]
        record.updatedAt = timestamp(o, "UpdatedAt")
        _ = string(o, "WorkloadArn")
        _ = riskCounts(o, "RiskCounts")
        guard id != nil, name != nil else { return nil }
        return record
    }

    /// The workload id (and milestone number) every document of a workload repeats, checked
    /// against the dump's.
    mutating func identity(_ o: Object, workloadId: String, milestone: Int?) {
        if let id = string(o, "WorkloadId", pattern: AWSModel.workloadId), id != workloadId {
            fail(o["WorkloadId"], o.path.appending("WorkloadId"), value: id, "is another workload's id; the dump is of \(workloadId)")
        }
        if let node = o["MilestoneNumber"], node.value != .null {
            if let number = integer(o, "MilestoneNumber", range: 1...100), number != milestone {
                let expected = milestone.map { "must be \($0), the milestone whose directory this is" }
                    ?? "must be absent: the file is of the present state"
                fail(node, o.path.appending("MilestoneNumber"), value: String(number), expected)
            }
        } else if let milestone {
            fail(nil, o.path.appending("MilestoneNumber"), "is missing; must be \(milestone), the milestone whose directory this is")
        }
        if o["NextToken"] != nil, o["NextToken"]?.value != .null {
            fail(o["NextToken"], o.path.appending("NextToken"), "must be absent: scripts/aws-export merges every page into one document")
        }
    }

    /// ListLensReviews: the lens aliases with their summaries, in order.
    mutating func listLensReviews(_ root: JSONNode, workloadId: String, milestone: Int?) -> [AWSLensReviewRecord]? {
        guard let o = object(root, .root, shape: "ListLensReviewsOutput",
                             known: ["LensReviewSummaries", "MilestoneNumber", "NextToken", "WorkloadId"]) else { return nil }
        identity(o, workloadId: workloadId, milestone: milestone)
        guard let elements = array(o, "LensReviewSummaries", required: true) else { return nil }
        var reviews: [AWSLensReviewRecord] = []
        for (node, path) in elements {
            guard let s = object(node, path, shape: "LensReviewSummary", known: [
                "LensAlias", "LensArn", "LensName", "LensStatus", "LensVersion", "PrioritizedRiskCounts", "Profiles", "RiskCounts", "UpdatedAt",
            ], unimported: Self.lensReviewUnimported), let alias = string(s, "LensAlias", required: true, length: 1...128)
            else { continue }
            _ = string(s, "LensArn")
            _ = riskCounts(s, "RiskCounts")
            reviews.append(AWSLensReviewRecord(
                alias: alias, name: string(s, "LensName", length: 1...128), version: string(s, "LensVersion", length: 1...32),
                status: string(s, "LensStatus", values: AWSModel.lensStatuses), updatedAt: timestamp(s, "UpdatedAt"),
                source: AWSDumpLayout.lensDirectory(alias, milestone: milestone)))
        }
        return reviews
    }

    /// GetLensReview: the lens review's notes and its pillars'.
    mutating func getLensReview(_ root: JSONNode, into review: inout AWSLensReviewRecord, workloadId: String, milestone: Int?) {
        guard let o = object(root, .root, shape: "GetLensReviewOutput", known: ["LensReview", "MilestoneNumber", "WorkloadId"])
        else { return }
        identity(o, workloadId: workloadId, milestone: milestone)
        guard let r = object(o, "LensReview", shape: "LensReview", known: [
            "JiraConfiguration", "LensAlias", "LensArn", "LensName", "LensStatus", "LensVersion", "NextToken", "Notes",
            "PillarReviewSummaries", "PrioritizedRiskCounts", "Profiles", "RiskCounts", "UpdatedAt",
        ], unimported: Self.lensReviewUnimported, required: true) else { return }
        if let alias = string(r, "LensAlias", required: true, length: 1...128), alias != review.alias {
            fail(r["LensAlias"], r.path.appending("LensAlias"), value: alias, "must be \(review.alias), the lens review this file is of")
        }
        if let version = string(r, "LensVersion", length: 1...32), let listed = review.version, version != listed {
            fail(r["LensVersion"], r.path.appending("LensVersion"), value: version, "must be \(listed), the version ListLensReviews reports")
        }
        if r["NextToken"] != nil, r["NextToken"]?.value != .null {
            notice(r.path.appending("NextToken"), "more pillars than GetLensReview returned; the notes of those pillars are not in the dump")
        }
        _ = string(r, "LensArn")
        _ = riskCounts(r, "RiskCounts")
        review.notes = string(r, "Notes", length: 0...2084)
        review.updatedAt = timestamp(r, "UpdatedAt") ?? review.updatedAt
        review.pillars = []
        for (node, path) in array(r, "PillarReviewSummaries") ?? [] {
            guard let p = object(node, path, shape: "PillarReviewSummary", known: ["Notes", "PillarId", "PillarName", "PrioritizedRiskCounts", "RiskCounts"]),
                let id = string(p, "PillarId", required: true, length: 1...64)
            else { continue }
            _ = riskCounts(p, "RiskCounts")
            review.pillars.append(AWSPillarRecord(id: id, name: string(p, "PillarName", length: 1...128), notes: string(p, "Notes", length: 0...2084)))
        }
    }

    /// ListAnswers: the question ids in order.
    mutating func listAnswers(_ root: JSONNode, alias: String, workloadId: String, milestone: Int?) -> [(id: String, node: JSONNode, path: JSONPath)]? {
        guard let o = object(root, .root, shape: "ListAnswersOutput",
                             known: ["AnswerSummaries", "LensAlias", "LensArn", "MilestoneNumber", "NextToken", "WorkloadId"]) else { return nil }
        identity(o, workloadId: workloadId, milestone: milestone)
        if let listed = string(o, "LensAlias", length: 1...128), listed != alias {
            fail(o["LensAlias"], o.path.appending("LensAlias"), value: listed, "must be \(alias), the lens review this file is of")
        }
        guard let elements = array(o, "AnswerSummaries", required: true) else { return nil }
        var questions: [(String, JSONNode, JSONPath)] = []
        for (node, path) in elements {
            guard let s = object(node, path, shape: "AnswerSummary", known: [
                "ChoiceAnswerSummaries", "Choices", "IsApplicable", "JiraConfiguration", "PillarId", "QuestionId", "QuestionTitle",
                "QuestionType", "Reason", "Risk", "SelectedChoices",
            ], unimported: ["JiraConfiguration": "the Jira configuration has no counterpart in Welltree; not imported"]),
                let id = string(s, "QuestionId", required: true, length: 1...128)
            else { continue }
            _ = string(s, "Risk", values: AWSModel.risks)
            _ = string(s, "QuestionType", values: AWSModel.questionTypes)
            _ = strings(s, "SelectedChoices", length: 1...64)
            questions.append((id, node, path))
        }
        return questions
    }

    /// GetAnswer: one answer with its notes and the notes of choices marked not applicable.
    mutating func getAnswer(_ root: JSONNode, alias: String, question: String, workloadId: String, milestone: Int?) -> AWSAnswerRecord? {
        guard let o = object(root, .root, shape: "GetAnswerOutput",
                             known: ["Answer", "LensAlias", "LensArn", "MilestoneNumber", "WorkloadId"]) else { return nil }
        identity(o, workloadId: workloadId, milestone: milestone)
        if let listed = string(o, "LensAlias", length: 1...128), listed != alias {
            fail(o["LensAlias"], o.path.appending("LensAlias"), value: listed, "must be \(alias), the lens review this file is of")
        }
        guard let a = object(o, "Answer", shape: "Answer", known: [
            "ChoiceAnswers", "Choices", "HelpfulResourceDisplayText", "HelpfulResourceUrl", "ImprovementPlanUrl", "IsApplicable",
            "JiraConfiguration", "Notes", "PillarId", "QuestionDescription", "QuestionId", "QuestionTitle", "Reason", "Risk",
            "SelectedChoices",
        ], unimported: ["JiraConfiguration": "the Jira configuration has no counterpart in Welltree; not imported"], required: true)
        else { return nil }
        let id = string(a, "QuestionId", required: true, length: 1...128)
        if let id, id != question {
            fail(a["QuestionId"], a.path.appending("QuestionId"), value: id, "must be \(question), the question this file is of")
        }
        var record = AWSAnswerRecord(questionId: question, source: file)
        record.pillarId = string(a, "PillarId", length: 1...64)
        record.title = string(a, "QuestionTitle", length: 1...512)
        for (node, path) in array(a, "Choices") ?? [] {
            guard let c = object(node, path, shape: "Choice", known: [
                "AdditionalResources", "ChoiceId", "Description", "HelpfulResource", "ImprovementPlan", "Title",
            ]), let choice = string(c, "ChoiceId", required: true, length: 1...64) else { continue }
            record.choiceIds.append(choice)
        }
        record.selectedChoices = strings(a, "SelectedChoices", length: 1...64) ?? []
        for (node, path) in array(a, "ChoiceAnswers") ?? [] {
            guard let c = object(node, path, shape: "ChoiceAnswer", known: ["ChoiceId", "Notes", "Reason", "Status"]),
                let choice = string(c, "ChoiceId", required: true, length: 1...64),
                let status = string(c, "Status", required: true, values: AWSModel.choiceStatuses)
            else { continue }
            record.choiceAnswers.append(AWSChoiceAnswer(
                choiceId: choice, status: status,
                reason: string(c, "Reason", values: AWSModel.reasons).flatMap(AnswerReason.init(rawValue:)),
                notes: string(c, "Notes", length: 0...250)))
        }
        record.isApplicable = bool(a, "IsApplicable") ?? true
        record.reason = string(a, "Reason", values: AWSModel.reasons).flatMap(AnswerReason.init(rawValue:))
        record.notes = string(a, "Notes", length: 0...2084)
        record.risk = string(a, "Risk", values: AWSModel.risks).flatMap(Risk.init(rawValue:))
        return id == nil ? nil : record
    }

    /// ListMilestones: number, name and time of each milestone.
    mutating func listMilestones(_ root: JSONNode, workloadId: String) -> [(record: AWSMilestoneRecord, node: JSONNode, path: JSONPath)]? {
        guard let o = object(root, .root, shape: "ListMilestonesOutput", known: ["MilestoneSummaries", "NextToken", "WorkloadId"])
        else { return nil }
        identity(o, workloadId: workloadId, milestone: nil)
        guard let elements = array(o, "MilestoneSummaries", required: true) else { return nil }
        var result: [(AWSMilestoneRecord, JSONNode, JSONPath)] = []
        for (node, path) in elements {
            guard let s = object(node, path, shape: "MilestoneSummary", known: ["MilestoneName", "MilestoneNumber", "RecordedAt", "WorkloadSummary"]),
                let number = integer(s, "MilestoneNumber", range: 1...100, required: true),
                let name = string(s, "MilestoneName", required: true, length: 3...100),
                let recordedAt = timestamp(s, "RecordedAt", required: true)
            else { continue }
            result.append((AWSMilestoneRecord(number: number, name: name, recordedAt: recordedAt), node, path))
        }
        return result
    }

    /// GetMilestone: the workload as the milestone recorded it.
    mutating func getMilestone(_ root: JSONNode, listed: AWSMilestoneRecord, workloadId: String) -> AWSWorkloadRecord? {
        guard let o = object(root, .root, shape: "GetMilestoneOutput", known: ["Milestone", "WorkloadId"]) else { return nil }
        identity(o, workloadId: workloadId, milestone: nil)
        guard let m = object(o, "Milestone", shape: "Milestone", known: ["MilestoneName", "MilestoneNumber", "RecordedAt", "Workload"], required: true)
        else { return nil }
        if let number = integer(m, "MilestoneNumber", range: 1...100, required: true), number != listed.number {
            fail(m["MilestoneNumber"], m.path.appending("MilestoneNumber"), value: String(number), "must be \(listed.number), the milestone this file is of")
        }
        if let name = string(m, "MilestoneName", required: true, length: 3...100), name != listed.name {
            fail(m["MilestoneName"], m.path.appending("MilestoneName"), value: name, "must be \"\(listed.name)\", the name ListMilestones gives it")
        }
        if let time = timestamp(m, "RecordedAt"), time != listed.recordedAt {
            fail(m["RecordedAt"], m.path.appending("RecordedAt"), value: time, "must be \(listed.recordedAt), the time ListMilestones gives it")
        }
        guard let node = present(m, "Workload", required: true), let workload = workload(node, m.path.appending("Workload")) else { return nil }
        if workload.id != workloadId {
            fail(m["Workload"]?["WorkloadId"], m.path.appending("Workload").appending("WorkloadId"), value: workload.id,
                 "is another workload's id; the dump is of \(workloadId)")
        }
        return workload
    }

    /// ListWorkloadShares.
    mutating func listWorkloadShares(_ root: JSONNode, workloadId: String) -> [AWSShareRecord]? {
        guard let o = object(root, .root, shape: "ListWorkloadSharesOutput", known: ["NextToken", "WorkloadId", "WorkloadShareSummaries"])
        else { return nil }
        identity(o, workloadId: workloadId, milestone: nil)
        guard let elements = array(o, "WorkloadShareSummaries", required: true) else { return nil }
        var shares: [AWSShareRecord] = []
        for (node, path) in elements {
            guard let s = object(node, path, shape: "WorkloadShareSummary", known: ["PermissionType", "ShareId", "SharedWith", "Status", "StatusMessage"]),
                let id = string(s, "ShareId", required: true, pattern: AWSModel.shareId),
                let with = string(s, "SharedWith", required: true, length: 12...2048),
                let permission = string(s, "PermissionType", required: true, values: AWSModel.permissions).flatMap(SharePermission.init(rawValue:)),
                let status = string(s, "Status", required: true, values: AWSModel.shareStatuses)
            else { continue }
            shares.append(AWSShareRecord(shareId: id, sharedWith: with, permission: permission, status: status, source: file))
        }
        return shares
    }

    /// ExportLens: the lens file, read as Welltree reads a custom lens file.
    mutating func exportLens(_ root: JSONNode, alias: String, version: String) -> AWSLensExport? {
        guard let o = object(root, .root, shape: "ExportLensOutput", known: ["LensJSON"]),
            let text = string(o, "LensJSON", required: true, length: 2...500_000)
        else { return nil }
        do {
            let loaded = try LensLoader.load(text, file: file, kind: .custom)
            return AWSLensExport(alias: alias, version: version, lens: loaded.lens, warnings: loaded.warnings.map(\.description), source: file)
        } catch {
            for diagnostic in error.errors {
                fail(o["LensJSON"], JSONPath([.key("LensJSON")] + diagnostic.path.components),
                     "the lens file is invalid: \(diagnostic.message)")
            }
            return nil
        }
    }
}
