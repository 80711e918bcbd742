import Foundation
import TestSupport
import Testing

/// The review's views beyond the present answers: answer input rules, the improvement plan for
/// trackers, milestones read like the present, notes, banners and the workloads page.
@Suite("Review views")
struct ReviewViewsTests {
    static let w = Sandbox.tutorialName

    /// The tutorial workload documented to 3 HRIs and 1 MRI.
    static func tutorial() throws -> Sandbox {
        let sandbox = try Sandbox()
        let created = try sandbox.createTutorialWorkload()
        #expect(created.status == 0, "\(created)")
        try TutorialTests.documentWorkload(sandbox)
        return sandbox
    }

    @Test("--select with None of these beside another choice is refused, naming the rule; nothing written")
    func noneMixedIsRefused() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.createTutorialWorkload().status == 0)
        let head = try sandbox.commit()
        let result = try sandbox.welltree([
            "answer", "update", Self.w, "monitor-aws-resources", "--select",
            "rel_monitor_aws_resources_monitor_resources,rel_monitor_aws_resources_no",
        ])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("--select"), "\(result)")
        #expect(result.stderr.contains("\"None of these\" is selected alone"), "\(result)")
        #expect(try sandbox.commit() == head)
        let alone = try sandbox.welltree(["answer", "update", Self.w, "monitor-aws-resources", "--select", "rel_monitor_aws_resources_no"])
        #expect(alone.status == 0, "\(alone)")
        #expect(alone.stdout.contains("risk HIGH"), "\(alone)")
    }

    @Test("improvements --format csv: a header and one row per best practice to adopt, ids stable across runs")
    func improvementsCSV() throws {
        let sandbox = try Self.tutorial()
        let json = try sandbox.welltree(["improvements", Self.w, "--format", "json"])
        try WorkloadCommandTests.expectShape("ListLensReviewImprovements", json)
        let summaries = try #require((try sandbox.json(json) as? [String: Any])?["ImprovementSummaries"] as? [[String: Any]])
        let practices = summaries.reduce(0) { $0 + (($1["ImprovementPlans"] as? [Any])?.count ?? 0) }
        let csv = try sandbox.welltree(["improvements", Self.w, "--format", "csv"])
        #expect(csv.status == 0, "\(csv)")
        let records = csv.stdout.components(separatedBy: "\r\n").filter { $0.hasPrefix("\"") && !$0.hasPrefix("\"title\"") }
        #expect(csv.stdout.hasPrefix("\"title\",\"body\",\"labels\",\"priority\""))
        // Bodies span lines; count records by their item id, the last field.
        let ids = csv.stdout.components(separatedBy: "\r\n").compactMap { line -> String? in
            guard let range = line.range(of: ",\"WT-", options: .backwards) else { return nil }
            return String(line[range.upperBound...].prefix(16))
        }
        #expect(ids.count == practices, "\(records.count) \(csv.stdout)")
        #expect(Set(ids).count == ids.count)
        #expect(try sandbox.welltree(["improvements", Self.w, "--format", "csv"]).stdout == csv.stdout)
        #expect(csv.stdout.contains("\"High\""))
        #expect(csv.stdout.contains("\"rel_backing_up_data_periodic_recovery_testing_data\"") == false)
    }

    @Test("--milestone reads answer show, answer list, status, improvements and lens reviews as the milestone recorded them")
    func milestoneViews() throws {
        let sandbox = try Self.tutorial()
        #expect(try sandbox.welltree(["milestone", "create", Self.w, "Version 1.0 - initial review"]).status == 0)
        let scale = try sandbox.welltree(["answer", "update", Self.w, "adapt-to-changes", "--select", "rel_adapt_to_changes_autoscale_adapt"])
        #expect(scale.status == 0, "\(scale)")

        func object(_ arguments: [String], shape: String?) throws -> [String: Any] {
            let result = try sandbox.welltree(arguments + ["--format", "json"])
            #expect(result.status == 0, "\(result)")
            if let shape { try WorkloadCommandTests.expectShape(shape, result) }
            return try #require(try sandbox.json(result) as? [String: Any])
        }
        func high(_ review: [String: Any]) -> Int? { (review["RiskCounts"] as? [String: Int])?["HIGH"] }

        let now = try object(["status", Self.w], shape: "GetLensReview")
        let then = try object(["status", Self.w, "--milestone", "1"], shape: "GetLensReview")
        #expect(now["MilestoneNumber"] == nil)
        #expect(then["MilestoneNumber"] as? Int == 1)
        #expect(high(try #require(now["LensReview"] as? [String: Any])) == 2)
        #expect(high(try #require(then["LensReview"] as? [String: Any])) == 3)

        let answerThen = try object(["answer", "show", Self.w, "adapt-to-changes", "--milestone", "Version 1.0 - initial review"], shape: "GetAnswer")
        #expect(answerThen["MilestoneNumber"] as? Int == 1)
        #expect((answerThen["Answer"] as? [String: Any])?["Risk"] as? String == "HIGH")
        let answerNow = try object(["answer", "show", Self.w, "adapt-to-changes"], shape: "GetAnswer")
        #expect((answerNow["Answer"] as? [String: Any])?["Risk"] as? String == "MEDIUM")

        let listThen = try object(["answer", "list", Self.w, "--pillar", "reliability", "--milestone", "1"], shape: "ListAnswers")
        #expect(listThen["MilestoneNumber"] as? Int == 1)
        let risks = (listThen["AnswerSummaries"] as? [[String: Any]] ?? []).filter { $0["QuestionId"] as? String == "adapt-to-changes" }
        #expect(risks.first?["Risk"] as? String == "HIGH")

        let planThen = try object(["improvements", Self.w, "--milestone", "1"], shape: "ListLensReviewImprovements")
        #expect(planThen["MilestoneNumber"] as? Int == 1)
        #expect((planThen["ImprovementSummaries"] as? [Any])?.count == 4)

        let reviews = try object(["lens", "reviews", Self.w], shape: "ListLensReviews")
        let summaries = try #require(reviews["LensReviewSummaries"] as? [[String: Any]])
        #expect(summaries.map { $0["LensAlias"] as? String } == ["wellarchitected"])
        #expect(summaries.first?["LensStatus"] as? String == "CURRENT")
        #expect(high(summaries[0]) == 2)
        let reviewsThen = try object(["lens", "reviews", Self.w, "--milestone", "1"], shape: "ListLensReviews")
        #expect(reviewsThen["MilestoneNumber"] as? Int == 1)
        #expect(high(try #require((reviewsThen["LensReviewSummaries"] as? [[String: Any]])?.first)) == 3)

        // Text says which milestone it shows; an unknown milestone is an error naming the ones there are.
        let text = try sandbox.welltree(["status", Self.w, "--milestone", "1"])
        #expect(text.stdout.hasPrefix("As recorded by milestone 1 \"Version 1.0 - initial review\" on "), "\(text)")
        #expect(try sandbox.welltree(["lens", "reviews", Self.w]).stdout.contains("wellarchitected"))
        let missing = try sandbox.welltree(["improvements", Self.w, "--milestone", "7"])
        #expect(missing.status == 2, "\(missing)")
        #expect(missing.stderr.contains("Version 1.0 - initial review"), "\(missing)")
    }

    /// The tutorial workload applying version 1.0 of the readiness lens, and version 2.0
    /// published as a major or a minor version.
    static func readiness(major: Bool) throws -> Sandbox {
        let sandbox = try Sandbox()
        try #require(try sandbox.createTutorialWorkload().status == 0)
        for (version, lens) in [("1.0", ReadinessLens.version1), ("2.0", ReadinessLens.version2)] {
            let file = sandbox.root + "/readiness-\(version).json"
            try ReadinessLens.write(lens, to: file)
            try #require(try sandbox.welltree(["lens", "import", file]).status == 0)
            let publish = ["lens", "publish", "readiness-review", "--version", version] + (version == "1.0" || major ? ["--major"] : ["--minor"])
            try #require(try sandbox.welltree(publish).status == 0)
            if version == "1.0" { try #require(try sandbox.welltree(["lens", "associate", Self.w, "readiness-review"]).status == 0) }
        }
        return sandbox
    }

    @Test("a lens not current: status, workload show and the review say so in one line with the upgrade command")
    func upgradeBanners() throws {
        let sandbox = try Self.readiness(major: true)
        let command = "welltree lens upgrade 'Retail Website - North America' readiness-review --milestone 'Before readiness-review 2.0'"
        let banner = "Readiness review 1.0 is not current: version 2.0 is available. Upgrade: \(command)"
        let status = try sandbox.welltree(["status", Self.w, "--lens", "readiness-review"])
        #expect(status.stdout.hasPrefix(banner + "\n\n"), "\(status)")
        let show = try sandbox.welltree(["workload", "show", Self.w])
        #expect(show.stdout.hasPrefix(banner + "\n\n"), "\(show)")
        #expect(show.stdout.components(separatedBy: "\n").filter { $0.contains("is not current") }.count == 1)
        let review = try sandbox.welltree(["review", Self.w, "--lens", "readiness-review"], input: "save\n")
        #expect(review.stderr.contains(banner), "\(review)")
        // The framework lens is current: no banner for it.
        #expect(!(try sandbox.welltree(["status", Self.w]).stdout.contains("not current")))

        // The command as printed, run through a shell, does the upgrade; then the banner is gone.
        let words = ["lens", "upgrade", Self.w, "readiness-review", "--milestone", "Before readiness-review 2.0"]
        #expect(try sandbox.welltree(words).status == 0)
        #expect(!(try sandbox.welltree(["status", Self.w, "--lens", "readiness-review"]).stdout.contains("not current")))
        #expect(!(try sandbox.welltree(["workload", "show", Self.w]).stdout.contains("not current")))
    }

    @Test("after a minor version, workload show and status name the same version")
    func oneVersionEverywhere() throws {
        let sandbox = try Self.readiness(major: false)
        let status = try sandbox.welltree(["status", Self.w, "--lens", "readiness-review", "--format", "json"])
        #expect((try sandbox.json(status) as? [String: Any]).flatMap { ($0["LensReview"] as? [String: Any])?["LensVersion"] as? String } == "2.0")
        let show = try sandbox.welltree(["workload", "show", Self.w, "--format", "json"])
        let versions = (try sandbox.json(show) as? [String: Any]).flatMap { ($0["Workload"] as? [String: Any])?["LensVersions"] as? [String: String] }
        #expect(versions?["readiness-review"] == "2.0", "\(show)")
        let text = try sandbox.welltree(["workload", "show", Self.w]).stdout
        #expect(text.contains("readiness-review 2.0"), "\(text)")
        #expect(!text.contains("not current"))
        let reviews = try sandbox.welltree(["lens", "reviews", Self.w, "--format", "json"])
        let rows = (try sandbox.json(reviews) as? [String: Any])?["LensReviewSummaries"] as? [[String: Any]] ?? []
        #expect(rows.first { $0["LensAlias"] as? String == "readiness-review" }?["LensVersion"] as? String == "2.0")
    }

    @Test("--pillar-priority orders this workload's improvement plan, falls back to the workspace's, refuses unknown pillars")
    func pillarPriorityPerWorkload() throws {
        let sandbox = try Self.tutorial()
        func order() throws -> [String] {
            let plan = try sandbox.welltree(["improvements", Self.w, "--format", "json"])
            let items = (try sandbox.json(plan) as? [String: Any])?["ImprovementSummaries"] as? [[String: Any]] ?? []
            return items.compactMap { $0["QuestionId"] as? String }
        }
        // Workspace order: security before reliability.
        #expect(try order() == ["identities", "monitor-aws-resources", "adapt-to-changes", "backing-up-data"])
        let set = try sandbox.welltree(["workload", "update", Self.w, "--pillar-priority", "reliability,security"])
        #expect(set.status == 0, "\(set)")
        #expect(try order() == ["monitor-aws-resources", "adapt-to-changes", "identities", "backing-up-data"])
        let show = try sandbox.welltree(["workload", "show", Self.w, "--format", "json"])
        let shown = (try sandbox.json(show) as? [String: Any])?["Workload"] as? [String: Any]
        #expect(shown?["PillarPriorities"] as? [String] == ["reliability", "security"])
        #expect(try sandbox.welltree(["workload", "show", Self.w]).stdout.contains("Pillar priority"))

        let head = try sandbox.commit()
        let bad = try sandbox.welltree(["workload", "update", Self.w, "--pillar-priority", "reliability,nosuchpillar,reliability"])
        #expect(bad.status == 2, "\(bad)")
        #expect(bad.stderr.contains("nosuchpillar"), "\(bad)")
        #expect(bad.stderr.contains("is not a pillar of the workload's lenses"), "\(bad)")
        #expect(bad.stderr.contains("is listed more than once"), "\(bad)")
        #expect(try sandbox.commit() == head)

        #expect(try sandbox.welltree(["workload", "update", Self.w, "--pillar-priority", ""]).status == 0)
        #expect(try order() == ["identities", "monitor-aws-resources", "adapt-to-changes", "backing-up-data"])
        #expect(!(try sandbox.read("workloads/re/retail-website-north-america/workload.json")).contains("pillarPriorities"))
    }

    @Test("workload list: the console's columns, --owned and --shared-with-me for the acting principal")
    func workloadsPage() throws {
        let sandbox = try Sandbox()
        func create(_ name: String) throws {
            let result = try sandbox.welltree([
                "workload", "create", "--name", name, "--description", "A workload", "--review-owner", "Jane Doe", "--environment", "production",
            ])
            #expect(result.status == 0, "\(result)")
        }
        func share(_ name: String, _ principal: String) throws -> String {
            let shared = try sandbox.welltree(["share", "create", name, "--principal", principal, "--permission", "readonly", "--format", "json"])
            #expect(shared.status == 0, "\(shared)")
            return try #require((try sandbox.json(shared) as? [String: Any])?["ShareId"] as? String)
        }
        func names(_ flags: [String]) throws -> [String] {
            let result = try sandbox.welltree(["workload", "list", "--format", "json"] + flags)
            #expect(result.status == 0, "\(result)")
            return ((try sandbox.json(result) as? [String: Any])?["WorkloadSummaries"] as? [[String: Any]] ?? []).compactMap {
                $0["WorkloadName"] as? String
            }
        }
        #expect(try sandbox.welltree(["share", "admin", "add", "alice@example.com"]).status == 0)
        #expect(try sandbox.welltree(["share", "group", "add", "ops", "bob@example.com"]).status == 0)
        try create("Alice direct")
        try create("Alice via group")
        try create("Alice pending")
        try create("Alice private")
        let direct = try share("Alice direct", "bob@example.com")
        let group = try share("Alice via group", "group:ops")
        _ = try share("Alice pending", "bob@example.com")
        sandbox.principal = "bob@example.com"
        try create("Bob own")
        #expect(try sandbox.welltree(["share", "accept", direct]).status == 0)
        #expect(try sandbox.welltree(["share", "accept", group]).status == 0)

        #expect(try names(["--owned"]) == ["Bob own"])
        #expect(try names(["--shared-with-me"]) == ["Alice direct", "Alice via group"])
        #expect(try names([]).count == 5)
        sandbox.principal = "alice@example.com"
        #expect(try names(["--owned"]) == ["Alice direct", "Alice pending", "Alice private", "Alice via group"])
        #expect(try names(["--shared-with-me"]).isEmpty)
        let both = try sandbox.welltree(["workload", "list", "--owned", "--shared-with-me"])
        #expect(both.status != 0)

        let text = try sandbox.welltree(["workload", "list", "--owned"]).stdout
        let header = try #require(text.split(separator: "\n").first)
        #expect(header.split(separator: " ", omittingEmptySubsequences: true).prefix(5) == ["NAME", "OWNER", "ANSWERED", "HRIS", "MRIS"])
        #expect(header.contains("IMPROVEMENT STATUS") && header.contains("UPDATED"))
        #expect(text.contains("alice@example.com") && text.contains("0/57") && text.contains("NOT_STARTED"), "\(text)")
    }

    @Test("lens diff --target-version draft reviews the draft against the current version, or against nothing")
    func draftDifference() throws {
        let sandbox = try Sandbox()
        func statuses(_ result: RunResult) throws -> [String: String] {
            #expect(result.status == 0, "\(result)")
            try WorkloadCommandTests.expectShape("GetLensVersionDifference", result)
            let document = try #require(try sandbox.json(result) as? [String: Any])
            #expect(document["TargetLensVersion"] as? String == "draft")
            var found: [String: String] = [:]
            for pillar in (document["VersionDifferences"] as? [String: Any])?["PillarDifferences"] as? [[String: Any]] ?? [] {
                for question in pillar["QuestionDifferences"] as? [[String: Any]] ?? [] {
                    found[question["QuestionId"] as? String ?? ""] = question["DifferenceStatus"] as? String
                }
            }
            return found
        }
        let v1 = sandbox.root + "/readiness-v1.json"
        let v2 = sandbox.root + "/readiness-v2.json"
        try ReadinessLens.write(ReadinessLens.version1, to: v1)
        try ReadinessLens.write(ReadinessLens.version2, to: v2)
        #expect(try sandbox.welltree(["lens", "import", v1]).status == 0)
        let first = try sandbox.welltree(["lens", "diff", "readiness-review", "--target-version", "draft", "--format", "json"])
        #expect(try Set(statuses(first).values) == ["NEW"])
        #expect((try sandbox.json(first) as? [String: Any])?["BaseLensVersion"] == nil)
        #expect(try sandbox.welltree(["lens", "diff", "readiness-review", "--target-version", "draft"]).stdout.hasPrefix(
            "Readiness review: nothing published -> draft"))

        #expect(try sandbox.welltree(["lens", "publish", "readiness-review", "--version", "1.0"]).status == 0)
        let none = try sandbox.welltree(["lens", "diff", "readiness-review", "--target-version", "draft"])
        #expect(none.status == 2, "\(none)")
        #expect(none.stderr.contains("has no draft"), "\(none)")

        #expect(try sandbox.welltree(["lens", "import", v2]).status == 0)
        let second = try sandbox.welltree(["lens", "diff", "readiness-review", "--target-version", "draft", "--format", "json"])
        #expect(
            try statuses(second)
                == ["arch_retry": "UPDATED", "arch_legacy_dr": "DELETED", "event_recovery": "UPDATED", "event_budget_alerts": "NEW"])
        #expect((try sandbox.json(second) as? [String: Any])?["BaseLensVersion"] as? String == "1.0")
        #expect(try sandbox.welltree(["lens", "diff", "readiness-review"]).status != 0)
    }

    @Test("uncommitted edits to a workload's files are named in one line on stderr; validate checks the work tree")
    func uncommittedEdits() throws {
        let sandbox = try Self.tutorial()
        let directory = "workloads/re/retail-website-north-america"
        let clean = try sandbox.welltree(["status", Self.w])
        #expect(clean.stderr.isEmpty, "\(clean)")

        // A half-resolved merge in one answer, a hand-added file, a deleted answer.
        try sandbox.write(directory + "/answers/wellarchitected/identities.json", "<<<<<<< HEAD\n{}\n=======\n{}\n>>>>>>> theirs\n")
        try sandbox.write(directory + "/answers/wellarchitected/extra.json", "{}\n")
        try FileManager.default.removeItem(atPath: sandbox.repo + "/" + directory + "/answers/wellarchitected/adapt-to-changes.json")
        let expected = [
            "adapt-to-changes.json", "extra.json", "identities.json",
        ].map { "\(directory)/answers/wellarchitected/\($0)" }.joined(separator: ", ")
        for command in [["status", Self.w], ["improvements", Self.w], ["answer", "list", Self.w], ["answer", "show", Self.w, "identities"],
                        ["workload", "show", Self.w], ["lens", "reviews", Self.w]] {
            let result = try sandbox.welltree(command)
            #expect(result.status == 0, "\(command): \(result)")
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(command): \(result)")
            #expect(lines.first?.hasPrefix("warning: not read, uncommitted changes to \(expected) ") == true, "\(command): \(result)")
        }
        // What is shown is the commit: still 3 HRIs.
        let counts = try TutorialTests.counts(sandbox)
        #expect(counts["HIGH"] == 3)
        // A milestone is read from its tag: no warning about the work tree.
        #expect(try sandbox.welltree(["milestone", "create", Self.w, "Before the merge"]).status == 0)
        #expect(try sandbox.welltree(["status", Self.w, "--milestone", "1"]).stderr.isEmpty)
        // validate checks the work tree as it is.
        let validate = try sandbox.welltree(["validate"])
        #expect(validate.status == 2, "\(validate)")
        #expect(validate.stdout.contains("identities.json") || validate.stderr.contains("identities.json"), "\(validate)")

        try sandbox.git(["checkout", "--", "."])
        try FileManager.default.removeItem(atPath: sandbox.repo + "/" + directory + "/answers/wellarchitected/extra.json")
        #expect(try sandbox.welltree(["status", Self.w]).stderr.isEmpty)
    }

    @Test("lens list: a custom lens is CUSTOM_SELF to its owner, CUSTOM_SHARED to everyone else")
    func lensTypeForThePrincipal() throws {
        let sandbox = try Self.readiness(major: true)
        func type() throws -> String? {
            let list = try sandbox.welltree(["lens", "list", "--format", "json"])
            try WorkloadCommandTests.expectShape("ListLenses", list)
            let rows = (try sandbox.json(list) as? [String: Any])?["LensSummaries"] as? [[String: Any]] ?? []
            return rows.first { $0["LensAlias"] as? String == "readiness-review" }?["LensType"] as? String
        }
        #expect(try type() == "CUSTOM_SELF")
        sandbox.principal = "bob@example.com"
        #expect(try type() == "CUSTOM_SHARED")
        #expect(try sandbox.welltree(["lens", "list"]).stdout.contains("CUSTOM_SHARED"))
    }

    @Test("lens notes: lens and pillar notes in status (GetLensReview's Notes), validated, removed when emptied")
    func lensNotes() throws {
        let sandbox = try Self.tutorial()
        let file = "workloads/re/retail-website-north-america/notes/wellarchitected.json"
        let set = try sandbox.welltree(["lens", "notes", Self.w, "wellarchitected", "--notes", "Reviewed with the platform team", "--format", "json"])
        #expect(set.status == 0, "\(set)")
        try WorkloadCommandTests.expectShape("UpdateLensReview", set)
        #expect(try sandbox.welltree(["lens", "notes", Self.w, "wellarchitected", "--pillar", "reliability", "--notes", "Backups: platform team"]).status == 0)

        let status = try sandbox.welltree(["status", Self.w, "--format", "json"])
        try WorkloadCommandTests.expectShape("GetLensReview", status)
        let review = try #require((try sandbox.json(status) as? [String: Any])?["LensReview"] as? [String: Any])
        #expect(review["Notes"] as? String == "Reviewed with the platform team")
        let pillars = review["PillarReviewSummaries"] as? [[String: Any]] ?? []
        #expect(pillars.first { $0["PillarId"] as? String == "reliability" }?["Notes"] as? String == "Backups: platform team")
        #expect(pillars.first { $0["PillarId"] as? String == "security" }?["Notes"] == nil)
        let text = try sandbox.welltree(["status", Self.w]).stdout
        #expect(text.contains("Lens notes") && text.contains("Reviewed with the platform team") && text.contains("Reliability notes"), "\(text)")
        #expect(try sandbox.welltree(["validate"]).status == 0)

        // Refused, nothing written: an unknown pillar, a control character, a reader without a CONTRIBUTOR share.
        let head = try sandbox.commit()
        let unknown = try sandbox.welltree(["lens", "notes", Self.w, "wellarchitected", "--pillar", "nosuch", "--notes", "x"])
        #expect(unknown.status == 2 && unknown.stderr.contains("is not a pillar of the lens"), "\(unknown)")
        let control = try sandbox.welltree(["lens", "notes", Self.w, "wellarchitected", "--notes", "bad\u{1B}[2J"])
        #expect(control.status == 2, "\(control)")
        sandbox.principal = "mallory@example.com"
        let stranger = try sandbox.welltree(["lens", "notes", Self.w, "wellarchitected", "--notes", "mine now"])
        #expect(stranger.status == 2, "\(stranger)")
        sandbox.principal = "alice@example.com"
        #expect(try sandbox.commit() == head)

        // A hand edit naming a pillar the lens does not have fails validate with the file named.
        try sandbox.write(file, "{\n  \"pillarNotes\": {\n    \"nosuch\": \"x\"\n  }\n}\n")
        let validate = try sandbox.welltree(["validate"])
        #expect(validate.status == 2, "\(validate)")
        #expect((validate.stdout + validate.stderr).contains(file), "\(validate)")
        try sandbox.git(["checkout", "--", file])

        // Emptied, the file goes.
        #expect(try sandbox.welltree(["lens", "notes", Self.w, "wellarchitected", "--notes", ""]).status == 0)
        #expect(try sandbox.welltree(["lens", "notes", Self.w, "wellarchitected", "--pillar", "reliability", "--notes", ""]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: sandbox.repo + "/" + file))
    }

    @Test("lens and pillar notes appear, escaped, in the Markdown, HTML and JSON reports and beside the review's questions")
    func lensNotesInReportsAndReview() throws {
        let sandbox = try Self.tutorial()
        let lensNote = "Reviewed <script>alert(1)</script> with **ops** | [x](javascript:alert(1))"
        let pillarNote = "Backups: <b>platform</b> team\nRestore tested in _May_"
        #expect(try sandbox.welltree(["lens", "notes", Self.w, "wellarchitected", "--notes", lensNote]).status == 0)
        #expect(try sandbox.welltree(["lens", "notes", Self.w, "wellarchitected", "--pillar", "reliability", "--notes", pillarNote]).status == 0)

        let markdown = try sandbox.welltree(["report", Self.w, "--format", "markdown"])
        #expect(markdown.status == 0, "\(markdown)")
        #expect(markdown.stdout.contains("Lens notes:\n\n> Reviewed "), "\(markdown.stdout)")
        #expect(markdown.stdout.contains("#### Reliability\n\nPillar notes:\n\n> Backups: "), "\(markdown.stdout)")
        #expect(!markdown.stdout.contains("<script>") && !markdown.stdout.contains("<b>") && !markdown.stdout.contains("**ops**"))
        #expect(!markdown.stdout.contains("[x](javascript"))

        let html = try sandbox.welltree(["report", Self.w, "--format", "html"])
        #expect(html.status == 0, "\(html)")
        #expect(html.stdout.contains("<p class=\"notes lens-notes\">Reviewed &lt;script&gt;alert(1)&lt;/script&gt; with **ops**"), "\(html.stdout)")
        #expect(html.stdout.contains("<p class=\"notes pillar-notes\">Backups: &lt;b&gt;platform&lt;/b&gt; team\nRestore tested in _May_</p>"))
        #expect(!html.stdout.contains("<script>alert"))

        let json = try sandbox.welltree(["report", Self.w, "--format", "json"])
        let lens = try #require(((try sandbox.json(json) as? [String: Any])?["LensReviews"] as? [[String: Any]])?.first)
        #expect(lens["Notes"] as? String == lensNote)
        let pillars = lens["PillarReviewSummaries"] as? [[String: Any]] ?? []
        #expect(pillars.first { $0["PillarId"] as? String == "reliability" }?["Notes"] as? String == pillarNote)
        #expect(pillars.first { $0["PillarId"] as? String == "security" }?["Notes"] == nil)

        // The scripted review's page shows the pillar's notes on its questions and the lens notes.
        let review = try sandbox.welltree(["review", Self.w, "--question", "adapt-to-changes"], input: "show\n")
        #expect(review.stdout.contains("Pillar notes:\n  Backups: <b>platform</b> team\n  Restore tested in _May_\n"), "\(review)")
        #expect(review.stdout.contains("Lens notes:\n  \(lensNote)\n"), "\(review)")
        let security = try sandbox.welltree(["review", Self.w, "--question", "identities"], input: "show\n")
        #expect(!security.stdout.contains("Pillar notes:") && security.stdout.contains("Lens notes:"), "\(security)")
    }
}
