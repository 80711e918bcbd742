import Testing

@testable import WelltreeCore

/// Profiles: answers checked against the template's choices and selection bounds, the API's
/// limits on names and descriptions, versions, and the files.
@Suite("Profiles: answers, versions and files")
struct ProfileTests {
    static let id = "0123456789abcdef0123456789abcdef"
    static let t0 = "2026-12-01T09:00:00Z"
    static let t1 = "2026-12-02T10:30:00Z"
    static let launch: [String: [String]] = [
        "org-cloud-adoption-phase": ["adoption-launch"],
        "welltree-business-value": ["value-strategic-external"],
        "welltree-lifecycle-phase": ["lifecycle-launch"],
        "welltree-improvement-priorities": ["priority-resilience", "priority-observability"],
    ]

    static func create(
        name: String = "Customer-facing, launching", description: String = "Storefront and checkout",
        answers: [String: [String]] = launch, existingNames: [String] = []
    ) throws -> (profile: Profile, version: ProfileVersion) {
        try Profile.create(
            id: id, name: name, description: description, answers: answers, template: ShippedProfileFiles.template(),
            owner: "alice@example.com", now: t0, existingNames: existingNames)
    }

    /// What `create` refuses, as the violations it lists.
    static func refusal(
        name: String = "Customer-facing, launching", description: String = "Storefront and checkout", answers: [String: [String]] = launch,
        existingNames: [String] = []
    ) throws -> [Violation] {
        do {
            _ = try create(name: name, description: description, answers: answers, existingNames: existingNames)
            Issue.record("accepted")
            return []
        } catch let error as ValidationError {
            return error.violations
        }
    }

    // MARK: Answers against the template

    @Test func aValidProfileIsVersionOneWithItsAnswersInTemplateOrder() throws {
        var answers = Self.launch
        answers["welltree-improvement-priorities"] = ["priority-observability", "priority-resilience"]
        let (profile, version) = try Self.create(answers: answers)
        #expect(profile.versions == [ProfileVersionRecord(version: "1", createdAt: Self.t0)])
        #expect(profile.latestVersion == "1")
        #expect(profile.createdAt == Self.t0 && profile.updatedAt == Self.t0 && profile.deletedAt == nil)
        // The template lists observability (the fifth choice) before resilience (the ninth).
        #expect(version.answers["welltree-improvement-priorities"] == ["priority-observability", "priority-resilience"])
        #expect(version.answers["org-cloud-adoption-phase"] == ["adoption-launch"])
    }

    /// Each question's minimum and maximum: nothing chosen for a required question, two where
    /// one is allowed, six priorities where five are.
    @Test(arguments: [
        ("org-cloud-adoption-phase", [String]()),
        ("org-cloud-adoption-phase", ["adoption-launch", "adoption-scale"]),
        ("welltree-business-value", ["value-general-use", "value-experimentation"]),
        ("welltree-improvement-priorities", [String]()),
        (
            "welltree-improvement-priorities",
            [
                "priority-cost", "priority-resilience", "priority-scaling", "priority-performance", "priority-observability",
                "priority-data-protection",
            ]
        ),
    ])
    func selectionsOutsideTheBoundsAreRefused(question: String, choices: [String]) throws {
        var answers = Self.launch
        answers[question] = choices
        let violations = try Self.refusal(answers: answers)
        #expect(violations.count == 1, "\(violations.map(\.description))")
        #expect(violations.first?.field == "--answer")
        #expect(violations.first?.description.contains(question) == true, "\(violations.map(\.description))")
    }

    @Test func fiveImprovementPrioritiesAreTheMaximumAllowed() throws {
        var answers = Self.launch
        answers["welltree-improvement-priorities"] = [
            "priority-cost", "priority-resilience", "priority-scaling", "priority-performance", "priority-observability",
        ]
        #expect(try Self.create(answers: answers).version.answers["welltree-improvement-priorities"].count == 5)
    }

    /// Unknown questions and choices (a choice of another question included) are refused, each
    /// naming the valid ones; a choice listed twice too. All are reported together.
    @Test func unknownIdsAreRefusedNamingTheValidOnes() throws {
        var answers = Self.launch
        answers["org-industry"] = ["retail"]
        answers["org-cloud-adoption-phase"] = ["value-business-critical"]
        answers["welltree-improvement-priorities"] = ["priority-cost", "priority-cost"]
        let violations = try Self.refusal(answers: answers)
        #expect(
            violations.contains {
                $0.value == "org-industry" && $0.rule.contains("its questions: org-cloud-adoption-phase, welltree-business-value")
            })
        #expect(
            violations.contains {
                $0.value == "value-business-critical" && $0.rule.contains("its choices: adoption-envision, adoption-align")
            })
        #expect(violations.contains { $0.value == "priority-cost" && $0.rule == "is selected twice" })
    }

    /// A version file read from the repository names the broken entries by JSON path.
    @Test func aVersionFileNamesItsBrokenEntriesByPath() throws {
        let template = try ShippedProfileFiles.template()
        var answers = Self.launch
        answers["org-cloud-adoption-phase"] = ["adoption-launch", "bogus"]
        answers.removeValue(forKey: "welltree-lifecycle-phase")
        let violations = ProfileAnswers(answers).violations(against: template, style: .document)
        #expect(
            Set(violations.map(\.field)) == [
                "answers[\"org-cloud-adoption-phase\"][1]", "answers[\"org-cloud-adoption-phase\"]",
                "answers[\"welltree-lifecycle-phase\"]",
            ])
        #expect(
            violations.contains {
                $0.field == "answers[\"welltree-lifecycle-phase\"]" && $0.rule.hasPrefix("is not answered: select exactly 1 choice of ")
            })
    }

    // MARK: Name and description

    @Test(arguments: [
        ("ab", "--name"), (String(repeating: "n", count: 101), "--name"), ("a  b", "--name"), ("Bell\u{07}", "--name"),
        ("Right \u{202E}to left", "--name"), ("Two\nlines", "--name"),
    ])
    func namesBreakingTheRulesAreRefused(name: String, field: String) throws {
        let violations = try Self.refusal(name: name)
        #expect(violations.map(\.field).contains(field), "\(violations.map(\.description))")
    }

    @Test(arguments: [2, 101])
    func descriptionsOutsideThreeToOneHundredAreRefused(length: Int) throws {
        let violations = try Self.refusal(description: String(repeating: "d", count: length))
        #expect(violations.map(\.field) == ["--description"])
    }

    @Test(arguments: [3, 100])
    func namesAndDescriptionsAtTheLimitsAreAccepted(length: Int) throws {
        let text = String(repeating: "x", count: length)
        #expect(try Self.create(name: text, description: text).profile.name == text)
    }

    @Test func namesAreUniqueIgnoringSpacesAndCase() throws {
        let violations = try Self.refusal(name: "customer-facing,LAUNCHING", existingNames: ["Customer-facing, launching"])
        #expect(violations.map(\.rule) == ["must be unique ignoring spaces and case: \"Customer-facing, launching\" already exists"])
    }

    /// Everything wrong with one request is reported at once.
    @Test func everyBrokenRuleIsListedTogether() throws {
        var answers = Self.launch
        answers["welltree-business-value"] = []
        let violations = try Self.refusal(name: "x", description: "y", answers: answers)
        #expect(violations.map(\.field) == ["--name", "--description", "--answer"])
    }

    // MARK: Versions

    @Test func changingTheAnswersPublishesTheNextVersion() throws {
        let (profile, first) = try Self.create()
        let (updated, second) = try profile.updated(
            description: nil, answers: ["org-cloud-adoption-phase": ["adoption-scale"]], latest: first,
            template: ShippedProfileFiles.template(), now: Self.t1)
        let version = try #require(second)
        #expect(updated.versions.map(\.version) == ["1", "2"])
        #expect(updated.versions.last == ProfileVersionRecord(version: "2", createdAt: Self.t1))
        #expect(updated.updatedAt == Self.t1)
        #expect(version.answers["org-cloud-adoption-phase"] == ["adoption-scale"])
        #expect(
            version.answers["welltree-improvement-priorities"] == first.answers["welltree-improvement-priorities"],
            "other questions keep theirs")
    }

    @Test func aDescriptionChangePublishesNoVersion() throws {
        let (profile, first) = try Self.create()
        let (updated, version) = try profile.updated(
            description: "Storefront, checkout and search", answers: nil, latest: first, template: ShippedProfileFiles.template(),
            now: Self.t1)
        #expect(version == nil)
        #expect(updated.versions.map(\.version) == ["1"])
        #expect(updated.description == "Storefront, checkout and search" && updated.updatedAt == Self.t1)
    }

    /// Asking for what is already there changes nothing: same record, same time, no version.
    @Test func anUpdateThatChangesNothingLeavesTheProfileAsItWas() throws {
        let (profile, first) = try Self.create()
        let (updated, version) = try profile.updated(
            description: profile.description,
            answers: ["welltree-improvement-priorities": ["priority-observability", "priority-resilience"]],
            latest: first, template: ShippedProfileFiles.template(), now: Self.t1)
        #expect(version == nil)
        #expect(updated == profile)
    }

    @Test func anUpdateBreakingTheBoundsIsRefusedAndADeletedProfileCannotChange() throws {
        let (profile, first) = try Self.create()
        let template = try ShippedProfileFiles.template()
        #expect(throws: ValidationError.self) {
            _ = try profile.updated(
                description: nil, answers: ["org-cloud-adoption-phase": []], latest: first, template: template, now: Self.t1)
        }
        let deleted = try profile.deleted(now: Self.t1)
        #expect(deleted.deletedAt == Self.t1)
        #expect(throws: ValidationError.self) {
            _ = try deleted.updated(description: "Another description", answers: nil, latest: first, template: template, now: Self.t1)
        }
        #expect(throws: ValidationError.self) { _ = try deleted.deleted(now: Self.t1) }
    }

    @Test(arguments: [(["1"], "2"), (["1", "2", "3"], "4"), (["1", "draft"], "3"), (["2", "3"], "4")])
    func theNextVersionFollowsTheLatestNumber(versions: [String], next: String) {
        #expect(ProfileVersion.next(after: versions) == next)
    }

    /// The API's pattern `^[A-Za-z0-9-]+$`, 1 to 32 characters. "1.0.0", which a GetProfile
    /// response in a public sample shows, does not match it, and is refused in a file.
    @Test(arguments: [
        ("1", true), ("2026-12-01", true), ("v2", true), ("1.0.0", false), ("", false), (String(repeating: "9", count: 33), false),
        ("1 ", false),
    ])
    func versionsFollowTheAPIPattern(version: String, valid: Bool) {
        #expect(ProfileVersion.isValid(version) == valid)
    }

    // MARK: Files

    @Test func aProfileAndItsVersionRoundTripThroughTheirFiles() throws {
        let (profile, version) = try Self.create()
        var deleted = try profile.deleted(now: Self.t1)
        deleted.versions.append(ProfileVersionRecord(version: "2", createdAt: Self.t1))
        for value in [profile, deleted] {
            let bytes = try CanonicalJSON.encode(value)
            let decoded = try JSONNodeDecoder().decode(Profile.self, from: bytes)
            #expect(decoded == value)
            #expect(try CanonicalJSON.encode(decoded) == bytes)
        }
        let bytes = try CanonicalJSON.encode(version)
        #expect(try JSONNodeDecoder().decode(ProfileVersion.self, from: bytes) == version)
        #expect(
            String(decoding: bytes, as: UTF8.self).hasPrefix(
                "{\n  \"answers\": {\n    \"org-cloud-adoption-phase\": [\n      \"adoption-launch\""))
    }

    @Test func anUnknownKeyInAProfileIsRefused() throws {
        let text = """
            {"id": "\(Self.id)", "name": "Web", "description": "Web apps", "owner": "alice", "createdAt": "\(Self.t0)",
             "updatedAt": "\(Self.t0)", "versions": [{"version": "1", "createdAt": "\(Self.t0)"}], "tags": {}}
            """
        #expect {
            _ = try JSONNodeDecoder().decode(Profile.self, from: Array(text.utf8))
        } throws: { ($0 as? JSONDocumentError)?.path.description == "tags" }
    }

    /// A hand-edited record: every broken rule with its JSON path.
    @Test func aDamagedRecordNamesEveryBrokenRule() throws {
        var profile = try Self.create().profile
        profile.id = "ABC"
        profile.versions = [
            ProfileVersionRecord(version: "1.0.0", createdAt: Self.t0), ProfileVersionRecord(version: "2", createdAt: "yesterday"),
        ]
        profile.versions.append(ProfileVersionRecord(version: "2", createdAt: Self.t1))
        profile.updatedAt = "2026-11-01T00:00:00Z"
        profile.owner = ""
        let fields = Set(profile.violations(otherNames: []).map(\.field))
        #expect(fields == ["id", "owner", "versions[0].version", "versions[1].createdAt", "versions[2].version", "updatedAt"])
        #expect(try Self.create().profile.violations(otherNames: ["Other"]).isEmpty)
        #expect(!(try Self.create().profile.violations(otherNames: ["customer-facing, LAUNCHING"]).isEmpty))
    }
}
