import WelltreeCore

/// Welltree's addition to milestone documents: the signature check of the milestone's tag.
package struct SignatureShape: Encodable {
    package var Status: String
    package var Format: String?
    package var Signer: String?
    package var Key: String?
    package var Reason: String

    package init(_ check: SignatureCheck) {
        Status = check.status.rawValue
        Format = check.format
        Signer = check.signer
        Key = check.key
        Reason = check.reason
    }
}

/// ListMilestones' `MilestoneSummary`, plus the tag name, the signature, and what the tag's
/// message claims that its tree contradicts.
package struct MilestoneSummaryShape: Encodable {
    package var MilestoneName: String
    package var MilestoneNumber: Int
    package var RecordedAt: String
    package var WorkloadSummary: WorkloadSummaryShape
    package var TagName: String
    package var Signature: SignatureShape
    /// Figures of the tag message that differ from the tagged tree; absent when none do.
    package var Discrepancies: [String]?

    /// `workload` is the workload as the milestone's commit holds it, and `riskCounts` are
    /// computed from that commit's tree, never taken from the tag's message.
    package init(
        _ milestone: Milestone, workload: Workload, riskCounts: RiskCounts, tagName: String, signature: SignatureCheck,
        discrepancies: [String] = []
    ) {
        MilestoneName = milestone.name
        MilestoneNumber = milestone.number
        RecordedAt = milestone.recordedAt
        WorkloadSummary = WorkloadSummaryShape(workload, riskCounts: riskCounts)
        TagName = tagName
        Signature = SignatureShape(signature)
        Discrepancies = discrepancies.isEmpty ? nil : discrepancies
    }
}

/// A tag in the workload's milestone namespace that is not counted as its milestone, and why.
package struct UnattributedTagShape: Encodable {
    package var TagName: String
    package var Reasons: [String]

    package init(tagName: String, reasons: [String]) {
        TagName = tagName
        Reasons = reasons
    }
}

/// ListMilestones, plus the tags that claim to be the workload's milestones but are not its
/// owner's (absent when there are none).
package struct ListMilestonesOutput: Encodable {
    package var WorkloadId: String
    package var MilestoneSummaries: [MilestoneSummaryShape]
    package var UnattributedTags: [UnattributedTagShape]?

    package init(workloadId: String, summaries: [MilestoneSummaryShape], unattributed: [UnattributedTagShape] = []) {
        WorkloadId = workloadId
        MilestoneSummaries = summaries
        UnattributedTags = unattributed.isEmpty ? nil : unattributed
    }

    /// The listed milestones and the tags not counted as milestones, as `milestone list` reads them.
    package init(workloadId: String, listed: [ListedMilestone], unattributed: [UnattributedTag]) {
        self.init(
            workloadId: workloadId,
            summaries: listed.map {
                MilestoneSummaryShape(
                    $0.milestone, workload: $0.workload, riskCounts: $0.riskCounts, tagName: $0.tagName, signature: $0.signature,
                    discrepancies: $0.discrepancies)
            },
            unattributed: unattributed.map { UnattributedTagShape(tagName: $0.tagName, reasons: $0.reasons) })
    }
}

/// GetMilestone's `Milestone`, plus the tag name and signature.
package struct MilestoneShape: Encodable {
    package var MilestoneName: String
    package var MilestoneNumber: Int
    package var RecordedAt: String
    package var Workload: WorkloadShape
    package var TagName: String
    package var Signature: SignatureShape

    package init(_ milestone: Milestone, workload: WorkloadShape, tagName: String, signature: SignatureCheck) {
        MilestoneName = milestone.name
        MilestoneNumber = milestone.number
        RecordedAt = milestone.recordedAt
        Workload = workload
        TagName = tagName
        Signature = SignatureShape(signature)
    }
}

/// GetMilestone.
package struct GetMilestoneOutput: Encodable {
    package var WorkloadId: String
    package var Milestone: MilestoneShape

    package init(workloadId: String, milestone: MilestoneShape) {
        WorkloadId = workloadId
        Milestone = milestone
    }

    /// GetMilestone of what `milestone show` reads: the workload with its risks in the tagged
    /// tree, its `UpdatedAt` the last update the milestone recorded (of the workload file or an
    /// answer).
    package init(_ detail: MilestoneDetail) {
        var workload = WorkloadShape(detail.workload, riskCounts: detail.summary.riskCounts, pillarPriorities: detail.pillarPriority)
        workload.workload.updatedAt = detail.summary.updatedAt
        self.init(
            workloadId: detail.milestone.workloadId,
            milestone: MilestoneShape(detail.milestone, workload: workload, tagName: detail.tagName, signature: detail.signature))
    }
}
