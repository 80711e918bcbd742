import Foundation
import Testing

/// History rewrites against a server with the hook: the default branch, and any branch
/// `welltree.json` protects, only moves forward and is never deleted; another person's branch
/// is rewritten or deleted only by the person who created it (as the audit record shows) or an
/// administrator; administrators rewrite a protected branch only with an explicit override,
/// which the audit record keeps; nobody pushes to the audit record itself.
@Suite(
    "Server hook: history only moves forward",
    .enabled(if: GitServer.isAvailable, "needs git-http-backend and python3 (Debian packages git and python3)"),
    .timeLimit(.minutes(5)))
struct HookHistoryTests {
    @Test func aStrangerCannotReplaceMainWithASquashedCommitOfTheSameTree() throws {
        let world = try HookServer.get().world()
        let mallory = try world.clone(HookServer.mallory)
        let before = try world.serverRef("refs/heads/main")
        let squashed = try mallory.git(["commit-tree", "HEAD^{tree}", "-m", "Squashed"]).stdout.trimmed
        try #require(try mallory.git(["update-ref", "HEAD", squashed]).status == 0)
        let pushed = try mallory.forcePush(["main"])
        #expect(pushed.status != 0)
        #expect(
            pushed.stderr.contains(
                "refs/heads/main: mallory@example.com may not update this reference: the default branch only moves forward"),
            "\(pushed)")
        #expect(try world.serverRef("refs/heads/main") == before)
    }

    @Test func aContributorCannotRewindMain() throws {
        let world = try HookServer.get().world()
        let bob = try world.clone(HookServer.bob)
        let before = try world.serverRef("refs/heads/main")
        try #require(try bob.git(["reset", "-q", "--hard", "HEAD~1"]).status == 0)
        let pushed = try bob.forcePush(["main"])
        #expect(pushed.status != 0)
        #expect(pushed.stderr.contains("the default branch only moves forward"), "\(pushed)")
        #expect(try world.serverRef("refs/heads/main") == before)
    }

    @Test func nobodyDeletesMain() throws {
        let world = try HookServer.get().world()
        for login in [HookServer.mallory, HookServer.alice] {
            let pushed = try world.clone(login).git(["push", "origin", ":refs/heads/main"])
            #expect(pushed.status != 0)
            #expect(pushed.stderr.contains("the default branch is never deleted"), "\(pushed)")
        }
        #expect(try world.serverRef("refs/heads/main") != nil)
    }

    @Test(arguments: [HookServer.mallory, HookServer.bob])
    func onlyItsCreatorResetsABranch(_ login: String) throws {
        let world = try HookServer.get().world()
        let attacker = try world.clone(login)
        let before = try world.serverRef("refs/heads/victor/draft")
        let reset = try attacker.forcePush(["origin/main:refs/heads/victor/draft"])
        #expect(reset.status != 0)
        #expect(
            reset.stderr.contains(
                "refs/heads/victor/draft: \(login) may not update this reference: only the branch's creator victor@example.com (as the audit record shows) or an administrator rewrites or deletes it"
            ), "\(reset)")
        let deleted = try attacker.git(["push", "origin", ":refs/heads/victor/draft"])
        #expect(deleted.status != 0)
        #expect(deleted.stderr.contains("only the branch's creator victor@example.com"), "\(deleted)")
        #expect(try world.serverRef("refs/heads/victor/draft") == before)
    }

    @Test func theCreatorRewritesAndDeletesTheirBranch() throws {
        let world = try HookServer.get().world()
        let victor = try world.clone(HookServer.victor)
        try #require(try victor.git(["checkout", "-q", "victor/draft"]).status == 0)
        try #require(try victor.git(["commit", "-q", "--amend", "-m", "Answer ops-model (reworded)"]).status == 0)
        let rewritten = try victor.forcePush(["victor/draft"])
        #expect(rewritten.status == 0, "\(rewritten)")
        #expect(try world.serverRef("refs/heads/victor/draft") == (try victor.revParse("HEAD")))
        let deleted = try victor.git(["push", "origin", ":refs/heads/victor/draft"])
        #expect(deleted.status == 0, "\(deleted)")
        #expect(try world.serverRef("refs/heads/victor/draft") == nil)
    }

    @Test func aBranchTheSettingsProtectOnlyMovesForward() throws {
        let world = try HookServer.get().world()
        let alice = try world.clone(HookServer.alice)
        let settings = try String(contentsOfFile: alice.path + "/welltree.json", encoding: .utf8).replacingOccurrences(
            of: "\"requireSignedMilestones\": true", with: "\"protectedBranches\": [\"release\"],\n  \"requireSignedMilestones\": true")
        try alice.commitByHand("welltree.json", settings, message: "Protect release")
        try HookServer.expectPushed(alice.push(["main"]))
        let victor = try world.clone(HookServer.victor)
        try #require(try victor.git(["pull", "-q", "--ff-only"]).status == 0)
        try HookServer.expectPushed(victor.push(["HEAD:refs/heads/release"]))
        let release = try world.serverRef("refs/heads/release")

        let rewound = try victor.forcePush(["HEAD~1:refs/heads/release"])
        #expect(rewound.status != 0)
        #expect(
            rewound.stderr.contains("refs/heads/release is protected (protectedBranches in welltree.json): it only moves forward"),
            "\(rewound)")
        let deleted = try victor.git(["push", "origin", ":refs/heads/release"])
        #expect(deleted.status != 0)
        #expect(
            deleted.stderr.contains("refs/heads/release is protected (protectedBranches in welltree.json): it is never deleted"),
            "\(deleted)")
        let byAdministrator = try alice.git(["push", "origin", ":refs/heads/release"])
        #expect(byAdministrator.status != 0)
        #expect(byAdministrator.stderr.contains("welltree.override=REASON"), "\(byAdministrator)")
        #expect(try world.serverRef("refs/heads/release") == release)
    }

    @Test func anAdministratorRewritesMainOnlyWithAnOverrideTheAuditRecordKeeps() throws {
        let world = try HookServer.get().world()
        let alice = try world.clone(HookServer.alice)
        let before = try world.serverRef("refs/heads/main")
        try #require(try alice.git(["reset", "-q", "--hard", "HEAD~1"]).status == 0)
        let target = try alice.revParse("HEAD")

        let plain = try alice.forcePush(["main"])
        #expect(plain.status != 0)
        #expect(plain.stderr.contains("the default branch only moves forward"), "\(plain)")
        #expect(plain.stderr.contains("an administrator may override with `git push -o welltree.override=REASON`"), "\(plain)")
        #expect(try world.serverRef("refs/heads/main") == before)

        let mallory = try world.clone(HookServer.mallory)
        try #require(try mallory.git(["reset", "-q", "--hard", "HEAD~1"]).status == 0)
        let notAnAdministrator = try mallory.forcePush(["main"], options: ["welltree.override=I say so"])
        #expect(notAnAdministrator.status != 0)
        #expect(notAnAdministrator.stderr.contains("only administrators (alice@example.com) override"), "\(notAnAdministrator)")

        let overridden = try alice.forcePush(["main"], options: ["welltree.override=Remove a leaked secret"])
        #expect(overridden.status == 0, "\(overridden)")
        #expect(try world.serverRef("refs/heads/main") == target)

        let deleted = try alice.git(["push", "-o", "welltree.override=Tidy up", "origin", ":refs/heads/main"])
        #expect(deleted.status != 0)
        #expect(deleted.stderr.contains("the default branch is never deleted"), "\(deleted)")

        try #require(try alice.git(["fetch", "-q", "origin"]).status == 0)
        let audit = try alice.welltree(["audit", "--format", "json"])
        #expect(audit.status == 0, "\(audit)")
        let pushes = try #require(
            (try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as? [String: Any])?["Pushes"] as? [[String: Any]])
        let last = try #require(pushes.last)
        #expect(last["Pusher"] as? String == HookServer.alice)
        #expect(last["Override"] as? String == "Remove a leaked secret")
        let update = try #require((last["Updates"] as? [[String: Any]])?.first)
        #expect(update["Reference"] as? String == "refs/heads/main")
        #expect(update["OldId"] as? String == before)
        #expect(update["NewId"] as? String == target)
        #expect(update["Forced"] as? Bool == true)
    }

    @Test func nobodyPushesToTheAuditRecord() throws {
        let world = try HookServer.get().world()
        let before = try #require(try world.serverRef("refs/welltree/audit"))
        for login in [HookServer.alice, HookServer.mallory] {
            let clone = try world.clone(login)
            let forged = try clone.git(["commit-tree", "refs/welltree/audit^{tree}", "-p", "refs/welltree/audit", "-m", "Forged"]).stdout
                .trimmed
            let pushed = try clone.git(["push", "origin", "\(forged):refs/welltree/audit"])
            #expect(pushed.status != 0)
            #expect(
                pushed.stderr.contains(
                    "refs/welltree/audit: \(login) may not update this reference: only the server hook writes the audit record"),
                "\(pushed)")
            let rewound = try clone.forcePush(["refs/welltree/audit~1:refs/welltree/audit"], options: ["welltree.override=Tidy up"])
            #expect(rewound.status != 0)
            let deleted = try clone.git(["push", "origin", ":refs/welltree/audit"])
            #expect(deleted.status != 0)
            #expect(deleted.stderr.contains("only the server hook writes the audit record"), "\(deleted)")
            // A reference below it would stand in its way (git keeps refs as paths).
            let blocking = try clone.git(["push", "origin", "HEAD:refs/welltree/audit/blocked"])
            #expect(blocking.status != 0)
            #expect(blocking.stderr.contains("refs/welltree/ holds only refs/welltree/shares and the hook's audit record"), "\(blocking)")
        }
        #expect(try world.serverRef("refs/welltree/audit") == before)
    }
}

extension String {
    /// Without leading and trailing white space (a command's one-line output).
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
