import Foundation
import Testing
import WelltreeAWS
import WelltreeCore

/// Reading a dump: every document in its operation's shape, the documents agreeing with each
/// other, and every problem named with its file, JSON path, line and column.
@Suite("AWS dump reader")
struct DumpReaderTests {
    typealias F = AWSFixtures

    @Test func readsTheFixtureDump() throws {
        let dump = try AWSDumpReader.read(try F.dump())
        #expect(dump.milestones.map { $0.milestone?.number } == [1, 2, 3])
        #expect(dump.milestones.map { $0.milestone?.name } == ["Initial review", "After payments hardening", "Checkout lens 2.0"])
        // CLI v1 prints seconds since 1970; Welltree keeps UTC to the second.
        #expect(dump.milestones.first?.milestone?.recordedAt == "2025-10-01T09:00:00Z")
        #expect(dump.present.workload.updatedAt == "2026-03-02T16:20:05Z")
        #expect(dump.present.workload.tags == ["team": "checkout", "cost-center": "4711"])
        #expect(dump.present.workload.lenses == ["wellarchitected", F.customArn])
        #expect(dump.present.lensReviews.map(\.alias) == ["wellarchitected", F.customArn])
        #expect(dump.present.lensReviews.map(\.version) == ["2024-06-27", "2.0"])
        #expect(dump.milestones.map { $0.lensReviews[1].version } == ["1.0", "1.0", "2.0"])
        #expect(dump.present.lensReviews.map(\.answers.count) == [57, 4])

        let first = try #require(dump.milestones.first?.lensReviews.first)
        let deploy = try #require(first.answers.first { $0.questionId == "mit-deploy-risks" })
        #expect(deploy.notes == "Rollback plan is in the runbook")
        #expect(deploy.risk == .medium)
        let marked = try #require(deploy.choiceAnswers.first { $0.status == "NOT_APPLICABLE" })
        #expect(marked.choiceId == "ops_mit_deploy_risks_deploy_mgmt_sys")
        #expect(marked.reason == .businessPriorities)
        #expect(marked.notes == "Manual releases until the platform migration")

        let second = dump.milestones[1]
        #expect(second.lensReviews[0].notes == "Second pass after the payments incident")
        #expect(second.lensReviews[0].pillars.first { $0.id == "security" }?.notes == "Reviewed with the security team")
        let hardware = try #require(second.lensReviews[0].answers.first { $0.questionId == "sus_hardware" })
        #expect(!hardware.isApplicable && hardware.reason == .outOfScope && hardware.risk == .notApplicable)

        #expect(dump.shares.map(\.sharedWith) == ["444455556666", "777788889999"])
        #expect(dump.shares.map(\.status) == ["PENDING", "ACCEPTED"])
        #expect(dump.lensExports.map(\.version) == ["1.0", "2.0"])
        #expect(dump.lensExports.map(\.lens.name) == ["Checkout review", "Checkout review"])
        #expect(dump.lensExports.map(\.lens.questionCount) == [3, 4])

        // What is not imported is said, with where.
        let notices = dump.notices.map(\.description)
        #expect(notices.contains { $0.hasPrefix("get-workload.json: Workload.DiscoveryConfig: the discovery configuration") })
        #expect(notices.contains { $0.hasPrefix("get-workload.json: Workload.Owner: the owning account is not imported") })
    }

    @Test func readsTimestampsAsBothCLIVersionsPrintThem() throws {
        for (written, read) in [
            ("1772468405.123", "2026-03-02T16:20:05Z"), ("1772468405", "2026-03-02T16:20:05Z"),
            ("\"2026-03-02T16:20:05.123000+00:00\"", "2026-03-02T16:20:05Z"), ("\"2026-03-02T18:20:05+02:00\"", "2026-03-02T16:20:05Z"),
            ("\"2026-03-02T16:20:05Z\"", "2026-03-02T16:20:05Z"), ("\"2026-03-02T11:20:05-0500\"", "2026-03-02T16:20:05Z"),
        ] {
            var dump = try F.dump()
            let text = String(decoding: try #require(dump.files["get-workload.json"]), as: UTF8.self)
                .replacingOccurrences(of: "\"UpdatedAt\": 1772468405.123", with: "\"UpdatedAt\": \(written)")
            dump.files["get-workload.json"] = Array(text.utf8)
            #expect(try AWSDumpReader.read(dump).present.workload.updatedAt == read, "\(written)")
        }
    }

    /// A way a dump can be wrong, and what the reader must say.
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let file: String
        let edit: @Sendable (inout [String: Any]) -> Void
        /// The problem's subject, path and a part of its rule.
        let subject: String
        let path: String?
        let rule: String
        var testDescription: String { name }
    }

    static let answerFile = "lenses/wellarchitected/answers/mit-deploy-risks.json"
    static let milestoneAnswer = "milestones/2/lenses/wellarchitected/answers/priorities.json"

    static let cases: [Case] = [
        Case(name: "an environment the API does not have", file: "get-workload.json",
             edit: { d in d["Workload"] = (d["Workload"] as! [String: Any]).merging(["Environment": "PROD"]) { $1 } },
             subject: "get-workload.json", path: "Workload.Environment", rule: "must be one of PRODUCTION, PREPRODUCTION"),
        Case(name: "a workload id that is not one", file: "get-workload.json",
             edit: { d in d["Workload"] = (d["Workload"] as! [String: Any]).merging(["WorkloadId": "A1B2"]) { $1 } },
             subject: "get-workload.json", path: "Workload.WorkloadId", rule: "must be 32 lowercase hexadecimal digits (WorkloadId)"),
        Case(name: "a name shorter than the API allows", file: "get-workload.json",
             edit: { d in d["Workload"] = (d["Workload"] as! [String: Any]).merging(["WorkloadName": "ab"]) { $1 } },
             subject: "get-workload.json", path: "Workload.WorkloadName", rule: "must be 3 to 100 characters"),
        Case(name: "more tags than the API allows", file: "get-workload.json",
             edit: { d in d["Workload"] = (d["Workload"] as! [String: Any]).merging(["Tags": Dictionary(uniqueKeysWithValues: (0..<51).map { ("k\($0)", "v") })]) { $1 } },
             subject: "get-workload.json", path: "Workload.Tags", rule: "has 51 entries; the API allows at most 50"),
        Case(name: "an answer of another workload", file: answerFile, edit: { d in d["WorkloadId"] = "ffffffffffffffffffffffffffffffff" },
             subject: answerFile, path: "WorkloadId", rule: "is another workload's id"),
        Case(name: "an answer of another question", file: answerFile,
             edit: { d in d["Answer"] = (d["Answer"] as! [String: Any]).merging(["QuestionId": "priorities"]) { $1 } },
             subject: answerFile, path: "Answer.QuestionId", rule: "must be mit-deploy-risks, the question this file is of"),
        Case(name: "an answer of another lens", file: answerFile, edit: { d in d["LensAlias"] = "serverless" },
             subject: answerFile, path: "LensAlias", rule: "must be wellarchitected, the lens review this file is of"),
        Case(name: "a milestone's answer without its number", file: milestoneAnswer, edit: { d in d["MilestoneNumber"] = nil },
             subject: milestoneAnswer, path: "MilestoneNumber", rule: "is missing; must be 2"),
        Case(name: "a present answer with a milestone number", file: answerFile, edit: { d in d["MilestoneNumber"] = 3 },
             subject: answerFile, path: "MilestoneNumber", rule: "must be absent: the file is of the present state"),
        Case(name: "pages left unmerged", file: "lenses/wellarchitected/list-answers.json", edit: { d in d["NextToken"] = "50" },
             subject: "lenses/wellarchitected/list-answers.json", path: "NextToken", rule: "scripts/aws-export merges every page"),
        Case(name: "a choice status the API does not have", file: answerFile,
             edit: { d in
                 var a = d["Answer"] as! [String: Any]
                 var choices = a["ChoiceAnswers"] as! [[String: Any]]
                 choices[0]["Status"] = "MAYBE"
                 a["ChoiceAnswers"] = choices
                 d["Answer"] = a
             },
             subject: answerFile, path: "Answer.ChoiceAnswers[0].Status", rule: "must be one of SELECTED, NOT_APPLICABLE, UNSELECTED"),
        Case(name: "choice notes over 250 characters", file: answerFile,
             edit: { d in
                 var a = d["Answer"] as! [String: Any]
                 var choices = a["ChoiceAnswers"] as! [[String: Any]]
                 choices[2]["Notes"] = String(repeating: "n", count: 251)
                 a["ChoiceAnswers"] = choices
                 d["Answer"] = a
             },
             subject: answerFile, path: "Answer.ChoiceAnswers[2].Notes", rule: "must be 0 to 250 characters"),
        Case(name: "selections that are not a list", file: answerFile,
             edit: { d in d["Answer"] = (d["Answer"] as! [String: Any]).merging(["SelectedChoices": "ops_mit_deploy_risks_test_val_chg"]) { $1 } },
             subject: answerFile, path: "Answer.SelectedChoices", rule: "must be a list, not a string"),
        Case(name: "a share with a principal too short", file: "list-workload-shares.json",
             edit: { d in
                 var shares = d["WorkloadShareSummaries"] as! [[String: Any]]
                 shares[1]["SharedWith"] = "bob"
                 d["WorkloadShareSummaries"] = shares
             },
             subject: "list-workload-shares.json", path: "WorkloadShareSummaries[1].SharedWith", rule: "must be 12 to 2048 characters"),
        Case(name: "a lens review of another lens", file: "lenses/wellarchitected/get-lens-review.json",
             edit: { d in d["LensReview"] = (d["LensReview"] as! [String: Any]).merging(["LensAlias": "serverless"]) { $1 } },
             subject: "lenses/wellarchitected/get-lens-review.json", path: "LensReview.LensAlias", rule: "must be wellarchitected"),
        Case(name: "a milestone whose name is not the listed one", file: "milestones/3/get-milestone.json",
             edit: { d in d["Milestone"] = (d["Milestone"] as! [String: Any]).merging(["MilestoneName": "Something else"]) { $1 } },
             subject: "milestones/3/get-milestone.json", path: "Milestone.MilestoneName", rule: "the name ListMilestones gives it"),
        Case(name: "an exported lens that is no valid lens", file: "lens-exports/\(AWSFixtures.customDirectory)/2.0.json",
             edit: { d in d["LensJSON"] = "{\"schemaVersion\": \"2021-11-01\", \"name\": \"x\", \"description\": \"y\", \"pillars\": []}" },
             subject: "lens-exports/\(AWSFixtures.customDirectory)/2.0.json", path: "LensJSON.pillars", rule: "the lens file is invalid: a lens needs at least one pillar"),
        Case(name: "a risk the API does not have", file: answerFile,
             edit: { d in d["Answer"] = (d["Answer"] as! [String: Any]).merging(["Risk": "LOW"]) { $1 } },
             subject: answerFile, path: "Answer.Risk", rule: "must be one of UNANSWERED, HIGH, MEDIUM, NONE, NOT_APPLICABLE"),
    ]

    @Test(arguments: cases) func refusesWhatIsNotInTheShapes(_ c: Case) throws {
        let dump = try F.editing(try F.dump(), c.file, c.edit)
        let problems = F.problems(reading: dump)
        let match = problems.first { $0.subject == c.subject && $0.path?.description == c.path && $0.rule.contains(c.rule) }
        #expect(match != nil, "\(problems.map(\.description).joined(separator: "\n"))")
        // Positions are the place in the file (JSONSerialization writes one member a line).
        if let match, match.path?.components.isEmpty == false, c.name != "a milestone's answer without its number" {
            #expect(match.position != nil, "\(match)")
        }
    }

    @Test func namesTheLineAndColumnOfTheValue() throws {
        var dump = try F.dump()
        let text = String(decoding: try #require(dump.files["get-workload.json"]), as: UTF8.self)
            .replacingOccurrences(of: "\"Environment\": \"PRODUCTION\"", with: "\"Environment\": \"PROD\"")
        dump.files["get-workload.json"] = Array(text.utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.contains("\"PROD\"") }) + 1
        let column = try #require(lines[line - 1].range(of: "\"PROD\"")).lowerBound.utf16Offset(in: lines[line - 1]) + 1
        let problem = try #require(F.problems(reading: dump).first)
        #expect(problem.description == "get-workload.json: Workload.Environment: \"PROD\" must be one of PRODUCTION, PREPRODUCTION (line \(line), column \(column))")
    }

    @Test func refusesMissingFilesAndFilesThatAreNotJSON() throws {
        var dump = try F.dump()
        dump.files["milestones/1/lenses/wellarchitected/answers/priorities.json"] = nil
        dump.files["list-workload-shares.json"] = Array("{\"WorkloadId\": ".utf8)
        let problems = F.problems(reading: dump).map(\.description)
        #expect(problems.contains("milestones/1/lenses/wellarchitected/answers/priorities.json: is missing; scripts/aws-export writes it for this dump"))
        #expect(problems.contains { $0.hasPrefix("list-workload-shares.json: $: is not JSON: ") })
    }

    @Test func refusesAnAnswerNoListingNames() throws {
        var dump = try F.dump()
        let answer = try #require(dump.files[Self.answerFile])
        dump.files["lenses/wellarchitected/answers/not-a-question.json"] = answer
        dump.files["README.txt"] = Array("notes of the person who ran the export".utf8)
        do {
            _ = try AWSDumpReader.read(dump)
            Issue.record("read a dump with an answer no ListAnswers lists")
        } catch {
            #expect(error.kind == .invalidDump)
            #expect(error.problems.map(\.description) == ["lenses/wellarchitected/answers/not-a-question.json: is an answer no ListAnswers of the dump lists"])
        }
        // Anything else outside the layout is ignored, and said so.
        dump.files["lenses/wellarchitected/answers/not-a-question.json"] = nil
        let read = try AWSDumpReader.read(dump)
        #expect(read.notices.map(\.description).contains("README.txt: is not part of the dump's layout; ignored"))
    }

    @Test func refusesQuestionIdsThatShareAFileName() throws {
        let listing = "lenses/wellarchitected/list-answers.json"
        let dump = try F.editing(try F.dump(), listing) { d in
            var summaries = d["AnswerSummaries"] as! [[String: Any]]
            summaries.append(["QuestionId": "cost q1"])
            summaries.append(["QuestionId": "cost:q1"])
            d["AnswerSummaries"] = summaries
        }
        let problems = F.problems(reading: dump).map(\.description)
        #expect(problems.contains { $0.hasPrefix("\(listing): \"cost:q1\" has the same file name (cost_q1) as cost q1") }, "\(problems)")
    }

    @Test func noticesMembersTheModelDoesNotDefine() throws {
        let dump = try F.editing(try F.dump(), Self.answerFile) { d in d["Answer"] = (d["Answer"] as! [String: Any]).merging(["Confidence": "high"]) { $1 } }
        let read = try AWSDumpReader.read(dump)
        #expect(read.notices.map(\.description).contains("\(Self.answerFile): Answer.Confidence: not a member of the API's Answer; ignored"))
    }

    @Test func escapesWhatItQuotes() throws {
        let dump = try F.editing(try F.dump(), "get-workload.json") { d in
            d["Workload"] = (d["Workload"] as! [String: Any]).merging(["Environment": "PROD\u{1b}[2J\u{202e}"]) { $1 }
        }
        let text = try #require(F.problems(reading: dump).first).description
        #expect(text.contains("PROD\\u{1B}[2J\\u{202E}") && !text.contains("\u{1b}"))
    }
}
