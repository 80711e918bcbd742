import Foundation
import Testing
import WelltreeAWS
import WelltreeCore

/// A dump mapped onto Welltree's values: the workload with its id in every state, answers and
/// notes as Welltree holds them, milestones in order, shares as pending invitations, custom lens
/// versions, what is lost, and the service's risks against Welltree's.
@Suite("AWS import plan")
struct ImportPlanTests {
    typealias F = AWSFixtures

    @Test func mapsEveryStateOntoWelltreeValues() throws {
        let plan = try F.plan()
        #expect(plan.workloadId == F.workloadId)
        #expect(plan.states.map { $0.milestone?.number } == [1, 2, 3, nil])
        #expect(plan.states.allSatisfy { $0.workload.id == F.workloadId && $0.workload.owner == F.owner })
        // The service does not say when the workload was created: the earliest time it gives.
        #expect(plan.states.allSatisfy { $0.workload.createdAt == "2025-10-01T08:00:00Z" })
        #expect(plan.states.map(\.workload.updatedAt) == ["2025-10-01T08:00:00Z", "2025-12-15T12:00:00Z", "2026-02-20T06:46:40Z", "2026-03-02T16:20:05Z"])

        let present = plan.present.workload
        #expect(present.name == "Checkout Platform")
        #expect(present.environment == .production)
        #expect(present.awsRegions == ["eu-west-1", "eu-central-1"] && present.nonAwsRegions == ["Dublin office"])
        #expect(present.accountIds == ["111122223333"])
        #expect(present.industryType == "Retail & Wholesale" && present.industry == "Online retail")
        #expect(present.improvementStatus == .inProgress)
        #expect(present.tags == ["team": "checkout", "cost-center": "4711"])
        // The workspace's own order is not stored as the workload's.
        #expect(present.pillarPriorities == nil)
        #expect(present.lenses == [WorkloadLens(alias: "wellarchitected", version: "1.1"), WorkloadLens(alias: F.customAlias, version: "2.0")])
        #expect(WorkloadValidation.validate(present).isEmpty)

        let first = plan.states[0]
        #expect(first.workload.description == "Payments of the web shop")
        #expect(first.workload.improvementStatus == .notStarted)
        #expect(first.workload.tags == ["team": "payments"])
        #expect(first.workload.lenses.last == WorkloadLens(alias: F.customAlias, version: "1.0"))
        #expect(first.answers["wellarchitected"]?["mit-deploy-risks"] == Answer(
            selectedChoices: ["ops_mit_deploy_risks_plan_for_unsucessful_changes", "ops_mit_deploy_risks_test_val_chg"],
            notApplicableChoices: ["ops_mit_deploy_risks_deploy_mgmt_sys": ChoiceNotApplicable(
                reason: .businessPriorities, notes: "Manual releases until the platform migration")],
            notes: "Rollback plan is in the runbook"))
        // Only answered questions get a file.
        #expect(first.answers["wellarchitected"]?.keys.sorted() == ["mit-deploy-risks", "org-culture", "priorities"])
        #expect(first.answers[F.customAlias]?["pay_tokens"]?.notApplicableChoices["pay_tokens_rotation"]?.reason == .architectureConstraints)
        #expect(first.answersUpdatedAt == ["wellarchitected": "2025-10-01T08:00:00Z", F.customAlias: "2025-10-01T08:00:00Z"])
        #expect(first.reviewNotes.isEmpty)

        let second = plan.states[1]
        #expect(second.answers["wellarchitected"]?["sus_hardware"] == Answer(isApplicable: false, reason: .outOfScope, notes: "No hardware of our own"))
        #expect(second.answers["wellarchitected"]?["org-culture"] == nil)
        #expect(second.reviewNotes["wellarchitected"] == LensReviewNotes(
            notes: "Second pass after the payments incident", pillarNotes: ["security": "Reviewed with the security team"]))
        #expect(second.reviewNotes[F.customAlias] == LensReviewNotes(pillarNotes: ["payments": "PCI scope reduced to the vault"]))
        #expect(plan.present.reviewNotes[F.customAlias] == nil)
        // A best practice marked not applicable without reason or notes.
        #expect(plan.present.answers["wellarchitected"]?["identities"]?.notApplicableChoices == [
            "sec_identities_groups_attributes": ChoiceNotApplicable(reason: AnswerReason.none, notes: nil)])
    }

    @Test func importsCustomLensVersionsSharesAndSaysWhatIsLost() throws {
        let plan = try F.plan()
        #expect(plan.customLenses.map(\.alias) == [F.customAlias])
        #expect(plan.customLenses.first?.arn == F.customArn)
        #expect(plan.customLenses.first?.name == "Checkout review")
        #expect(plan.customLenses.first?.versions.map(\.version) == ["1.0", "2.0"])
        for version in plan.customLenses.first?.versions ?? [] {
            // The version file is the lens in canonical JSON, which reads back as the same lens.
            #expect(try LensLoader.load(version.bytes, file: "v", kind: .custom).lens == version.lens)
            #expect(try CanonicalJSON.encode(version.lens) == version.bytes)
        }
        #expect(plan.shares.map(\.principal) == ["444455556666", "777788889999"])
        #expect(plan.shares.map(\.shareId) == ["0f1e2d3c4b5a69788796a5b4c3d2e1f0", "1a2b3c4d5e6f70819203a4b5c6d7e8f9"])
        #expect(plan.shares.map(\.permission) == [.readonly, .contributor])
        #expect(plan.shares.allSatisfy { $0.status == .pending && $0.sharedBy == F.owner && $0.invitedAt == F.now })
        let losses = plan.losses.map(\.description)
        #expect(losses.contains("list-workload-shares.json: the share with 777788889999 was accepted in AWS; here it is a pending invitation the principal accepts again"))
        #expect(losses.contains { $0.contains("DiscoveryConfig") })
    }

    @Test func agreesWithTheServiceWhereItsRisksFollowTheRules() throws {
        let comparison = try F.plan().comparison
        // 57 framework questions and 3 (then 4) custom ones, in four states.
        #expect(comparison.answersCompared == 2 * (57 + 3) + 2 * (57 + 4))
        #expect(comparison.differences.isEmpty)
        #expect(comparison.text == "The AWS Well-Architected Tool and Welltree give the same risk for all 242 answers.\n")
    }

    @Test func reportsEveryRiskThatDiffers() throws {
        let plan = try AWSImport.plan(try AWSDumpReader.read(try F.differingDump()), context: try F.context())
        let differences = plan.comparison.differences
        #expect(differences.count == 2)
        let custom = try #require(differences.first)
        #expect(custom.milestone == 1 && custom.lensAlias == F.customAlias && custom.questionId == "pay_tokens" && custom.pillarId == "payments")
        #expect(custom.selectedChoices == ["pay_tokens_vault"])
        #expect(custom.notApplicableChoices.map(\.choiceId) == ["pay_tokens_rotation"])
        #expect(custom.awsRisk == .none && custom.welltreeRisk == .medium)
        let framework = try #require(differences.last)
        #expect(framework.milestone == nil && framework.lensAlias == "wellarchitected" && framework.questionId == "identities")
        #expect(framework.awsRisk == .medium && framework.welltreeRisk == .high)
        #expect(plan.comparison.text == """
            Risks that differ between the AWS Well-Architected Tool and Welltree (2 of 242 answers):
            STATE        LENS             QUESTION    AWS     WELLTREE  SELECTED / NOT APPLICABLE
            milestone 1  checkout-review  pay_tokens  NONE    MEDIUM    pay_tokens_vault / pay_tokens_rotation (ARCHITECTURE_CONSTRAINTS)
            present      wellarchitected  identities  MEDIUM  HIGH      sec_identities_enforce_mechanisms,sec_identities_unique / sec_identities_groups_attributes (NONE)

            """)
        let json = String(decoding: try CanonicalJSON.encode(plan.comparison.output), as: UTF8.self)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(document["AnswersCompared"] as? Int == 242)
        let rows = try #require(document["RiskDifferences"] as? [[String: Any]])
        #expect(rows.first?["MilestoneNumber"] as? Int == 1)
        #expect(rows.last?["MilestoneNumber"] == nil)
        #expect(rows.map { $0["AwsRisk"] as? String } == ["NONE", "MEDIUM"])
        #expect(rows.map { $0["WelltreeRisk"] as? String } == ["MEDIUM", "HIGH"])
        #expect((rows.first?["NotApplicableChoices"] as? [[String: String]]) == [["ChoiceId": "pay_tokens_rotation", "Reason": "ARCHITECTURE_CONSTRAINTS"]])
    }

    @Test func refusesChoicesTheLensDoesNotHaveUnlessToldToDropThem() throws {
        let path = "lenses/wellarchitected/answers/priorities.json"
        let dump = try AWSDumpReader.read(try F.editing(try F.dump(), path) { d in
            var answer = d["Answer"] as! [String: Any]
            answer["SelectedChoices"] = (answer["SelectedChoices"] as! [String]) + ["ops_priorities_brand_new"]
            d["Answer"] = answer
        })
        let context = try F.context()
        do {
            _ = try AWSImport.plan(dump, context: context)
            Issue.record("imported a choice the lens does not have")
        } catch {
            #expect(error.kind == .cannotImport)
            #expect(error.problems.map(\.description) == [
                "\(path): Answer.SelectedChoices: \"ops_priorities_brand_new\" is not a choice of question priorities in wellarchitected 1.1; the selection cannot be kept (--drop-unknown-choices imports the rest)"
            ])
        }
        let plan = try AWSImport.plan(dump, context: try F.context(dropUnknownChoices: true))
        #expect(plan.present.answers["wellarchitected"]?["priorities"]?.selectedChoices.count == 6)
        #expect(plan.losses.map(\.description).contains {
            $0.hasPrefix("\(path): Answer.SelectedChoices: ops_priorities_brand_new is not a choice of question priorities")
        })
    }

    @Test func refusesWhatWelltreeCannotHold() throws {
        // A review owner is required in Welltree; a tag key may not start with aws:.
        let dump = try AWSDumpReader.read(try F.editing(try F.dump(), "get-workload.json") { d in
            var workload = d["Workload"] as! [String: Any]
            workload["ReviewOwner"] = nil
            workload["Tags"] = ["aws:team": "checkout"]
            d["Workload"] = workload
        })
        let context = try F.context()
        do {
            _ = try AWSImport.plan(dump, context: context)
            Issue.record("imported a workload Welltree cannot hold")
        } catch {
            let problems = error.problems.map(\.description)
            #expect(problems.contains("get-workload.json: Workload.ReviewOwner: is missing; Welltree requires every workload to have one (set it in the AWS Well-Architected Tool and export again)"))
            #expect(problems.count == 1, "\(problems)")
        }
        let tagged = try AWSDumpReader.read(try F.editing(try F.dump(), "get-workload.json") { d in
            d["Workload"] = (d["Workload"] as! [String: Any]).merging(["Tags": ["aws:team": "checkout"]]) { $1 }
        })
        #expect(throws: AWSError.self) { try AWSImport.plan(tagged, context: try F.context()) }
    }

    @Test func refusesAnAWSLensWelltreeDoesNotShip() throws {
        var catalog = try F.catalog()
        catalog.builtin["wellarchitected"] = nil
        let context = AWSImportContext(owner: F.owner, now: F.now, pillarPriority: F.pillarPriority, lenses: catalog)
        let dump = try AWSDumpReader.read(try F.dump())
        do {
            _ = try AWSImport.plan(dump, context: context)
            Issue.record("imported a lens it cannot evaluate")
        } catch {
            // In every state that applies it.
            let problems = error.problems.map(\.description)
            for prefix in ["milestones/1/", "milestones/2/", "milestones/3/", ""] {
                #expect(problems.contains { $0.hasPrefix("\(prefix)list-lens-reviews.json: \"wellarchitected\" is an AWS lens Welltree does not ship") })
            }
            #expect(problems.count == 4, "\(problems)")
        }
    }

    @Test func theComparisonTextCannotDriveATerminal() {
        let comparison = AWSRiskComparison(answersCompared: 1, differences: [AWSRiskDifference(
            milestone: nil, lensAlias: "lens\u{1b}[31m", pillarId: "p", questionId: "q\nnext", questionTitle: "t",
            selectedChoices: ["c\u{202e}"], notApplicableChoices: [], isApplicable: true, awsRisk: .high, welltreeRisk: .none)])
        let text = comparison.text
        #expect(!text.contains("\u{1b}") && !text.contains("\u{202e}") && text.contains("lens\\u{1B}[31m"))
        #expect(text.split(separator: "\n").count == 3)
    }
}
