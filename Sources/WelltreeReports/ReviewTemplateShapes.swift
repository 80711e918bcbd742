import WelltreeCore

// Review template output in the AWS API's response shapes. As for profiles, the API's
// `TemplateArn` (an AWS ARN with Region and account) is left out rather than invented, and
// Welltree's `TemplateId` stands in for it; `Owner` carries the owner's principal (an account id in
// the service; see APIShapes.swift), and so does `OwnerPrincipal`. Welltree's
// other additions: `CreatedAt`, `TemplateVersion`, `LensVersions` and `DeletedAt` on a
// template, `UpdatedAt` on an answer.

/// Welltree's ARN-like name of a review template, in the form of `workloadArn(_:)`: what
/// commands accept besides a name or id. Never written into the API's `TemplateArn`.
package func templateArn(_ id: String) -> String { "arn:welltree:wellarchitected:::review-template/\(id)" }

/// The API's `ReviewTemplate`.
package struct ReviewTemplateShape: Encodable {
    package var TemplateId: String
    package var TemplateName: String
    package var Description: String
    package var Notes: String?
    package var Lenses: [String]
    package var LensVersions: [String: String]
    /// The owner's principal (an account id in the service; see APIShapes.swift).
    package var Owner: String
    package var OwnerPrincipal: String
    package var QuestionCounts: TemplateQuestionCounts
    package var UpdateStatus: String
    package var TemplateVersion: Int
    package var CreatedAt: String
    package var UpdatedAt: String
    package var DeletedAt: String?
    /// Set when shown to an invitee of a pending share.
    package var ShareInvitationId: String?

    /// `questionCounts` over every lens of the template (the sum of their lens reviews').
    package init(
        _ template: ReviewTemplate, questionCounts: TemplateQuestionCounts, updateStatus: ReviewTemplateUpdateStatus,
        shareInvitationId: String? = nil
    ) {
        TemplateId = template.id
        TemplateName = template.name
        Description = template.description
        Notes = template.notes
        Lenses = template.lenses.map(\.alias)
        LensVersions = Dictionary(template.lenses.map { ($0.alias, $0.version) }, uniquingKeysWith: { first, _ in first })
        Owner = template.owner
        OwnerPrincipal = template.owner
        QuestionCounts = questionCounts
        UpdateStatus = updateStatus.rawValue
        TemplateVersion = template.version
        CreatedAt = template.createdAt
        UpdatedAt = template.updatedAt
        DeletedAt = template.deletedAt
        ShareInvitationId = shareInvitationId
    }
}

/// GetReviewTemplate.
package struct GetReviewTemplateOutput: Encodable {
    package var ReviewTemplate: ReviewTemplateShape
    package init(_ template: ReviewTemplateShape) { ReviewTemplate = template }
}

/// UpdateReviewTemplate.
package struct UpdateReviewTemplateOutput: Encodable {
    package var ReviewTemplate: ReviewTemplateShape
    package init(_ template: ReviewTemplateShape) { ReviewTemplate = template }
}

/// CreateReviewTemplate.
package struct CreateReviewTemplateOutput: Encodable {
    package var TemplateId: String
    package init(id: String) { TemplateId = id }
}

/// The API's `ReviewTemplateSummary`.
package struct ReviewTemplateSummaryShape: Encodable {
    package var TemplateId: String
    package var TemplateName: String
    package var Description: String
    package var Lenses: [String]
    /// The owner's principal (an account id in the service; see APIShapes.swift).
    package var Owner: String
    package var OwnerPrincipal: String
    package var UpdateStatus: String
    package var TemplateVersion: Int
    package var UpdatedAt: String
    package var DeletedAt: String?

    package init(_ template: ReviewTemplate, updateStatus: ReviewTemplateUpdateStatus) {
        TemplateId = template.id
        TemplateName = template.name
        Description = template.description
        Lenses = template.lenses.map(\.alias)
        Owner = template.owner
        OwnerPrincipal = template.owner
        UpdateStatus = updateStatus.rawValue
        TemplateVersion = template.version
        UpdatedAt = template.updatedAt
        DeletedAt = template.deletedAt
    }
}

/// ListReviewTemplates.
package struct ListReviewTemplatesOutput: Encodable {
    package var ReviewTemplates: [ReviewTemplateSummaryShape]
    package init(_ summaries: [ReviewTemplateSummaryShape]) { ReviewTemplates = summaries }
}

/// The API's `ReviewTemplateAnswer`: a workload's `Answer` without a risk, with an answer status.
package struct ReviewTemplateAnswerShape: Encodable {
    package var QuestionId: String
    package var PillarId: String
    package var QuestionTitle: String
    package var QuestionDescription: String?
    package var HelpfulResourceUrl: String?
    package var HelpfulResourceDisplayText: String?
    package var Choices: [ChoiceShape]
    package var SelectedChoices: [String]
    package var ChoiceAnswers: [ChoiceAnswerShape]
    package var IsApplicable: Bool
    package var AnswerStatus: String
    package var Notes: String?
    package var Reason: String?
    /// Welltree's addition: when the answer last changed.
    package var UpdatedAt: String?

    package init(pillarId: String, question: LensQuestion, answer: Answer?, updatedAt: String?) {
        QuestionId = question.id
        PillarId = pillarId
        QuestionTitle = question.title
        QuestionDescription = question.description
        HelpfulResourceUrl = question.helpfulResource?.url
        HelpfulResourceDisplayText = questionDisplayText(question.helpfulResource)
        Choices = question.choices.map(ChoiceShape.init)
        SelectedChoices = answer?.selectedChoices ?? []
        ChoiceAnswers = choiceAnswers(question, answer, withNotes: true)
        IsApplicable = answer?.isApplicable ?? true
        AnswerStatus = ReviewTemplateAnswerStatus(answer).rawValue
        Notes = answer?.notes
        Reason = answer?.isApplicable == false ? (answer?.reason ?? AnswerReason.none).rawValue : nil
        UpdatedAt = updatedAt
    }
}

/// GetReviewTemplateAnswer.
package struct GetReviewTemplateAnswerOutput: Encodable {
    package var TemplateId: String
    package var LensAlias: String
    package var Answer: ReviewTemplateAnswerShape

    package init(templateId: String, lensAlias: String, answer: ReviewTemplateAnswerShape) {
        TemplateId = templateId
        LensAlias = lensAlias
        Answer = answer
    }
}

/// UpdateReviewTemplateAnswer.
package struct UpdateReviewTemplateAnswerOutput: Encodable {
    package var TemplateId: String
    package var LensAlias: String
    package var Answer: ReviewTemplateAnswerShape

    package init(templateId: String, lensAlias: String, answer: ReviewTemplateAnswerShape) {
        TemplateId = templateId
        LensAlias = lensAlias
        Answer = answer
    }
}

/// The API's `ReviewTemplateAnswerSummary`. `QuestionType` is left out: a template has no
/// profile, so no question of it is prioritized or not.
package struct ReviewTemplateAnswerSummaryShape: Encodable {
    package var QuestionId: String
    package var PillarId: String
    package var QuestionTitle: String
    package var Choices: [ChoiceShape]
    package var SelectedChoices: [String]
    package var ChoiceAnswerSummaries: [ChoiceAnswerShape]
    package var IsApplicable: Bool
    package var AnswerStatus: String
    package var Reason: String?

    package init(pillarId: String, question: LensQuestion, answer: Answer?) {
        QuestionId = question.id
        PillarId = pillarId
        QuestionTitle = question.title
        Choices = question.choices.map(ChoiceShape.init)
        SelectedChoices = answer?.selectedChoices ?? []
        ChoiceAnswerSummaries = choiceAnswers(question, answer, withNotes: false)
        IsApplicable = answer?.isApplicable ?? true
        AnswerStatus = ReviewTemplateAnswerStatus(answer).rawValue
        Reason = answer?.isApplicable == false ? (answer?.reason ?? AnswerReason.none).rawValue : nil
    }
}

/// ListReviewTemplateAnswers.
package struct ListReviewTemplateAnswersOutput: Encodable {
    package var TemplateId: String
    package var LensAlias: String
    package var AnswerSummaries: [ReviewTemplateAnswerSummaryShape]

    package init(templateId: String, lensAlias: String, summaries: [ReviewTemplateAnswerSummaryShape]) {
        TemplateId = templateId
        LensAlias = lensAlias
        AnswerSummaries = summaries
    }
}

/// The API's `ReviewTemplatePillarReviewSummary`.
package struct ReviewTemplatePillarReviewSummaryShape: Encodable {
    package var PillarId: String
    package var PillarName: String
    package var Notes: String?
    package var QuestionCounts: TemplateQuestionCounts
}

/// The API's `ReviewTemplateLensReview`.
package struct ReviewTemplateLensReviewShape: Encodable {
    package var LensAlias: String
    package var LensArn: String
    package var LensName: String
    package var LensVersion: String
    package var LensStatus: String
    package var Notes: String?
    package var PillarReviewSummaries: [ReviewTemplatePillarReviewSummaryShape]
    package var QuestionCounts: TemplateQuestionCounts
    package var UpdatedAt: String?

    /// `version` is the one the template is pinned to, `status` where it stands against the
    /// lens's versions.
    package init(record: LensRecord, version: String, status: WorkloadLensStatus, review: ReviewTemplateLensReview, updatedAt: String?) {
        LensAlias = record.alias
        LensArn = lensArn(record.alias, type: record.type)
        LensName = record.name
        LensVersion = version
        LensStatus = status.rawValue
        Notes = review.notes
        PillarReviewSummaries = review.pillars.map {
            ReviewTemplatePillarReviewSummaryShape(PillarId: $0.id, PillarName: $0.name, Notes: $0.notes, QuestionCounts: $0.questionCounts)
        }
        QuestionCounts = review.questionCounts
        UpdatedAt = updatedAt
    }
}

/// GetReviewTemplateLensReview.
package struct GetReviewTemplateLensReviewOutput: Encodable {
    package var TemplateId: String
    package var LensReview: ReviewTemplateLensReviewShape

    package init(templateId: String, review: ReviewTemplateLensReviewShape) {
        TemplateId = templateId
        LensReview = review
    }
}

/// UpdateReviewTemplateLensReview.
package struct UpdateReviewTemplateLensReviewOutput: Encodable {
    package var TemplateId: String
    package var LensReview: ReviewTemplateLensReviewShape

    package init(templateId: String, review: ReviewTemplateLensReviewShape) {
        TemplateId = templateId
        LensReview = review
    }
}

/// ListTemplateShares: `TemplateShareSummary` has no permission (template shares are READONLY).
package struct ListTemplateSharesOutput: Encodable {
    package var TemplateId: String
    package var TemplateShareSummaries: [ShareSummaryShape]

    package init(templateId: String, shares: [Share], now: Int64) {
        TemplateId = templateId
        TemplateShareSummaries = shares.map { ShareSummaryShape($0, now: now, includePermission: false) }
    }
}

/// CreateTemplateShare.
package struct CreateTemplateShareOutput: Encodable {
    package var TemplateId: String
    package var ShareId: String

    package init(templateId: String, shareId: String) {
        TemplateId = templateId
        ShareId = shareId
    }
}

/// Welltree's addition to GetWorkload (`ReviewTemplate`): the review template a workload was
/// created from and the template version it copied. The service copies a template once and keeps
/// no such link; Welltree keeps it for `template status` and `template apply`.
package struct WorkloadTemplateShape: Encodable {
    package var TemplateId: String
    package var TemplateVersion: Int
    /// Left out when the workspace no longer has the template.
    package var TemplateName: String?

    package init(_ reference: TemplateReference, name: String?) {
        TemplateId = reference.id
        TemplateVersion = reference.version
        TemplateName = name
    }
}
