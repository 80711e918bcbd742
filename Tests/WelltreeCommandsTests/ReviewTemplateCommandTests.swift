import Foundation
import TestSupport
import Testing

/// Review templates: create, list, show, update, delete, answers and notes, and a workload
/// created from a template.
@Suite("Review templates")
struct ReviewTemplateCommandTests {
    static let t = "Platform baseline"

    /// A sandbox with the template, an answer to `identities` and notes on the framework lens.
    static func withTemplate() throws -> Sandbox {
        let sandbox = try Sandbox()
        let created = try sandbox.welltree([
            "template", "create", "--name", t, "--description", "Answers the platform team owns", "--lens", "serverless",
            "--notes", "Maintained by platform@example.com",
        ])
        #expect(created.status == 0, "\(created)")
        let answered = try sandbox.welltree([
            "template", "answer", "update", t, "identities", "--select", "sec_identities_identity_provider,sec_identities_unique",
            "--notes", "Okta, see the runbook",
        ])
        #expect(answered.status == 0, "\(answered)")
        let notes = try sandbox.welltree([
            "template", "notes", t, "--notes", "Platform answers", "--pillar-notes", "security=Landing zone v3",
        ])
        #expect(notes.status == 0, "\(notes)")
        return sandbox
    }

    static func object(_ sandbox: Sandbox, _ result: RunResult) throws -> [String: Any] {
        try #require(try sandbox.json(result) as? [String: Any])
    }

    @Test("create, show and list speak CreateReviewTemplate, GetReviewTemplate and ListReviewTemplates")
    func createShowList() throws {
        let sandbox = try Sandbox()
        let created = try sandbox.welltree([
            "template", "create", "--name", Self.t, "--description", "Answers the platform team owns", "--lens", "serverless", "--format", "json",
        ])
        #expect(created.status == 0, "\(created)")
        try WorkloadCommandTests.expectShape("CreateReviewTemplate", created)
        let id = try #require(try Self.object(sandbox, created)["TemplateId"] as? String)
        #expect(try sandbox.git(["log", "-1", "--format=%s"]).stdout == "Create review template \(Self.t)\n")
        #expect(try sandbox.read("templates/platform-baseline/template.json").contains(id))

        let show = try sandbox.welltree(["template", "show", "platform  BASELINE", "--format", "json"])
        try WorkloadCommandTests.expectShape("GetReviewTemplate", show)
        let template = try #require(try Self.object(sandbox, show)["ReviewTemplate"] as? [String: Any])
        #expect(template["Lenses"] as? [String] == ["wellarchitected", "serverless"])
        #expect(template["UpdateStatus"] as? String == "CURRENT")
        #expect(template["TemplateVersion"] as? Int == 1)
        #expect(template["TemplateArn"] == nil)
        #expect((template["QuestionCounts"] as? [String: Int])?["ANSWERED"] == nil)
        #expect(try sandbox.welltree(["template", "show", "arn:welltree:wellarchitected:::review-template/\(id)"]).status == 0)

        let list = try sandbox.welltree(["template", "list", "--format", "json"])
        try WorkloadCommandTests.expectShape("ListReviewTemplates", list)
        #expect((try Self.object(sandbox, list)["ReviewTemplates"] as? [[String: Any]])?.count == 1)
        let text = try sandbox.welltree(["template", "list"]).stdout
        #expect(text.contains("NAME") && text.contains(Self.t) && text.contains("wellarchitected,serverless"), "\(text)")
    }

    @Test("create refuses what the API refuses, every rule listed, nothing written")
    func createRefuses() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.welltree(["template", "create", "--name", Self.t, "--description", "first one"]).status == 0)
        let head = try sandbox.commit()
        let bad = try sandbox.welltree(["template", "create", "--name", "PLATFORM baseline", "--description", "x\u{1B}[2J"])
        #expect(bad.status == 2, "\(bad)")
        #expect(bad.stderr.contains("--name") && bad.stderr.contains("--description"), "\(bad)")
        let unknownLens = try sandbox.welltree(["template", "create", "--name", "Other", "--description", "other one", "--lens", "nosuch"])
        #expect(unknownLens.status == 2 && unknownLens.stderr.contains("nosuch"), "\(unknownLens)")
        #expect(try sandbox.commit() == head)
    }

    @Test("template answers: ANSWERED or UNANSWERED (never a risk), the answer update rules, the version raised in the same commit")
    func answers() throws {
        let sandbox = try Self.withTemplate()
        let show = try sandbox.welltree(["template", "answer", "show", Self.t, "identities", "--format", "json"])
        try WorkloadCommandTests.expectShape("GetReviewTemplateAnswer", show)
        let answer = try #require(try Self.object(sandbox, show)["Answer"] as? [String: Any])
        #expect(answer["AnswerStatus"] as? String == "ANSWERED")
        #expect(answer["Risk"] == nil)
        #expect(answer["Notes"] as? String == "Okta, see the runbook")
        let text = try sandbox.welltree(["template", "answer", "show", Self.t, "identities"]).stdout
        #expect(text.contains("Status: ANSWERED") && !text.contains("Risk"), "\(text)")

        let list = try sandbox.welltree(["template", "answer", "list", Self.t, "--pillar", "security", "--format", "json"])
        try WorkloadCommandTests.expectShape("ListReviewTemplateAnswers", list)
        let summaries = try #require(try Self.object(sandbox, list)["AnswerSummaries"] as? [[String: Any]])
        #expect(summaries.filter { $0["AnswerStatus"] as? String == "ANSWERED" }.count == 1)
        #expect(summaries.allSatisfy { $0["Risk"] == nil })

        // Version: 1 at creation, 2 after the answer, 3 after the notes.
        let template = try #require(
            try Self.object(sandbox, try sandbox.welltree(["template", "show", Self.t, "--format", "json"]))["ReviewTemplate"] as? [String: Any])
        #expect(template["TemplateVersion"] as? Int == 3)
        #expect((template["QuestionCounts"] as? [String: Int])?["ANSWERED"] == 1)

        // Same rules as answer update: None of these beside another choice, an unknown choice.
        let head = try sandbox.commit()
        let mixed = try sandbox.welltree(["template", "answer", "update", Self.t, "identities", "--select", "sec_identities_unique,sec_identities_no"])
        #expect(mixed.status == 2 && mixed.stderr.contains("\"None of these\" is selected alone"), "\(mixed)")
        let unknown = try sandbox.welltree(["template", "answer", "update", Self.t, "identities", "--select", "nosuch"])
        #expect(unknown.status == 2 && unknown.stderr.contains("nosuch"), "\(unknown)")
        // Unchanged: no commit, no version.
        let same = try sandbox.welltree([
            "template", "answer", "update", Self.t, "identities", "--select", "sec_identities_identity_provider,sec_identities_unique",
        ])
        #expect(same.status == 0 && same.stdout.contains("unchanged"), "\(same)")
        #expect(try sandbox.commit() == head)

        let update = try sandbox.welltree([
            "template", "answer", "update", Self.t, "backing-up-data", "--not-applicable", "--reason", "OUT_OF_SCOPE", "--format", "json",
        ])
        try WorkloadCommandTests.expectShape("UpdateReviewTemplateAnswer", update)
        let updated = try #require(try Self.object(sandbox, update)["Answer"] as? [String: Any])
        #expect(updated["AnswerStatus"] as? String == "ANSWERED" && updated["IsApplicable"] as? Bool == false)
        #expect(try sandbox.git(["show", "--stat", "--format=%s", "HEAD"]).stdout.contains("templates/platform-baseline/template.json"))
    }

    @Test("template notes: GetReviewTemplateLensReview and UpdateReviewTemplateLensReview; unknown pillars refused")
    func notes() throws {
        let sandbox = try Self.withTemplate()
        let get = try sandbox.welltree(["template", "notes", Self.t, "--format", "json"])
        try WorkloadCommandTests.expectShape("GetReviewTemplateLensReview", get)
        let review = try #require(try Self.object(sandbox, get)["LensReview"] as? [String: Any])
        #expect(review["Notes"] as? String == "Platform answers")
        let pillars = review["PillarReviewSummaries"] as? [[String: Any]] ?? []
        #expect(pillars.first { $0["PillarId"] as? String == "security" }?["Notes"] as? String == "Landing zone v3")
        let set = try sandbox.welltree(["template", "notes", Self.t, "--lens", "serverless", "--notes", "Lambda everywhere", "--format", "json"])
        try WorkloadCommandTests.expectShape("UpdateReviewTemplateLensReview", set)

        let head = try sandbox.commit()
        let bad = try sandbox.welltree(["template", "notes", Self.t, "--pillar-notes", "nosuch=x"])
        #expect(bad.status == 2 && bad.stderr.contains("is not a pillar of the lens"), "\(bad)")
        let malformed = try sandbox.welltree(["template", "notes", Self.t, "--pillar-notes", "security"])
        #expect(malformed.status == 2 && malformed.stderr.contains("PILLAR=TEXT"), "\(malformed)")
        #expect(try sandbox.commit() == head)
    }

    @Test("update: wellarchitected cannot be removed; removing a lens removes its answers and notes; only the owner or an administrator changes it")
    func updateAndAccess() throws {
        let sandbox = try Self.withTemplate()
        #expect(try sandbox.welltree(["template", "notes", Self.t, "--lens", "serverless", "--notes", "Lambda"]).status == 0)
        let head = try sandbox.commit()
        let framework = try sandbox.welltree(["template", "update", Self.t, "--remove-lens", "wellarchitected"])
        #expect(framework.status == 2 && framework.stderr.contains("framework lens"), "\(framework)")
        sandbox.principal = "mallory@example.com"
        for arguments in [
            ["template", "update", Self.t, "--name", "Mine now"],
            ["template", "answer", "update", Self.t, "identities", "--none"],
            ["template", "notes", Self.t, "--notes", "mine"],
            ["template", "delete", Self.t],
        ] {
            let refused = try sandbox.welltree(arguments)
            #expect(refused.status == 2 && refused.stderr.contains("only its owner alice@example.com"), "\(arguments) \(refused)")
        }
        sandbox.principal = "alice@example.com"
        #expect(try sandbox.commit() == head)

        let removed = try sandbox.welltree(["template", "update", Self.t, "--remove-lens", "serverless", "--format", "json"])
        try WorkloadCommandTests.expectShape("UpdateReviewTemplate", removed)
        let template = try #require(try Self.object(sandbox, removed)["ReviewTemplate"] as? [String: Any])
        #expect(template["Lenses"] as? [String] == ["wellarchitected"])
        #expect(!FileManager.default.fileExists(atPath: sandbox.repo + "/templates/platform-baseline/notes/serverless.json"))
        let renamed = try sandbox.welltree(["template", "update", Self.t, "--name", "Platform baseline v2", "--description", "Still ours"])
        #expect(renamed.status == 0, "\(renamed)")
        #expect(try sandbox.welltree(["template", "show", "Platform baseline v2"]).status == 0)
        #expect(try sandbox.welltree(["validate"]).status == 0)
    }

    @Test("workload create --template: lenses added to those asked for, answers and notes copied, template and version recorded, one commit")
    func workloadFromTemplate() throws {
        let sandbox = try Self.withTemplate()
        let commits = try sandbox.git(["rev-list", "--count", "HEAD"]).stdout
        let created = try sandbox.createTutorialWorkload(extra: ["--template", Self.t, "--lens", "foundationaltechnicalreview"])
        #expect(created.status == 0, "\(created)")
        #expect(Int(try sandbox.git(["rev-list", "--count", "HEAD"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines))
            == Int(commits.trimmingCharacters(in: .whitespacesAndNewlines))! + 1)
        #expect(try sandbox.git(["log", "-1", "--format=%s"]).stdout.contains("from template \(Self.t) (version 3)"))
        let workload = try sandbox.read("workloads/re/retail-website-north-america/workload.json")
        let record = try #require(try JSONSerialization.jsonObject(with: Data(workload.utf8)) as? [String: Any])
        let reference = try #require(record["template"] as? [String: Any])
        #expect(reference["version"] as? Int == 3 && (reference["id"] as? String)?.count == 32, "\(workload)")
        let show = try sandbox.welltree(["workload", "show", Sandbox.tutorialName, "--format", "json"])
        let shown = try #require(try Self.object(sandbox, show)["Workload"] as? [String: Any])
        #expect(Set(shown["Lenses"] as? [String] ?? []) == ["wellarchitected", "foundationaltechnicalreview", "serverless"], "\(show)")
        try WorkloadCommandTests.expectShape("GetWorkload", show)
        let came = try #require(shown["ReviewTemplate"] as? [String: Any], "\(show)")
        #expect(came["TemplateId"] as? String == reference["id"] as? String)
        #expect(came["TemplateVersion"] as? Int == 3 && came["TemplateName"] as? String == Self.t, "\(came)")
        let text = try sandbox.welltree(["workload", "show", Sandbox.tutorialName]).stdout
        #expect(text.contains("Created from template") && text.contains("\(Self.t), version 3"), "\(text)")

        let answer = try sandbox.welltree(["answer", "show", Sandbox.tutorialName, "identities", "--format", "json"])
        let copied = try #require(try Self.object(sandbox, answer)["Answer"] as? [String: Any])
        #expect(Set(copied["SelectedChoices"] as? [String] ?? []) == ["sec_identities_identity_provider", "sec_identities_unique"])
        #expect(copied["Notes"] as? String == "Okta, see the runbook")
        let status = try sandbox.welltree(["status", Sandbox.tutorialName, "--format", "json"])
        let review = try #require(try Self.object(sandbox, status)["LensReview"] as? [String: Any])
        #expect(review["Notes"] as? String == "Platform answers")
        #expect(try sandbox.welltree(["validate"]).status == 0)
    }

    @Test("a deleted template, or one of another owner, cannot be applied to a new workload; nothing written")
    func deletedOrForeignTemplate() throws {
        let sandbox = try Self.withTemplate()
        sandbox.principal = "bob@example.com"
        let head = try sandbox.commit()
        let foreign = try sandbox.createTutorialWorkload(extra: ["--template", Self.t])
        #expect(foreign.status == 2 && foreign.stderr.contains("may not apply template"), "\(foreign)")
        #expect(try sandbox.commit() == head)
        sandbox.principal = "alice@example.com"
        let deleted = try sandbox.welltree(["template", "delete", Self.t])
        #expect(deleted.status == 0, "\(deleted)")
        let after = try sandbox.commit()
        let refused = try sandbox.createTutorialWorkload(extra: ["--template", Self.t])
        #expect(refused.status == 2 && refused.stderr.contains("was deleted"), "\(refused)")
        #expect(try sandbox.commit() == after)
        #expect(try sandbox.welltree(["template", "list"]).stdout.contains("No review templates"))
        #expect(try sandbox.welltree(["template", "list", "--deleted"]).stdout.contains("DELETED"))
        // A deleted template's name is free again.
        #expect(try sandbox.welltree(["template", "create", "--name", Self.t, "--description", "second one"]).status == 0)
        #expect(try sandbox.welltree(["template", "show", Self.t, "--format", "json"]).stdout.contains("second one"))
    }

    @Test("validate: a hand-edited template answer with an unknown choice, an answer for a lens the template lacks, a dangling workload reference")
    func validateTemplateFiles() throws {
        let sandbox = try Self.withTemplate()
        let answer = "templates/platform-baseline/answers/wellarchitected/identities.json"
        try sandbox.write(answer, "{\n  \"selectedChoices\": [\"nosuch\"]\n}\n")
        let stray = "templates/platform-baseline/answers/softwareasaservice"
        try FileManager.default.createDirectory(atPath: sandbox.repo + "/" + stray, withIntermediateDirectories: true)
        try sandbox.write(stray + "/q.json", "{}\n")
        #expect(try sandbox.createTutorialWorkload(extra: ["--template", Self.t]).status == 0)
        let workloadFile = "workloads/re/retail-website-north-america/workload.json"
        let id = try #require(
            (try JSONSerialization.jsonObject(with: Data(try sandbox.read(workloadFile).utf8)) as? [String: Any]).flatMap {
                ($0["template"] as? [String: Any])?["id"] as? String
            })
        try sandbox.write(workloadFile, try sandbox.read(workloadFile).replacingOccurrences(of: id, with: String(repeating: "0", count: 32)))
        try sandbox.git(["add", "-A"])
        try sandbox.git(["commit", "-qm", "hand edit", "--no-verify"])
        let validate = try sandbox.welltree(["validate"])
        #expect(validate.status == 2, "\(validate)")
        let output = validate.stdout + validate.stderr
        #expect(output.contains(answer) && output.contains("nosuch"), "\(output)")
        #expect(output.contains(stray) && output.contains("no lens of the template"), "\(output)")
        #expect(output.contains(workloadFile) && output.contains("names no review template"), "\(output)")
    }
}
