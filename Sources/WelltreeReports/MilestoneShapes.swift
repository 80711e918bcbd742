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

/// ListMilestones' `MilestoneSummary`, plus the tag name and signature.
package struct MilestoneSummaryShape: Encodable {
    package var MilestoneName: String
    package var MilestoneNumber: Int
    package var RecordedAt: String
    package var WorkloadSummary: WorkloadSummaryShape
    package var TagName: String
    package var Signature: SignatureShape

    /// `workload` is the workload as the milestone's commit holds it; the risk counts are the
    /// ones the tag recorded.
    package init(_ milestone: Milestone, workload: Workload, tagName: String, signature: SignatureCheck) {
        MilestoneName = milestone.name
        MilestoneNumber = milestone.number
        RecordedAt = milestone.recordedAt
        WorkloadSummary = WorkloadSummaryShape(workload, riskCounts: milestone.riskCounts)
        TagName = tagName
        Signature = SignatureShape(signature)
    }
}

/// ListMilestones.
package struct ListMilestonesOutput: Encodable {
    package var WorkloadId: String
    package var MilestoneSummaries: [MilestoneSummaryShape]

    package init(workloadId: String, summaries: [MilestoneSummaryShape]) {
        WorkloadId = workloadId
        MilestoneSummaries = summaries
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
}
