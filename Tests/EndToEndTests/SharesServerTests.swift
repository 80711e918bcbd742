import Foundation
import TestSupport
import Testing

/// Shares enforced by the server hook on a real git server (git-http-backend over loopback,
/// started and stopped by the test): each principal pushes from their own clone, identified by
/// HTTP authentication as `REMOTE_USER`, and the hook accepts or refuses by the shares the
/// server holds.
@Suite("Shares enforced by the server hook", .serialized)
struct SharesServerTests {
    static let password = "secret"
    static let people = ["alice@example.com", "bob@example.com", "carol@example.com", "dave@example.com", "erin@example.com"]

    /// One person's clone of the review repository.
    struct Clone {
        var sandbox: Sandbox
        var principal: String
        var path: String

        @discardableResult
        func git(_ arguments: [String]) throws -> RunResult {
            var environment = sandbox.environment
            environment["WELLTREE_PRINCIPAL"] = principal
            environment["GIT_TERMINAL_PROMPT"] = "0"
            return try Run.program("git", arguments, in: path, environment: environment)
        }

        @discardableResult
        func welltree(_ arguments: [String]) throws -> RunResult {
            var environment = sandbox.environment
            environment["WELLTREE_PRINCIPAL"] = principal
            return try Run.program(Run.welltree, arguments, in: path, environment: environment)
        }

        func push(_ refspecs: [String]) throws -> RunResult { try git(["push", "origin"] + refspecs) }

        /// Writes a file of the work tree and commits it with git, bypassing welltree's checks.
        func commitByHand(_ path: String, _ text: String, message: String) throws {
            let full = self.path + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
            try #require(try git(["add", path]).status == 0)
            try #require(try git(["commit", "-qm", message]).status == 0)
        }

        /// Rewrites one file on the shares ref by hand, as a commit on top of it.
        func editShares(_ path: String, _ edit: (inout [String: Any]) throws -> Void) throws {
            let text = try git(["show", "refs/welltree/shares:\(path)"]).stdout
            var object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            try edit(&object)
            let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
            try writeOnShares(path, String(decoding: data, as: UTF8.self) + "\n")
        }

        /// Puts `text` at `path` on the shares ref with git plumbing.
        func writeOnShares(_ path: String, _ text: String) throws {
            let file = sandbox.root + "/blob-" + UUID().uuidString
            try text.write(toFile: file, atomically: true, encoding: .utf8)
            let blob = try git(["hash-object", "-w", file]).stdout.trimmed
            let index = sandbox.root + "/index-" + UUID().uuidString
            var environment = sandbox.environment
            environment["GIT_INDEX_FILE"] = index
            let run = { (arguments: [String]) throws -> String in
                try Run.program("git", arguments, in: self.path, environment: environment).stdout.trimmed
            }
            _ = try run(["read-tree", "refs/welltree/shares"])
            _ = try run(["update-index", "--add", "--cacheinfo", "100644,\(blob),\(path)"])
            let tree = try run(["write-tree"])
            let commit = try run(["commit-tree", tree, "-p", "refs/welltree/shares", "-m", "Edit \(path) by hand"])
            try #require(try git(["update-ref", "refs/welltree/shares", commit]).status == 0)
        }
    }

    @Test(
        .enabled(if: GitServer.isAvailable, "needs git-http-backend and python3 (Debian packages git and python3)"),
        .timeLimit(.minutes(5)))
    func pushesAreAcceptedOrRefusedByTheServersShares() throws {
        let sandbox = try Sandbox()
        let server = try GitServer(
            root: sandbox.root + "/server", users: Dictionary(uniqueKeysWithValues: Self.people.map { ($0, Self.password) }),
            environment: sandbox.environment)
        let bare = server.root + "/reviews.git"
        try #require(try sandbox.git(["init", "-q", "--bare", "-b", "main", bare], in: sandbox.root).status == 0)
        let installed = try sandbox.welltree(["hooks", "install", "--server", bare, "--admin", "alice@example.com"], in: sandbox.root)
        try #require(installed.status == 0, "\(installed)")

        // Alice, an administrator, requires signed milestones, trusts her SSH key, creates a workload.
        let alice = Clone(sandbox: sandbox, principal: "alice@example.com", path: sandbox.repo)
        try alice.git(["remote", "add", "origin", server.url("reviews.git", user: alice.principal, password: Self.password)])
        try #require(try alice.git(["fetch", "-q", "origin", "refs/welltree/shares:refs/welltree/shares"]).status == 0)
        let settings = try sandbox.read("welltree.json").replacingOccurrences(
            of: "\"requireSignedMilestones\": false", with: "\"requireSignedMilestones\": true")
        try alice.commitByHand("welltree.json", settings, message: "Require signed milestones")
        let key = sandbox.home + "/alice_ed25519"
        try #require(try Run.program("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "alice", "-f", key]).status == 0)
        let publicKey = try String(contentsOfFile: key + ".pub", encoding: .utf8).trimmed
        try alice.writeOnShares("allowed_signers", "alice@example.com namespaces=\"git\" \(publicKey)\n")
        try #require(try sandbox.createTutorialWorkload().status == 0)
        let first = try alice.push(["main", "refs/welltree/shares"])
        #expect(first.status == 0, "\(first)")

        // She shares it: bob CONTRIBUTOR, carol READONLY, erin CONTRIBUTOR (left to expire).
        var shareIds: [String: String] = [:]
        for (person, permission) in [
            ("bob@example.com", "contributor"), ("carol@example.com", "readonly"), ("erin@example.com", "contributor"),
        ] {
            let created = try alice.welltree([
                "share", "create", Sandbox.tutorialName, "--principal", person, "--permission", permission, "--format", "json",
            ])
            try #require(created.status == 0, "\(created)")
            try expectShape("CreateWorkloadShare", created)
            shareIds[person] = try #require((try sandbox.json(created) as? [String: Any])?["ShareId"] as? String)
        }
        let workloadId = try #require(
            (try sandbox.json(try alice.welltree(["workload", "show", Sandbox.tutorialName, "--format", "json"])) as? [String: Any])
                .flatMap { $0["Workload"] as? [String: Any] }?["WorkloadId"] as? String)
        try alice.editShares("workloads/\(workloadId).json") { file in
            var shares = file["shares"] as? [[String: Any]] ?? []
            for i in shares.indices where shares[i]["principal"] as? String == "erin@example.com" {
                shares[i]["invitedAt"] = "2020-01-01T00:00:00Z"
            }
            file["shares"] = shares
        }
        let list = try alice.welltree(["share", "list", Sandbox.tutorialName, "--format", "json"])
        try expectShape("ListWorkloadShares", list)
        #expect(list.stdout.contains("\"EXPIRED\""))
        #expect(try alice.push(["refs/welltree/shares"]).status == 0)

        func clone(_ principal: String) throws -> Clone {
            let path = sandbox.root + "/" + principal.prefix { $0 != "@" }
            let cloned = try Run.program(
                "git", ["clone", "-q", server.url("reviews.git", user: principal, password: Self.password), path],
                environment: sandbox.environment.merging(["GIT_TERMINAL_PROMPT": "0"]) { $1 })
            try #require(cloned.status == 0, "\(cloned)")
            let clone = Clone(sandbox: sandbox, principal: principal, path: path)
            try #require(try clone.git(["fetch", "-q", "origin", "refs/welltree/shares:refs/welltree/shares"]).status == 0)
            return clone
        }
        let answers = "workloads/re/retail-website-north-america/answers/wellarchitected"
        let answerText = "{\n  \"answer\": {\n    \"selectedChoices\": [\n      \"ops_priorities_ext_int_customer_needs\"\n    ]\n  }\n}\n"

        // Bob accepts, answers and pushes; editing properties or shares is refused.
        let bob = try clone("bob@example.com")
        let invitations = try bob.welltree(["share", "invitations", "--format", "json"])
        try expectShape("ListShareInvitations", invitations)
        #expect(invitations.stdout.contains(try #require(shareIds["bob@example.com"])))
        #expect(try bob.welltree(["share", "accept", try #require(shareIds["bob@example.com"])]).status == 0)
        #expect(try bob.push(["refs/welltree/shares"]).status == 0)
        let answered = try bob.welltree(["answer", "update", Sandbox.tutorialName, "priorities", "--none"])
        #expect(answered.status == 0, "\(answered)")
        let bobAnswers = try bob.push(["main"])
        #expect(bobAnswers.status == 0, "\(bobAnswers)")
        // Lens and pillar notes are the review's, as answers: a contributor writes them.
        let bobNotes = try bob.welltree(["lens", "notes", Sandbox.tutorialName, "wellarchitected", "--notes", "Bob's review notes"])
        #expect(bobNotes.status == 0, "\(bobNotes)")
        let bobNotesPush = try bob.push(["main"])
        #expect(bobNotesPush.status == 0, "\(bobNotesPush)")

        let cliRefusal = try bob.welltree(["workload", "update", Sandbox.tutorialName, "--notes", "bob's notes"])
        #expect(cliRefusal.status == 2)
        let workloadFile = "workloads/re/retail-website-north-america/workload.json"
        let properties = try String(contentsOfFile: bob.path + "/" + workloadFile, encoding: .utf8).replacingOccurrences(
            of: "Jane Doe", with: "Bob")
        try bob.commitByHand(workloadFile, properties, message: "Make Bob the review owner")
        let propertiesPush = try bob.push(["main"])
        #expect(propertiesPush.status != 0)
        #expect(
            propertiesPush.stderr.contains("bob@example.com may not change \(workloadFile) of workload \"\(Sandbox.tutorialName)\""),
            "\(propertiesPush)")
        #expect(propertiesPush.stderr.contains("only the owner alice@example.com edits properties"))
        try bob.git(["reset", "-q", "--hard", "origin/main"])

        try bob.editShares("workloads/\(workloadId).json") { file in
            var shares = file["shares"] as? [[String: Any]] ?? []
            for i in shares.indices where shares[i]["principal"] as? String == "carol@example.com" {
                shares[i]["permission"] = "CONTRIBUTOR"
            }
            file["shares"] = shares
        }
        let sharesPush = try bob.push(["refs/welltree/shares"])
        #expect(sharesPush.status != 0)
        #expect(sharesPush.stderr.contains("only the owner alice@example.com manages its shares"), "\(sharesPush)")

        // Carol, READONLY, may accept but not answer.
        let carol = try clone("carol@example.com")
        #expect(try carol.welltree(["share", "accept", try #require(shareIds["carol@example.com"])]).status == 0)
        #expect(try carol.push(["refs/welltree/shares"]).status == 0)
        let carolCLI = try carol.welltree(["answer", "update", Sandbox.tutorialName, "ops-model", "--none"])
        #expect(carolCLI.status == 2)
        #expect(carolCLI.stderr.contains("carol@example.com has a READONLY share"), "\(carolCLI)")
        try carol.commitByHand("\(answers)/ops-model.json", answerText, message: "Answer by hand")
        let carolPush = try carol.push(["main"])
        #expect(carolPush.status != 0)
        #expect(
            carolPush.stderr.contains("answers need the owner or an accepted CONTRIBUTOR share; carol@example.com has a READONLY share"),
            "\(carolPush)")
        try carol.git(["reset", "-q", "--hard", "origin/main"])
        let carolNotesCLI = try carol.welltree(["lens", "notes", Sandbox.tutorialName, "wellarchitected", "--notes", "Carol's"])
        #expect(carolNotesCLI.status == 2, "\(carolNotesCLI)")
        try carol.commitByHand(
            "workloads/re/retail-website-north-america/notes/wellarchitected.json", "{\n  \"notes\": \"Carol's\"\n}\n",
            message: "Notes by hand")
        let carolNotesPush = try carol.push(["main"])
        #expect(carolNotesPush.status != 0)
        #expect(
            carolNotesPush.stderr.contains(
                "lens and pillar notes need the owner or an accepted CONTRIBUTOR share; carol@example.com has a READONLY share"),
            "\(carolNotesPush)")

        // Dave, a stranger, may not answer, but may create a workload of his own.
        let dave = try clone("dave@example.com")
        try dave.commitByHand("\(answers)/ops-model.json", answerText, message: "Answer by hand")
        let davePush = try dave.push(["main"])
        #expect(davePush.status != 0)
        #expect(davePush.stderr.contains("dave@example.com has no share"), "\(davePush)")
        try dave.git(["reset", "-q", "--hard", "origin/main"])
        let created = try dave.welltree([
            "workload", "create", "--name", "Dave's Workload", "--description", "Mine", "--review-owner", "Dave",
            "--environment", "preproduction", "--aws-region", "eu-west-1",
        ])
        #expect(created.status == 0, "\(created)")
        let ownWorkload = try dave.push(["main"])
        #expect(ownWorkload.status == 0, "\(ownWorkload)")

        // Dave shares his own workload with Bob under the id of Carol's share: refused, so no
        // invitee can be made to answer or leave the wrong share.
        let daveId = try #require(
            (try sandbox.json(try dave.welltree(["workload", "show", "Dave's Workload", "--format", "json"])) as? [String: Any])
                .flatMap { $0["Workload"] as? [String: Any] }?["WorkloadId"] as? String)
        let daveShare = try dave.welltree(["share", "create", "Dave's Workload", "--principal", "bob@example.com", "--permission", "readonly"])
        try #require(daveShare.status == 0, "\(daveShare)")
        let carolShare = try #require(shareIds["carol@example.com"])
        try dave.editShares("workloads/\(daveId).json") { file in
            var shares = file["shares"] as? [[String: Any]] ?? []
            for i in shares.indices { shares[i]["shareId"] = carolShare }
            file["shares"] = shares
        }
        let copied = try dave.push(["refs/welltree/shares"])
        #expect(copied.status != 0)
        #expect(copied.stderr.contains("share id \(carolShare) is already used in refs/welltree/shares:workloads/\(workloadId).json"), "\(copied)")
        // Where such a copy exists anyway (a repository without the hook), answering by that id is refused.
        #expect(try dave.git(["fetch", "-q", "origin", "main"]).status == 0)
        let ambiguous = try dave.welltree(["share", "accept", carolShare])
        #expect(ambiguous.status == 2)
        #expect(ambiguous.stderr.contains("is used by 2 share files"), "\(ambiguous)")

        // Erin's invitation expired: she can neither accept it nor answer.
        let erin = try clone("erin@example.com")
        let late = try erin.welltree(["share", "accept", try #require(shareIds["erin@example.com"])])
        #expect(late.status == 2)
        #expect(late.stderr.contains("EXPIRED"), "\(late)")
        try erin.editShares("workloads/\(workloadId).json") { file in
            var shares = file["shares"] as? [[String: Any]] ?? []
            for i in shares.indices where shares[i]["principal"] as? String == "erin@example.com" { shares[i]["status"] = "ACCEPTED" }
            file["shares"] = shares
        }
        let forged = try erin.push(["refs/welltree/shares"])
        #expect(forged.status != 0)
        #expect(forged.stderr.contains("is EXPIRED, not PENDING"), "\(forged)")
        try erin.git(["pull", "-q", "--ff-only", "origin", "main"])
        try erin.commitByHand("\(answers)/ops-model.json", answerText, message: "Answer by hand")
        let erinPush = try erin.push(["main"])
        #expect(erinPush.status != 0)
        #expect(erinPush.stderr.contains("erin@example.com has no share"), "\(erinPush)")

        // Milestone tags: only the owner, signed, never moved or deleted.
        try alice.git(["pull", "-q", "--ff-only", "origin", "main"])
        let tag = "welltree/retail-website-north-america-\(workloadId.prefix(8))/001-baseline"
        let record = sandbox.root + "/milestone-message"
        try HookMilestoneTests.message(workloadId: workloadId).write(toFile: record, atomically: true, encoding: .utf8)
        try #require(try alice.git(["tag", "-a", tag, "-F", record]).status == 0)
        let unsigned = try alice.push(["refs/tags/\(tag)"])
        #expect(unsigned.status != 0)
        #expect(unsigned.stderr.contains("the milestone tag must be signed"), "\(unsigned)")
        let signing = ["-c", "gpg.format=ssh", "-c", "user.signingkey=\(key)"]
        try #require(try alice.git(signing + ["tag", "-f", "-s", tag, "-F", record]).status == 0)
        let signed = try alice.push(["refs/tags/\(tag)"])
        #expect(signed.status == 0, "\(signed)")
        try #require(try alice.git(signing + ["tag", "-f", "-s", tag, "-m", "Baseline, moved", "HEAD~1"]).status == 0)
        let moved = try alice.push(["--force", "refs/tags/\(tag)"])
        #expect(moved.status != 0)
        #expect(moved.stderr.contains("milestone tags are never moved"), "\(moved)")
        let deleted = try alice.push([":refs/tags/\(tag)"])
        #expect(deleted.status != 0)
        #expect(deleted.stderr.contains("milestone tags are never deleted"), "\(deleted)")
        try bob.git(["pull", "-q", "--ff-only", "origin", "main"])
        let bobTag = "welltree/retail-website-north-america-\(workloadId.prefix(8))/002-bobs"
        try #require(try bob.git(["tag", "-a", bobTag, "-m", "Bob's milestone"]).status == 0)
        let bobTagPush = try bob.push(["refs/tags/\(bobTag)"])
        #expect(bobTagPush.status != 0)
        #expect(bobTagPush.stderr.contains("only the owner alice@example.com saves milestones"), "\(bobTagPush)")

        // The server's refs show only what was allowed.
        let serverLog = try Run.program("git", ["--git-dir", bare, "log", "--format=%s", "main"]).stdout
        #expect(serverLog.contains("Create workload Dave's Workload"))
        #expect(serverLog.contains("Answer priorities"))
        #expect(!serverLog.contains("by hand") && !serverLog.contains("Make Bob"))
    }

    @Test func aPushWithoutAnIdentityIsRefused() throws {
        let sandbox = try Sandbox()
        let bare = sandbox.root + "/server.git"
        try #require(try sandbox.git(["init", "-q", "--bare", "-b", "main", bare], in: sandbox.root).status == 0)
        let head = try sandbox.git(["rev-parse", "HEAD"]).stdout.trimmed
        var environment = sandbox.environment
        environment["GIT_DIR"] = bare
        environment["REMOTE_USER"] = ""
        environment["GL_USER"] = ""
        let zero = String(repeating: "0", count: 40)
        try #require(try sandbox.git(["push", "-q", bare, "main"]).status == 0)
        let result = try Run.program(
            Run.welltree, ["hook", "pre-receive"], in: bare, environment: environment,
            input: "\(head) \(zero) refs/heads/main\n")
        #expect(result.status == 2)
        #expect(result.stderr.contains("the push carries no identity"), "\(result)")
    }

    @Test func exportsGiveOwnersAndContributorsTheirPaths() throws {
        let sandbox = try Sandbox()
        try #require(try sandbox.createTutorialWorkload().status == 0)
        let created = try sandbox.welltree([
            "share", "create", Sandbox.tutorialName, "--principal", "bob@example.com", "--permission", "contributor", "--format", "json",
        ])
        let shareId = try #require((try sandbox.json(created) as? [String: Any])?["ShareId"] as? String)
        sandbox.principal = "bob@example.com"
        #expect(try sandbox.welltree(["share", "accept", shareId]).status == 0)
        sandbox.principal = "alice@example.com"
        let codeowners = try sandbox.welltree(["share", "export", "--format", "codeowners"])
        #expect(codeowners.status == 0, "\(codeowners)")
        #expect(codeowners.stdout.contains("/workloads/re/retail-website-north-america/ alice@example.com\n"))
        #expect(codeowners.stdout.contains("/workloads/re/retail-website-north-america/answers/ alice@example.com bob@example.com\n"))
        let gitolite = try sandbox.welltree(["share", "export", "--format", "gitolite", "--repo", "reviews"])
        #expect(gitolite.stdout.contains("RW   VREF/NAME/workloads/re/retail-website-north-america/answers/ = bob@example.com"))
        #expect(gitolite.stdout.contains("-    VREF/NAME/workloads/re/retail-website-north-america/ = @all"))

        // Profiles and templates are their owners'; a profile's published versions nobody's.
        let profile = try sandbox.welltree([
            "profile", "create", "--name", "Launching", "--description", "Storefront",
            "--answer", "org-cloud-adoption-phase=adoption-launch", "--answer", "welltree-business-value=value-strategic-external",
            "--answer", "welltree-lifecycle-phase=lifecycle-launch", "--answer", "welltree-improvement-priorities=priority-resilience",
        ])
        #expect(profile.status == 0, "\(profile)")
        #expect(try sandbox.welltree(["template", "create", "--name", "Platform baseline", "--description", "Platform"]).status == 0)
        let owners = try sandbox.welltree(["share", "export", "--format", "codeowners"]).stdout
        #expect(owners.contains("/profiles/launching/ alice@example.com\n") && owners.contains("/templates/platform-baseline/ alice@example.com\n"), "\(owners)")
        let conf = try sandbox.welltree(["share", "export", "--format", "gitolite"]).stdout
        #expect(conf.contains("-    VREF/NAME/profiles/launching/versions/1\\.json$ = @all"), "\(conf)")
        #expect(conf.contains("RW   VREF/NAME/templates/platform-baseline/ = alice@example.com"), "\(conf)")
    }
}
