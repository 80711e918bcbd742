import Testing

@testable import WelltreeCore

/// Review templates: the API's name and description rules, lenses (the framework lens
/// mandatory), versions, answers as workload answers without risk, counts, notes, files.
@Suite("Review templates")
struct ReviewTemplateTests {
    static let id = "fedcba9876543210fedcba9876543210"
    static let t0 = "2026-12-01T09:00:00Z"
    static let t1 = "2026-12-02T10:30:00Z"
    static let available = ["wellarchitected": "1.1", "serverless": "1.1", "softwareasaservice": "1.1", "my-lens": "2.0"]

    static func create(
        name: String = "Platform baseline", description: String = "Answers the platform team owns", notes: String? = nil,
        lenses: [String] = ["serverless"], existingNames: [String] = []
    ) throws(ValidationError) -> ReviewTemplate {
        try ReviewTemplate.create(
            id: id, name: name, description: description, notes: notes, lenses: lenses, available: available, owner: "platform@example.com",
            now: t0, existingNames: existingNames)
    }

    static func violations(_ body: () throws(ValidationError) -> ReviewTemplate) -> [Violation] {
        do {
            _ = try body()
            Issue.record("accepted")
            return []
        } catch {
            return error.violations
        }
    }

    // MARK: Names, descriptions, notes

    @Test func aTemplateAppliesTheFrameworkLensFirstAndStartsAtVersionOne() throws {
        let template = try Self.create(lenses: ["serverless", "wellarchitected"])
        #expect(
            template.lenses == [WorkloadLens(alias: "wellarchitected", version: "1.1"), WorkloadLens(alias: "serverless", version: "1.1")])
        #expect(template.version == 1)
        #expect(template.violations().isEmpty, "\(template.violations().map(\.description))")
    }

    /// The API's pattern: letters A-Z, digits, the listed punctuation and white space (Welltree:
    /// spaces; line breaks and tabs in descriptions).
    @Test(arguments: [
        "Platform baseline (v2): web/api @ eu-west-1 & us-east-1, #1 + 'core' \u{2019}s! ok?",
        "a-b_c.d",
    ])
    func namesOfTheAllowedCharactersAreAccepted(name: String) throws {
        #expect(try Self.create(name: name).name == name)
    }

    @Test(arguments: [
        ("Évaluation", "'É'"), ("semi;colon", "';'"), ("quote\"d", "'\"'"), ("back\\slash", "'\\'"), ("two\nlines", "U+000A"),
        ("no\u{A0}break", "U+00A0"), ("line\u{2028}separator", "U+2028"), ("bidi\u{202E}override", "U+202E"), ("100%", "'%'"),
    ])
    func namesWithOtherCharactersAreRefusedNamingThem(name: String, shown: String) {
        let violations = Self.violations { () throws(ValidationError) in try Self.create(name: name) }
        #expect(violations.count == 1 && violations[0].field == "--name", "\(violations.map(\.description))")
        #expect(violations.first?.rule.contains("(found \(shown))") == true, "\(violations.map(\.description))")
    }

    @Test func descriptionsMaySpanLinesButNamesMayNot() throws {
        let template = try Self.create(description: "Answers the platform\nteam owns.\tReviewed quarterly.")
        #expect(template.description.contains("\n"))
    }

    @Test(arguments: [("ab", "--name"), ("   ", "--name"), ("n", "--description")])
    func tooShortOrBlankTextsAreRefused(text: String, field: String) {
        let violations = Self.violations { () throws(ValidationError) in
            try field == "--name" ? Self.create(name: text) : Self.create(description: text)
        }
        #expect(violations.map(\.field).contains(field), "\(violations.map(\.description))")
    }

    @Test func theLimitsAreTheAPIs() throws {
        _ = try Self.create(
            name: String(repeating: "n", count: 100), description: String(repeating: "d", count: 250),
            notes: String(repeating: "x", count: 2084))
        let violations = Self.violations { () throws(ValidationError) in
            try Self.create(
                name: String(repeating: "n", count: 101), description: String(repeating: "d", count: 251),
                notes: String(repeating: "x", count: 2085))
        }
        #expect(violations.map(\.field) == ["--name", "--description", "--notes"])
    }

    @Test func namesAreUniqueIgnoringSpacesAndCase() {
        let violations = Self.violations { () throws(ValidationError) in
            try Self.create(name: "platform BASELINE", existingNames: ["Platform baseline"])
        }
        #expect(violations.map(\.field) == ["--name"])
    }

    // MARK: Lenses and versions

    @Test func unknownAndRepeatedLensesAreRefused() {
        let violations = Self.violations { () throws(ValidationError) in
            try Self.create(lenses: ["serverless", "serverless", "not-shared"])
        }
        #expect(violations.map(\.value) == ["serverless", "not-shared"])
        #expect(violations.last?.rule.contains("available: my-lens, serverless, softwareasaservice, wellarchitected") == true)
    }

    @Test func theFrameworkLensCannotBeRemoved() throws {
        let template = try Self.create()
        let violations = Self.violations { () throws(ValidationError) in
            try template.updated(lensesToDisassociate: ["wellarchitected"], now: Self.t1)
        }
        #expect(violations.map(\.rule) == ["is the framework lens, which every template applies"])
    }

    /// Adding or removing a lens changes what workloads receive: a new version. Renaming does not.
    @Test func lensChangesRaiseTheVersionAndTextChangesDoNot() throws {
        let template = try Self.create()
        let renamed = try template.updated(name: "Platform baseline 2026", now: Self.t1)
        #expect(renamed.version == 1 && renamed.updatedAt == Self.t1 && renamed.name == "Platform baseline 2026")
        let changed = try renamed.updated(
            lensesToAssociate: ["my-lens"], lensesToDisassociate: ["serverless"], available: Self.available, now: Self.t1)
        #expect(changed.lenses.map(\.alias) == ["wellarchitected", "my-lens"])
        #expect(changed.lenses.last?.version == "2.0")
        #expect(changed.version == 2)
        #expect(try changed.updated(name: changed.name, now: "2026-12-03T00:00:00Z") == changed, "no change, no new time")
    }

    @Test func lensUpdatesAreCheckedAgainstTheTemplate() throws {
        let template = try Self.create()
        let violations = Self.violations { () throws(ValidationError) in
            try template.updated(
                lensesToAssociate: ["serverless", "softwareasaservice", "unknown"],
                lensesToDisassociate: ["my-lens", "softwareasaservice"],
                available: Self.available, now: Self.t1)
        }
        #expect(
            violations.map(\.rule) == [
                "is not a lens of the template; its lenses: wellarchitected, serverless",
                "is not a lens of the template; its lenses: wellarchitected, serverless",
                "is already a lens of the template", "cannot be both added and removed",
                "is not a lens you can apply; available: my-lens, serverless, softwareasaservice, wellarchitected",
            ])
        let many = (1...11).map { "lens-\($0)" }
        let tooMany = Self.violations { () throws(ValidationError) in
            try template.updated(lensesToAssociate: many, available: Dictionary(uniqueKeysWithValues: many.map { ($0, "1") }), now: Self.t1)
        }
        #expect(tooMany.contains { $0.rule == "may name at most 10 lenses at once" })
    }

    @Test func aDeletedTemplateCannotChange() throws {
        let deleted = try Self.create().deleted(now: Self.t1)
        #expect(
            Self.violations { () throws(ValidationError) in try deleted.updated(notes: "x", now: Self.t1) }.map(\.rule) == [
                "is deleted and cannot change"
            ])
        #expect(throws: ValidationError.self) { _ = try deleted.upgraded(lens: "serverless", to: "2.0", now: Self.t1) }
        #expect(throws: ValidationError.self) { _ = try deleted.deleted(now: Self.t1) }
    }

    /// LENS_NOT_CURRENT when a lens has a newer major version or a deprecated one in use; a
    /// minor version applies by itself; a deleted lens has nothing to upgrade to.
    @Test func theUpdateStatusFollowsTheLensVersions() throws {
        let template = try Self.create()
        func record(_ versions: [(String, Bool)], deprecated: String? = nil, deleted: Bool = false) -> LensRecord {
            LensRecord(
                alias: "serverless", name: "Serverless", owner: "AWS", type: .awsOfficial,
                versions: versions.map {
                    LensVersionRecord(version: $0.0, isMajor: $0.1, createdAt: Self.t0, deprecatedAt: $0.0 == deprecated ? Self.t1 : nil)
                },
                deletedAt: deleted ? Self.t1 : nil)
        }
        #expect(template.updateStatus(lensRecords: ["serverless": record([("1.0", true), ("1.1", false)])]) == .current)
        #expect(template.updateStatus(lensRecords: ["serverless": record([("1.1", true), ("1.2", false)])]) == .current)
        #expect(template.updateStatus(lensRecords: ["serverless": record([("1.1", true), ("2.0", true)])]) == .lensNotCurrent)
        #expect(
            template.updateStatus(lensRecords: ["serverless": record([("1.1", true), ("2.0", true)], deprecated: "1.1")]) == .lensNotCurrent
        )
        #expect(template.updateStatus(lensRecords: ["serverless": record([("1.1", true), ("2.0", true)], deleted: true)]) == .current)
        let upgraded = try template.upgraded(lens: "serverless", to: "2.0", now: Self.t1)
        #expect(upgraded.lensVersion("serverless") == "2.0" && upgraded.version == 2)
        #expect(try upgraded.upgraded(lens: "serverless", to: "2.0", now: Self.t1) == upgraded)
    }

    // MARK: Answers, counts and notes

    static func frameworkQuestion(_ id: String) throws -> LensQuestion {
        try #require(try ShippedProfileFiles.framework().question(id: id)?.1)
    }

    /// A template answer is updated with the workload answer machinery; it is ANSWERED when it
    /// selects, marks a choice not applicable or marks the question not applicable. Notes alone
    /// answer nothing.
    @Test func templateAnswersAreAnsweredOrUnansweredNeverARisk() throws {
        let question = try Self.frameworkQuestion("identities")
        let select = try AnswerUpdate(select: [question.choices[0].id]).apply(to: nil, question: question)
        #expect(ReviewTemplateAnswerStatus(select) == .answered)
        let notes = try AnswerUpdate(notes: "Okta for everyone").apply(to: nil, question: question)
        #expect(ReviewTemplateAnswerStatus(notes) == .unanswered)
        let notApplicable = try AnswerUpdate(notApplicable: .outOfScope).apply(to: nil, question: question)
        #expect(ReviewTemplateAnswerStatus(notApplicable) == .answered)
        let choiceNA = try AnswerUpdate(choiceNotApplicable: [.init(choiceId: question.choices[1].id, reason: .other)]).apply(
            to: nil, question: question)
        #expect(ReviewTemplateAnswerStatus(choiceNA) == .answered)
        #expect(ReviewTemplateAnswerStatus(nil) == .unanswered)
        #expect(throws: ValidationError.self) { _ = try AnswerUpdate(select: ["not_a_choice"]).apply(to: nil, question: question) }
        #expect(!Answer(selectedChoices: ["not_a_choice"]).violations(against: question, field: "identities.json").isEmpty)
    }

    @Test func theLensReviewCountsPerPillarAndCarriesTheNotes() throws {
        let lens = try ShippedProfileFiles.framework()
        let identities = try Self.frameworkQuestion("identities")
        let answers: [String: Answer] = [
            "identities": Answer(selectedChoices: [identities.choices[0].id]),
            "backing-up-data": Answer(isApplicable: false, reason: .businessPriorities),
            "priorities": Answer(notes: "Decided per quarter"),
            "no-such-question": Answer(selectedChoices: ["x"]),
        ]
        let notes = LensReviewNotes(notes: "Landing zone v3", pillarNotes: ["security": "Okta", "reliability": ""])
        let review = ReviewTemplateLensReview.compute(lens: lens, answers: answers, notes: notes)
        #expect(review.questionCounts == TemplateQuestionCounts(answered: 2, unanswered: 55))
        #expect(review.pillars.map(\.questionCounts.answered) == [0, 1, 1, 0, 0, 0])
        #expect(review.notes == "Landing zone v3")
        #expect(review.pillars.first { $0.id == "security" }?.notes == "Okta")
        #expect(review.pillars.first { $0.id == "reliability" }?.notes == nil, "empty notes are no notes")
        #expect(review.questions.count == 57)
    }

    @Test func lensNotesAreCheckedAgainstTheLensAndUpdatedPerPillar() throws {
        let lens = try ShippedProfileFiles.framework()
        let notes = try LensReviewNotes().updated(notes: "Lens notes", pillarNotes: ["security": "Okta", "performance": "CDN"], lens: lens)
        #expect(notes == LensReviewNotes(notes: "Lens notes", pillarNotes: ["security": "Okta", "performance": "CDN"]))
        let cleared = try notes.updated(notes: "", pillarNotes: ["security": ""], lens: lens)
        #expect(cleared == LensReviewNotes(pillarNotes: ["performance": "CDN"]))
        #expect {
            _ = try notes.updated(
                notes: String(repeating: "n", count: 2085), pillarNotes: ["costs": "x", "security": "\u{1B}]0;title\u{07}"], lens: lens)
        } throws: { error in
            (error as? ValidationError)?.violations.map(\.field) == ["--notes", "--pillar-notes", "--pillar-notes security"]
        }
        let stored = LensReviewNotes(notes: "ok", pillarNotes: ["costs": "x"])
        #expect(stored.violations(lens: lens).map(\.field) == ["pillarNotes[\"costs\"]"])
    }

    // MARK: Files

    @Test func templatesAndNotesRoundTripThroughTheirFiles() throws {
        var template = try Self.create(notes: "Maintained by the platform team")
        template = try template.deleted(now: Self.t1)
        let bytes = try CanonicalJSON.encode(template)
        #expect(try JSONNodeDecoder().decode(ReviewTemplate.self, from: bytes) == template)
        let notes = LensReviewNotes(notes: "Lens", pillarNotes: ["security": "Okta", "reliability": ""])
        let notesBytes = try CanonicalJSON.encode(notes)
        #expect(
            String(decoding: notesBytes, as: UTF8.self)
                == "{\n  \"notes\": \"Lens\",\n  \"pillarNotes\": {\n    \"security\": \"Okta\"\n  }\n}\n")
        #expect(
            try JSONNodeDecoder().decode(LensReviewNotes.self, from: notesBytes)
                == LensReviewNotes(notes: "Lens", pillarNotes: ["security": "Okta"]))
        let counts = try CanonicalJSON.encode(TemplateQuestionCounts(answered: 2, unanswered: 55))
        #expect(String(decoding: counts, as: UTF8.self) == "{\n  \"ANSWERED\": 2,\n  \"UNANSWERED\": 55\n}\n")
        #expect(
            try JSONNodeDecoder().decode(TemplateQuestionCounts.self, from: counts) == TemplateQuestionCounts(answered: 2, unanswered: 55))
    }

    @Test func aDamagedTemplateRecordNamesEveryBrokenRule() throws {
        var template = try Self.create()
        template.lenses = [WorkloadLens(alias: "serverless", version: "1.1"), WorkloadLens(alias: "serverless", version: "")]
        template.version = 0
        template.name = "semi;colon"
        template.createdAt = "today"
        let fields = Set(template.violations().map(\.field))
        #expect(fields == ["name", "lenses[0].alias", "lenses[1].alias", "lenses[1].version", "version", "createdAt"])
        let text = String(decoding: try CanonicalJSON.encode(try Self.create()), as: UTF8.self).replacingOccurrences(
            of: "\"version\": 1", with: "\"version\": 1, \"answers\": {}")
        #expect {
            _ = try JSONNodeDecoder().decode(ReviewTemplate.self, from: Array(text.utf8))
        } throws: { ($0 as? JSONDocumentError)?.path.description == "answers" }
    }
}
