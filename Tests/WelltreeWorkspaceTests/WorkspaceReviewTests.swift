import Foundation
import Git
import Testing
import WelltreeCore
@testable import WelltreeWorkspace

@Suite("Workspace answers and lenses")
struct WorkspaceReviewTests {
    static let name = "Retail Website - North America"

    /// A small custom lens: one pillar, two questions, rules over both choices.
    static let customLens = """
        {
          "schemaVersion": "2021-11-01",
          "name": "Payments Readiness",
          "description": "Checks for payment workloads.",
          "pillars": [{
            "id": "payments",
            "name": "Payments",
            "questions": [{
              "id": "pay_keys",
              "title": "How do you protect card data keys?",
              "description": "Keys for card data.",
              "choices": [
                {"id": "pay_keys_hsm", "title": "Keys live in an HSM", "improvementPlan": {"displayText": "Move keys to an HSM"}},
                {"id": "pay_keys_rotate", "title": "Keys rotate yearly", "improvementPlan": {"displayText": "Rotate keys"}},
                {"id": "pay_keys_no", "title": "None of these"}
              ],
              "riskRules": [
                {"condition": "pay_keys_hsm && pay_keys_rotate", "risk": "NO_RISK"},
                {"condition": "pay_keys_hsm", "risk": "MEDIUM_RISK"},
                {"condition": "default", "risk": "HIGH_RISK"}
              ]
            }, {
              "id": "pay_audit",
              "title": "How do you audit payments?",
              "description": "Audit trail.",
              "choices": [
                {"id": "pay_audit_log", "title": "Every payment is logged", "improvementPlan": {"displayText": "Log payments"}},
                {"id": "pay_audit_no", "title": "None of these"}
              ],
              "riskRules": [
                {"condition": "pay_audit_log", "risk": "NO_RISK"},
                {"condition": "default", "risk": "HIGH_RISK"}
              ]
            }]
          }]
        }
        """

    @Test func answeringWritesOneFilePerQuestionAndComputesRisk() throws {
        let fixture = try WorkspaceFixture()
        _ = try fixture.open().createWorkload(WorkspaceFixture.retail, lenses: [])
        let (_, review, changed) = try fixture.open().updateAnswer(
            Self.name, lens: nil, question: "backing-up-data",
            update: AnswerUpdate(select: ["rel_backing_up_data_identified_backups_data", "rel_backing_up_data_secured_backups_data"]))
        #expect(changed)
        #expect(review.review.riskCounts[.medium] == 1)
        let text = try fixture.read("workloads/re/retail-website-north-america/answers/wellarchitected/backing-up-data.json")
        #expect(text.contains("\"selectedChoices\": [\n    \"rel_backing_up_data_identified_backups_data\",\n    \"rel_backing_up_data_secured_backups_data\"\n  ]"))
        let repository = try Repository.open(at: fixture.path)
        #expect(try repository.commit(try #require(try fixture.head())).message
            == "Answer backing-up-data of Retail Website - North America (wellarchitected): UNANSWERED -> MEDIUM")

        // The same update again changes nothing.
        let head = try fixture.head()
        let again = try fixture.open().updateAnswer(
            Self.name, lens: nil, question: "backing-up-data",
            update: AnswerUpdate(select: ["rel_backing_up_data_identified_backups_data", "rel_backing_up_data_secured_backups_data"]))
        #expect(!again.changed)
        #expect(try fixture.head() == head)

        // Clearing the selection removes the file: the question is unanswered again.
        _ = try fixture.open().updateAnswer(Self.name, lens: nil, question: "backing-up-data", update: AnswerUpdate(select: []))
        #expect(!FileManager.default.fileExists(atPath: fixture.path + "/workloads/re/retail-website-north-america/answers/wellarchitected/backing-up-data.json"))
    }

    @Test func unknownQuestionsAndChoicesAreRefusedWithTheValidIds() throws {
        let fixture = try WorkspaceFixture()
        _ = try fixture.open().createWorkload(WorkspaceFixture.retail, lenses: [])
        #expect {
            _ = try fixture.open().updateAnswer(Self.name, lens: nil, question: "no-such-question", update: AnswerUpdate(none: true))
        } throws: { error in
            guard case WorkspaceError.notFound(_, _, let hint) = error else { return false }
            return hint?.contains("backing-up-data") == true
        }
        #expect {
            _ = try fixture.open().updateAnswer(Self.name, lens: nil, question: "backing-up-data", update: AnswerUpdate(select: ["nope"]))
        } throws: { error in
            guard case WorkspaceError.invalid(let validation) = error else { return false }
            return validation.violations.first?.rule.contains("rel_backing_up_data_secured_backups_data") == true
        }
    }

    @Test func customLensLifecycleImportPublishApplyRemoveRestore() throws {
        let fixture = try WorkspaceFixture()
        let workspace = try fixture.open()
        _ = try workspace.createWorkload(WorkspaceFixture.retail, lenses: [])
        let imported = try workspace.importLens(Array(Self.customLens.utf8), file: "payments.json", alias: nil)
        #expect(imported.isNew)
        #expect(imported.record.alias == "payments-readiness")
        // A draft cannot be applied.
        #expect(throws: WorkspaceError.self) { _ = try workspace.associateLenses(Self.name, aliases: ["payments-readiness"]) }
        _ = try workspace.publishLens("payments-readiness", version: "1.0", isMajor: true)
        _ = try workspace.associateLenses(Self.name, aliases: ["payments-readiness"])
        _ = try workspace.updateAnswer(Self.name, lens: "payments-readiness", question: "pay_keys", update: AnswerUpdate(select: ["pay_keys_hsm"]))
        var stored = try workspace.findWorkload(Self.name)
        #expect(try workspace.review(of: stored, lens: stored.workload.lenses[1]).review.riskCounts[.medium] == 1)

        // Removing the lens keeps its answers; applying it again brings them back.
        _ = try workspace.disassociateLenses(Self.name, aliases: ["payments-readiness"])
        stored = try workspace.findWorkload(Self.name)
        #expect(stored.workload.lenses.map(\.alias) == ["wellarchitected"])
        _ = try workspace.associateLenses(Self.name, aliases: ["payments-readiness"])
        stored = try workspace.findWorkload(Self.name)
        #expect(try workspace.answers(of: stored, lens: "payments-readiness")["pay_keys"]?.answer.selectedChoices == ["pay_keys_hsm"])

        // The framework lens cannot be removed.
        #expect(throws: WorkspaceError.self) { _ = try workspace.disassociateLenses(Self.name, aliases: ["wellarchitected"]) }

        // Export is byte-stable and imports again as a new draft of the same lens.
        let exported = try workspace.exportLens("payments-readiness", version: "1.0")
        let again = try workspace.importLens(exported, file: "export.json", alias: nil)
        #expect(!again.isNew)
        #expect(again.record.alias == "payments-readiness")
        _ = try workspace.publishLens("payments-readiness", version: "1.1", isMajor: false)
        #expect(try workspace.exportLens("payments-readiness", version: "1.1") == exported)

        // Versions are unique per lens.
        #expect(throws: WorkspaceError.self) { _ = try workspace.publishLens("payments-readiness", version: "1.1", isMajor: false) }

        // Deleted lenses stay on workloads but cannot be applied again.
        _ = try workspace.deleteLens("payments-readiness")
        _ = try workspace.disassociateLenses(Self.name, aliases: ["payments-readiness"])
        #expect(throws: WorkspaceError.self) { _ = try workspace.associateLenses(Self.name, aliases: ["payments-readiness"]) }
    }

    @Test func aLensWhoseNameMatchesIgnoringPunctuationBecomesTheNextDraft() throws {
        let fixture = try WorkspaceFixture()
        let workspace = try fixture.open()
        _ = try workspace.importLens(Array(Self.customLens.utf8), file: "a.json", alias: nil)
        let renamed = Self.customLens.replacingOccurrences(of: "\"Payments Readiness\"", with: "\"payments-readiness!\"")
        let second = try workspace.importLens(Array(renamed.utf8), file: "b.json", alias: nil)
        #expect(!second.isNew)
        #expect(second.record.alias == "payments-readiness")
        #expect(try workspace.allLensRecords().filter { $0.type == .customSelf }.count == 1)
    }

    @Test func minorVersionsApplyAutomaticallyMajorOnesDoNot() throws {
        let record = LensRecord(alias: "x", name: "X", owner: "a", type: .customSelf, versions: [
            LensVersionRecord(version: "1.0", isMajor: true, createdAt: "2026-01-01T00:00:00Z"),
            LensVersionRecord(version: "1.1", isMajor: false, createdAt: "2026-01-02T00:00:00Z"),
            LensVersionRecord(version: "2.0", isMajor: true, createdAt: "2026-01-03T00:00:00Z"),
            LensVersionRecord(version: "2.1", isMajor: false, createdAt: "2026-01-04T00:00:00Z"),
        ])
        #expect(record.latestMinor(after: "1.0") == "1.1")
        #expect(record.latestMinor(after: "1.1") == "1.1")
        #expect(record.latestMinor(after: "2.0") == "2.1")
    }

    @Test func pillarPriorityIsValidatedAndStored() throws {
        let fixture = try WorkspaceFixture()
        let workspace = try fixture.open()
        #expect(throws: WorkspaceError.self) { _ = try workspace.setPillarPriority(["security", "nonsense"]) }
        #expect(try workspace.setPillarPriority(["security", "reliability"]))
        #expect(try fixture.open().settings().pillarPriority == ["security", "reliability"])
        #expect(try !fixture.open().setPillarPriority(["security", "reliability"]))
    }
}
