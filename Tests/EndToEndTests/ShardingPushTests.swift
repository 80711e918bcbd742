import Foundation
import TestSupport
import Testing

/// Moving a repository written before shards into the sharded layout, pushed to a server that
/// enforces shares: only an administrator may push the move, as it rewrites the settings and
/// every workload's paths.
@Suite("Sharding pushed to a server with the hook", .serialized)
struct ShardingPushTests {
    static let password = "secret"

    @Test(
        .enabled(if: GitServer.isAvailable, "needs git-http-backend and python3 (Debian packages git and python3)"),
        .timeLimit(.minutes(5)))
    func onlyAnAdministratorPushesTheMoveIntoShards() throws {
        let sandbox = try Sandbox()
        let people = ["alice@example.com", "bob@example.com"]
        let server = try GitServer(
            root: sandbox.root + "/server", users: Dictionary(uniqueKeysWithValues: people.map { ($0, Self.password) }),
            environment: sandbox.environment)
        let bare = server.root + "/reviews.git"
        try #require(try sandbox.git(["init", "-q", "--bare", "-b", "main", bare], in: sandbox.root).status == 0)

        // Bob's workload, in the layout an older Welltree wrote, is on the server before the hook.
        sandbox.principal = "bob@example.com"
        try #require(try sandbox.createTutorialWorkload().status == 0)
        try #require(try sandbox.git(["mv", Fixtures.tutorialDirectory, Fixtures.unshardedTutorialDirectory]).status == 0)
        let settings = try sandbox.read("welltree.json").replacingOccurrences(of: "\"format\": 3", with: "\"format\": 1")
        try settings.write(toFile: sandbox.repo + "/welltree.json", atomically: true, encoding: .utf8)
        try #require(try sandbox.git(["commit", "-qam", "Written by an older Welltree"]).status == 0)
        try #require(try sandbox.git(["push", "-q", bare, "main"]).status == 0)
        let installed = try sandbox.welltree(["hooks", "install", "--server", bare, "--admin", "alice@example.com"], in: sandbox.root)
        try #require(installed.status == 0, "\(installed)")

        func clone(_ person: String) throws -> SharesServerTests.Clone {
            let path = sandbox.root + "/clone-" + person
            let url = server.url("reviews.git", user: person, password: Self.password)
            try #require(try sandbox.git(["clone", "-q", url, path], in: sandbox.root).status == 0)
            let clone = SharesServerTests.Clone(sandbox: sandbox, principal: person, path: path)
            try #require(try clone.git(["fetch", "-q", "origin", "refs/welltree/shares:refs/welltree/shares"]).status == 0)
            return clone
        }

        // Bob owns the workload but is no administrator: the settings file is not his to change.
        let bob = try clone("bob@example.com")
        try #require(try bob.welltree(["init"]).status == 0)
        let refused = try bob.push(["main"])
        #expect(refused.status != 0 && refused.stderr.contains("welltree.json"), "\(refused)")

        // Alice administers the repository but owns no workload: moving them is hers, and the
        // move changes no workload (the audit record names none). Administrators may also
        // repair a workload; the record then names it.
        let alice = try clone("alice@example.com")
        let moved = try alice.welltree(["init"])
        try #require(moved.status == 0 && moved.stdout.contains("Moved 1 workload"), "\(moved)")
        let accepted = try alice.push(["main"])
        #expect(accepted.status == 0, "\(accepted)")
        func lastRecordedWorkloads() throws -> [String]? {
            try #require(try alice.git(["fetch", "-q", "origin", "refs/welltree/*:refs/welltree/*"]).status == 0)
            let audit = try alice.welltree(["audit", "--format", "json"])
            let pushes = (try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as? [String: Any])?["Pushes"] as? [[String: Any]]
            return (pushes?.last?["Updates"] as? [[String: Any]])?.first?["WorkloadIds"] as? [String]
        }
        #expect(try lastRecordedWorkloads() == [])
        let workload = alice.path + "/" + Fixtures.tutorialDirectory + "/workload.json"
        let text = try String(contentsOfFile: workload, encoding: .utf8).replacingOccurrences(of: "Jane Doe", with: "Mallory")
        try alice.commitByHand(Fixtures.tutorialDirectory + "/workload.json", text, message: "Repair the review owner")
        let edited = try alice.push(["main"])
        #expect(edited.status == 0, "\(edited)")
        #expect(try lastRecordedWorkloads()?.count == 1)
    }
}
