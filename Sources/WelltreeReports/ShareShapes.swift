import WelltreeCore

// Share output in the AWS API's response shapes. `SharedBy` is an AWS account id in the API;
// here it carries the sharer's principal, which clients read where they would drop
// `SharedByPrincipal` (see APIShapes.swift). `SharedByPrincipal`, `InvitedAt`, `UpdatedAt`,
// `OwnerPrincipal` and `ExpiresAt` are Welltree's additions.

/// `WorkloadShareSummary` (ListWorkloadShares) and `LensShareSummary` (ListLensShares).
package struct ShareSummaryShape: Encodable {
    package var ShareId: String
    package var SharedWith: String
    package var PermissionType: String?
    package var Status: String
    package var StatusMessage: String?
    package var SharedByPrincipal: String
    package var InvitedAt: String
    package var UpdatedAt: String

    /// `includePermission` is false for lens shares, whose summary has no permission.
    package init(_ share: Share, now: Int64, includePermission: Bool = true) {
        ShareId = share.shareId
        SharedWith = share.principal
        PermissionType = includePermission ? share.permission.rawValue : nil
        let status = share.status(at: now)
        Status = status.rawValue
        if status == .expired { StatusMessage = "The invitation was not accepted within 7 days." }
        SharedByPrincipal = share.sharedBy
        InvitedAt = share.invitedAt
        UpdatedAt = share.updatedAt
    }
}

/// ListWorkloadShares.
package struct ListWorkloadSharesOutput: Encodable {
    package var WorkloadId: String
    package var WorkloadShareSummaries: [ShareSummaryShape]

    package init(workloadId: String, shares: [Share], now: Int64) {
        WorkloadId = workloadId
        WorkloadShareSummaries = shares.map { ShareSummaryShape($0, now: now) }
    }
}

/// ListLensShares.
package struct ListLensSharesOutput: Encodable {
    package var LensShareSummaries: [ShareSummaryShape]

    package init(shares: [Share], now: Int64) {
        LensShareSummaries = shares.map { ShareSummaryShape($0, now: now, includePermission: false) }
    }
}

/// CreateWorkloadShare.
package struct CreateWorkloadShareOutput: Encodable {
    package var WorkloadId: String
    package var ShareId: String

    package init(workloadId: String, shareId: String) {
        WorkloadId = workloadId
        ShareId = shareId
    }
}

/// CreateLensShare.
package struct CreateLensShareOutput: Encodable {
    package var ShareId: String
    package init(shareId: String) { ShareId = shareId }
}

/// UpdateWorkloadShare's `WorkloadShare`.
package struct WorkloadShareShape: Encodable {
    package var ShareId: String
    package var SharedWith: String
    package var SharedBy: String
    package var SharedByPrincipal: String
    package var PermissionType: String
    package var Status: String
    package var WorkloadId: String
    package var WorkloadName: String

    package init(_ share: Share, workload: Workload, now: Int64) {
        ShareId = share.shareId
        SharedWith = share.principal
        SharedBy = share.sharedBy
        SharedByPrincipal = share.sharedBy
        PermissionType = share.permission.rawValue
        Status = share.status(at: now).rawValue
        WorkloadId = workload.id
        WorkloadName = workload.name
    }
}

/// UpdateWorkloadShare (also printed by `share delete`, with the share REVOKED).
package struct UpdateWorkloadShareOutput: Encodable {
    package var WorkloadId: String
    package var WorkloadShare: WorkloadShareShape

    package init(_ share: Share, workload: Workload, now: Int64) {
        WorkloadId = workload.id
        WorkloadShare = WorkloadShareShape(share, workload: workload, now: now)
    }
}

/// ListShareInvitations' `ShareInvitationSummary`.
package struct ShareInvitationSummaryShape: Encodable {
    package var ShareInvitationId: String
    package var ShareResourceType: String
    package var WorkloadId: String?
    package var WorkloadName: String?
    package var LensArn: String?
    package var LensName: String?
    /// Welltree's `ProfileId` stands in for the API's `ProfileArn`, which must be an AWS ARN
    /// (see ProfileShapes.swift).
    package var ProfileId: String?
    package var ProfileName: String?
    /// The template's id, where the service gives its `TemplateArn` (see ReviewTemplateShapes.swift).
    package var TemplateId: String?
    package var TemplateName: String?
    package var PermissionType: String
    package var SharedWith: String
    package var SharedBy: String
    package var SharedByPrincipal: String
    package var OwnerPrincipal: String?
    package var ExpiresAt: String

    package init(subject: ShareSubject, share: Share, name: String?, owner: String?) {
        ShareInvitationId = share.shareId
        switch subject {
        case .workload(let id):
            ShareResourceType = "WORKLOAD"
            WorkloadId = id
            WorkloadName = name
        case .lens(let alias):
            ShareResourceType = "LENS"
            LensArn = lensArn(alias, type: .customShared)
            LensName = name
        case .profile(let id):
            ShareResourceType = "PROFILE"
            ProfileId = id
            ProfileName = name
        case .template(let id):
            ShareResourceType = "TEMPLATE"
            TemplateId = id
            TemplateName = name
        }
        PermissionType = share.permission.rawValue
        SharedWith = share.principal
        SharedBy = share.sharedBy
        SharedByPrincipal = share.sharedBy
        OwnerPrincipal = owner
        ExpiresAt = ISOTime.string((ISOTime.seconds(share.invitedAt) ?? 0) + Share.invitationLifetime)
    }
}

/// ListShareInvitations.
package struct ListShareInvitationsOutput: Encodable {
    package var ShareInvitationSummaries: [ShareInvitationSummaryShape]
    package init(_ summaries: [ShareInvitationSummaryShape]) { ShareInvitationSummaries = summaries }
}

/// UpdateShareInvitation's `ShareInvitation`.
package struct ShareInvitationShape: Encodable {
    package var ShareInvitationId: String
    package var ShareResourceType: String
    package var WorkloadId: String?
    package var LensAlias: String?
    package var LensArn: String?
    /// Welltree's stand-in for the API's `ProfileArn`.
    package var ProfileId: String?
    /// The template's id, where the service gives its `TemplateArn`.
    package var TemplateId: String?
    /// Welltree's addition: ACCEPTED or REJECTED.
    package var Status: String

    package init(subject: ShareSubject, share: Share) {
        ShareInvitationId = share.shareId
        Status = share.status.rawValue
        switch subject {
        case .workload(let id):
            ShareResourceType = "WORKLOAD"
            WorkloadId = id
        case .lens(let alias):
            ShareResourceType = "LENS"
            LensAlias = alias
            LensArn = lensArn(alias, type: .customShared)
        case .profile(let id):
            ShareResourceType = "PROFILE"
            ProfileId = id
        case .template(let id):
            ShareResourceType = "TEMPLATE"
            TemplateId = id
        }
    }
}

/// UpdateShareInvitation.
package struct UpdateShareInvitationOutput: Encodable {
    package var ShareInvitation: ShareInvitationShape
    package init(subject: ShareSubject, share: Share) { ShareInvitation = ShareInvitationShape(subject: subject, share: share) }
}
