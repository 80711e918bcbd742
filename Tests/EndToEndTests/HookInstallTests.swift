import Foundation
import TestSupport
import Testing

/// `hooks install --server` and the branch the hook protects: the hook treats the branch the
/// server's HEAD names as the default branch (forward only, owners and ids read from it), so the
/// installation points HEAD at the review branch. A bare repository made by `git init --bare`
/// names `master` (or whatever `init.defaultBranch` says) while `welltree init` makes `main`;
/// were HEAD left there, a pushed `main` would be an ordinary branch its first pusher could
/// rewrite.
@Suite(
    "Server hook installation: the review branch",
    .enabled(if: GitServer.isAvailable, "needs git-http-backend and python3 (Debian packages git and python3)"),
    .timeLimit(.minutes(5)))
struct HookInstallTests {
    static let alice = "alice@example.com"
    static let mallory = "mallory@example.com"

    @Test func anEmptyServerProtectsMainWhateverGitNamedItsHead() throws {
        let sandbox = try Sandbox()
        let server = try GitServer(
            root: sandbox.root + "/server", users: [Self.alice: "secret", Self.mallory: "secret"], environment: sandbox.environment)
        let bare = server.root + "/reviews.git"
        try #require(
            try sandbox.git(["-c", "init.defaultBranch=master", "init", "-q", "--bare", bare], in: sandbox.root).status == 0)
        let installed = try sandbox.welltree(["hooks", "install", "--server", bare, "--admin", Self.alice], in: sandbox.root)
        try #require(installed.status == 0, "\(installed)")
        #expect(installed.stdout.contains("Review branch: main (HEAD now names it)"), "\(installed)")
        #expect(try sandbox.git(["--git-dir", bare, "symbolic-ref", "HEAD"], in: sandbox.root).stdout.trimmed == "refs/heads/main")

        let alice = SharesServerTests.Clone(sandbox: sandbox, principal: Self.alice, path: sandbox.repo)
        try alice.git(["remote", "add", "origin", server.url("reviews.git", user: Self.alice, password: "secret")])
        try #require(try sandbox.createTutorialWorkload().status == 0)
        let first = try alice.push(["main"])
        try #require(first.status == 0, "\(first)")

        // A stranger replaces main with a squash of the same tree.
        let squashed = try alice.git(["commit-tree", "HEAD^{tree}", "-m", "Squashed"]).stdout.trimmed
        let pushed = try alice.git([
            "push", "--force", server.url("reviews.git", user: Self.mallory, password: "secret"), "\(squashed):refs/heads/main",
        ])
        #expect(pushed.status != 0)
        #expect(pushed.stderr.contains("the default branch only moves forward"), "\(pushed)")
        ReliabilityLog.record(
            "Server hook attacks", columns: ["Area", "What the test pushed and asserts", "This run"],
            ["Install", "A squash of main pushed to a server git initialised with HEAD naming master", "refused: main is the default branch"])
    }

    @Test func theReviewBranchCanBeNamedAndAnExistingOneIsKept() throws {
        let sandbox = try Sandbox()
        let bare = sandbox.root + "/reviews.git"
        try #require(try sandbox.git(["init", "-q", "--bare", "-b", "trunk", bare], in: sandbox.root).status == 0)
        let named = try sandbox.welltree(["hooks", "install", "--server", bare, "--branch", "reviews"], in: sandbox.root)
        try #require(named.status == 0, "\(named)")
        #expect(named.stdout.contains("Review branch: reviews (HEAD now names it)"), "\(named)")
        let reinstalled = try sandbox.welltree(["hooks", "install", "--server", bare], in: sandbox.root)
        #expect(reinstalled.stdout.contains("Review branch: reviews (the branch HEAD names)"), "\(reinstalled)")
        #expect(try sandbox.git(["--git-dir", bare, "symbolic-ref", "HEAD"], in: sandbox.root).stdout.trimmed == "refs/heads/reviews")

        // A repository already in use keeps the branch its HEAD names.
        let used = sandbox.root + "/used.git"
        try #require(try sandbox.git(["init", "-q", "--bare", "-b", "trunk", used], in: sandbox.root).status == 0)
        try #require(try sandbox.createTutorialWorkload().status == 0)
        try #require(try sandbox.git(["push", "-q", used, "main:refs/heads/trunk"], in: sandbox.repo).status == 0)
        let kept = try sandbox.welltree(["hooks", "install", "--server", used], in: sandbox.root)
        try #require(kept.status == 0, "\(kept)")
        #expect(kept.stdout.contains("Review branch: trunk (the branch HEAD names)"), "\(kept)")

        let invalid = try sandbox.welltree(["hooks", "install", "--server", used, "--branch", "bad..name"], in: sandbox.root)
        #expect(invalid.status == 2, "\(invalid)")
        #expect(try sandbox.git(["--git-dir", used, "symbolic-ref", "HEAD"], in: sandbox.root).stdout.trimmed == "refs/heads/trunk")
    }
}
