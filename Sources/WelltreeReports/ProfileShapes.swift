import WelltreeCore

// Profile output in the AWS API's response shapes. The API's `ProfileArn` must be an AWS ARN
// (partition, Region, 12-digit account); a profile in a git repository has none of these, so
// it is left out rather than invented, and Welltree's `ProfileId` stands in for it (commands
// also accept `profileArn(_:)`). `Owner` (an AWS account id in the service) carries the owner's
// principal, as in APIShapes.swift, and so does `OwnerPrincipal`.
// Other Welltree additions: `LatestProfileVersion` and `DeletedAt` on a profile.

/// Welltree's ARN-like name of a profile, in the form of `workloadArn(_:)`: what commands accept
/// besides a name or id. Never written into the API's `ProfileArn`, whose pattern it cannot meet.
package func profileArn(_ id: String) -> String { "arn:welltree:wellarchitected:::profile/\(id)" }

/// The API's `ProfileTemplateChoice` and `ProfileChoice`.
package struct ProfileChoiceShape: Encodable {
    package var ChoiceId: String
    package var ChoiceTitle: String
    package var ChoiceDescription: String?

    init(_ choice: ProfileTemplateChoice) {
        ChoiceId = choice.id
        ChoiceTitle = choice.title
        ChoiceDescription = choice.description
    }
}

/// The API's `ProfileTemplateQuestion`, and with `SelectedChoiceIds` its `ProfileQuestion`.
package struct ProfileQuestionShape: Encodable {
    package var QuestionId: String
    package var QuestionTitle: String
    package var QuestionDescription: String?
    package var QuestionChoices: [ProfileChoiceShape]
    package var MinSelectedChoices: Int
    package var MaxSelectedChoices: Int
    package var SelectedChoiceIds: [String]?

    /// `selected` is nil for the template's question, the profile's choices for a profile's.
    package init(_ question: ProfileTemplateQuestion, selected: [String]? = nil) {
        QuestionId = question.id
        QuestionTitle = question.title
        QuestionDescription = question.description
        QuestionChoices = question.choices.map(ProfileChoiceShape.init)
        MinSelectedChoices = question.minSelectedChoices
        MaxSelectedChoices = question.maxSelectedChoices
        SelectedChoiceIds = selected
    }
}

/// The API's `ProfileTemplate`. The file records no times, so `CreatedAt` and `UpdatedAt` are
/// given only when the caller knows them (from the history of the file).
package struct ProfileTemplateShape: Encodable {
    package var TemplateName: String
    package var TemplateQuestions: [ProfileQuestionShape]
    package var CreatedAt: String?
    package var UpdatedAt: String?

    package init(_ template: ProfileTemplate, createdAt: String? = nil, updatedAt: String? = nil) {
        TemplateName = template.name
        TemplateQuestions = template.questions.map { ProfileQuestionShape($0) }
        CreatedAt = createdAt
        UpdatedAt = updatedAt
    }
}

/// GetProfileTemplate.
package struct GetProfileTemplateOutput: Encodable {
    package var ProfileTemplate: ProfileTemplateShape
    package init(_ template: ProfileTemplateShape) { ProfileTemplate = template }
}

/// The API's `Profile`: one version of a profile with the template's questions and the choices
/// that version selected.
package struct ProfileShape: Encodable {
    package var ProfileId: String
    package var ProfileVersion: String
    package var ProfileName: String
    package var ProfileDescription: String
    package var ProfileQuestions: [ProfileQuestionShape]
    /// The owner's principal (an account id in the service; see APIShapes.swift).
    package var Owner: String
    package var OwnerPrincipal: String
    package var CreatedAt: String
    package var UpdatedAt: String
    /// Welltree's addition: the latest version, when the one shown is older.
    package var LatestProfileVersion: String?
    /// Welltree's addition: when the profile was deleted.
    package var DeletedAt: String?
    /// Set when shown to an invitee of a pending share.
    package var ShareInvitationId: String?

    /// `version` and its `answers` (the profile's latest version unless asked otherwise), every
    /// question of `template` with its selection.
    package init(
        _ profile: Profile, version: String, answers: ProfileAnswers, template: ProfileTemplate, shareInvitationId: String? = nil
    ) {
        ProfileId = profile.id
        ProfileVersion = version
        ProfileName = profile.name
        ProfileDescription = profile.description
        ProfileQuestions = template.questions.map { ProfileQuestionShape($0, selected: answers[$0.id]) }
        Owner = profile.owner
        OwnerPrincipal = profile.owner
        CreatedAt = profile.createdAt
        UpdatedAt = profile.updatedAt
        LatestProfileVersion = profile.latestVersion == version ? nil : profile.latestVersion
        DeletedAt = profile.deletedAt
        ShareInvitationId = shareInvitationId
    }
}

/// GetProfile.
package struct GetProfileOutput: Encodable {
    package var Profile: ProfileShape
    package init(_ profile: ProfileShape) { Profile = profile }
}

/// UpdateProfile.
package struct UpdateProfileOutput: Encodable {
    package var Profile: ProfileShape
    package init(_ profile: ProfileShape) { Profile = profile }
}

/// CreateProfile.
package struct CreateProfileOutput: Encodable {
    package var ProfileId: String
    package var ProfileVersion: String

    package init(id: String, version: String) {
        ProfileId = id
        ProfileVersion = version
    }
}

/// The API's `ProfileSummary`.
package struct ProfileSummaryShape: Encodable {
    package var ProfileId: String
    package var ProfileName: String
    package var ProfileDescription: String
    package var ProfileVersion: String?
    /// The owner's principal (an account id in the service; see APIShapes.swift).
    package var Owner: String
    package var OwnerPrincipal: String
    package var CreatedAt: String
    package var UpdatedAt: String
    package var DeletedAt: String?

    package init(_ profile: Profile) {
        ProfileId = profile.id
        ProfileName = profile.name
        ProfileDescription = profile.description
        ProfileVersion = profile.latestVersion
        Owner = profile.owner
        OwnerPrincipal = profile.owner
        CreatedAt = profile.createdAt
        UpdatedAt = profile.updatedAt
        DeletedAt = profile.deletedAt
    }
}

/// ListProfiles.
package struct ListProfilesOutput: Encodable {
    package var ProfileSummaries: [ProfileSummaryShape]
    package init(_ summaries: [ProfileSummaryShape]) { ProfileSummaries = summaries }
}

/// The API's `WorkloadProfile` (GetWorkload's and ListWorkloads' `Profiles`, GetLensReview's).
package struct WorkloadProfileShape: Encodable {
    package var ProfileId: String
    package var ProfileVersion: String

    package init(_ reference: ProfileReference) {
        ProfileId = reference.id
        ProfileVersion = reference.version
    }
}

/// The API's `ProfileNotificationSummary`.
package struct ProfileNotificationSummaryShape: Encodable {
    /// `Type`: PROFILE_ANSWERS_UPDATED or PROFILE_DELETED.
    package var notificationType: String
    package var WorkloadId: String
    package var WorkloadName: String
    package var ProfileId: String
    /// Absent when the profile's files are gone.
    package var ProfileName: String?
    package var CurrentProfileVersion: String
    package var LatestProfileVersion: String?

    package init(_ notification: ProfileNotification) {
        notificationType = notification.type.rawValue
        WorkloadId = notification.workloadId
        WorkloadName = notification.workloadName
        ProfileId = notification.profileId
        ProfileName = notification.profileName
        CurrentProfileVersion = notification.currentVersion
        LatestProfileVersion = notification.latestVersion
    }

    private enum CodingKeys: String, CodingKey {
        case notificationType = "Type"
        case WorkloadId, WorkloadName, ProfileId, ProfileName, CurrentProfileVersion, LatestProfileVersion
    }
}

/// ListProfileNotifications.
package struct ListProfileNotificationsOutput: Encodable {
    package var NotificationSummaries: [ProfileNotificationSummaryShape]
    package init(_ notifications: [ProfileNotification]) { NotificationSummaries = notifications.map(ProfileNotificationSummaryShape.init) }
}

/// ListProfileShares: `ProfileShareSummary` is the lens share summary (no permission: profile
/// shares are READONLY), with Welltree's share additions.
package struct ListProfileSharesOutput: Encodable {
    package var ProfileId: String
    package var ProfileShareSummaries: [ShareSummaryShape]

    package init(profileId: String, shares: [Share], now: Int64) {
        ProfileId = profileId
        ProfileShareSummaries = shares.map { ShareSummaryShape($0, now: now, includePermission: false) }
    }
}

/// CreateProfileShare.
package struct CreateProfileShareOutput: Encodable {
    package var ProfileId: String
    package var ShareId: String

    package init(profileId: String, shareId: String) {
        ProfileId = profileId
        ShareId = shareId
    }
}
