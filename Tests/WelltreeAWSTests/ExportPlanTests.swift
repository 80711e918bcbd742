import Foundation
import Testing
import WelltreeAWS
import WelltreeCore

/// The requests of an export, planned from Welltree's values: the order the history replays in,
/// each request's content (whole answers, what a state undoes of the one before), the ids
/// `apply.sh` threads, and the histories the service cannot replay, refused with the reason.
@Suite("AWS export plan")
struct ExportPlanTests {
    typealias F = AWSFixtures

    /// The fixture dump's import as an export's source: what an imported workload exports.
    static func source(_ plan: AWSImportPlan) -> AWSExportSource {
        var lenses: [String: [String: AWSExportLensFile]] = [:]
        for lens in plan.customLenses {
            for version in lens.versions {
                lenses[lens.alias, default: [:]][version.version] = AWSExportLensFile(
                    json: String(decoding: version.bytes, as: UTF8.self), name: lens.name)
            }
        }
        let states = plan.states.map { state in
            var workload = state.workload
            workload.pillarPriorities = workload.pillarPriorities ?? F.pillarPriority
            return AWSExportState(
                milestone: state.milestone.map { AWSExportMilestone(number: $0.number, name: $0.name) }, workload: workload,
                awsLenses: ["wellarchitected"], answers: state.answers, notes: state.reviewNotes)
        }
        return AWSExportSource(workloadId: plan.workloadId, states: states, customLenses: lenses, shares: plan.shares)
    }

    /// The request bodies as Foundation objects, with their operations.
    static func bodies(_ plan: AWSExportPlan) throws -> [(operation: String, body: [String: Any])] {
        try plan.requests.map { ($0.operation, try #require(try JSONSerialization.jsonObject(with: Data($0.body)) as? [String: Any])) }
    }

    @Test func replaysTheHistoryInOrder() throws {
        let plan = try AWSExport.plan(Self.source(try F.plan()))
        let operations = plan.requests.map(\.operation)
        // The custom lens first (CreateWorkload cannot name it before it exists), then the
        // workload, its lenses, its answers; each milestone after its state.
        #expect(Array(operations.prefix(4)) == ["ImportLens", "CreateLensVersion", "CreateWorkload", "AssociateLenses"])
        #expect(operations.filter { $0 == "CreateMilestone" }.count == 2)
        // The lens moves from 1.0 to 2.0 after milestone 2: version 2.0 is imported and published
        // first, and milestone 2 is recorded by the upgrade.
        let upgrade = try #require(operations.firstIndex(of: "UpgradeLensReview"))
        #expect(Array(operations[(upgrade - 2)..<upgrade]) == ["ImportLens", "CreateLensVersion"])
        #expect(plan.requests.map(\.milestone).filter { $0 != nil }.count > 0)
        #expect(operations.suffix(2) == ["CreateWorkloadShare", "CreateWorkloadShare"])
        // Numbered in order, one width.
        #expect(plan.fileName(0) == "requests/001-import-lens.json")
        #expect(plan.fileName(plan.requests.count - 1).hasSuffix("-create-workload-share.json"))
        #expect(plan.files.last?.path == "apply.sh")
        // What does not cross is said, lens by lens.
        let notCarried = plan.notCarried.map(\.description)
        #expect(notCarried.contains { $0.hasPrefix("lens wellarchitected: Welltree's version 1.1 is not sent") })
        #expect(
            notCarried.contains { $0.hasPrefix("lens \(F.customAlias): every version the workload used is published as a major version") })
    }

    @Test func eachAnswerIsSentWholeWithWhatTheStateBeforeHadUndone() throws {
        var source = Self.source(try F.plan())
        let question = "mit-deploy-risks"
        let first = try #require(source.states[0].answers["wellarchitected"]?[question])
        // The next state selects the best practice that was not applicable, and drops the notes;
        // the one after that clears the answer.
        var second = first
        second.notApplicableChoices = [:]
        second.selectedChoices.append("ops_mit_deploy_risks_deploy_mgmt_sys")
        second.notes = nil
        source.states[1].answers["wellarchitected"]?[question] = second
        source.states[2].answers["wellarchitected"]?[question] = nil
        source.states[3].answers["wellarchitected"]?[question] = nil
        let bodies = try Self.bodies(try AWSExport.plan(source)).filter { $0.body["QuestionId"] as? String == question }
        #expect(bodies.count == 3)

        let sent = bodies[0].body
        #expect(sent["SelectedChoices"] as? [String] == first.selectedChoices)
        #expect(sent["Notes"] as? String == "Rollback plan is in the runbook")
        #expect(sent["IsApplicable"] as? Bool == true && sent["Reason"] == nil)
        let na = try #require((sent["ChoiceUpdates"] as? [String: [String: String]])?["ops_mit_deploy_risks_deploy_mgmt_sys"])
        #expect(
            na == ["Status": "NOT_APPLICABLE", "Reason": "BUSINESS_PRIORITIES", "Notes": "Manual releases until the platform migration"])

        let changed = bodies[1].body
        #expect(
            (changed["ChoiceUpdates"] as? [String: [String: String]]) == ["ops_mit_deploy_risks_deploy_mgmt_sys": ["Status": "SELECTED"]])
        #expect(changed["Notes"] as? String == "")

        let cleared = bodies[2].body
        #expect(cleared["SelectedChoices"] as? [String] == [])
        #expect(cleared["ChoiceUpdates"] == nil && cleared["Notes"] == nil && cleared["IsApplicable"] as? Bool == true)
    }

    @Test func aQuestionThatDoesNotApplyCarriesItsReason() throws {
        var source = Self.source(try F.plan())
        source.states = [source.states[1]]
        source.states[0].milestone = nil
        let body = try #require(
            try Self.bodies(try AWSExport.plan(source)).first { $0.body["QuestionId"] as? String == "sus_hardware" }?.body)
        #expect(
            body["IsApplicable"] as? Bool == false && body["Reason"] as? String == "OUT_OF_SCOPE"
                && body["Notes"] as? String == "No hardware of our own")
        // A lone state: no milestone, no share.
        let operations = try AWSExport.plan(source).requests.map(\.operation)
        #expect(!operations.contains("CreateMilestone") && !operations.contains("UpgradeLensReview"))
    }

    @Test func propertiesTagsLensesAndNotesThatChangeAreSentAsChanges() throws {
        var source = Self.source(try F.plan())
        source.states = [source.states[2], source.states[3]]
        var later = source.states[1]
        later.workload.tags = ["team": "checkout"]
        later.workload.industry = nil
        later.workload.lenses.removeAll { $0.alias == F.customAlias }
        later.answers[F.customAlias] = nil
        later.notes["wellarchitected"] = LensReviewNotes(notes: nil, pillarNotes: ["security": "Reviewed again"])
        source.states[0].notes["wellarchitected"] = LensReviewNotes(notes: "Old notes", pillarNotes: ["reliability": "Old pillar notes"])
        source.states[1] = later
        let bodies = try Self.bodies(try AWSExport.plan(source))
        let afterMilestone = bodies.drop { $0.operation != "CreateMilestone" }
        let update = try #require(afterMilestone.first { $0.operation == "UpdateWorkload" }?.body)
        #expect(update["Industry"] as? String == "")
        #expect(afterMilestone.first { $0.operation == "UntagResource" }?.body["TagKeys"] as? [String] == ["cost-center"])
        #expect(
            afterMilestone.first { $0.operation == "UntagResource" }?.body["WorkloadArn"] as? String
                == AWSExport.placeholderArn(F.workloadId))
        #expect(afterMilestone.first { $0.operation == "DisassociateLenses" }?.body["LensAliases"] as? [String] == [F.customAlias])
        let notes = try #require(afterMilestone.first { $0.operation == "UpdateLensReview" }?.body)
        #expect(notes["LensNotes"] as? String == "")
        #expect(notes["PillarNotes"] as? [String: String] == ["reliability": "", "security": "Reviewed again"])
        // A disassociated lens's answers go with it: none is cleared one by one.
        #expect(!afterMilestone.contains { $0.operation == "UpdateAnswer" && $0.body["LensAlias"] as? String == F.customAlias })
    }

    @Test func applyShThreadsTheIdsTheServiceAssigns() throws {
        let plan = try AWSExport.plan(Self.source(try F.plan()))
        let script = plan.applyScript
        #expect(script.hasPrefix("#!/usr/bin/env bash\n"))
        #expect(script.contains("set -euo pipefail"))
        #expect(script.contains("read -r lens_1 status <<< \"$out\""))
        #expect(script.contains("read -r workload_id workload_arn <<< \"$out\""))
        #expect(script.contains("aws wellarchitected upgrade-lens-review --cli-input-json 'file://requests/"))
        #expect(script.contains("'--workload-id' \"$workload_id\" '--lens-alias' \"$lens_1\""))
        #expect(script.contains("'--workload-arn' \"$workload_arn\""))
        // The later version of the lens is imported onto the same lens, by its ARN.
        #expect(
            script.contains(
                "aws wellarchitected import-lens --cli-input-json 'file://requests/021-import-lens.json' '--lens-alias' \"$lens_1\" --query Status --output text"
            ))
        // Every request runs once, in order.
        for index in plan.requests.indices { #expect(script.contains("file://\(plan.fileName(index))'")) }
        // The second ImportLens names the lens (the CLI replaces the Welltree alias by the ARN).
        let imports = plan.requests.filter { $0.operation == "ImportLens" }
        #expect(String(decoding: imports[0].body, as: UTF8.self).contains("\"LensAlias\"") == false)
        #expect(String(decoding: imports[1].body, as: UTF8.self).contains("\"LensAlias\": \"\(F.customAlias)\""))
    }

    @Test func tokensAreStableAndDistinct() throws {
        let source = Self.source(try F.plan())
        let a = try Self.bodies(try AWSExport.plan(source)).compactMap { $0.body["ClientRequestToken"] as? String }
        let b = try Self.bodies(try AWSExport.plan(source)).compactMap { $0.body["ClientRequestToken"] as? String }
        #expect(a == b)
        #expect(Set(a).count == a.count)
        #expect(a.allSatisfy { $0.count <= 64 && $0.hasPrefix("welltree-") })
    }

    @Test func sharesWithGitPrincipalsAreNamedNotSent() throws {
        var source = Self.source(try F.plan())
        source.shares[0].principal = "bob@example.com"
        source.shares[1].status = .revoked
        let plan = try AWSExport.plan(source)
        #expect(!plan.requests.contains { $0.operation == "CreateWorkloadShare" })
        #expect(plan.notCarried.contains { $0.description.contains("bob@example.com is not exported") })
        #expect(AWSExport.isServicePrincipal("444455556666") && AWSExport.isServicePrincipal("arn:aws:iam::444455556666:role/Reviewer"))
        #expect(!AWSExport.isServicePrincipal("44445555666") && !AWSExport.isServicePrincipal("arn:aws:iam::1:role/a b"))
    }

    @Test func historiesTheServiceCannotReplayAreRefused() throws {
        let plan = try F.plan()
        // Back to an older version of the custom lens.
        var backwards = Self.source(plan)
        backwards.states[3].workload.lenses = backwards.states[3].workload.lenses.map {
            $0.alias == F.customAlias ? WorkloadLens(alias: $0.alias, version: "1.0") : $0
        }
        backwards.states[3].answers[F.customAlias] = backwards.states[0].answers[F.customAlias]
        #expect(Self.problems(backwards).contains { $0.contains("lens \(F.customAlias): \"1.0\" is a version the workload returns to") })

        // A custom lens version without its file.
        var missing = Self.source(plan)
        missing.customLenses[F.customAlias]?["2.0"] = nil
        #expect(Self.problems(missing).contains { $0.contains("\"2.0\" is a custom lens version the export was given no file for") })

        // Two custom lenses moving at one milestone: the service records a milestone per upgrade.
        var two = Self.source(plan)
        let other = "other-review"
        for index in two.states.indices {
            let version = two.states[index].workload.lenses.first { $0.alias == F.customAlias }!.version
            two.states[index].workload.lenses.append(WorkloadLens(alias: other, version: version))
        }
        two.customLenses[other] = two.customLenses[F.customAlias]
        #expect(Self.problems(two).contains { $0.contains("only one lens may move between two milestones") })

        // No AWS lens for CreateWorkload.
        var noAWS = Self.source(plan)
        noAWS.states = [noAWS.states[0]]
        noAWS.states[0].milestone = nil
        noAWS.states[0].awsLenses = []
        let file = try #require(noAWS.customLenses[F.customAlias]?["1.0"])
        noAWS.customLenses["wellarchitected"] = ["1.1": file]
        #expect(Self.problems(noAWS).contains { $0.contains("applies no AWS lens") })
    }

    static func problems(_ source: AWSExportSource) -> [String] {
        do {
            _ = try AWSExport.plan(source)
            return []
        } catch {
            #expect(error.kind == .cannotExport)
            return error.problems.map(\.description)
        }
    }

    @Test func aCommentOfTheScriptNeverCarriesAnIdThatIsNotOne() {
        let id = String(repeating: "a1", count: 16)
        #expect(AWSExportPlan.commentWord(id) == id)
        #expect(AWSExportPlan.commentWord(id + "\ntouch pwned #") == "(invalid id)")
        #expect(AWSExportPlan.commentWord(id.uppercased()) == "(invalid id)")
    }
}
