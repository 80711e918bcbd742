import WelltreeCore

/// The request shapes of the AWS Well-Architected API that `welltree export aws` writes, member
/// for member as the API model names them (what `aws wellarchitected OPERATION --cli-input-json`
/// takes). Members left nil are not written; members the export never sets are not declared.
package enum AWSInput {
    /// CreateWorkload: the workload in its first state, with the AWS lenses it applies.
    package struct CreateWorkload: Encodable, Equatable, Sendable {
        package var WorkloadName: String
        package var Description: String
        package var Environment: String
        package var ReviewOwner: String
        package var AwsRegions: [String]?
        package var NonAwsRegions: [String]?
        package var AccountIds: [String]?
        package var ArchitecturalDesign: String?
        package var IndustryType: String?
        package var Industry: String?
        package var Notes: String?
        package var PillarPriorities: [String]?
        package var Lenses: [String]
        package var Tags: [String: String]?
        package var ClientRequestToken: String
    }

    /// UpdateWorkload: the properties that differ from the state before (an emptied optional
    /// text is sent as `""`, an emptied list as `[]`).
    package struct UpdateWorkload: Encodable, Equatable, Sendable {
        package var WorkloadId: String
        package var WorkloadName: String?
        package var Description: String?
        package var Environment: String?
        package var ReviewOwner: String?
        package var AwsRegions: [String]?
        package var NonAwsRegions: [String]?
        package var AccountIds: [String]?
        package var ArchitecturalDesign: String?
        package var IndustryType: String?
        package var Industry: String?
        package var Notes: String?
        package var ImprovementStatus: String?
        package var PillarPriorities: [String]?

        /// True when nothing is to be changed.
        var isEmpty: Bool {
            WorkloadName == nil && Description == nil && Environment == nil && ReviewOwner == nil && AwsRegions == nil
                && NonAwsRegions == nil && AccountIds == nil && ArchitecturalDesign == nil && IndustryType == nil && Industry == nil
                && Notes == nil && ImprovementStatus == nil && PillarPriorities == nil
        }
    }

    /// ImportLens: a custom lens file, as a new lens (no `LensAlias`) or as the draft of a lens
    /// imported before (`LensAlias`, its ARN, given by `apply.sh`).
    package struct ImportLens: Encodable, Equatable, Sendable {
        package var LensAlias: String?
        package var JSONString: String
        package var ClientRequestToken: String
    }

    /// CreateLensVersion: publishes the imported draft as a version.
    package struct CreateLensVersion: Encodable, Equatable, Sendable {
        package var LensAlias: String
        package var LensVersion: String
        package var IsMajorVersion: Bool
        package var ClientRequestToken: String
    }

    /// AssociateLenses and DisassociateLenses.
    package struct LensAliases: Encodable, Equatable, Sendable {
        package var WorkloadId: String
        package var LensAliases: [String]
    }

    /// One choice's update in UpdateAnswer (`ChoiceUpdate`).
    package struct ChoiceUpdate: Encodable, Equatable, Sendable {
        package var Status: String
        package var Reason: String?
        package var Notes: String?
    }

    /// UpdateAnswer: the whole answer of one question.
    package struct UpdateAnswer: Encodable, Equatable, Sendable {
        package var WorkloadId: String
        package var LensAlias: String
        package var QuestionId: String
        package var SelectedChoices: [String]
        package var ChoiceUpdates: [String: ChoiceUpdate]?
        package var Notes: String?
        package var IsApplicable: Bool
        package var Reason: String?
    }

    /// UpdateLensReview: the lens's notes and its pillars' notes.
    package struct UpdateLensReview: Encodable, Equatable, Sendable {
        package var WorkloadId: String
        package var LensAlias: String
        package var LensNotes: String?
        package var PillarNotes: [String: String]?
    }

    /// CreateMilestone.
    package struct CreateMilestone: Encodable, Equatable, Sendable {
        package var WorkloadId: String
        package var MilestoneName: String
        package var ClientRequestToken: String
    }

    /// UpgradeLensReview: records a milestone of the given name, then moves the lens review to
    /// the lens's latest version.
    package struct UpgradeLensReview: Encodable, Equatable, Sendable {
        package var WorkloadId: String
        package var LensAlias: String
        package var MilestoneName: String
        package var ClientRequestToken: String
    }

    /// TagResource.
    package struct TagResource: Encodable, Equatable, Sendable {
        package var WorkloadArn: String
        package var Tags: [String: String]
    }

    /// UntagResource.
    package struct UntagResource: Encodable, Equatable, Sendable {
        package var WorkloadArn: String
        package var TagKeys: [String]
    }

    /// CreateWorkloadShare.
    package struct CreateWorkloadShare: Encodable, Equatable, Sendable {
        package var WorkloadId: String
        package var SharedWith: String
        package var PermissionType: String
        package var ClientRequestToken: String
    }
}
