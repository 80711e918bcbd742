import Testing

@testable import WelltreeCore

@Suite("Lens import")
struct LensLoaderTests {
    @Test("a complete lens imports without warnings")
    func valid() throws {
        let result = try LensFixtures.load("valid.json")
        #expect(result.warnings == [])
        let lens = result.lens
        #expect(lens.name == "Fixture lens")
        #expect(lens.pillars.map(\.id) == ["operations", "security"])
        #expect(lens.questionCount == 4)
        #expect(lens.choiceCount == 12)
        let (pillar, question) = try #require(lens.question(id: "ops_deploy"))
        #expect(pillar.id == "operations")
        #expect(question.helpfulResource == LensResource(displayText: "Deployment basics", url: "https://example.com/help/deploy"))
        #expect(question.noneOfTheseChoice?.id == "ops_deploy_no")
        #expect(question.choices[0].description == "Every change goes through CI/CD")
        #expect(question.choices[0].additionalResources?.map(\.type) == ["HELPFUL_RESOURCE", "IMPROVEMENT_PLAN"])
        #expect(question.choices[3].improvementPlan == nil)
        #expect(question.riskRules.last == RiskRule(condition: "default", risk: .high))
        #expect(lens.pillar(id: "security")?.name == "Security")
        #expect(lens.question(id: "nope") == nil)
    }

    @Test("invalid JSON such as a bare NaN is refused with line and column")
    func nan() throws {
        let error = try LensFixtures.rejection("nan.json")
        let diagnostic = try #require(error.errors.first)
        #expect(error.errors.count == 1)
        #expect(diagnostic.position == SourcePosition(line: 173, column: 20))
        #expect(diagnostic.message.contains("NaN and Infinity are not valid JSON"))
        #expect(diagnostic.description.hasPrefix("nan.json:173:20: error: $: not valid JSON"))
    }

    @Test("a question id used twice in the lens is refused, naming the first use")
    func duplicateQuestionId() throws {
        let error = try LensFixtures.rejection("duplicate-question-id.json")
        #expect(error.errors.map(\.path.description) == ["pillars[1].questions[0].id"])
        #expect(error.errors[0].message == "duplicate question id \"ops_deploy\" (first used at pillars[0].questions[0])")
        #expect(error.errors[0].position != nil)
    }

    @Test("duplicate choice ids within a question and duplicate pillar ids are refused")
    func duplicateChoiceAndPillar() throws {
        let choices = try LensFixtures.rejection("duplicate-choice-id.json")
        #expect(
            choices.errors.map(\.path.description) == [
                "pillars[0].questions[1].choices[1].id", "pillars[0].questions[1].riskRules[0].condition",
            ])
        #expect(
            choices.errors[0].message == "duplicate choice id \"ops_observe_metrics\" (first used at pillars[0].questions[1].choices[0])")
        #expect(choices.errors[1].message.hasPrefix("unknown choice id \"ops_observe_alarms\""))
        let pillars = try LensFixtures.rejection("duplicate-pillar-id.json")
        #expect(pillars.errors.map(\.message) == ["duplicate pillar id \"operations\" (first used at pillars[0])"])
    }

    @Test("the same choice id in different questions is fine")
    func choiceIdsReused() throws {
        let lens = try LensFixtures.load("choice-ids-reused.json").lens
        #expect(lens.question(id: "sec_data")?.1.choices[0].id == "ops_observe_metrics")
    }

    @Test("a question without a default rule imports with a warning")
    func missingDefault() throws {
        let result = try LensFixtures.load("missing-default.json")
        #expect(result.warnings.map(\.path.description) == ["pillars[0].questions[1].riskRules"])
        #expect(result.warnings[0].message.contains("no default rule"))
        #expect(result.warnings[0].message.contains("UNANSWERED"))
        #expect(result.lens.question(id: "ops_observe")?.1.hasDefaultRule == false)
    }

    @Test("an empty url is read as no url, with a warning")
    func emptyURL() throws {
        let result = try LensFixtures.load("empty-url.json")
        #expect(result.warnings.map(\.path.description) == ["pillars[0].questions[0].choices[1].helpfulResource.url"])
        #expect(result.lens.question(id: "ops_deploy")?.1.choices[1].helpfulResource == LensResource(displayText: "No link yet"))
    }

    @Test("a None-of-these choice may appear in rules like any other choice")
    func noneChoiceInRules() throws {
        let result = try LensFixtures.load("none-choice-in-rules.json")
        #expect(result.warnings == [])
    }

    @Test("unknown keys are dropped with one warning each")
    func extraKeys() throws {
        let result = try LensFixtures.load("extra-keys.json")
        #expect(
            result.warnings.map(\.path.description) == [
                "_version", "pillars[0].description", "pillars[0].questions[0].number", "pillars[0].questions[0].choices[0].number",
            ])
        #expect(result.lens == (try LensFixtures.load("valid.json").lens))
    }

    @Test("a repeated key: the last value counts, with a warning")
    func duplicateKey() throws {
        let result = try LensFixtures.load("duplicate-key.json")
        #expect(result.warnings.map(\.message) == ["duplicate key \"url\"; the last value is used"])
        #expect(result.lens == (try LensFixtures.load("valid.json").lens))
    }

    @Test("more than three rules are refused")
    func fourRules() throws {
        let error = try LensFixtures.rejection("four-rules.json")
        #expect(error.errors.map(\.path.description) == ["pillars[0].questions[0].riskRules"])
        #expect(error.errors[0].message == "4 risk rules in a question; at most 3 are allowed")
    }

    @Test("a malformed condition is refused with its column, question and rule")
    func malformedCondition() throws {
        let error = try LensFixtures.rejection("malformed-condition.json")
        #expect(error.errors.count == 1)
        #expect(error.errors[0].path.description == "pillars[0].questions[0].riskRules[1].condition")
        #expect(error.errors[0].message == "expected ')', found the end of the condition at column 44 in question ops_deploy rule 2")
        #expect(error.errors[0].position == SourcePosition(line: 74, column: 28))
    }

    @Test("a condition naming a choice the question does not have is refused")
    func unknownChoice() throws {
        let error = try LensFixtures.rejection("unknown-choice-in-condition.json")
        #expect(
            error.errors.map(\.message) == [
                "unknown choice id \"ops_deploy_typo\" in question ops_deploy rule 2; its choices are ops_deploy_pipeline, ops_deploy_rollback, ops_deploy_canary, ops_deploy_no"
            ])
    }

    @Test("titles of 129 characters are refused; 128 characters and 2048-character texts pass")
    func overLimitTitle() throws {
        let error = try LensFixtures.rejection("over-limit-title.json")
        #expect(error.errors.map(\.path.description) == ["pillars[0].questions[0].choices[0].title"])
        #expect(error.errors[0].message == "\"title\" is 129 characters long; at most 128 are allowed")
    }

    @Test("10 pillars, 20 questions in a pillar and 15 choices are the limits, not over them")
    func limits() throws {
        let lens = try LensFixtures.load("ten-pillars.json").lens
        #expect(lens.pillars.count == 10)
        #expect(lens.pillars[0].questions.count == 20)
        #expect(lens.pillars[0].questions[0].choices.count == 15)
        let error = try LensFixtures.rejection("over-limit-counts.json")
        #expect(
            error.errors.map(\.message) == [
                "11 pillars; at most 10 are allowed",
                "21 questions in a pillar; at most 20 are allowed",
                "16 choices in a question; at most 15 are allowed",
            ])
    }

    @Test("a choice without an improvement plan is refused unless it is None of these")
    func missingImprovementPlan() throws {
        let error = try LensFixtures.rejection("missing-improvement-plan.json")
        #expect(error.errors.map(\.path.description) == ["pillars[0].questions[0].choices[1]"])
        #expect(error.errors[0].message.contains("needs an improvementPlan"))
    }

    @Test("urls must be http or https and need a display text")
    func badURLs() throws {
        let error = try LensFixtures.rejection("bad-urls.json")
        #expect(
            error.errors.map(\.path.description) == [
                "pillars[0].questions[0].helpfulResource.url", "pillars[0].questions[0].choices[0].improvementPlan",
            ])
        #expect(error.errors[0].message == "url \"ftp://example.com/x\" must start with http:// or https://")
        #expect(error.errors[1].message == "the required field \"displayText\" is missing")
    }

    @Test("ids must be 3 to 128 letters, digits or underscores")
    func badIds() throws {
        let error = try LensFixtures.rejection("bad-ids.json")
        #expect(
            error.errors.map(\.path.description) == [
                "pillars[0].id", "pillars[0].questions[0].id", "pillars[0].questions[0].choices[2].id",
                "pillars[0].questions[0].riskRules[0].condition",
            ])
        #expect(error.errors[0].message == "pillar id \"op\" must be 3 to 128 letters, digits or underscores")
    }

    @Test("official lenses may use dashes in question ids and any characters in texts")
    func officialKind() throws {
        let custom = try LensFixtures.rejection("dash-question-id.json")
        #expect(custom.errors.map(\.path.description) == ["pillars[0].questions[0].id"])
        #expect(custom.warnings.map(\.path.description) == ["name"])
        let official = try LensFixtures.load("dash-question-id.json", kind: .official)
        #expect(official.warnings == [])
        #expect(official.lens.question(id: "cloud-financial-management") != nil)
    }

    @Test("only schemaVersion 2021-11-01 is a lens")
    func schemaVersion() throws {
        let error = try LensFixtures.rejection("unknown-schema-version.json")
        #expect(
            error.errors.map(\.message) == [
                "unknown schemaVersion \"2023-06-22\"; a lens file has schemaVersion \"2021-11-01\""
            ])
        #expect(error.errors[0].position == SourcePosition(line: 2, column: 20))
    }

    @Test("characters AWS refuses in titles are warnings, not errors")
    func restrictedCharacters() throws {
        let result = try LensFixtures.load("restricted-characters.json")
        #expect(
            result.warnings.map(\.path.description) == [
                "name", "pillars[0].questions[0].title", "pillars[0].questions[0].choices[0].title",
            ])
        #expect(result.warnings[0].message.hasPrefix("contains characters AWS refuses here: ; [ ] (allowed: letters"))
        #expect(result.warnings[1].message.hasPrefix("contains characters AWS refuses here: < > (allowed"))
        #expect(result.warnings[2].message.hasPrefix("contains characters AWS refuses here: % (allowed"))
        let invisible = try LensLoader.load(
            CanonicalJSON.encode(Lens(name: "No\u{A0}break\tTab", description: "d", pillars: result.lens.pillars)), file: "x")
        #expect(invisible.warnings[0].message.hasPrefix("contains characters AWS refuses here: U+00A0 U+0009 (allowed"))
    }

    @Test("whitespace around a condition is trimmed with a warning")
    func whitespaceCondition() throws {
        let result = try LensFixtures.load("whitespace-condition.json")
        #expect(result.warnings.map(\.message) == ["whitespace around the condition trimmed"])
        #expect(
            result.lens.question(id: "ops_deploy")?.1.riskRules[0].condition
                == "ops_deploy_pipeline && (ops_deploy_rollback || ops_deploy_canary)")
    }

    @Test("rules after default and choices no rule mentions are warnings")
    func unreachableAndUnused() throws {
        let result = try LensFixtures.load("unreachable-and-unused.json")
        #expect(result.warnings.map(\.path.description) == ["pillars[0].questions[1].riskRules[2]", "pillars[1].questions[1].choices"])
        #expect(result.warnings[0].message == "rule 3 of question ops_observe comes after the default rule (rule 2) and is never used")
        #expect(
            result.warnings[1].message
                == "no rule of question sec_data mentions choice sec_data_rotate; selecting it never changes the risk")
        let official = try LensFixtures.load("unreachable-and-unused.json", kind: .official)
        #expect(official.warnings.map(\.path.description) == ["pillars[0].questions[1].riskRules[2]"])
    }

    @Test("every error is reported at once, not just the first")
    func manyErrors() throws {
        let error = try LensFixtures.rejection("many-errors.json")
        #expect(
            error.errors.map(\.path.description) == [
                "description", "pillars[0].questions[0].riskRules[2].risk", "pillars[0].questions[1].choices[0].title",
                "pillars[1].questions",
            ])
        #expect(
            error.errors.map(\.message) == [
                "\"description\" must be a string, found a number",
                "unknown risk \"LOW_RISK\"; expected HIGH_RISK, MEDIUM_RISK or NO_RISK",
                "\"title\" must not be empty",
                "a pillar needs at least one question",
            ])
        #expect(error.errors.allSatisfy { $0.position != nil && $0.isError })
    }

    @Test("files over 500 KB are refused for custom lenses only")
    func fileSize() throws {
        var bytes = try LensFixtures.bytes("valid.json")
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: LensLimits.fileSize - bytes.count))
        #expect(throws: Never.self) { try LensLoader.load(bytes, file: "exactly-500k.json") }
        bytes.append(UInt8(ascii: "\n"))
        #expect(throws: Never.self) { try LensLoader.load(bytes, file: "big.json", kind: .official) }
        #expect(throws: LensValidationError.self) { try LensLoader.load(bytes, file: "big.json") }
        do {
            _ = try LensLoader.load(bytes, file: "big.json")
        } catch {
            #expect(error.errors.map(\.message) == ["the file is 512001 bytes; a custom lens cannot exceed 500 KB (512000 bytes)"])
        }
    }

    @Test("the root must be a lens object")
    func notAnObject() {
        #expect(throws: LensValidationError.self) { try LensLoader.load("[]", file: "array.json") }
        do {
            _ = try LensLoader.load("{}", file: "empty.json")
        } catch {
            #expect(
                error.errors.map(\.message) == [
                    "the required field \"schemaVersion\" is missing", "the required field \"name\" is missing",
                    "the required field \"description\" is missing", "the required field \"pillars\" is missing",
                ])
        }
    }
}
