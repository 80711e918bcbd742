import Foundation
import TestSupport
import Testing

/// Organization and organizational-unit shares through the server hook: an organization's share
/// reaches the users of its units and their accounts as access.json declares them; a login
/// spelled like the organization, the unit or the account is no member of any.
@Suite("Organization shares through the server hook", .serialized)
struct OrganizationSharesServerTests {
    typealias Clone = SharesServerTests.Clone
    static let org = "o-a1b2c3d4e5"
    static let unit = "ou-ab12-cd34ef56"
    static let account = "123456789012"
    static let people = ["alice@example.com", "dave@example.com", "erin@example.com", org, unit, account]

    @Test(
        .enabled(if: GitServer.isAvailable, "needs git-http-backend and python3 (Debian packages git and python3)"),
        .timeLimit(.minutes(5)))
    func anOrganizationShareReachesItsMembersOnly() throws {
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

        // The organization holds the unit, the unit holds the account, the account holds Dave.
        for (group, members) in [(Self.org, [Self.unit]), (Self.unit, [Self.account]), (Self.account, ["dave@example.com"])] {
            let added = try alice.welltree(["share", "group", "add", group] + members)
            try #require(added.status == 0, "\(added)")
        }
        let created = try alice.welltree([
            "share", "create", Sandbox.tutorialName, "--principal", Self.org, "--permission", "contributor", "--format", "json",
        ])
        try #require(created.status == 0, "\(created)")
        let shareId = try #require((try sandbox.json(created) as? [String: Any])?["ShareId"] as? String)
        // Shares follow the workload onto the server: main first.
        for refs in [["main"], ["refs/welltree/shares"]] {
            let pushed = try alice.push(refs)
            try #require(pushed.status == 0, "\(pushed)")
        }

        func clone(_ principal: String, _ directory: String) throws -> Clone {
            let path = sandbox.root + "/" + directory
            let cloned = try Run.program(
                "git", ["clone", "-q", server.url("reviews.git", user: principal, password: password), path],
                environment: sandbox.environment.merging(["GIT_TERMINAL_PROMPT": "0"]) { $1 })
            try #require(cloned.status == 0, "\(cloned)")
            let clone = Clone(sandbox: sandbox, principal: principal, path: path)
            try #require(try clone.git(["fetch", "-q", "origin", "+refs/welltree/shares:refs/welltree/shares"]).status == 0)
            return clone
        }
        let answer = "workloads/re/retail-website-north-america/answers/wellarchitected/ops-model.json"
        let answerText = "{\n  \"answer\": {\n    \"selectedChoices\": [\n      \"ops_priorities_ext_int_customer_needs\"\n    ]\n  }\n}\n"

        // Logins spelled like the organization, the unit or the account: no invitation, no accepting, no answers.
        for (spoof, directory) in [(Self.org, "org"), (Self.unit, "unit"), (Self.account, "account")] {
            let clone = try clone(spoof, directory)
            #expect(try clone.welltree(["share", "invitations"]).stdout.contains("No pending invitations."), "\(spoof)")
            let accept = try clone.welltree(["share", "accept", shareId])
            #expect(accept.status == 2, "\(spoof) \(accept)")
            try clone.editShares("workloads/\(try workloadId(alice)).json") { file in
                var shares = file["shares"] as? [[String: Any]] ?? []
                for i in shares.indices {
                    shares[i]["status"] = "ACCEPTED"
                    shares[i]["updatedAt"] = ISO8601DateFormatter().string(from: Date())
                }
                file["shares"] = shares
            }
            let forged = try clone.push(["refs/welltree/shares"])
            #expect(forged.status != 0, "\(spoof)")
            #expect(forged.stderr.contains("is addressed to \(Self.org), not to \(spoof)"), "\(forged)")
            try clone.commitByHand(answer, answerText, message: "Answer by hand")
            let answered = try clone.push(["main"])
            #expect(answered.status != 0, "\(spoof)")
            #expect(answered.stderr.contains("\(spoof) has no share"), "\(answered)")
        }

        // Erin, in no unit, has nothing; Dave, in the organization through his account, accepts and answers.
        let erin = try clone("erin@example.com", "erin")
        #expect(try erin.welltree(["share", "accept", shareId]).status == 2)
        let dave = try clone("dave@example.com", "dave")
        #expect(try dave.welltree(["share", "invitations"]).stdout.contains(shareId))
        let accepted = try dave.welltree(["share", "accept", shareId])
        #expect(accepted.status == 0, "\(accepted)")
        let acceptedPush = try dave.push(["refs/welltree/shares"])
        #expect(acceptedPush.status == 0, "\(acceptedPush)")
        let daveAnswer = try dave.welltree(["answer", "update", Sandbox.tutorialName, "priorities", "--none"])
        #expect(daveAnswer.status == 0, "\(daveAnswer)")
        let daveAnswerPush = try dave.push(["main"])
        #expect(daveAnswerPush.status == 0, "\(daveAnswerPush)")
        try erin.git(["pull", "-q", "--ff-only", "origin", "main"])
        try erin.commitByHand(answer, answerText, message: "Answer by hand")
        let erinPush = try erin.push(["main"])
        #expect(erinPush.status != 0)
        #expect(erinPush.stderr.contains("erin@example.com has no share"), "\(erinPush)")
    }

    private func workloadId(_ alice: Clone) throws -> String {
        let show = try alice.welltree(["workload", "show", Sandbox.tutorialName, "--format", "json"])
        return try #require(
            ((try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])?["Workload"] as? [String: Any])?["WorkloadId"]
                as? String)
    }
}
