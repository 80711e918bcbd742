import Foundation
import Testing
import WelltreeCore

/// The four AWS lenses shipped in workspace-template: valid under the same rules as imported
/// lenses, written as Welltree writes JSON, following the conventions of built-in lenses, and
/// their derived risk rules behaving as documented (docs/builtin-lenses.md).
///
/// `scripts/generate-builtin-lenses.py` generates the files from the reference facts; the rules
/// they are judged by are Welltree's own, here and in `welltree lens validate --official`, which
/// the script runs. The script states none of them again.
@Suite("Built-in lenses")
struct BuiltinLensTests {
    static let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let aliases = ["wellarchitected", "serverless", "softwareasaservice", "foundationaltechnicalreview"]
    /// Every version shipped, oldest first; the last is current. 1.0 is published and frozen;
    /// 1.1 (minor) differs from it only in its improvement plan texts.
    static let versions = ["1.0", "1.1"]
    static let current = versions.last!
    /// Every shipped version file, as (alias, version).
    static let versionFiles = aliases.flatMap { alias in versions.map { (alias, $0) } }

    static func bytes(_ alias: String, _ file: String = "versions/\(current).json") throws -> [UInt8] {
        let path = projectRoot.appendingPathComponent("workspace-template/lenses/\(alias)/\(file)").path
        return Array(try #require(FileManager.default.contents(atPath: path), "cannot read \(path)"))
    }

    static func load(_ alias: String, version: String = current) throws -> Lens {
        try LensLoader.load(bytes(alias, "versions/\(version).json"), file: "\(alias)/versions/\(version).json", kind: .official).lens
    }

    @Test(arguments: [
        ("wellarchitected", 6, 57), ("serverless", 5, 9), ("softwareasaservice", 5, 14), ("foundationaltechnicalreview", 3, 12),
    ])
    func validatesWithTheExpectedShape(alias: String, pillars: Int, questions: Int) throws {
        let lens = try Self.load(alias)
        #expect(lens.pillars.count == pillars)
        #expect(lens.questionCount == questions)
        for question in lens.pillars.flatMap(\.questions) {
            #expect(question.noneOfTheseChoice != nil, "\(alias) \(question.id) has a None of these choice")
            #expect(question.hasDefaultRule, "\(alias) \(question.id) has a default rule")
        }
    }

    /// The file loads without a single warning, fits the file-size limit of custom lenses (an
    /// official lens is exempt, but the built-in ones need not be) and is exactly what Welltree's
    /// canonical encoder writes for the lens it holds: no key the format drops, no other spelling.
    @Test(arguments: versionFiles)
    func isCanonicalAndLoadsWithoutWarnings(alias: String, version: String) throws {
        let bytes = try Self.bytes(alias, "versions/\(version).json")
        let loaded = try LensLoader.load(bytes, file: alias, kind: .official)
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings.map(\.description))")
        #expect(bytes.count <= LensLimits.fileSize)
        #expect(try CanonicalJSON.encode(loaded.lens) == bytes, "\(alias) is not canonical JSON")
    }

    /// `lens.json` describes an AWS lens under the lens's own name, canonically encoded, with its
    /// versions in order: 1.0 (major), then 1.1 (minor, so workloads move to it by themselves).
    @Test(arguments: aliases)
    func metadataDescribesTheLens(alias: String) throws {
        let bytes = try Self.bytes(alias, "lens.json")
        let record = try JSONNodeDecoder().decode(LensRecord.self, from: bytes)
        #expect(try CanonicalJSON.encode(record) == bytes, "\(alias)/lens.json is not canonical JSON")
        #expect(record.alias == alias)
        #expect(record.name == (try Self.load(alias)).name)
        #expect(record.owner == "AWS")
        #expect(record.type == .awsOfficial)
        #expect(record.deletedAt == nil && record.createdAt == nil)
        #expect(record.versions.map(\.version) == Self.versions)
        #expect(record.versions.map(\.isMajor) == [true, false])
        #expect(record.versions.allSatisfy { $0.deprecatedAt == nil })
        let times = record.versions.map { ISOTime.seconds($0.createdAt) }
        #expect(times.allSatisfy { $0 != nil } && times == times.sorted { $0! < $1! }, "\(record.versions.map(\.createdAt))")
    }

    /// A minor version must not change how a review is judged: 1.1 has the pillars, questions,
    /// choices, rules and every other text of 1.0, and only other improvement plan texts.
    @Test(arguments: aliases)
    func theMinorVersionChangesOnlyImprovementPlanTexts(alias: String) throws {
        func withoutPlanTexts(_ lens: Lens) -> Lens {
            var lens = lens
            for p in lens.pillars.indices {
                for q in lens.pillars[p].questions.indices {
                    for c in lens.pillars[p].questions[q].choices.indices {
                        lens.pillars[p].questions[q].choices[c].improvementPlan?.displayText = ""
                    }
                }
            }
            return lens
        }
        let old = try Self.load(alias, version: "1.0")
        let new = try Self.load(alias, version: "1.1")
        #expect(withoutPlanTexts(old) == withoutPlanTexts(new))
        #expect(old != new)
    }

    /// Each improvement plan says what leaving the practice out does under the question's own
    /// rules, as Welltree evaluates them: with every other practice in place the question is at
    /// no risk ("does not change the question's risk"), at its worst risk ("stays at"), or better
    /// than its worst ("at ... at best", and "on its own it lifts" when the practice alone lifts
    /// the question). Texts start with the practice and name the page they link to.
    @Test(arguments: aliases)
    func improvementPlansStateTheRiskTheRulesGive(alias: String) throws {
        let lens = try Self.load(alias)
        let evaluator = LensEvaluator(lens: lens)
        let levels = try Self.levels()[alias]
        func words(_ risk: Risk) -> String {
            switch risk {
            case .high: "high risk"
            case .medium: "medium risk"
            default: "no risk"
            }
        }
        func severity(_ risk: Risk) -> Int { risk == .high ? 2 : risk == .medium ? 1 : 0 }
        for question in lens.pillars.flatMap(\.questions) {
            let none = try #require(question.noneOfTheseChoice).id
            let practices = question.choices.filter { !$0.isNoneOfThese }
            // Selecting only None of these is the answer with no practice in place.
            func risk(_ ids: [String]) -> Risk { Self.risk(evaluator, question, selecting: ids.isEmpty ? [none] : ids) }
            let worst = risk([])
            for choice in practices {
                let text = try #require(choice.improvementPlan?.displayText, "\(choice.id)")
                let without = risk(practices.map(\.id).filter { $0 != choice.id })
                let alone = risk([choice.id])
                let claim: String
                if without == .none {
                    claim = "it does not change the question's risk."
                } else if without == worst {
                    claim = "without it the question stays at \(words(without))."
                } else {
                    claim =
                        "without it the question is at \(words(without)) at best"
                        + (severity(alone) < severity(worst)
                            ? "; on its own it lifts the question from \(words(worst)) to \(words(alone))." : ".")
                }
                #expect(text.contains("In Welltree's rules for this lens, " + claim), "\(question.id)/\(choice.id): \(text)")
                #expect(
                    text.hasPrefix(choice.title.trimmingCharacters(in: CharacterSet(charactersIn: ". ")))
                        || alias == "wellarchitected", "\(choice.id) starts with its title: \(text)")
                #expect(
                    text.hasSuffix(
                        alias == "foundationaltechnicalreview"
                            ? "FTR checklist."
                            : "Guidance: "
                                + (alias == "wellarchitected"
                                    ? "its linked page in the AWS Well-Architected Framework."
                                    : "the linked AWS question page of the \(lens.name).")), "\(text)")
                #expect(choice.improvementPlan?.url == choice.helpfulResource?.url, "\(choice.id) links its AWS page")
                if let level = levels?[question.id]?[choice.id], alias == "wellarchitected" {
                    #expect(text.contains("AWS rates the risk of leaving it out \(level.lowercased())."), "\(choice.id): \(text)")
                }
            }
        }
    }

    /// Ids as the AWS API takes them, and a None of these choice as the tool shows it: exactly one
    /// per question, placed last, in its minimal form (id and title), never in a rule. Every best
    /// practice links to its page and has an improvement plan; the last rule is `default`.
    @Test(arguments: aliases)
    func idsAndChoicesFollowTheConventions(alias: String) throws {
        let lens = try Self.load(alias)
        for pillar in lens.pillars {
            #expect(LensLimits.isValidId(pillar.id), "pillar \(pillar.id)")
            for question in pillar.questions {
                // Only the framework keeps the hyphens of the AWS API question ids.
                #expect(LensLimits.isValidId(question.id, allowingDash: alias == "wellarchitected"), "question \(question.id)")
                let nones = question.choices.filter(\.isNoneOfThese)
                #expect(nones.count == 1 && question.choices.last?.isNoneOfThese == true, "\(question.id): one None of these, last")
                for none in nones {
                    #expect(none == LensChoice(id: none.id, title: "None of these"), "\(question.id): \(none.id) is not minimal")
                }
                let practices = question.choices.filter { !$0.isNoneOfThese }
                #expect(!practices.isEmpty, "\(question.id) has no best practice")
                for choice in question.choices {
                    // The API's ChoiceId is at most 64 characters, tighter than the lens format's 128.
                    #expect(LensLimits.isValidId(choice.id) && choice.id.count <= 64, "choice \(choice.id)")
                }
                for choice in practices {
                    #expect(choice.helpfulResource?.url?.hasPrefix("https://") == true, "\(choice.id): helpful resource link")
                    #expect(choice.improvementPlan?.url?.hasPrefix("https://") == true, "\(choice.id): improvement plan link")
                }
                #expect(question.helpfulResource?.url?.hasPrefix("https://") == true, "\(question.id): helpful resource link")
                #expect(question.description?.isEmpty == false, "\(question.id): description")
                #expect(question.riskRules.last?.isDefault == true, "\(question.id): the last rule is default")
                let mentioned = question.riskRules.flatMap { (try? RiskCondition.parse($0.condition).choiceIds) ?? [] }
                #expect(!mentioned.contains { id in nones.contains { $0.id == id } }, "\(question.id): a rule names None of these")
            }
        }
    }

    /// Texts the generator writes use only the characters the service accepts in lens names,
    /// descriptions, pillar names, question titles and descriptions and choice titles (Welltree
    /// warns about the others in custom lenses). Titles copied from AWS are kept as AWS writes
    /// them; the exceptions are listed (docs/builtin-lenses.md, "Exceptions").
    @Test(arguments: aliases)
    func textsUseTheCharactersTheServiceAccepts(alias: String) throws {
        let awsTitles: Set<String> = ["Validate \u{201C}noisy neighbor\u{201D} scale and availability"]
        let lens = try Self.load(alias)
        var texts = [lens.name, lens.description]
        for pillar in lens.pillars {
            texts.append(pillar.name)
            for question in pillar.questions {
                texts += [question.title, question.description ?? ""]
                texts += question.choices.map(\.title).filter { !awsTitles.contains($0) }
            }
        }
        for text in texts {
            #expect(LensLimits.restrictedCharacters(in: text).isEmpty, "\(alias): \(text)")
        }
    }

    @Test func frameworkKeepsTheAWSIdsAndCurlyApostrophesOfOtherLensesSurvive() throws {
        let framework = try Self.load("wellarchitected")
        #expect(
            framework.pillars.map(\.id) == [
                "operationalExcellence", "security", "reliability", "performance", "costOptimization", "sustainability",
            ])
        let (_, priorities) = try #require(framework.question(id: "priorities"))
        #expect(priorities.choices.first?.id == "ops_priorities_ext_cust_needs")
        #expect(priorities.noneOfTheseChoice?.id == "ops_priorities_no")
        #expect(framework.question(id: "cloud-financial-management") != nil)
        let serverless = try Self.load("serverless")
        #expect(serverless.pillars.flatMap(\.questions).contains { $0.title.contains("\u{2019}") })
    }

    /// Answers built from a question's choices by a rule, and the risk each must give.
    static func risk(_ evaluator: LensEvaluator, _ question: LensQuestion, selecting ids: [String], notApplicable: [String] = []) -> Risk {
        evaluator.risk(
            questionId: question.id,
            answer: Answer(
                selectedChoices: ids,
                notApplicableChoices: Dictionary(uniqueKeysWithValues: notApplicable.map { ($0, ChoiceNotApplicable()) })))
    }

    /// Every question, whatever its rules: not applicable is NOT_APPLICABLE, nothing answered is
    /// UNANSWERED, every best practice selected (or all marked not applicable) is NO_RISK.
    static func commonScenarios(_ evaluator: LensEvaluator, _ question: LensQuestion, _ practices: [String]) {
        #expect(evaluator.risk(questionId: question.id, answer: nil) == .unanswered, "\(question.id) unanswered")
        #expect(
            evaluator.risk(questionId: question.id, answer: Answer(isApplicable: false, reason: .outOfScope)) == .notApplicable,
            "\(question.id) not applicable")
        #expect(risk(evaluator, question, selecting: practices) == .none, "\(question.id) all selected")
        #expect(risk(evaluator, question, selecting: [], notApplicable: practices) == .none, "\(question.id) all not applicable")
    }

    @Test func frameworkRulesFollowThePublishedRiskLevels() throws {
        let lens = try Self.load("wellarchitected")
        let evaluator = LensEvaluator(lens: lens)
        let (_, question) = try #require(lens.question(id: "backing-up-data"))
        let all = question.choices.filter { !$0.isNoneOfThese }.map(\.id)
        let high = ["rel_backing_up_data_identified_backups_data", "rel_backing_up_data_secured_backups_data"]
        #expect(Self.risk(evaluator, question, selecting: all) == .none)
        #expect(Self.risk(evaluator, question, selecting: high) == .medium)
        #expect(Self.risk(evaluator, question, selecting: [high[0]]) == .high)
        #expect(Self.risk(evaluator, question, selecting: ["rel_backing_up_data_no"]) == .high)
        // A high-risk practice marked not applicable counts as in place.
        #expect(Self.risk(evaluator, question, selecting: [high[0]], notApplicable: [high[1]]) == .medium)
    }

    /// The levels of the framework's and the serverless lens's best practices, as the generator
    /// read them from the reference (Fixtures/builtin-lens-levels.json).
    static func levels() throws -> [String: [String: [String: String]]] {
        struct File: Decodable { var levels: [String: [String: [String: String]]] }
        let url = try #require(Bundle.module.url(forResource: "Fixtures/builtin-lens-levels", withExtension: "json"))
        return try JSONNodeDecoder().decode(File.self, from: Array(try Data(contentsOf: url))).levels
    }

    /// The derivation of docs/builtin-lenses.md, on every question: NO_RISK when every HIGH and
    /// MEDIUM practice is in place, MEDIUM_RISK when every HIGH one is, HIGH_RISK otherwise; a
    /// question without HIGH practices is at worst MEDIUM_RISK, one with only LOW ones NO_RISK.
    @Test(arguments: ["wellarchitected", "serverless"])
    func leveledRulesFollowTheDerivation(alias: String) throws {
        let lens = try Self.load(alias)
        let evaluator = LensEvaluator(lens: lens)
        let levels = try #require(try Self.levels()[alias])
        #expect(Set(levels.keys) == Set(lens.pillars.flatMap(\.questions).map(\.id)), "the levels cover exactly the questions")
        for question in lens.pillars.flatMap(\.questions) {
            let practices = question.choices.filter { !$0.isNoneOfThese }.map(\.id)
            let level = try #require(levels[question.id])
            #expect(Set(level.keys) == Set(practices), "\(question.id): the levels cover exactly the best practices")
            let high = practices.filter { level[$0] == "HIGH" }
            let medium = practices.filter { level[$0] == "MEDIUM" }
            let worst: Risk = !high.isEmpty ? .high : !medium.isEmpty ? .medium : .none
            Self.commonScenarios(evaluator, question, practices)
            // (An answer selecting nothing is UNANSWERED, so scenarios that would select nothing are left out.)
            if !(high + medium).isEmpty {
                #expect(Self.risk(evaluator, question, selecting: high + medium) == .none, "\(question.id) HIGH and MEDIUM selected")
            }
            #expect(
                Self.risk(evaluator, question, selecting: [question.noneOfTheseChoice!.id]) == worst, "\(question.id) only None of these")
            if let first = high.first, !medium.isEmpty {
                #expect(Self.risk(evaluator, question, selecting: high) == .medium, "\(question.id) only HIGH selected")
                #expect(
                    Self.risk(evaluator, question, selecting: practices.filter { $0 != first }) == .high, "\(question.id) one HIGH missing")
                #expect(
                    Self.risk(evaluator, question, selecting: practices.filter { $0 != first }, notApplicable: [first]) == .none,
                    "\(question.id) the missing HIGH one marked not applicable")
            }
            if let first = medium.first, practices.count > 1 {
                #expect(
                    Self.risk(evaluator, question, selecting: practices.filter { $0 != first }) == .medium,
                    "\(question.id) one MEDIUM missing")
            }
        }
    }

    /// SaaS: all, some, none. FTR: every practice or high risk.
    @Test(arguments: [("foundationaltechnicalreview", Risk.high), ("softwareasaservice", Risk.medium)])
    func ftrRequiresEveryPracticeAndSaaSGradesPartialAnswers(alias: String, some: Risk) throws {
        let lens = try Self.load(alias)
        let evaluator = LensEvaluator(lens: lens)
        for question in lens.pillars.flatMap(\.questions) {
            let practices = question.choices.filter { !$0.isNoneOfThese }.map(\.id)
            Self.commonScenarios(evaluator, question, practices)
            #expect(
                Self.risk(evaluator, question, selecting: [question.noneOfTheseChoice!.id]) == .high, "\(question.id) only None of these")
            #expect(
                Self.risk(evaluator, question, selecting: Array(practices.dropFirst()), notApplicable: [practices[0]]) == .none,
                "\(question.id) first not applicable, the rest selected")
            if practices.count > 1 {
                #expect(Self.risk(evaluator, question, selecting: [practices[0]]) == some, "\(question.id) one selected")
            }
        }
    }

    /// The reference facts beside the project, when present.
    static let reference = projectRoot.deletingLastPathComponent().appendingPathComponent("shared/reference")
    static let hasReference = FileManager.default.fileExists(atPath: reference.appendingPathComponent("framework-lens.csv").path)

    /// The committed lens files and levels are exactly what the generator makes from the reference
    /// facts (ids, titles, links, rules), and `welltree lens validate --official` accepts them. The
    /// generator runs the welltree binary built beside this test bundle.
    @Test(.enabled(if: hasReference, "the reference facts are not beside the project"))
    func filesMatchTheReferenceFacts() throws {
        let bundleDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let welltree = try #require(
            [bundleDirectory, bundleDirectory.deletingLastPathComponent()].map { $0.appendingPathComponent("welltree").path }
                .first { FileManager.default.isExecutableFile(atPath: $0) },
            "no welltree binary beside the test bundle (swift build --build-tests builds it)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", Self.projectRoot.appendingPathComponent("scripts/generate-builtin-lenses.py").path,
            "--reference", Self.reference.path, "--out", Self.projectRoot.appendingPathComponent("workspace-template/lenses").path,
            "--welltree", welltree, "--check",
        ]
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(message)")
    }
}
