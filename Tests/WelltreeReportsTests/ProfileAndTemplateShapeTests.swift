import Foundation
import Testing
import WelltreeCore
import WelltreeReports

/// The JSON of profiles and review templates fits the AWS API's output shapes, checked by the
/// shape checker beside the project (`../shared/tools/awsshape.py`, run on the API model); the
/// tests are skipped, not passed, where it is absent.
@Suite("Profile and review template API shapes")
struct ProfileAndTemplateShapeTests {
    static let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let checker = projectRoot.deletingLastPathComponent().appendingPathComponent("shared/tools/awsshape.py").path
    static let checkerAvailable =
        FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")
        && FileManager.default.fileExists(atPath: checker)

    static let now = ISOTime.seconds("2026-12-02T10:00:00Z")!
    static let t0 = "2026-12-01T09:00:00Z"

    // MARK: Fixtures

    static func file(_ relative: String) throws -> [UInt8] {
        let path = projectRoot.appendingPathComponent(relative).path
        return Array(try #require(FileManager.default.contents(atPath: path), "cannot read \(path)"))
    }

    static func template() throws -> ProfileTemplate {
        try JSONNodeDecoder().decode(ProfileTemplate.self, from: file("workspace-template/profile-template.json"))
    }

    static func framework() throws -> Lens {
        let path = "workspace-template/lenses/wellarchitected/versions/1.1.json"
        return try LensLoader.load(file(path), file: path, kind: .official).lens
    }

    static func profile() throws -> (Profile, ProfileVersion) {
        let (profile, first) = try Profile.create(
            id: "0123456789abcdef0123456789abcdef", name: "Customer-facing, launching", description: "Storefront and checkout",
            answers: [
                "org-cloud-adoption-phase": ["adoption-launch"], "welltree-business-value": ["value-strategic-external"],
                "welltree-lifecycle-phase": ["lifecycle-launch"],
                "welltree-improvement-priorities": ["priority-resilience", "priority-observability"],
            ], template: template(), owner: "alice@example.com", now: t0, existingNames: [])
        let (updated, _) = try profile.updated(
            description: nil, answers: ["org-cloud-adoption-phase": ["adoption-scale"]], latest: first, template: template(),
            now: "2026-12-02T09:00:00Z")
        return (updated, first)
    }

    static func shares() -> [Share] {
        [
            Share(
                shareId: "11111111111111111111111111111111", principal: "bob@example.com", permission: .readonly, status: .accepted,
                sharedBy: "alice@example.com", invitedAt: "2026-12-01T09:30:00Z", updatedAt: "2026-12-01T10:00:00Z"),
            Share(
                shareId: "22222222222222222222222222222222", principal: "group:platform-team", permission: .readonly,
                sharedBy: "alice@example.com", invitedAt: "2026-11-01T09:30:00Z"),
            Share(
                shareId: "33333333333333333333333333333333", principal: "123456789012", permission: .readonly, status: .revoked,
                sharedBy: "123456789012", invitedAt: "2026-11-20T09:30:00Z", updatedAt: "2026-11-21T09:30:00Z"),
        ]
    }

    static func reviewTemplate() throws -> ReviewTemplate {
        try ReviewTemplate.create(
            id: "fedcba9876543210fedcba9876543210", name: "Platform baseline", description: "Answers the platform team owns",
            notes: "Maintained by platform@example.com", lenses: [], available: ["wellarchitected": "1.1"], owner: "platform@example.com",
            now: t0, existingNames: [])
    }

    static let frameworkRecord = LensRecord(
        alias: "wellarchitected", name: "AWS Well-Architected Framework", owner: "AWS", type: .awsOfficial,
        versions: [
            LensVersionRecord(version: "1.0", isMajor: true, createdAt: t0),
            LensVersionRecord(version: "1.1", isMajor: false, createdAt: t0),
        ])

    static func templateAnswers() throws -> [String: Answer] {
        let lens = try framework()
        let identities = try #require(lens.question(id: "identities")?.1)
        let backups = try #require(lens.question(id: "backing-up-data")?.1)
        return [
            "identities": try AnswerUpdate(
                select: [identities.choices[0].id, identities.choices[3].id],
                choiceNotApplicable: [
                    .init(choiceId: identities.choices[1].id, reason: .architectureConstraints, notes: "No long-lived keys")
                ],
                notes: "Okta for people, IAM roles for machines"
            ).apply(to: nil, question: identities),
            "backing-up-data": try AnswerUpdate(notApplicable: .businessPriorities, notes: "Stateless").apply(to: nil, question: backups),
            "priorities": Answer(notes: "Notes only: unanswered"),
        ]
    }

    // MARK: Checking

    /// Runs the checker on `value`'s JSON as commands print it; returns the JSON text.
    @discardableResult
    static func expectShape(_ operation: String, _ value: some Encodable) throws -> String {
        let json = jsonText(value)
        let file = NSTemporaryDirectory() + "welltree-shape-\(operation)-" + UUID().uuidString + ".json"
        try json.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [checker, operation, file]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // `Owner` carries a principal where the model has an account id (see APIShapes.swift):
        // that departure, and only it, is allowed.
        let errors = output.split(separator: "\n").filter { $0.hasPrefix("error: ") }.filter { line in
            !line.dropFirst("error: ".count).prefix { $0 != ":" }.hasSuffix(".Owner")
        }
        #expect(process.terminationStatus == 0 || (process.terminationStatus == 1 && errors.isEmpty), "\(operation): \(output)\n\(json)")
        #expect(errors.isEmpty, "\(output)")
        // Welltree never writes an AWS ARN it cannot know (see ProfileShapes.swift).
        #expect(!json.contains("\"ProfileArn\"") && !json.contains("\"TemplateArn\""), "\(operation)")
        return json
    }

    // MARK: Profiles

    @Test(.enabled(if: checkerAvailable)) func profileOperationsFitTheirShapes() throws {
        let template = try Self.template()
        let (profile, first) = try Self.profile()
        let latest = ProfileVersion(answers: first.answers.merging(["org-cloud-adoption-phase": ["adoption-scale"]]))
        try Self.expectShape("GetProfileTemplate", GetProfileTemplateOutput(ProfileTemplateShape(template, updatedAt: Self.t0)))
        try Self.expectShape("CreateProfile", CreateProfileOutput(id: profile.id, version: "1"))
        let shown = try Self.expectShape(
            "GetProfile", GetProfileOutput(ProfileShape(profile, version: "2", answers: latest.answers, template: template)))
        #expect(shown.contains("\"SelectedChoiceIds\": [\n") && shown.contains("\"adoption-scale\""))
        let older = try Self.expectShape(
            "GetProfile", GetProfileOutput(ProfileShape(profile, version: "1", answers: first.answers, template: template)))
        #expect(older.contains("\"LatestProfileVersion\": \"2\""))
        try Self.expectShape(
            "UpdateProfile", UpdateProfileOutput(ProfileShape(profile, version: "2", answers: latest.answers, template: template)))
        var deleted = try profile.deleted(now: "2026-12-03T00:00:00Z")
        deleted.name = "Deleted profile"
        try Self.expectShape("ListProfiles", ListProfilesOutput([ProfileSummaryShape(profile), ProfileSummaryShape(deleted)]))
        let notifications = ProfileNotification.notifications(
            for: [
                .init(
                    workloadId: String(repeating: "a", count: 32), workloadName: "Retail Website",
                    profile: ProfileReference(id: profile.id, version: "1")),
                .init(
                    workloadId: String(repeating: "b", count: 32), workloadName: "Payments API",
                    profile: ProfileReference(id: String(repeating: "c", count: 32), version: "4")),
            ], profiles: [profile.id: profile])
        let listed = try Self.expectShape("ListProfileNotifications", ListProfileNotificationsOutput(notifications))
        #expect(listed.contains("\"Type\": \"PROFILE_ANSWERS_UPDATED\"") && listed.contains("\"Type\": \"PROFILE_DELETED\""))
        let shares = try Self.expectShape(
            "ListProfileShares", ListProfileSharesOutput(profileId: profile.id, shares: Self.shares(), now: Self.now))
        #expect(shares.contains("\"EXPIRED\"") && !shares.contains("PermissionType"))
        try Self.expectShape("CreateProfileShare", CreateProfileShareOutput(profileId: profile.id, shareId: Self.shares()[0].shareId))
    }

    // MARK: Review templates

    @Test(.enabled(if: checkerAvailable)) func reviewTemplateOperationsFitTheirShapes() throws {
        let template = try Self.reviewTemplate()
        let lens = try Self.framework()
        let answers = try Self.templateAnswers()
        let notes = LensReviewNotes(notes: "Landing zone v3", pillarNotes: ["security": "Okta", "reliability": "AWS Backup"])
        let review = ReviewTemplateLensReview.compute(lens: lens, answers: answers, notes: notes)
        let status = template.updateStatus(lensRecords: [Self.frameworkRecord.alias: Self.frameworkRecord])

        try Self.expectShape("CreateReviewTemplate", CreateReviewTemplateOutput(id: template.id))
        let shown = try Self.expectShape(
            "GetReviewTemplate",
            GetReviewTemplateOutput(ReviewTemplateShape(template, questionCounts: review.questionCounts, updateStatus: status)))
        #expect(shown.contains("\"ANSWERED\": 2") && shown.contains("\"UpdateStatus\": \"CURRENT\""))
        try Self.expectShape(
            "UpdateReviewTemplate",
            UpdateReviewTemplateOutput(ReviewTemplateShape(template, questionCounts: review.questionCounts, updateStatus: .lensNotCurrent)))
        try Self.expectShape("ListReviewTemplates", ListReviewTemplatesOutput([ReviewTemplateSummaryShape(template, updateStatus: status)]))

        let (pillar, identities) = try #require(lens.question(id: "identities"))
        let answer = ReviewTemplateAnswerShape(pillarId: pillar.id, question: identities, answer: answers["identities"], updatedAt: Self.t0)
        let got = try Self.expectShape(
            "GetReviewTemplateAnswer", GetReviewTemplateAnswerOutput(templateId: template.id, lensAlias: "wellarchitected", answer: answer))
        #expect(got.contains("\"AnswerStatus\": \"ANSWERED\"") && !got.contains("\"Risk\""))
        try Self.expectShape(
            "UpdateReviewTemplateAnswer",
            UpdateReviewTemplateAnswerOutput(templateId: template.id, lensAlias: "wellarchitected", answer: answer))
        let summaries = review.questions.map { question in
            ReviewTemplateAnswerSummaryShape(
                pillarId: question.pillarId, question: lens.question(id: question.questionId)!.1, answer: question.answer)
        }
        let listed = try Self.expectShape(
            "ListReviewTemplateAnswers",
            ListReviewTemplateAnswersOutput(templateId: template.id, lensAlias: "wellarchitected", summaries: summaries))
        #expect(listed.components(separatedBy: "\"AnswerStatus\": \"UNANSWERED\"").count - 1 == 55)

        let lensReview = ReviewTemplateLensReviewShape(
            record: Self.frameworkRecord, version: "1.1", status: .current, review: review, updatedAt: Self.t0)
        let reviewed = try Self.expectShape(
            "GetReviewTemplateLensReview", GetReviewTemplateLensReviewOutput(templateId: template.id, review: lensReview))
        #expect(reviewed.contains("\"Notes\": \"Okta\""))
        try Self.expectShape(
            "UpdateReviewTemplateLensReview", UpdateReviewTemplateLensReviewOutput(templateId: template.id, review: lensReview))
        try Self.expectShape("ListTemplateShares", ListTemplateSharesOutput(templateId: template.id, shares: Self.shares(), now: Self.now))
        try Self.expectShape("CreateTemplateShare", CreateTemplateShareOutput(templateId: template.id, shareId: Self.shares()[0].shareId))
    }

    /// The API limits a question's `HelpfulResourceDisplayText` to 64 characters; every built-in
    /// question's is longer (it describes the pillar page), so the field is left out there rather
    /// than cut, for workload answers as for template answers (the URL stays).
    @Test(.enabled(if: checkerAvailable)) func longHelpfulResourceTextsAreLeftOutOfAnswers() throws {
        let lens = try Self.framework()
        let (pillar, question) = try #require(lens.question(id: "identities"))
        let record = Self.frameworkRecord
        let json = try Self.expectShape(
            "GetAnswer",
            GetAnswerOutput(
                workloadId: String(repeating: "a", count: 32), lens: record,
                answer: AnswerShape(pillarId: pillar.id, question: question, answer: nil, risk: .unanswered, updatedAt: nil)))
        #expect(!json.contains("HelpfulResourceDisplayText") && json.contains("\"HelpfulResourceUrl\""))
        var short = question
        short.helpfulResource?.displayText = "Security pillar"
        let shown = jsonText(AnswerShape(pillarId: pillar.id, question: short, answer: nil, risk: .unanswered, updatedAt: nil))
        #expect(shown.contains("\"HelpfulResourceDisplayText\": \"Security pillar\""))
    }

    /// Text from the repository reaches the JSON escaped like every other output: an escape
    /// sequence in a profile name cannot act on the terminal the JSON is printed to.
    @Test func hostileTextIsEscapedInTheJSON() throws {
        var (profile, first) = try Self.profile()
        profile.name = "Evil\u{1B}]0;pwned\u{07}\u{202E}name"
        let json = jsonText(GetProfileOutput(ProfileShape(profile, version: "1", answers: first.answers, template: try Self.template())))
        #expect(!json.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{202E}" })
        #expect(json.contains("Evil\\u001b]0;pwned\\u0007\\u202ename"))
    }
}
