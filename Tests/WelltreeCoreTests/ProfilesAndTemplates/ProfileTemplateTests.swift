import Foundation
import Testing

@testable import WelltreeCore

/// The profile template and the prioritization mapping Welltree ships, and the rules every
/// workspace's versions of them are held to.
@Suite("Profile template and prioritization mapping")
struct ProfileTemplateTests {
    // MARK: The shipped files

    /// The template keeps the one question id known to be the AWS tool's, with its title, marks
    /// it (and only it) as the service's, and is valid and canonical.
    @Test func shippedTemplateKeepsTheKnownAWSQuestionAndIsValid() throws {
        let bytes = try ShippedProfileFiles.templateBytes()
        let template = try ShippedProfileFiles.template()
        #expect(template.violations().isEmpty, "\(template.violations().map(\.description))")
        #expect(try CanonicalJSON.encode(template) == bytes, "profile-template.json is not canonical JSON")
        let first = try #require(template.questions.first)
        #expect(first.id == "org-cloud-adoption-phase")
        #expect(
            first.title
                == "What is the current cloud adoption phase for the organization architecting or operating the workloads in this profile?")
        #expect(template.questions.filter(\.fromAWS).map(\.id) == ["org-cloud-adoption-phase"])
        #expect(template.questions.count == 4)
        #expect(template.choiceIds.count == 30)
        #expect(template.about?.contains("Welltree's own") == true)
        // Single choice for the three context questions, one to five improvement priorities.
        #expect(template.questions.map(\.selectionRange) == [1...1, 1...1, 1...1, 1...5])
    }

    /// Every choice has a mapping entry with a reason; the mapping is valid against the template
    /// and every shipped version of the framework lens, and canonical.
    @Test(arguments: ShippedProfileFiles.frameworkVersions)
    func shippedMappingIsValidForEveryFrameworkVersion(version: String) throws {
        let template = try ShippedProfileFiles.template()
        let mapping = try ShippedProfileFiles.prioritization()
        let lens = try ShippedProfileFiles.framework(version)
        let violations = mapping.violations(template: template, lenses: [Workload.frameworkLens: lens])
        #expect(violations.isEmpty, "\(violations.map(\.description))")
        #expect(try CanonicalJSON.encode(mapping) == ShippedProfileFiles.prioritizationBytes(), "not canonical JSON")
        let entries = try #require(mapping.lenses[Workload.frameworkLens])
        #expect(Set(entries.keys) == Set(template.choiceIds), "every choice has an entry, and only choices do")
        #expect(mapping.lenses.keys.sorted() == [Workload.frameworkLens])
    }

    /// Every question of the framework lens can be prioritized by some choice: each is listed by
    /// at least two choices, so no single edit of the mapping makes one unreachable unnoticed.
    @Test(arguments: ShippedProfileFiles.frameworkVersions)
    func everyFrameworkQuestionIsReachable(version: String) throws {
        let mapping = try ShippedProfileFiles.prioritization()
        let lens = try ShippedProfileFiles.framework(version)
        #expect(mapping.unreachableQuestions(lensAlias: Workload.frameworkLens, lens: lens).isEmpty)
        let entries = try #require(mapping.lenses[Workload.frameworkLens])
        for pillar in lens.pillars {
            for question in pillar.questions {
                let reachedBy = entries.filter { $0.value.questions.contains(question.id) }.keys.sorted()
                #expect(reachedBy.count >= 2, "\(question.id) is reached only by \(reachedBy)")
            }
        }
    }

    /// A mapping entry lists questions in lens order, so the file reads pillar by pillar.
    @Test func shippedMappingListsQuestionsInLensOrder() throws {
        let lens = try ShippedProfileFiles.framework()
        let order = lens.pillars.flatMap { $0.questions.map(\.id) }
        for (choice, entry) in try #require(try ShippedProfileFiles.prioritization().lenses[Workload.frameworkLens]) {
            let positions = entry.questions.compactMap { order.firstIndex(of: $0) }
            #expect(positions == positions.sorted(), "\(choice)")
        }
    }

    /// docs/profiles-and-templates.md documents every choice with exactly the questions the
    /// mapping gives it and the same reason: the documentation cannot drift from the data.
    @Test func theDocumentationListsEveryChoiceAsTheMappingDoes() throws {
        let docs = String(decoding: try ShippedProfileFiles.bytes("docs/profiles-and-templates.md"), as: UTF8.self)
        let template = try ShippedProfileFiles.template()
        let entries = try #require(try ShippedProfileFiles.prioritization().lenses[Workload.frameworkLens])
        for question in template.questions {
            for choice in question.choices {
                let entry = try #require(entries[choice.id])
                let row = "| `\(choice.id)` \(choice.title) | \(entry.questions.joined(separator: ", ")) | \(entry.reason) |"
                #expect(docs.contains(row), "docs row for \(choice.id) missing or different; expected:\n\(row)")
            }
        }
    }

    // MARK: Rules of a workspace's template

    static func sample() -> ProfileTemplate {
        ProfileTemplate(
            name: "Sample template",
            questions: [
                ProfileTemplateQuestion(
                    id: "phase", title: "Phase?",
                    choices: [ProfileTemplateChoice(id: "early", title: "Early"), ProfileTemplateChoice(id: "late", title: "Late")],
                    minSelectedChoices: 1, maxSelectedChoices: 1),
                ProfileTemplateQuestion(
                    id: "goals", title: "Goals?",
                    choices: [
                        ProfileTemplateChoice(id: "cost", title: "Cost"), ProfileTemplateChoice(id: "speed", title: "Speed"),
                        ProfileTemplateChoice(id: "safety", title: "Safety"),
                    ],
                    minSelectedChoices: 0, maxSelectedChoices: 2),
            ])
    }

    @Test func theSampleIsValid() {
        #expect(Self.sample().violations().isEmpty)
    }

    /// Breaks one rule of the sample template.
    static func breakTemplate(_ what: String, _ t: inout ProfileTemplate) {
        switch what {
        case "choice id used by two questions": t.questions[1].choices[0].id = "early"
        case "question id used twice": t.questions[1].id = "phase"
        case "maximum above the number of choices": t.questions[0].maxSelectedChoices = 3
        case "minimum above maximum": t.questions[1].minSelectedChoices = 3
        case "negative minimum": t.questions[1].minSelectedChoices = -1
        case "maximum of zero": t.questions[1].maxSelectedChoices = 0
        case "id with a slash": t.questions[0].id = "../phase"
        case "choice id with a space": t.questions[0].choices[1].id = "very late"
        case "choice id over 64": t.questions[0].choices[1].id = String(repeating: "x", count: 65)
        case "title with an escape": t.questions[0].title = "Phase\u{1B}[2J?"
        case "title with a bidi override": t.questions[0].title = "Phase \u{202E}?"
        case "empty title": t.questions[0].title = ""
        case "description over 1024": t.questions[0].description = String(repeating: "d", count: 1025)
        case "no choices":
            t.questions[1].choices = []
            t.questions[1].maxSelectedChoices = 1
        case "no questions": t.questions = []
        case "name of two characters": t.name = "ab"
        default: Issue.record("no such case \(what)")
        }
    }

    /// Each broken rule is reported at its JSON path.
    @Test(arguments: [
        ("choice id used by two questions", "questions[1].choices[0].id"),
        ("question id used twice", "questions[1].id"),
        ("maximum above the number of choices", "questions[0].maxSelectedChoices"),
        ("minimum above maximum", "questions[1].maxSelectedChoices"),
        ("negative minimum", "questions[1].minSelectedChoices"),
        ("maximum of zero", "questions[1].maxSelectedChoices"),
        ("id with a slash", "questions[0].id"),
        ("choice id with a space", "questions[0].choices[1].id"),
        ("choice id over 64", "questions[0].choices[1].id"),
        ("title with an escape", "questions[0].title"),
        ("title with a bidi override", "questions[0].title"),
        ("empty title", "questions[0].title"),
        ("description over 1024", "questions[0].description"),
        ("no choices", "questions[1].choices"),
        ("no questions", "questions"),
        ("name of two characters", "name"),
    ])
    func aBrokenTemplateIsReportedAtItsPath(_ what: String, path: String) {
        var template = Self.sample()
        Self.breakTemplate(what, &template)
        let violations = template.violations()
        #expect(violations.contains { $0.field == path }, "\(what): \(violations.map(\.description))")
    }

    /// An unknown key is a typo, refused with its path and position instead of dropped.
    @Test func anUnknownKeyInTheFileIsRefusedWithItsPath() throws {
        let text = """
            {"name": "Sample template", "questions": [{"id": "q", "title": "Q?", "minSelectedChoices": 0, "maxSelectedChoices": 1,
              "choices": [{"id": "c", "title": "C", "priority": 3}]}]}
            """
        #expect {
            _ = try JSONNodeDecoder().decode(ProfileTemplate.self, from: Array(text.utf8))
        } throws: { error in
            let error = error as? JSONDocumentError
            return error?.path.description == "questions[0].choices[0].priority" && error?.message.contains("unknown field") == true
                && error?.position != nil
        }
    }

    @Test func aTemplateRoundTripsThroughItsFile() throws {
        var template = Self.sample()
        template.questions[0].fromAWS = true
        template.questions[0].description = "Where the organization stands.\nChoose one."
        let bytes = try CanonicalJSON.encode(template)
        #expect(try JSONNodeDecoder().decode(ProfileTemplate.self, from: bytes) == template)
        #expect(!String(decoding: bytes, as: UTF8.self).contains("\"fromAWS\": false"), "false is left out")
    }

    // MARK: Rules of a workspace's mapping

    static func sampleLens() -> Lens {
        Lens(
            name: "Sample", description: "A sample lens",
            pillars: [
                LensPillar(
                    id: "ops", name: "Operations",
                    questions: ["q1", "q2"].map {
                        LensQuestion(id: $0, title: $0, choices: [LensChoice(id: "\($0)_a", title: "A")], riskRules: [])
                    }),
                LensPillar(
                    id: "sec", name: "Security",
                    questions: ["q3"].map {
                        LensQuestion(id: $0, title: $0, choices: [LensChoice(id: "\($0)_a", title: "A")], riskRules: [])
                    }),
            ])
    }

    static func sampleMapping() -> ProfilePrioritization {
        ProfilePrioritization(lenses: [
            "sample": [
                "early": ChoicePriorities(questions: ["q1"], reason: "Early on, operations matter."),
                "safety": ChoicePriorities(questions: ["q2", "q3"], reason: "Safety is operations and security."),
            ]
        ])
    }

    @Test func theSampleMappingIsValidAndLeavesUnlistedQuestionsUnreachable() {
        let mapping = Self.sampleMapping()
        #expect(mapping.violations(template: Self.sample(), lenses: ["sample": Self.sampleLens()]).isEmpty)
        var partial = mapping
        partial.lenses["sample"]?["safety"] = nil
        #expect(partial.unreachableQuestions(lensAlias: "sample", lens: Self.sampleLens()) == ["q2", "q3"])
        #expect(
            partial.unreachableQuestions(lensAlias: "other", lens: Self.sampleLens()).isEmpty,
            "a lens without a mapping has no priorities at all")
    }

    /// Breaks one rule of the sample mapping.
    static func breakMapping(_ what: String, _ m: inout ProfilePrioritization) {
        switch what {
        case "unknown choice": m.lenses["sample"]?["later"] = ChoicePriorities(questions: ["q1"], reason: "r")
        case "unknown question": m.lenses["sample"]?["early"]?.questions = ["q1", "q9"]
        case "question twice": m.lenses["sample"]?["early"]?.questions = ["q1", "q1"]
        case "no question": m.lenses["sample"]?["early"]?.questions = []
        case "unknown lens": m.lenses["serverless"] = [:]
        case "empty reason": m.lenses["sample"]?["early"]?.reason = ""
        case "reason over 512": m.lenses["sample"]?["early"]?.reason = String(repeating: "r", count: 513)
        case "reason with a line break": m.lenses["sample"]?["early"]?.reason = "one\ntwo"
        default: Issue.record("no such case \(what)")
        }
    }

    @Test(arguments: [
        ("unknown choice", "lenses[\"sample\"][\"later\"]"),
        ("unknown question", "lenses[\"sample\"][\"early\"].questions[1]"),
        ("question twice", "lenses[\"sample\"][\"early\"].questions[1]"),
        ("no question", "lenses[\"sample\"][\"early\"].questions"),
        ("unknown lens", "lenses[\"serverless\"]"),
        ("empty reason", "lenses[\"sample\"][\"early\"].reason"),
        ("reason over 512", "lenses[\"sample\"][\"early\"].reason"),
        ("reason with a line break", "lenses[\"sample\"][\"early\"].reason"),
    ])
    func aBrokenMappingIsReportedAtItsPath(_ what: String, path: String) {
        var mapping = Self.sampleMapping()
        Self.breakMapping(what, &mapping)
        let violations = mapping.violations(template: Self.sample(), lenses: ["sample": Self.sampleLens()])
        #expect(violations.contains { $0.field == path }, "\(what): \(violations.map(\.description))")
    }
}
