import Foundation
import TestSupport
import Testing

/// Profiles on a real git server (git-http-backend over loopback, the server hook installed):
/// an owner pushes their profile; another principal can neither change it, nor forge a new one
/// in the owner's name, nor give their workload a profile they do not own; nobody edits a
/// published version.
@Suite("Profiles enforced by the server hook", .serialized)
struct ProfileServerTests {
    static let password = "secret"
    static let people = ["alice@example.com", "bob@example.com", "carol@example.com"]
    static let answers = [
        "--answer", "org-cloud-adoption-phase=adoption-scale", "--answer", "welltree-business-value=value-business-critical",
        "--answer", "welltree-lifecycle-phase=lifecycle-operate", "--answer", "welltree-improvement-priorities=priority-resilience",
    ]

    @Test(
        .enabled(if: GitServer.isAvailable, "needs git-http-backend and python3 (Debian packages git and python3)"),
        .timeLimit(.minutes(5)))
    func profilesAreTheirOwners() throws {
        let sandbox = try Sandbox()
        let server = try GitServer(
            root: sandbox.root + "/server", users: Dictionary(uniqueKeysWithValues: Self.people.map { ($0, Self.password) }),
            environment: sandbox.environment)
        let bare = server.root + "/reviews.git"
        try #require(try sandbox.git(["init", "-q", "--bare", "-b", "main", bare], in: sandbox.root).status == 0)
        try #require(try sandbox.welltree(["hooks", "install", "--server", bare, "--admin", "alice@example.com"], in: sandbox.root).status == 0)
        let alice = SharesServerTests.Clone(sandbox: sandbox, principal: "alice@example.com", path: sandbox.repo)
        try alice.git(["remote", "add", "origin", server.url("reviews.git", user: alice.principal, password: Self.password)])
        try #require(try alice.git(["fetch", "-q", "origin", "refs/welltree/shares:refs/welltree/shares"]).status == 0)
        try #require(try alice.push(["main", "refs/welltree/shares"]).status == 0)

        func clone(_ principal: String) throws -> SharesServerTests.Clone {
            let path = sandbox.root + "/" + principal.prefix { $0 != "@" }
            let cloned = try Run.program(
                "git", ["clone", "-q", server.url("reviews.git", user: principal, password: Self.password), path],
                environment: sandbox.environment.merging(["GIT_TERMINAL_PROMPT": "0"]) { $1 })
            try #require(cloned.status == 0, "\(cloned)")
            let clone = SharesServerTests.Clone(sandbox: sandbox, principal: principal, path: path)
            try #require(try clone.git(["fetch", "-q", "origin", "refs/welltree/shares:refs/welltree/shares"]).status == 0)
            return clone
        }
        func workload(_ clone: SharesServerTests.Clone, _ name: String, extra: [String] = []) throws -> RunResult {
            try clone.welltree([
                "workload", "create", "--name", name, "--description", "A workload of \(clone.principal)", "--review-owner", "Someone",
                "--environment", "production", "--aws-region", "us-east-1",
            ] + extra)
        }

        // Bob, no administrator, creates a profile and a workload that uses it: accepted.
        let bob = try clone("bob@example.com")
        let created = try bob.welltree(["profile", "create", "--name", "Bob platform", "--description", "Bob's workloads"] + Self.answers)
        #expect(created.status == 0, "\(created)")
        #expect(try workload(bob, "Bob shop", extra: ["--profile", "Bob platform"]).status == 0)
        let bobPush = try bob.push(["main"])
        #expect(bobPush.status == 0, "\(bobPush)")
        // His update publishes version 2: accepted.
        #expect(try bob.welltree(["profile", "update", "Bob platform", "--answer", "welltree-lifecycle-phase=lifecycle-build"]).status == 0)
        #expect(try bob.push(["main"]).status == 0)

        // Nobody edits a published version, not even its owner.
        let version = "profiles/bob-platform/versions/1.json"
        let versionText = try String(contentsOfFile: bob.path + "/" + version, encoding: .utf8)
        try bob.commitByHand(version, versionText.replacingOccurrences(of: "adoption-scale", with: "adoption-launch"), message: "Rewrite v1")
        let rewrite = try bob.push(["main"])
        #expect(rewrite.status != 0)
        #expect(rewrite.stderr.contains("a published profile version never changes"), "\(rewrite)")
        try bob.git(["reset", "-q", "--hard", "origin/main"])

        // Carol changes Bob's profile by hand: refused.
        let carol = try clone("carol@example.com")
        let record = "profiles/bob-platform/profile.json"
        let recordText = try String(contentsOfFile: carol.path + "/" + record, encoding: .utf8)
        try carol.commitByHand(record, recordText.replacingOccurrences(of: "Bob's workloads", with: "Carol's now"), message: "Take it")
        let take = try carol.push(["main"])
        #expect(take.status != 0)
        #expect(take.stderr.contains("only the profile's owner bob@example.com changes it"), "\(take)")
        try carol.git(["reset", "-q", "--hard", "origin/main"])

        // A new profile in Bob's name, pushed by Carol: refused.
        let forged = recordText.replacingOccurrences(of: "Bob platform", with: "Forged platform")
            .replacingOccurrences(of: #""id": "[0-9a-f]{32}""#, with: "\"id\": \"\(String(repeating: "ab", count: 16))\"", options: .regularExpression)
        try carol.commitByHand("profiles/forged-platform/profile.json", forged, message: "Forge")
        try carol.commitByHand("profiles/forged-platform/versions/1.json", versionText, message: "Forge v1")
        try carol.commitByHand("profiles/forged-platform/versions/2.json", versionText, message: "Forge v2")
        let forge = try carol.push(["main"])
        #expect(forge.status != 0)
        #expect(forge.stderr.contains("a new profile must record its creator as owner"), "\(forge)")
        try carol.git(["reset", "-q", "--hard", "origin/main"])

        // Carol's own new profile carrying Bob's id (its directory sorts first, so every
        // first-match read would take hers for his): refused. And once her profile is on the
        // server, turning its id into Bob's: refused.
        let victimId = try #require(recordText.range(of: #"[0-9a-f]{32}"#, options: .regularExpression).map { String(recordText[$0]) })
        #expect(try carol.welltree(["profile", "create", "--name", "AAA Carol", "--description", "Carol's"] + Self.answers).status == 0)
        let carolRecord = "profiles/aaa-carol/profile.json"
        let carolProfile = try String(contentsOfFile: carol.path + "/" + carolRecord, encoding: .utf8)
        let carolId = try #require(carolProfile.range(of: #"[0-9a-f]{32}"#, options: .regularExpression).map { String(carolProfile[$0]) })
        try carol.commitByHand(carolRecord, carolProfile.replacingOccurrences(of: carolId, with: victimId), message: "Take Bob's id")
        let clash = try carol.push(["main"])
        #expect(clash.status != 0)
        #expect(clash.stderr.contains("id \(victimId) is already used by profiles/bob-platform/profile.json"), "\(clash)")
        try carol.git(["reset", "-q", "--hard", "HEAD~1"])
        #expect(try carol.push(["main"]).status == 0)
        try carol.commitByHand(carolRecord, carolProfile.replacingOccurrences(of: carolId, with: victimId), message: "Take Bob's id later")
        let renumber = try carol.push(["main"])
        #expect(renumber.status != 0)
        #expect(renumber.stderr.contains("a profile's id never changes"), "\(renumber)")
        try carol.git(["reset", "-q", "--hard", "origin/main"])

        // Carol gives her own workload Bob's profile by hand (the CLI refuses): refused.
        let cli = try workload(carol, "Carol shop", extra: ["--profile", "Bob platform"])
        #expect(cli.status == 2 && cli.stderr.contains("may not use profile"), "\(cli)")
        #expect(try workload(carol, "Carol shop").status == 0)
        #expect(try carol.push(["main"]).status == 0)
        let carolFile = "workloads/ca/carol-shop/workload.json"
        let bobId = try #require(recordText.range(of: #"[0-9a-f]{32}"#, options: .regularExpression).map { String(recordText[$0]) })
        let carolText = try String(contentsOfFile: carol.path + "/" + carolFile, encoding: .utf8)
        let withProfile = carolText.replacingOccurrences(
            of: "\"owner\": \"carol@example.com\",", with: "\"owner\": \"carol@example.com\",\n  \"profile\": {\n    \"id\": \"\(bobId)\",\n    \"version\": \"2\"\n  },")
        #expect(withProfile != carolText)
        try carol.commitByHand(carolFile, withProfile, message: "Use Bob's profile")
        let use = try carol.push(["main"])
        #expect(use.status != 0)
        #expect(use.stderr.contains("only the profile's owner bob@example.com, or a principal with an accepted share of it, gives a workload profile"), "\(use)")
        try carol.git(["reset", "-q", "--hard", "origin/main"])

        // Bob's own workload may move only to a version his profile has.
        try bob.git(["pull", "-q", "--ff-only"])
        let bobFile = "workloads/bo/bob-shop/workload.json"
        let bobText = try String(contentsOfFile: bob.path + "/" + bobFile, encoding: .utf8)
        try bob.commitByHand(bobFile, bobText.replacingOccurrences(of: "\"version\": \"1\"", with: "\"version\": \"9\""), message: "v9")
        let nine = try bob.push(["main"])
        #expect(nine.status != 0)
        #expect(nine.stderr.contains("has no version 9"), "\(nine)")
        try bob.git(["reset", "-q", "--hard", "origin/main"])
        let upgraded = try bob.welltree(["profile", "upgrade", "Bob shop"])
        #expect(upgraded.status == 0, "\(upgraded)")
        let upgradePush = try bob.push(["main"])
        #expect(upgradePush.status == 0, "\(upgradePush)")

        // Bob shares his profile with Carol; once she accepts on the server, her workload may
        // use it, and her share file edits cannot make her its owner.
        let shared = try bob.welltree(["profile", "share", "create", "Bob platform", "--principal", "carol@example.com", "--format", "json"])
        #expect(shared.status == 0, "\(shared)")
        let shareId = try #require((try sandbox.json(shared) as? [String: Any])?["ShareId"] as? String)
        let sharePush = try bob.push(["refs/welltree/shares"])
        #expect(sharePush.status == 0, "\(sharePush)")
        try #require(try carol.git(["fetch", "-q", "origin", "+refs/welltree/shares:refs/welltree/shares"]).status == 0)
        #expect(try carol.welltree(["share", "accept", shareId]).status == 0)
        let accept = try carol.push(["refs/welltree/shares"])
        #expect(accept.status == 0, "\(accept)")
        try #require(try carol.git(["pull", "-q", "--ff-only"]).status == 0)
        try carol.commitByHand(carolFile, withProfile, message: "Use Bob's shared profile")
        let sharedUse = try carol.push(["main"])
        #expect(sharedUse.status == 0, "\(sharedUse)")
        try carol.editShares("profiles/\(bobId).json") { file in
            var shares = file["shares"] as? [[String: Any]] ?? []
            var forged = try #require(shares.first)
            forged["shareId"] = String(repeating: "cd", count: 16)
            forged["principal"] = "dave@example.com"
            forged["sharedBy"] = "carol@example.com"
            forged["status"] = "PENDING"
            shares.append(forged)
            file["shares"] = shares
        }
        let reshare = try carol.push(["refs/welltree/shares"])
        #expect(reshare.status != 0)
        #expect(reshare.stderr.contains("only the owner bob@example.com manages its shares"), "\(reshare)")
    }
}
