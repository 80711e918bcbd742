import Foundation
import TestSupport
import Testing

/// Leaving a share through the server hook (git-http-backend over loopback, each principal
/// identified by HTTP authentication): the invitee's own leave is accepted; another user making
/// them leave, a group's member leaving the group's share and a left share taken back are refused.
@Suite("Leaving shares through the server hook", .serialized)
struct ShareLeaveServerTests {
    typealias Clone = SharesServerTests.Clone
    static let people = ["alice@example.com", "bob@example.com", "carol@example.com"]

    @Test(
        .enabled(if: GitServer.isAvailable, "needs git-http-backend and python3 (Debian packages git and python3)"),
        .timeLimit(.minutes(5)))
    func onlyTheInviteeLeavesAShare() throws {
        let sandbox = try Sandbox()
        let password = SharesServerTests.password
        let server = try GitServer(
            root: sandbox.root + "/server", users: Dictionary(uniqueKeysWithValues: Self.people.map { ($0, password) }),
            environment: sandbox.environment)
        let bare = server.root + "/reviews.git"
        try #require(try sandbox.git(["init", "-q", "--bare", "-b", "main", bare], in: sandbox.root).status == 0)
        try #require(try sandbox.welltree(["hooks", "install", "--server", bare, "--admin", "alice@example.com"], in: sandbox.root).status == 0)

        let alice = Clone(sandbox: sandbox, principal: "alice@example.com", path: sandbox.repo)
        try alice.git(["remote", "add", "origin", server.url("reviews.git", user: alice.principal, password: password)])
        try #require(try alice.git(["fetch", "-q", "origin", "refs/welltree/shares:refs/welltree/shares"]).status == 0)
        try #require(try sandbox.createTutorialWorkload().status == 0)
        try #require(try alice.welltree(["share", "group", "add", "ops", "carol@example.com"]).status == 0)
        func create(_ principal: String, _ permission: String) throws -> String {
            let created = try alice.welltree([
                "share", "create", Sandbox.tutorialName, "--principal", principal, "--permission", permission, "--format", "json",
            ])
            try #require(created.status == 0, "\(created)")
            return try #require((try sandbox.json(created) as? [String: Any])?["ShareId"] as? String)
        }
        let bobShare = try create("bob@example.com", "contributor")
        let opsShare = try create("group:ops", "readonly")
        // Shares follow the workload onto the server: main first.
        for refs in [["main"], ["refs/welltree/shares"]] {
            let pushed = try alice.push(refs)
            try #require(pushed.status == 0, "\(pushed)")
        }
        let workloadId = try #require(
            (try sandbox.json(try alice.welltree(["workload", "show", Sandbox.tutorialName, "--format", "json"])) as? [String: Any])
                .flatMap { $0["Workload"] as? [String: Any] }?["WorkloadId"] as? String)
        let shareFile = "workloads/\(workloadId).json"

        func clone(_ principal: String) throws -> Clone {
            let path = sandbox.root + "/" + principal.prefix { $0 != "@" }
            let cloned = try Run.program(
                "git", ["clone", "-q", server.url("reviews.git", user: principal, password: password), path],
                environment: sandbox.environment.merging(["GIT_TERMINAL_PROMPT": "0"]) { $1 })
            try #require(cloned.status == 0, "\(cloned)")
            return Clone(sandbox: sandbox, principal: principal, path: path)
        }
        func refresh(_ clone: Clone) throws {
            try #require(try clone.git(["fetch", "-q", "origin", "+refs/welltree/shares:refs/welltree/shares"]).status == 0)
        }
        /// Sets one share's status by hand, dated now, as a commit on the clone's shares ref.
        func setStatus(_ clone: Clone, _ shareId: String, _ status: String) throws {
            try clone.editShares(shareFile) { file in
                var shares = file["shares"] as? [[String: Any]] ?? []
                for i in shares.indices where shares[i]["shareId"] as? String == shareId {
                    shares[i]["status"] = status
                    shares[i]["updatedAt"] = ISO8601DateFormatter().string(from: Date())
                }
                file["shares"] = shares
            }
        }

        let bob = try clone("bob@example.com")
        let carol = try clone("carol@example.com")
        for (person, share) in [(bob, bobShare), (carol, opsShare)] {
            try refresh(person)
            #expect(try person.welltree(["share", "accept", share]).status == 0)
            let accepted = try person.push(["refs/welltree/shares"])
            #expect(accepted.status == 0, "\(accepted)")
        }

        // Carol makes Bob leave: refused, the share is not hers.
        try refresh(carol)
        try setStatus(carol, bobShare, "REJECTED")
        let forced = try carol.push(["refs/welltree/shares"])
        #expect(forced.status != 0)
        #expect(forced.stderr.contains("share \(bobShare) is addressed to bob@example.com, not to carol@example.com"), "\(forced)")
        // Carol leaves the group's share for the whole group: refused, she is one member of it.
        try refresh(carol)
        try setStatus(carol, opsShare, "REJECTED")
        let group = try carol.push(["refs/welltree/shares"])
        #expect(group.status != 0)
        #expect(group.stderr.contains("a member does not leave a group's share"), "\(group)")
        #expect(group.stderr.contains("or leave an accepted share made with them"), "\(group)")

        // Bob leaves his own share with the command: the server accepts it, and his answers are refused from then on.
        try refresh(bob)
        let left = try bob.welltree(["share", "leave", bobShare])
        #expect(left.status == 0, "\(left)")
        let leftPush = try bob.push(["refs/welltree/shares"])
        #expect(leftPush.status == 0, "\(leftPush)")
        try bob.commitByHand(
            "workloads/re/retail-website-north-america/answers/wellarchitected/ops-model.json",
            "{\n  \"answer\": {\n    \"selectedChoices\": [\n      \"ops_priorities_ext_int_customer_needs\"\n    ]\n  }\n}\n",
            message: "Answer by hand")
        let answer = try bob.push(["main"])
        #expect(answer.status != 0)
        #expect(answer.stderr.contains("bob@example.com has no share"), "\(answer)")
        // Taking the left share back by hand is refused: only the owner shares again.
        try setStatus(bob, bobShare, "ACCEPTED")
        let back = try bob.push(["refs/welltree/shares"])
        #expect(back.status != 0)
        #expect(back.stderr.contains("share \(bobShare) is REJECTED, not PENDING"), "\(back)")

        let serverShares = try Run.program("git", ["--git-dir", bare, "show", "refs/welltree/shares:\(shareFile)"]).stdout
        let statuses = try #require(try JSONSerialization.jsonObject(with: Data(serverShares.utf8)) as? [String: Any])["shares"] as? [[String: Any]]
        #expect(statuses?.first { $0["shareId"] as? String == bobShare }?["status"] as? String == "REJECTED")
        #expect(statuses?.first { $0["shareId"] as? String == opsShare }?["status"] as? String == "ACCEPTED")
        ReliabilityLog.record(
            "Smaller holes", columns: ["Attack", "Outcome"],
            ["leave another user's share, or a group's share as one member, through the hook", "refused; only the invitee leaves a share made with them"])
    }
}
