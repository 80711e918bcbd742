import WelltreeCore

// Output documents in the AWS Well-Architected API's response shapes, field for field, so
// scripts written against the AWS CLI's JSON read Welltree's too. Fields the API does not have
// are Welltree's own additions and are named so (`OwnerPrincipal`, `Totals`).
//
// `Owner` (and `SharedBy` in share documents) is an account id in the service; here it carries
// the principal (`alice@example.com`), the nearest thing Welltree has: clients read `Owner` and
// drop members their model does not define, so a principal only in `OwnerPrincipal` was lost to
// them. `OwnerPrincipal` stays, for scripts written against it.

/// An ARN-like identifier for a workload, stable across clones.
package func workloadArn(_ id: String) -> String { "arn:welltree:wellarchitected:::workload/\(id)" }

/// An ARN-like identifier for a lens.
package func lensArn(_ alias: String, type: LensType) -> String {
    type == .awsOfficial ? "arn:aws:wellarchitected::aws:lens/\(alias)" : "arn:welltree:wellarchitected:::lens/\(alias)"
}

/// GetWorkload's `Workload`.
package struct WorkloadShape: Encodable {
    package var workload: Workload
    package var riskCounts: RiskCounts?
    package var pillarPriorities: [String]
    /// The risks of the questions the workload's profile prioritizes (GetWorkload only); nil
    /// without a profile, and left out.
    package var prioritizedRiskCounts: RiskCounts?
    /// The name of the review template the workload was created from, when the workspace still
    /// has it (GetWorkload only); the reference itself comes from the workload.
    package var templateName: String?

    package init(
        _ workload: Workload, riskCounts: RiskCounts?, pillarPriorities: [String], prioritizedRiskCounts: RiskCounts? = nil,
        templateName: String? = nil
    ) {
        self.workload = workload
        self.riskCounts = riskCounts
        self.pillarPriorities = pillarPriorities
        self.prioritizedRiskCounts = prioritizedRiskCounts
        self.templateName = templateName
    }

    private enum Key: String, CodingKey {
        case WorkloadId, WorkloadArn, WorkloadName, Description, Environment, UpdatedAt, AccountIds, AwsRegions,
             NonAwsRegions, ArchitecturalDesign, ReviewOwner, IndustryType, Industry, Notes, ImprovementStatus,
             RiskCounts, PillarPriorities, Lenses, Tags, Owner, OwnerPrincipal, CreatedAt, LensVersions,
             PrioritizedRiskCounts, Profiles, ReviewTemplate
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        let w = workload
        try c.encode(w.id, forKey: .WorkloadId)
        try c.encode(workloadArn(w.id), forKey: .WorkloadArn)
        try c.encode(w.name, forKey: .WorkloadName)
        try c.encode(w.description, forKey: .Description)
        try c.encode(w.environment.rawValue, forKey: .Environment)
        try c.encode(w.updatedAt, forKey: .UpdatedAt)
        try c.encode(w.createdAt, forKey: .CreatedAt)
        try c.encode(w.accountIds, forKey: .AccountIds)
        try c.encode(w.awsRegions, forKey: .AwsRegions)
        try c.encode(w.nonAwsRegions, forKey: .NonAwsRegions)
        try c.encodeIfPresent(w.architecturalDesign, forKey: .ArchitecturalDesign)
        try c.encode(w.reviewOwner, forKey: .ReviewOwner)
        try c.encodeIfPresent(w.industryType, forKey: .IndustryType)
        try c.encodeIfPresent(w.industry, forKey: .Industry)
        try c.encodeIfPresent(w.notes, forKey: .Notes)
        try c.encode(w.improvementStatus.rawValue, forKey: .ImprovementStatus)
        try c.encodeIfPresent(riskCounts, forKey: .RiskCounts)
        try c.encodeIfPresent(prioritizedRiskCounts, forKey: .PrioritizedRiskCounts)
        if let profile = w.profile { try c.encode([WorkloadProfileShape(profile)], forKey: .Profiles) }
        if let template = w.template { try c.encode(WorkloadTemplateShape(template, name: templateName), forKey: .ReviewTemplate) }
        try c.encode(w.pillarPriorities ?? pillarPriorities, forKey: .PillarPriorities)
        try c.encode(w.lenses.map(\.alias), forKey: .Lenses)
        try c.encode(Dictionary(uniqueKeysWithValues: w.lenses.map { ($0.alias, $0.version) }), forKey: .LensVersions)
        if !w.tags.isEmpty { try c.encode(w.tags, forKey: .Tags) }
        try c.encode(w.owner, forKey: .Owner)
        try c.encode(w.owner, forKey: .OwnerPrincipal)
    }
}

/// GetWorkload.
package struct GetWorkloadOutput: Encodable {
    package var Workload: WorkloadShape
    package init(_ workload: WorkloadShape) { Workload = workload }

    /// GetWorkload of what `workload show` reads: `UpdatedAt` is the workload's last update,
    /// of its file or an answer.
    package init(_ detail: WorkloadDetail) {
        var shape = WorkloadShape(
            detail.workload, riskCounts: detail.summary.riskCounts, pillarPriorities: detail.pillarPriority,
            prioritizedRiskCounts: detail.prioritized, templateName: detail.templateName)
        shape.workload.updatedAt = detail.summary.updatedAt
        self.init(shape)
    }
}

/// CreateWorkload.
package struct CreateWorkloadOutput: Encodable {
    package var WorkloadId: String
    package var WorkloadArn: String
    package init(id: String) {
        WorkloadId = id
        WorkloadArn = workloadArn(id)
    }
}

/// ListWorkloads' and the dashboard's `WorkloadSummary`.
package struct WorkloadSummaryShape: Encodable {
    package var WorkloadId: String
    package var WorkloadArn: String
    package var WorkloadName: String
    /// The owner's principal (an account id in the service; see the note at the top).
    package var Owner: String
    package var OwnerPrincipal: String
    package var UpdatedAt: String
    package var Lenses: [String]
    package var RiskCounts: RiskCounts?
    /// The risks of the questions the workload's profile prioritizes, over every lens the
    /// mapping covers; left out without a profile.
    package var PrioritizedRiskCounts: RiskCounts?
    /// The workload's profile (the API lists at most one); left out without one.
    package var Profiles: [WorkloadProfileShape]?
    package var ImprovementStatus: String
    /// Welltree's addition: how many questions of all applied lenses are answered, and of how many.
    package var QuestionsAnswered: Int?
    package var QuestionsTotal: Int?
    /// Welltree's addition: how many answers cite evidence changed or missing since they were
    /// confirmed (dashboard only, when there are any).
    package var StaleEvidenceAnswers: Int?

    package init(_ workload: Workload, updatedAt: String? = nil, riskCounts: RiskCounts?) {
        self.init(
            id: workload.id, name: workload.name, owner: workload.owner, lenses: workload.lenses.map(\.alias),
            improvementStatus: workload.improvementStatus.rawValue, updatedAt: updatedAt ?? workload.updatedAt,
            riskCounts: riskCounts)
    }

    /// The summary of a workload overview, as lists and the dashboard keep it, with the
    /// workload's profile and prioritized risk counts when it uses a profile.
    package init(_ overview: WorkloadOverview) {
        self.init(
            id: overview.id, name: overview.name, owner: overview.owner, lenses: overview.lenses,
            improvementStatus: overview.improvementStatus, updatedAt: overview.summary.updatedAt,
            riskCounts: overview.summary.riskCounts)
        Profiles = overview.profile.map { [WorkloadProfileShape($0)] }
        PrioritizedRiskCounts = overview.summary.prioritizedRiskCounts
    }

    /// From the parts lists and the dashboard keep of a workload (they need not decode it).
    package init(
        id: String, name: String, owner: String, lenses: [String], improvementStatus: String, updatedAt: String,
        riskCounts: RiskCounts?
    ) {
        WorkloadId = id
        WorkloadArn = workloadArn(id)
        WorkloadName = name
        Owner = owner
        OwnerPrincipal = owner
        UpdatedAt = updatedAt
        Lenses = lenses
        RiskCounts = riskCounts
        ImprovementStatus = improvementStatus
        if let riskCounts {
            QuestionsAnswered = riskCounts.answered
            QuestionsTotal = riskCounts.total
        }
    }
}

/// ListWorkloads.
package struct ListWorkloadsOutput: Encodable {
    package var WorkloadSummaries: [WorkloadSummaryShape]
    package init(_ summaries: [WorkloadSummaryShape]) { WorkloadSummaries = summaries }
}

/// ListLenses' `LensSummary`.
package struct LensSummaryShape: Encodable {
    package var LensAlias: String
    package var LensArn: String
    package var LensName: String
    package var LensType: String
    package var LensStatus: String
    package var LensVersion: String?
    package var Description: String?
    /// "AWS" for built-in lenses, else the principal who imported the lens (see the note at the top).
    package var Owner: String
    package var OwnerPrincipal: String
    package var CreatedAt: String?
    package var UpdatedAt: String?
    /// Welltree's additions: published versions and the question count of the current one.
    package var Versions: [String]
    package var IsDraft: Bool
    package var QuestionCount: Int?

    package init(record: LensRecord, description: String?, questionCount: Int?) {
        LensAlias = record.alias
        LensArn = lensArn(record.alias, type: record.type)
        LensName = record.name
        LensType = record.type.rawValue
        LensStatus = record.deletedAt != nil ? "DELETED" : "CURRENT"
        IsDraft = record.versions.isEmpty
        LensVersion = record.currentVersion?.version
        Description = description.map { String($0.prefix(1024)) }
        Owner = record.owner
        OwnerPrincipal = record.owner
        CreatedAt = record.createdAt ?? record.versions.first?.createdAt
        UpdatedAt = record.currentVersion?.createdAt ?? record.createdAt
        Versions = record.versions.map(\.version)
        QuestionCount = questionCount
    }
}

/// ListLenses.
package struct ListLensesOutput: Encodable {
    package var LensSummaries: [LensSummaryShape]
    package init(_ summaries: [LensSummaryShape]) { LensSummaries = summaries }
}
