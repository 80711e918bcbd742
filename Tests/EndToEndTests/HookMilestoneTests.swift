import Foundation
import Testing

/// Milestone tags against a server with the hook (signed milestones required): a milestone is
/// pushed by its workload's owner as the server knows it, tags a commit of the default branch's
/// history where the workload has that id, owner and directory, records that id, is named as
/// its tag object says, and is signed by a key of that owner.
@Suite(
    "Server hook: milestones only from their workload's owner",
    .enabled(if: GitServer.isAvailable, "needs git-http-backend and python3 (Debian packages git and python3)"),
    .timeLimit(.minutes(5)))
struct HookMilestoneTests {
    /// A milestone tag message recording `workloadId`, with made-up risk counts.
    static func message(workloadId: String, name: String = "Baseline", number: Int = 1) -> String {
        """
        Milestone \(number) of \(HookServer.victimName): \(name)

        57 of 57 questions answered, 0 high risks, 0 medium risks.

        Welltree-Milestone: \(number)
        Welltree-Milestone-Name: \(name)
        Welltree-Workload-Id: \(workloadId)
        Welltree-Workload-Name: \(HookServer.victimName)
        Welltree-Recorded-At: 2026-11-27T11:05:36Z
        Welltree-Risk-Counts: HIGH=0 MEDIUM=0 NONE=57 NOT_APPLICABLE=0 UNANSWERED=0
        Welltree-Lens: wellarchitected 1.0

        """
    }

    /// Makes `clone` sign tags with `person`'s SSH key (trusted for them in allowed_signers).
    static func signAs(_ person: String, in clone: SharesServerTests.Clone) throws {
        try #require(try clone.git(["config", "gpg.format", "ssh"]).status == 0)
        try #require(try clone.git(["config", "user.signingkey", clone.sandbox.home + "/\(person)_ed25519"]).status == 0)
    }

    /// Writes a signed annotated tag `name` on `commit` with `message`, as `git tag -s` does.
    static func signedTag(_ name: String, on commit: String, message: String, in clone: SharesServerTests.Clone) throws {
        let file = clone.sandbox.root + "/message-" + UUID().uuidString
        try message.write(toFile: file, atomically: true, encoding: .utf8)
        let tagged = try clone.git(["tag", "-s", "-F", file, name, commit])
        try #require(tagged.status == 0, "\(tagged)")
    }

    @Test func aForgedMilestoneOnACommitOfNoBranchIsRefused() throws {
        let world = try HookServer.get().world()
        let mallory = try world.clone(HookServer.mallory)
        try Self.signAs("mallory", in: mallory)
        // A commit on no branch where a workload.json in a made-up directory has the victim's id
        // and mallory as owner.
        let victim = try mallory.git(["show", "HEAD:\(HookServer.victimPath)/workload.json"]).stdout.replacingOccurrences(
            of: HookServer.victor, with: HookServer.mallory)
        try mallory.commitByHand("workloads/fo/forged/workload.json", victim, message: "Forged")
        let forged = try mallory.revParse("HEAD")
        try #require(try mallory.git(["reset", "-q", "--hard", "origin/main"]).status == 0)
        let tag = "welltree/forged-\(world.victimId.prefix(8))/001-baseline"
        try Self.signedTag(tag, on: forged, message: Self.message(workloadId: world.victimId), in: mallory)
        let pushed = try mallory.push(["refs/tags/\(tag)"])
        #expect(pushed.status != 0)
        #expect(
            pushed.stderr.contains(
                "the tag names no workload of the default branch (expected welltree/<workload-dir>-<first 8 digits of its id>/...)"),
            "\(pushed)")
        #expect(try world.serverRef("refs/tags/\(tag)") == nil)
    }

    @Test func aMilestoneOfOnesOwnWorkloadRecordingAnotherId() throws {
        let world = try HookServer.get().world()
        let mallory = try world.clone(HookServer.mallory)
        try Self.signAs("mallory", in: mallory)
        let tag = "welltree/mallory-workload-\(world.hookServer.malloryId.prefix(8))/001-baseline"
        try Self.signedTag(tag, on: "HEAD", message: Self.message(workloadId: world.victimId), in: mallory)
        let pushed = try mallory.push(["refs/tags/\(tag)"])
        #expect(pushed.status != 0)
        #expect(
            pushed.stderr.contains(
                "the tag message records workload id \(world.victimId), not this workload's \(world.hookServer.malloryId)"),
            "\(pushed)")
    }

    @Test func theOwnersMilestoneMustTagTheDefaultBranchsHistory() throws {
        let world = try HookServer.get().world()
        let victor = try world.clone(HookServer.victor)
        try Self.signAs("victor", in: victor)
        let tag = "welltree/\(HookServer.victimDirectory)-\(world.victimId.prefix(8))/001-draft"
        try Self.signedTag(tag, on: "origin/victor/draft", message: Self.message(workloadId: world.victimId), in: victor)
        let pushed = try victor.push(["refs/tags/\(tag)"])
        #expect(pushed.status != 0)
        #expect(pushed.stderr.contains("a milestone tags a commit of the default branch (refs/heads/main); "), "\(pushed)")
    }

    @Test func theOwnersMilestoneMustTagACommitThatHasTheWorkload() throws {
        let world = try HookServer.get().world()
        let victor = try world.clone(HookServer.victor)
        try Self.signAs("victor", in: victor)
        let root = try victor.git(["rev-list", "--max-parents=0", "HEAD"]).stdout.trimmed
        let tag = "welltree/\(HookServer.victimDirectory)-\(world.victimId.prefix(8))/001-before"
        try Self.signedTag(tag, on: root, message: Self.message(workloadId: world.victimId), in: victor)
        let pushed = try victor.push(["refs/tags/\(tag)"])
        #expect(pushed.status != 0)
        #expect(pushed.stderr.contains("the tagged commit has no workload \(HookServer.victimPath)"), "\(pushed)")
    }

    @Test func aTagPushedUnderAnotherNameThanItsObjectsIsRefused() throws {
        let world = try HookServer.get().world()
        let victor = try world.clone(HookServer.victor)
        try Self.signAs("victor", in: victor)
        let prefix = "welltree/\(HookServer.victimDirectory)-\(world.victimId.prefix(8))"
        try Self.signedTag("\(prefix)/001-baseline", on: "HEAD", message: Self.message(workloadId: world.victimId), in: victor)
        let pushed = try victor.push(["refs/tags/\(prefix)/001-baseline:refs/tags/\(prefix)/002-renamed"])
        #expect(pushed.status != 0)
        #expect(pushed.stderr.contains("the tag object is named \(prefix)/001-baseline, not \(prefix)/002-renamed"), "\(pushed)")
    }

    @Test func aMilestoneSignedWithSomeoneElsesKeyIsRefused() throws {
        let world = try HookServer.get().world()
        let victor = try world.clone(HookServer.victor)
        try Self.signAs("mallory", in: victor)
        let tag = "welltree/\(HookServer.victimDirectory)-\(world.victimId.prefix(8))/001-baseline"
        try Self.signedTag(tag, on: "HEAD", message: Self.message(workloadId: world.victimId), in: victor)
        let pushed = try victor.push(["refs/tags/\(tag)"])
        #expect(pushed.status != 0)
        #expect(pushed.stderr.contains("not by the owner victor@example.com"), "\(pushed)")
    }

    @Test func aContributorCannotSaveAMilestone() throws {
        let world = try HookServer.get().world()
        let bob = try world.clone(HookServer.bob)
        let tag = "welltree/\(HookServer.victimDirectory)-\(world.victimId.prefix(8))/001-bobs"
        try #require(try bob.git(["tag", "-a", tag, "-m", Self.message(workloadId: world.victimId)]).status == 0)
        let pushed = try bob.push(["refs/tags/\(tag)"])
        #expect(pushed.status != 0)
        #expect(pushed.stderr.contains("only the owner victor@example.com saves milestones"), "\(pushed)")
    }

    @Test func theOwnersSignedMilestoneIsAcceptedAlsoWithItsNewWorkload() throws {
        let world = try HookServer.get().world()
        let victor = try world.clone(HookServer.victor)
        try Self.signAs("victor", in: victor)
        let saved = try victor.welltree(["milestone", "create", HookServer.victimName, "Baseline", "--sign"])
        try #require(saved.status == 0, "\(saved)")
        let tag = try victor.git(["tag", "-l", "welltree/*"]).stdout.trimmed
        let pushed = try victor.push(["refs/tags/\(tag)"])
        #expect(pushed.status == 0, "\(pushed)")

        // A new workload and its first milestone, in one push.
        try #require(try victor.welltree(HookServer.createArguments("Second Workload")).status == 0)
        let second = try victor.welltree(["milestone", "create", "Second Workload", "First look", "--sign"])
        try #require(second.status == 0, "\(second)")
        let both = try victor.git(["push", "--follow-tags", "origin", "main"])
        #expect(both.status == 0, "\(both)")
        #expect(try world.serverGit(["tag", "-l", "welltree/second-workload-*"]).stdout.contains("001-first-look"))
    }
}
