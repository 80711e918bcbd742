import Foundation
import TestSupport
import Testing
import WelltreeCore
import WelltreeWorkspace

/// Profiles: the template, create/list/show/update/delete, versions, associating a workload,
/// upgrades, notifications, and the files `validate` judges; JSON in the API's shapes.
@Suite("Profile commands")
struct ProfileCommandTests {
    static let w = Sandbox.tutorialName
    static let name = "Customer-facing, launching"
    static let answers = [
        "--answer", "org-cloud-adoption-phase=adoption-launch",
        "--answer", "welltree-business-value=value-strategic-external",
        "--answer", "welltree-lifecycle-phase=lifecycle-launch",
        "--answer", "welltree-improvement-priorities=priority-resilience,priority-observability",
    ]

    static func createProfile(_ sandbox: Sandbox, name: String = name, extra: [String] = []) throws -> RunResult {
        try sandbox.welltree(["profile", "create", "--name", name, "--description", "Storefront and checkout"] + answers + extra)
    }

    static func object(_ sandbox: Sandbox, _ result: RunResult) throws -> [String: Any] {
        try #require(try sandbox.json(result) as? [String: Any], "\(result)")
    }

    @Test("profile template, create, show, list, update: API shapes; answers publish versions, a description does not")
    func lifecycle() throws {
        let sandbox = try Sandbox()
        let template = try sandbox.welltree(["profile", "template", "--format", "json"])
        #expect(template.status == 0, "\(template)")
        try WorkloadCommandTests.expectShape("GetProfileTemplate", template)
        let questions = try #require((try Self.object(sandbox, template)["ProfileTemplate"] as? [String: Any])?["TemplateQuestions"] as? [[String: Any]])
        #expect(questions.first?["QuestionId"] as? String == "org-cloud-adoption-phase")
        #expect(try sandbox.welltree(["profile", "template"]).stdout.contains("adoption-launch"))

        let created = try Self.createProfile(sandbox, extra: ["--format", "json"])
        #expect(created.status == 0, "\(created)")
        try WorkloadCommandTests.expectShape("CreateProfile", created)
        let id = try #require(try Self.object(sandbox, created)["ProfileId"] as? String)
        #expect(try Self.object(sandbox, created)["ProfileVersion"] as? String == "1")
        #expect(id.count == 32)

        let show = try sandbox.welltree(["profile", "show", "customer-facing,  LAUNCHING", "--format", "json"])
        #expect(show.status == 0, "\(show)")
        try WorkloadCommandTests.expectShape("GetProfile", show)
        let profile = try #require(try Self.object(sandbox, show)["Profile"] as? [String: Any])
        #expect(profile["ProfileId"] as? String == id)
        #expect(profile["ProfileArn"] == nil && profile["LatestProfileVersion"] == nil)
        let selected = (profile["ProfileQuestions"] as? [[String: Any]] ?? []).compactMap { $0["SelectedChoiceIds"] as? [String] }
        #expect(selected == [["adoption-launch"], ["value-strategic-external"], ["lifecycle-launch"], ["priority-observability", "priority-resilience"]])
        // By id and by Welltree's ARN form too.
        #expect(try sandbox.welltree(["profile", "show", id]).status == 0)
        #expect(try sandbox.welltree(["profile", "show", "arn:welltree:wellarchitected:::profile/\(id)"]).status == 0)

        let list = try sandbox.welltree(["profile", "list", "--format", "json"])
        try WorkloadCommandTests.expectShape("ListProfiles", list)
        #expect((try Self.object(sandbox, list)["ProfileSummaries"] as? [[String: Any]])?.count == 1)

        // A description publishes no version.
        let described = try sandbox.welltree(["profile", "update", id, "--description", "Storefront, checkout and search"])
        #expect(described.status == 0 && described.stdout.contains("no new version"), "\(described)")
        #expect(try sandbox.read("profiles/customer-facing-launching/profile.json").contains("\"version\": \"1\""))
        #expect(!FileManager.default.fileExists(atPath: sandbox.repo + "/profiles/customer-facing-launching/versions/2.json"))

        // Answers publish version 2; the others keep theirs; version 1 is unchanged.
        let v1 = try sandbox.read("profiles/customer-facing-launching/versions/1.json")
        let updated = try sandbox.welltree([
            "profile", "update", id, "--answer", "welltree-improvement-priorities=priority-cost", "--format", "json",
        ])
        #expect(updated.status == 0, "\(updated)")
        try WorkloadCommandTests.expectShape("UpdateProfile", updated)
        let v2 = try #require(try Self.object(sandbox, updated)["Profile"] as? [String: Any])
        #expect(v2["ProfileVersion"] as? String == "2")
        let v2Selected = (v2["ProfileQuestions"] as? [[String: Any]] ?? []).compactMap { $0["SelectedChoiceIds"] as? [String] }
        #expect(v2Selected == [["adoption-launch"], ["value-strategic-external"], ["lifecycle-launch"], ["priority-cost"]])
        #expect(try sandbox.read("profiles/customer-facing-launching/versions/1.json") == v1)
        let old = try sandbox.welltree(["profile", "show", id, "--version", "1", "--format", "json"])
        #expect((try Self.object(sandbox, old)["Profile"] as? [String: Any])?["LatestProfileVersion"] as? String == "2")

        // The same answers again change nothing and commit nothing.
        let head = try sandbox.commit()
        let same = try sandbox.welltree(["profile", "update", id, "--answer", "welltree-improvement-priorities=priority-cost"])
        #expect(same.status == 0 && same.stdout.contains("unchanged"), "\(same)")
        #expect(try sandbox.commit() == head)
        #expect(try sandbox.welltree(["validate"]).status == 0)
    }

    @Test("create and update list every broken rule, exit 2, write nothing")
    func invalidInput() throws {
        let sandbox = try Sandbox()
        let head = try sandbox.commit()
        let result = try sandbox.welltree([
            "profile", "create", "--name", "  x ", "--description", "ok description",
            "--answer", "no-such-question=a", "--answer", "welltree-business-value=value-strategic-external,value-general-use",
            "--answer", "welltree-improvement-priorities=priority-cost,priority-cost,nosuch",
            "--answer", "welltree-lifecycle-phase=lifecycle-launch",
        ])
        #expect(result.status == 2, "\(result)")
        for expected in [
            "--name", "no-such-question\" is not a question of the profile template", "takes exactly 1 choice",
            "org-cloud-adoption-phase\" is not answered", "is selected twice", "\"nosuch\" is not a choice of question welltree-improvement-priorities",
        ] {
            #expect(result.stderr.contains(expected), "\(expected): \(result)")
        }
        let malformed = try sandbox.welltree(["profile", "create", "--name", "abc", "--description", "abc", "--answer", "nochoices"])
        #expect(malformed.status == 2 && malformed.stderr.contains("must be QUESTION=CHOICE"), "\(malformed)")
        let control = try Self.createProfile(sandbox, name: "Evil\u{1B}]52;c;AAAA\u{07}")
        #expect(control.status == 2, "\(control)")
        #expect(!control.stderr.contains("\u{1B}"), "\(control)")
        #expect(try sandbox.commit() == head)

        // Names are unique ignoring spaces and case; too many priorities are refused in an update.
        #expect(try Self.createProfile(sandbox).status == 0)
        let twice = try Self.createProfile(sandbox, name: "customer-facing,   launching")
        #expect(twice.status == 2 && twice.stderr.contains("must be unique"), "\(twice)")
        let after = try sandbox.commit()
        let tooMany = try sandbox.welltree([
            "profile", "update", Self.name, "--answer",
            "welltree-improvement-priorities=priority-cost,priority-scaling,priority-performance,priority-resilience,priority-observability,priority-sustainability",
        ])
        #expect(tooMany.status == 2 && tooMany.stderr.contains("takes 1 to 5 choices"), "\(tooMany)")
        let cleared = try sandbox.welltree(["profile", "update", Self.name, "--answer", "org-cloud-adoption-phase="])
        #expect(cleared.status == 2 && cleared.stderr.contains("is not answered"), "\(cleared)")
        #expect(try sandbox.commit() == after)
    }

    @Test("workloads: create --profile, one profile at most, upgrade with a milestone, notifications, delete, disassociate")
    func workloads() throws {
        let sandbox = try Sandbox()
        #expect(try Self.createProfile(sandbox).status == 0)
        let created = try sandbox.createTutorialWorkload(extra: ["--profile", Self.name])
        #expect(created.status == 0, "\(created)")
        #expect(try sandbox.read("workloads/re/retail-website-north-america/workload.json").contains("\"version\": \"1\""))
        #expect(try sandbox.welltree(["profile", "create", "--name", "Internal tools", "--description", "Back office"] + Self.answers).status == 0)

        // At most one profile per workload.
        let second = try sandbox.welltree(["profile", "associate", Self.w, "Internal tools"])
        #expect(second.status == 2 && second.stderr.contains("at most one"), "\(second)")

        // A new version: the workload keeps version 1 and is told.
        #expect(try sandbox.welltree(["profile", "update", Self.name, "--answer", "welltree-lifecycle-phase=lifecycle-operate"]).status == 0)
        let notified = try sandbox.welltree(["notifications", "--profiles", "--format", "json"])
        try WorkloadCommandTests.expectShape("ListProfileNotifications", notified)
        let summaries = try #require(try Self.object(sandbox, notified)["NotificationSummaries"] as? [[String: Any]])
        #expect(summaries.count == 1)
        #expect(summaries.first?["Type"] as? String == "PROFILE_ANSWERS_UPDATED")
        #expect(summaries.first?["CurrentProfileVersion"] as? String == "1" && summaries.first?["LatestProfileVersion"] as? String == "2")
        #expect(try sandbox.welltree(["notifications"]).stdout.contains("Profile answers updated"))

        // Upgrading saves the milestone first, then moves the workload to version 2.
        let upgraded = try sandbox.welltree(["profile", "upgrade", Self.w, "--milestone", "Before profile v2", "--no-sign"])
        #expect(upgraded.status == 0, "\(upgraded)")
        #expect(try sandbox.read("workloads/re/retail-website-north-america/workload.json").contains("\"version\": \"2\""))
        #expect(try sandbox.git(["tag", "-l", "welltree/*"]).stdout.contains("before-profile-v2"))
        let again = try sandbox.welltree(["profile", "upgrade", Self.w])
        #expect(again.status == 2 && again.stderr.contains("already uses the latest version 2"), "\(again)")
        let quiet = try sandbox.welltree(["notifications", "--profiles", "--format", "json"])
        #expect((try Self.object(sandbox, quiet)["NotificationSummaries"] as? [Any])?.isEmpty == true)

        // Deleted: the workload keeps it and is told; nobody associates it any more.
        #expect(try sandbox.welltree(["profile", "delete", Self.name]).status != 0)  // needs --yes
        #expect(try sandbox.welltree(["profile", "delete", Self.name, "--yes"]).status == 0)
        let deleted = try sandbox.welltree(["notifications", "--profiles", "--format", "json"])
        #expect((try Self.object(sandbox, deleted)["NotificationSummaries"] as? [[String: Any]])?.first?["Type"] as? String == "PROFILE_DELETED")
        #expect(try sandbox.welltree(["profile", "list"]).stdout.contains(Self.name) == false)
        #expect(try sandbox.welltree(["profile", "list", "--include-deleted"]).stdout.contains("(deleted)"))
        #expect(try sandbox.welltree(["profile", "disassociate", Self.w, Self.name]).status == 0)
        let reassociate = try sandbox.welltree(["profile", "associate", Self.w, Self.name])
        #expect(reassociate.status == 2 && reassociate.stderr.contains("was deleted"), "\(reassociate)")
        // A deleted profile's name is free again.
        #expect(try Self.createProfile(sandbox).status == 0)
        #expect(try sandbox.welltree(["profile", "associate", Self.w, Self.name]).status == 0)
        #expect(try sandbox.welltree(["validate"]).status == 0)
    }

    @Test("only a profile's owner changes or uses it; only a workload's owner gives it a profile")
    func ownership() throws {
        let sandbox = try Sandbox()
        #expect(try Self.createProfile(sandbox).status == 0)
        #expect(try sandbox.createTutorialWorkload().status == 0)
        let head = try sandbox.commit()
        sandbox.principal = "mallory@example.com"
        for arguments in [
            ["profile", "update", Self.name, "--description", "Mine now"],
            ["profile", "update", Self.name, "--answer", "welltree-lifecycle-phase=lifecycle-operate"],
            ["profile", "delete", Self.name, "--yes"],
            ["profile", "associate", Self.w, Self.name],
        ] {
            let result = try sandbox.welltree(arguments)
            #expect(result.status == 2, "\(arguments): \(result)")
        }
        // Mallory's own workload cannot take Alice's profile.
        let own = try sandbox.welltree([
            "workload", "create", "--name", "Mallory shop", "--description", "Mallory's", "--review-owner", "Mallory",
            "--environment", "production", "--aws-region", "us-east-1", "--profile", Self.name,
        ])
        #expect(own.status == 2 && own.stderr.contains("may not use profile"), "\(own)")
        #expect(try sandbox.commit() == head)
    }

    @Test("validate: a workload's unknown profile or version, a broken version file, a template dropping a selected choice, an unreachable question")
    func validation() throws {
        let sandbox = try Sandbox()
        #expect(try Self.createProfile(sandbox).status == 0)
        #expect(try sandbox.createTutorialWorkload(extra: ["--profile", Self.name]).status == 0)
        let workloadFile = "workloads/re/retail-website-north-america/workload.json"
        let original = try sandbox.read(workloadFile)

        try sandbox.write(workloadFile, original.replacingOccurrences(of: "\"version\": \"1\"", with: "\"version\": \"7\""))
        var result = try sandbox.welltree(["validate"])
        #expect(result.status == 2 && result.stderr.contains("has no version 7"), "\(result)")
        try sandbox.write(workloadFile, original.replacingOccurrences(of: "\"version\": \"1\"", with: "\"version\": \"1\",\n    \"extra\": 1"))
        result = try sandbox.welltree(["validate"])
        #expect(result.status == 2 && result.stderr.contains("unknown field \"extra\""), "\(result)")
        try sandbox.write(workloadFile, original)

        let version = "profiles/customer-facing-launching/versions/1.json"
        let versionText = try sandbox.read(version)
        try sandbox.write(version, versionText.replacingOccurrences(of: "adoption-launch", with: "adoption-mars"))
        result = try sandbox.welltree(["validate"])
        #expect(result.status == 2 && result.stderr.contains(version) && result.stderr.contains("\"adoption-mars\" is not a choice"), "\(result)")
        try sandbox.write(version, versionText)
        try FileManager.default.removeItem(atPath: sandbox.repo + "/" + version)
        result = try sandbox.welltree(["validate"])
        #expect(result.status == 2 && result.stderr.contains("version 1 has no file"), "\(result)")
        try sandbox.write(version, versionText)

        // The template may not drop a choice the latest version selects.
        let template = try sandbox.read("profile-template.json")
        try sandbox.write(
            "profile-template.json", template.replacingOccurrences(of: "\"id\": \"adoption-launch\"", with: "\"id\": \"adoption-go-live\""))
        result = try sandbox.welltree(["validate"])
        #expect(result.status == 2 && result.stderr.contains(version), "\(result)")
        try sandbox.write("profile-template.json", template)

        // A mapping that leaves questions unreachable is valid, with a warning naming them.
        let mapping = try sandbox.read("profile-prioritization.json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(mapping.utf8)) as? [String: Any])
        var lenses = try #require(object["lenses"] as? [String: [String: Any]])
        lenses["wellarchitected"] = ["adoption-launch": ["questions": ["priorities"], "reason": "Only this."]]
        var edited = object
        edited["lenses"] = lenses
        try sandbox.write("profile-prioritization.json", String(decoding: try JSONSerialization.data(withJSONObject: edited), as: UTF8.self))
        result = try sandbox.welltree(["validate"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("warning: lenses[\"wellarchitected\"]: no profile choice prioritizes 56 question(s)"), "\(result)")
        lenses["wellarchitected"] = ["adoption-nowhere": ["questions": ["no-such-question"], "reason": "x"]]
        edited["lenses"] = lenses
        try sandbox.write("profile-prioritization.json", String(decoding: try JSONSerialization.data(withJSONObject: edited), as: UTF8.self))
        result = try sandbox.welltree(["validate"])
        #expect(result.status == 2 && result.stderr.contains("is not a choice of the profile template"), "\(result)")
        #expect(result.stderr.contains("is not a question of lens wellarchitected"), "\(result)")
    }

    @Test("a changed profile taking another profile's id fails validate and the gate at its own file, whichever sorts first")
    func idClash() throws {
        let sandbox = try Sandbox()
        #expect(try Self.createProfile(sandbox).status == 0)
        #expect(try Self.createProfile(sandbox, name: "AAA Other").status == 0)
        let victim = try sandbox.read("profiles/customer-facing-launching/profile.json")
        let victimId = try #require(victim.firstMatch(of: /[0-9a-f]{32}/).map { String($0.output) })
        let thief = "profiles/aaa-other/profile.json"
        let text = try sandbox.read(thief)
        let thiefId = try #require(text.firstMatch(of: /[0-9a-f]{32}/).map { String($0.output) })
        #expect(try sandbox.git(["tag", "base"]).status == 0)
        try sandbox.write(thief, text.replacingOccurrences(of: thiefId, with: victimId))
        #expect(try sandbox.git(["commit", "-qam", "take the id"]).status == 0)
        let check = try sandbox.welltree(["check", "--base", "base"])
        #expect(check.status == 2, "\(check)")
        #expect(check.stderr.contains(thief) && check.stderr.contains("is also used by profiles/customer-facing-launching/profile.json"), "\(check)")
        let validate = try sandbox.welltree(["validate"])
        #expect(validate.status == 2 && validate.stderr.contains(thief), "\(validate)")
    }

    /// The question types of `answer list --format json`, by question id.
    static func questionTypes(_ sandbox: Sandbox, _ extra: [String] = []) throws -> [String: String] {
        let list = try sandbox.welltree(["answer", "list", w, "--format", "json"] + extra)
        #expect(list.status == 0, "\(list)")
        try WorkloadCommandTests.expectShape("ListAnswers", list)
        let summaries = try #require(try object(sandbox, list)["AnswerSummaries"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: summaries.compactMap { s in
            (s["QuestionId"] as? String).map { ($0, s["QuestionType"] as? String ?? "-") }
        })
    }

    @Test("prioritization: QuestionType, --question-priority, PrioritizedRiskCounts in status and workload show, by the workload's version")
    func prioritization() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.createTutorialWorkload().status == 0)
        // Without a profile: no QuestionType, no prioritized counts, and the filter is refused.
        #expect(Set(try Self.questionTypes(sandbox).values) == ["-"])
        let plain = try sandbox.welltree(["status", Self.w, "--format", "json"])
        #expect((try Self.object(sandbox, plain)["LensReview"] as? [String: Any])?["PrioritizedRiskCounts"] == nil)
        let refused = try sandbox.welltree(["answer", "list", Self.w, "--question-priority", "prioritized"])
        #expect(refused.status == 2 && refused.stderr.contains("uses no profile"), "\(refused)")
        let refusedPlan = try sandbox.welltree(["improvements", Self.w, "--question-priority", "prioritized"])
        #expect(refusedPlan.status == 2, "\(refusedPlan)")

        #expect(try Self.createProfile(sandbox).status == 0)
        #expect(try sandbox.welltree(["profile", "associate", Self.w, Self.name]).status == 0)
        let types = try Self.questionTypes(sandbox)
        #expect(types.count == 57)
        #expect(Set(types.values) == ["PRIORITIZED", "NON_PRIORITIZED"])
        let prioritized = Set(types.filter { $0.value == "PRIORITIZED" }.keys)
        // The launch phase prioritizes observability and backups (docs/profiles-and-templates.md).
        #expect(prioritized.contains("observability") && prioritized.contains("backing-up-data"))
        #expect(Set(try Self.questionTypes(sandbox, ["--question-priority", "prioritized"]).keys) == prioritized)
        #expect(try Self.questionTypes(sandbox, ["--question-priority", "non-prioritized"]).count == 57 - prioritized.count)
        #expect(try sandbox.welltree(["answer", "list", Self.w]).stdout.contains("PRIORITIZED"))
        let why = try sandbox.welltree(["answer", "show", Self.w, "backing-up-data"]).stdout
        #expect(why.contains("\nPRIORITIZED by the workload's profile (Welltree's mapping) through: Launch Adoption Phase"), "\(why)")

        // A high risk on a prioritized question counts in both; on another, only in all risks.
        #expect(try sandbox.welltree(["answer", "update", Self.w, "backing-up-data", "--none"]).status == 0)
        #expect(types["priorities"] == "NON_PRIORITIZED")
        #expect(try sandbox.welltree(["answer", "update", Self.w, "priorities", "--none"]).status == 0)
        let status = try sandbox.welltree(["status", Self.w, "--format", "json"])
        try WorkloadCommandTests.expectShape("GetLensReview", status)
        let review = try #require(try Self.object(sandbox, status)["LensReview"] as? [String: Any])
        let counts = try #require(review["PrioritizedRiskCounts"] as? [String: Int])
        #expect(counts.values.reduce(0, +) == prioritized.count)
        #expect(counts["HIGH"] == 1, "\(counts)")
        #expect((review["RiskCounts"] as? [String: Int])?["HIGH"] == 2)
        let pillars = review["PillarReviewSummaries"] as? [[String: Any]] ?? []
        #expect(pillars.map { ($0["PrioritizedRiskCounts"] as? [String: Int] ?? [:]).values.reduce(0, +) }.reduce(0, +) == prioritized.count)
        #expect((review["Profiles"] as? [[String: Any]])?.first?["ProfileVersion"] as? String == "1")
        let text = try sandbox.welltree(["status", Self.w]).stdout
        #expect(text.contains("P-HRIS") && text.contains("Welltree's mapping"), "\(text)")

        let plan = try sandbox.welltree(["improvements", Self.w, "--question-priority", "prioritized", "--format", "json"])
        #expect(plan.status == 0, "\(plan)")
        let items = try #require(try Self.object(sandbox, plan)["ImprovementSummaries"] as? [[String: Any]])
        #expect(items.compactMap { $0["QuestionId"] as? String } == ["backing-up-data"])

        let show = try sandbox.welltree(["workload", "show", Self.w, "--format", "json"])
        try WorkloadCommandTests.expectShape("GetWorkload", show)
        let workload = try #require(try Self.object(sandbox, show)["Workload"] as? [String: Any])
        #expect((workload["PrioritizedRiskCounts"] as? [String: Int])?["HIGH"] == 1)
        #expect((workload["Profiles"] as? [[String: Any]])?.count == 1)
        #expect(try sandbox.welltree(["workload", "show", Self.w]).stdout.contains("Prioritized risks"))

        // A new version that prioritizes other questions: the workload keeps version 1's
        // prioritization until it upgrades.
        #expect(try sandbox.welltree([
            "profile", "update", Self.name, "--answer", "org-cloud-adoption-phase=adoption-envision",
            "--answer", "welltree-improvement-priorities=priority-cost",
        ]).status == 0)
        #expect(try Self.questionTypes(sandbox) == types)
        #expect(try sandbox.welltree(["profile", "upgrade", Self.w]).status == 0)
        let upgraded = try Self.questionTypes(sandbox)
        // Envision prioritizes cloud financial management, which launching did not.
        #expect(types["cloud-financial-management"] == "NON_PRIORITIZED" && upgraded["cloud-financial-management"] == "PRIORITIZED")
        #expect(upgraded != types)
    }

    @Test("profile shares: READONLY invitations, accepted holders give the profile to their workloads, revoked ones no longer")
    func shares() throws {
        let sandbox = try Sandbox()
        #expect(try Self.createProfile(sandbox).status == 0)
        let created = try sandbox.welltree(["profile", "share", "create", Self.name, "--principal", "bob@example.com", "--format", "json"])
        #expect(created.status == 0, "\(created)")
        try WorkloadCommandTests.expectShape("CreateProfileShare", created)
        let shareId = try #require(try Self.object(sandbox, created)["ShareId"] as? String)
        let list = try sandbox.welltree(["profile", "share", "list", Self.name, "--format", "json"])
        try WorkloadCommandTests.expectShape("ListProfileShares", list)
        #expect(list.stdout.contains("\"PENDING\""), "\(list)")
        // READONLY only; the owner is no invitee; only the owner shares.
        #expect(try sandbox.welltree(["profile", "share", "create", Self.name, "--principal", "alice@example.com"]).status == 2)

        sandbox.principal = "bob@example.com"
        let bobWorkload = ["workload", "create", "--name", "Bob shop", "--description", "Bob's shop", "--review-owner", "Bob Example",
                           "--environment", "production", "--aws-region", "us-east-1"]
        let early = try sandbox.welltree(bobWorkload + ["--profile", Self.name])
        #expect(early.status == 2 && early.stderr.contains("an accepted profile share is needed"), "\(early)")
        #expect(try sandbox.welltree(["profile", "share", "create", Self.name, "--principal", "carol@example.com"]).status == 2)
        #expect(try sandbox.welltree(["profile", "share", "list", Self.name]).status == 2)
        let invitations = try sandbox.welltree(["share", "invitations", "--format", "json"])
        try WorkloadCommandTests.expectShape("ListShareInvitations", invitations)
        let invitation = try #require((try Self.object(sandbox, invitations)["ShareInvitationSummaries"] as? [[String: Any]])?.first)
        #expect(invitation["ShareResourceType"] as? String == "PROFILE" && invitation["ProfileName"] as? String == Self.name)
        #expect(try sandbox.welltree(["share", "accept", shareId]).status == 0)
        let used = try sandbox.welltree(bobWorkload + ["--profile", Self.name])
        #expect(used.status == 0, "\(used)")
        // A share gives use, not ownership.
        #expect(try sandbox.welltree(["profile", "update", Self.name, "--description", "Bob's now"]).status == 2)

        // Revoked: the workload keeps the profile, no new workload gets it.
        sandbox.principal = "alice@example.com"
        #expect(try sandbox.welltree(["profile", "share", "delete", Self.name, shareId]).status == 0)
        sandbox.principal = "bob@example.com"
        let late = try sandbox.welltree(["workload", "create", "--name", "Bob shop two", "--description", "Bob's second", "--review-owner",
                                         "Bob Example", "--environment", "production", "--aws-region", "us-east-1", "--profile", Self.name])
        #expect(late.status == 2, "\(late)")
        #expect(try sandbox.read("workloads/bo/bob-shop/workload.json").contains("\"profile\""))
    }

    @Test("workload list, lens reviews and the dashboard carry Profiles and PrioritizedRiskCounts for a workload with a profile only")
    func listsCarryPrioritizedCounts() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.createTutorialWorkload().status == 0)
        let plainList = try sandbox.welltree(["workload", "list"])
        #expect(!plainList.stdout.contains("PRIORITIZED"), "\(plainList)")
        #expect(!(try sandbox.welltree(["dashboard"])).stdout.contains("PRIORITIZED"))
        let other = try sandbox.welltree([
            "workload", "create", "--name", "Internal tools", "--description", "No profile", "--review-owner", "Jane Doe",
            "--environment", "production", "--aws-region", "us-east-1",
        ])
        #expect(other.status == 0, "\(other)")
        #expect(try Self.createProfile(sandbox).status == 0)
        #expect(try sandbox.welltree(["profile", "associate", Self.w, Self.name]).status == 0)
        let first = try sandbox.welltree(["answer", "list", Self.w, "--question-priority", "prioritized", "--format", "json"])
        let question = try #require((try Self.object(sandbox, first)["AnswerSummaries"] as? [[String: Any]])?.first?["QuestionId"] as? String)
        #expect(try sandbox.welltree(["answer", "update", Self.w, question, "--none"]).status == 0)
        let show = try sandbox.welltree(["workload", "show", Self.w, "--format", "json"])
        let shown = try #require((try Self.object(sandbox, show)["Workload"] as? [String: Any])?["PrioritizedRiskCounts"] as? [String: Int])
        #expect((shown["HIGH"] ?? 0) + (shown["MEDIUM"] ?? 0) == 1, "\(shown)")

        let list = try sandbox.welltree(["workload", "list", "--format", "json"])
        try WorkloadCommandTests.expectShape("ListWorkloads", list)
        let summaries = try #require(try Self.object(sandbox, list)["WorkloadSummaries"] as? [[String: Any]])
        let profiled = try #require(summaries.first { $0["WorkloadName"] as? String == Self.w })
        let plain = try #require(summaries.first { $0["WorkloadName"] as? String == "Internal tools" })
        #expect(plain["PrioritizedRiskCounts"] == nil && plain["Profiles"] == nil, "\(plain)")
        let counts = try #require(profiled["PrioritizedRiskCounts"] as? [String: Int], "\(profiled)")
        #expect(counts == shown, "the list's prioritized counts are workload show's: \(counts) \(shown)")
        #expect(((profiled["Profiles"] as? [[String: Any]])?.first?["ProfileVersion"] as? String) == "1", "\(profiled)")
        let all = try #require(profiled["RiskCounts"] as? [String: Int])
        #expect(counts.values.reduce(0, +) < all.values.reduce(0, +), "prioritized are a subset: \(counts) \(all)")
        let text = try sandbox.welltree(["workload", "list"]).stdout
        #expect(text.contains("PRIORITIZED HRIS") && text.contains("Welltree's mapping"), "\(text)")

        let reviews = try sandbox.welltree(["lens", "reviews", Self.w, "--format", "json"])
        try WorkloadCommandTests.expectShape("ListLensReviews", reviews)
        let rows = try #require(try Self.object(sandbox, reviews)["LensReviewSummaries"] as? [[String: Any]])
        let framework = try #require(rows.first { $0["LensAlias"] as? String == "wellarchitected" })
        #expect(framework["PrioritizedRiskCounts"] as? [String: Int] == counts, "\(framework)")
        #expect((framework["Profiles"] as? [[String: Any]])?.count == 1, "\(framework)")
        #expect(try sandbox.welltree(["lens", "reviews", Self.w]).stdout.contains("PRIORITIZED HRIS"))
        let plainReviews = try sandbox.welltree(["lens", "reviews", "Internal tools", "--format", "json"])
        let plainRows = try #require(try Self.object(sandbox, plainReviews)["LensReviewSummaries"] as? [[String: Any]])
        #expect(plainRows.allSatisfy { $0["PrioritizedRiskCounts"] == nil && $0["Profiles"] == nil }, "\(plainRows)")

        // The dashboard carries the same fields on the same rows, and a column in text.
        let dashboard = try sandbox.welltree(["dashboard", "--format", "json"])
        let rowsOnDashboard = try #require(try Self.object(sandbox, dashboard)["WorkloadSummaries"] as? [[String: Any]])
        let profiledRow = try #require(rowsOnDashboard.first { $0["WorkloadName"] as? String == Self.w })
        #expect(profiledRow["PrioritizedRiskCounts"] as? [String: Int] == counts, "\(profiledRow)")
        #expect((profiledRow["Profiles"] as? [[String: Any]])?.count == 1, "\(profiledRow)")
        let plainRow = try #require(rowsOnDashboard.first { $0["WorkloadName"] as? String == "Internal tools" })
        #expect(plainRow["PrioritizedRiskCounts"] == nil && plainRow["Profiles"] == nil, "\(plainRow)")
        let dashboardText = try sandbox.welltree(["dashboard"]).stdout
        #expect(dashboardText.contains("PRIORITIZED HRIS") && dashboardText.contains("Welltree's mapping"), "\(dashboardText)")
    }

    @Test("the dashboard's HTML page and the consolidated report (JSON, Markdown, HTML, PDF) carry prioritized counts beside all risks")
    func dashboardPageAndConsolidatedReportCarryPrioritizedCounts() throws {
        let sandbox = try Sandbox()
        // `&` and `'` in the name: everything from the repository is escaped in HTML.
        let name = "Tom & Jerry's shop"
        #expect(try sandbox.welltree([
            "workload", "create", "--name", name, "--description", "With a profile", "--review-owner", "Jane Doe",
            "--environment", "production", "--aws-region", "us-east-1",
        ]).status == 0)
        #expect(try sandbox.createTutorialWorkload().status == 0)
        let plainHTML = try sandbox.welltree(["dashboard", "--format", "html"]).stdout
        #expect(!plainHTML.contains("Prioritized"), "no profile, no prioritized column")
        #expect(try Self.createProfile(sandbox).status == 0)
        #expect(try sandbox.welltree(["profile", "associate", name, Self.name]).status == 0)
        let first = try sandbox.welltree(["answer", "list", name, "--question-priority", "prioritized", "--format", "json"])
        let question = try #require((try Self.object(sandbox, first)["AnswerSummaries"] as? [[String: Any]])?.first?["QuestionId"] as? String)
        #expect(try sandbox.welltree(["answer", "update", name, question, "--none"]).status == 0)
        let show = try sandbox.welltree(["workload", "show", name, "--format", "json"])
        let counts = try #require((try Self.object(sandbox, show)["Workload"] as? [String: Any])?["PrioritizedRiskCounts"] as? [String: Int])
        let high = counts["HIGH"] ?? 0
        let total = counts.values.reduce(0, +)
        #expect(high == 1, "\(counts)")
        let escaped = "Tom &amp; Jerry&#39;s shop"

        // The dashboard: JSON totals, and the HTML page's column, card and wording.
        let dashboard = try Self.object(sandbox, try sandbox.welltree(["dashboard", "--format", "json"]))
        #expect((dashboard["Totals"] as? [String: Any])?["PrioritizedRiskCounts"] as? [String: Int] == counts, "\(dashboard)")
        let page = try sandbox.welltree(["dashboard", "--format", "html"]).stdout
        #expect(page.contains("<th class=\"num\">Prioritized high risks</th>"), "\(page)")
        #expect(page.contains("<tr><td>\(escaped)</td>") && !page.contains(name), "\(page)")
        #expect(page.contains("<td class=\"num\">\(high)/\(total)</td>"), "\(page)")
        #expect(page.contains("<td class=\"num\">-</td>"), "the workload without a profile: \(page)")
        #expect(page.contains("Welltree's mapping, not the AWS service's") || page.contains("Welltree&#39;s mapping, not the AWS service&#39;s"))

        // The consolidated report's JSON: per workload, lens and pillar, in the API's shape.
        let json = try sandbox.welltree(["report", "consolidated", "--format", "json"])
        try WorkloadCommandTests.expectShape("GetConsolidatedReport", json)
        let metrics = try #require(try Self.object(sandbox, json)["Metrics"] as? [[String: Any]])
        let profiled = try #require(metrics.first { $0["WorkloadName"] as? String == name })
        let plain = try #require(metrics.first { $0["WorkloadName"] as? String == Self.w })
        #expect(profiled["PrioritizedRiskCounts"] as? [String: Int] == counts, "\(profiled)")
        #expect(((profiled["Profiles"] as? [[String: Any]])?.first?["ProfileVersion"] as? String) == "1", "\(profiled)")
        #expect(plain["PrioritizedRiskCounts"] == nil && plain["Profiles"] == nil, "\(plain)")
        let lens = try #require((profiled["Lenses"] as? [[String: Any]])?.first)
        #expect(lens["PrioritizedRiskCounts"] as? [String: Int] == counts, "\(lens)")
        let pillars = try #require(lens["Pillars"] as? [[String: Any]])
        #expect(pillars.map { ($0["PrioritizedRiskCounts"] as? [String: Int] ?? [:]).values.reduce(0, +) }.reduce(0, +) == total)

        // Markdown and HTML: the overview's column and totals, and each lens's sentence.
        let markdown = try sandbox.welltree(["report", "consolidated", "--format", "markdown"]).stdout
        #expect(markdown.contains("| Prioritized high risks |"), "\(markdown)")
        #expect(markdown.contains("prioritized high risks: \(high) of \(total)"), "\(markdown)")
        #expect(markdown.contains("among \(total), 1 answered"), "\(markdown)")
        #expect(markdown.contains("Welltree's mapping, not the AWS service's"), "\(markdown)")
        let html = try sandbox.welltree(["report", "consolidated", "--format", "html"]).stdout
        #expect(html.contains("<th class=\"num\">Prioritized high risks</th>") && html.contains("<p class=\"prioritized\">"), "\(html)")
        #expect(html.contains("<td class=\"num\">\(high)/\(total)</td>") && !html.contains(name), "\(html)")

        // PDF: the column, the totals and each lens's sentence, read back with poppler.
        let pdf = sandbox.root + "/all.pdf"
        #expect(try sandbox.welltree(["report", "consolidated", "-o", pdf]).status == 0)
        let text = try Run.program("pdftotext", ["-enc", "UTF-8", pdf, "-"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for expected in ["Prioritized", "\(high)/\(total)", "among \(total), 1 answered", "not the AWS service's"] {
            #expect(text.contains(expected), "pdftotext lost \(expected): \(text)")
        }
    }

    @Test("prioritized counts come from the summary cache, equal to computed ones; a changed mapping or profile version recomputes them")
    func prioritizedCountsComeFromTheSummaryCache() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.createTutorialWorkload().status == 0)
        #expect(try sandbox.welltree([
            "workload", "create", "--name", "Internal tools", "--description", "No profile", "--review-owner", "Jane Doe",
            "--environment", "production", "--aws-region", "us-east-1",
        ]).status == 0)
        #expect(try Self.createProfile(sandbox).status == 0)
        #expect(try sandbox.welltree(["profile", "associate", Self.w, Self.name]).status == 0)
        let first = try sandbox.welltree(["answer", "list", Self.w, "--question-priority", "prioritized", "--format", "json"])
        let question = try #require((try Self.object(sandbox, first)["AnswerSummaries"] as? [[String: Any]])?.first?["QuestionId"] as? String)
        #expect(try sandbox.welltree(["answer", "update", Self.w, question, "--none"]).status == 0)

        let cache = sandbox.repo + "/.git/welltree/cache/" + SummaryCache.fileName
        /// The profiled row's PrioritizedRiskCounts on the dashboard and in workload list.
        func shown() throws -> [String: Int]? {
            let dashboard = try #require(try Self.object(sandbox, try sandbox.welltree(["dashboard", "--format", "json"]))["WorkloadSummaries"] as? [[String: Any]])
            let list = try #require(try Self.object(sandbox, try sandbox.welltree(["workload", "list", "--format", "json"]))["WorkloadSummaries"] as? [[String: Any]])
            let row = dashboard.first { $0["WorkloadName"] as? String == Self.w }?["PrioritizedRiskCounts"] as? [String: Int]
            #expect(list.first { $0["WorkloadName"] as? String == Self.w }?["PrioritizedRiskCounts"] as? [String: Int] == row)
            #expect(dashboard.first { $0["WorkloadName"] as? String == "Internal tools" }?["PrioritizedRiskCounts"] == nil)
            return row
        }
        /// Computed from the repository: without the cache file, and by workload show's full road.
        func computed() throws -> [String: Int]? {
            try? FileManager.default.removeItem(atPath: cache)
            let fromAnswers = try Self.object(sandbox, try sandbox.welltree(["workload", "show", Self.w, "--format", "json"]))
            let cold = try shown()
            #expect(cold == (fromAnswers["Workload"] as? [String: Any])?["PrioritizedRiskCounts"] as? [String: Int])
            return cold
        }
        /// Puts counts no evaluation gives into the cache entry of the profiled workload.
        func plant() throws {
            var file = SummaryCache.load(from: cache)
            let tree = try #require(file.entries.first { $0.value.overview.name == Self.w }?.key, "no cache entry")
            var planted = RiskCounts()
            planted[.high] = 4242
            file[tree]?.overview.summary.prioritizedRiskCounts = planted
            try file.write(to: cache)
        }

        let before = try #require(try computed())
        #expect(before["HIGH"] == 1, "\(before)")
        #expect(try shown() == before, "a warm run gives what the cold one computed")
        let entry = SummaryCache.load(from: cache).entries.values.first { $0.overview.name == Self.w }
        #expect(entry?.overview.profile?.version == "1" && entry?.overview.summary.prioritizedRiskCounts?[.high] == 1, "\(String(describing: entry))")
        try plant()
        #expect(try shown()?["HIGH"] == 4242, "the warm run takes the counts from the cache")

        // The mapping stops prioritizing the question: the cached entry no longer matches.
        let mappingPath = sandbox.repo + "/profile-prioritization.json"
        var mapping = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: mappingPath))) as? [String: Any])
        var lenses = try #require(mapping["lenses"] as? [String: [String: [String: Any]]])
        for (choice, var entry) in lenses["wellarchitected"] ?? [:] {
            entry["questions"] = (entry["questions"] as? [String] ?? []).filter { $0 != question }
            lenses["wellarchitected"]?[choice] = entry
        }
        mapping["lenses"] = lenses
        try JSONSerialization.data(withJSONObject: mapping, options: [.prettyPrinted, .sortedKeys]).write(to: URL(fileURLWithPath: mappingPath))
        #expect(try sandbox.git(["commit", "-qam", "Prioritize less"]).status == 0)
        let warm = try shown()
        #expect(warm?["HIGH"] == nil && warm?.values.reduce(0, +) == before.values.reduce(0, +) - 1, "\(String(describing: warm))")
        #expect(try computed() == warm)

        // A hand edit of the profile's published version file: the same.
        try plant()
        let profileDirectory = try #require(try FileManager.default.contentsOfDirectory(atPath: sandbox.repo + "/profiles").first)
        let versionPath = "profiles/\(profileDirectory)/versions/1.json"
        let edited = try sandbox.read(versionPath).replacingOccurrences(of: "\"priority-resilience\"", with: "\"priority-cost\"")
        try sandbox.write(versionPath, edited)
        #expect(try sandbox.git(["commit", "-qam", "Edit a published version"]).status == 0)
        let afterEdit = try shown()
        #expect(afterEdit?["HIGH"] != 4242 && afterEdit != nil)
        #expect(try computed() == afterEdit)
    }

    @Test("workload reports show the prioritized questions' risks beside all risks, and the profile, only with a profile")
    func reportsShowPrioritizedCounts() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.createTutorialWorkload().status == 0)
        let plain = try sandbox.welltree(["report", Self.w, "--format", "markdown"])
        #expect(plain.status == 0 && !plain.stdout.contains("Prioritized"), "\(plain)")
        #expect(try Self.createProfile(sandbox).status == 0)
        #expect(try sandbox.welltree(["profile", "associate", Self.w, Self.name]).status == 0)
        let show = try sandbox.welltree(["workload", "show", Self.w, "--format", "json"])
        let counts = try #require((try Self.object(sandbox, show)["Workload"] as? [String: Any])?["PrioritizedRiskCounts"] as? [String: Int])
        let total = counts.values.reduce(0, +)
        let markdown = try sandbox.welltree(["report", Self.w, "--format", "markdown"]).stdout
        #expect(markdown.contains("| Prioritized high risks | Prioritized medium risks |"), "\(markdown)")
        #expect(markdown.contains("among \(total), 0 answered"), "\(markdown)")
        #expect(markdown.contains("Welltree's mapping, not the AWS service's"))
        #expect(markdown.contains("| Profile | \(Self.name), version 1 |"), "\(markdown)")
        let html = try sandbox.welltree(["report", Self.w, "--format", "html"]).stdout
        #expect(html.contains("<th class=\"num\">Prioritized high risks</th>") && html.contains("<p class=\"prioritized\">"), "\(html)")
        let pdf = try sandbox.welltree(["report", Self.w, "--format", "pdf", "--output", sandbox.root + "/report.pdf"])
        #expect(pdf.status == 0, "\(pdf)")
    }

    @Test("review --prioritized-first walks the profile's prioritized questions first, in lens order; refused without a profile")
    func reviewPrioritizedFirst() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.createTutorialWorkload().status == 0)
        let refused = try sandbox.welltree(["review", Self.w, "--prioritized-first"], input: "quit\n")
        #expect(refused.status == 2 && refused.stderr.contains("no profile"), "\(refused)")
        #expect(try Self.createProfile(sandbox).status == 0)
        #expect(try sandbox.welltree(["profile", "associate", Self.w, Self.name]).status == 0)
        let list = try sandbox.welltree(["answer", "list", Self.w, "--question-priority", "prioritized", "--format", "json"])
        let titles = try #require(try Self.object(sandbox, list)["AnswerSummaries"] as? [[String: Any]]).compactMap { $0["QuestionTitle"] as? String }
        let all = try sandbox.welltree(["answer", "list", Self.w, "--format", "json"])
        let firstInLens = try #require((try Self.object(sandbox, all)["AnswerSummaries"] as? [[String: Any]])?.first?["QuestionTitle"] as? String)
        #expect(titles.count > 2 && titles[0] != firstInLens)
        let review = try sandbox.welltree(["review", Self.w, "--prioritized-first"], input: "show\nnext\nshow\nquit\n")
        #expect(review.status == 0, "\(review)")
        let first = try #require(review.stdout.range(of: titles[0]))
        let second = try #require(review.stdout.range(of: titles[1]))
        #expect(first.lowerBound < second.lowerBound)
        #expect(!review.stdout.contains(firstInLens), "\(review.stdout)")

        // Starting again (discarding the review's answers) keeps the prioritized order.
        let head = try sandbox.commit()
        let again = try sandbox.welltree(["review", Self.w, "--prioritized-first"], input: "toggle 1\ndiscard\nnext\nquit\n")
        #expect(again.status == 0, "\(again)")
        let restarted = try #require(again.stdout.range(of: "Discarded; the committed answers are back\n"), "\(again.stdout)")
        let after = again.stdout[restarted.upperBound...]
        let firstAfter = try #require(after.range(of: titles[0]), "\(after)")
        let secondAfter = try #require(after.range(of: titles[1]), "\(after)")
        #expect(firstAfter.lowerBound < secondAfter.lowerBound)
        #expect(!after.contains(firstInLens), "\(after)")
        #expect(try sandbox.git(["status", "--porcelain"]).stdout.isEmpty)
        #expect(try sandbox.commit() == head)
    }
}
