import Foundation
import Testing

/// The audit record a server with the hook keeps on `refs/welltree/audit`: every accepted
/// push with the pusher the server authenticated (whatever the commits claim), each reference
/// with its old and new id, and the time; `welltree audit` reads it per workload.
@Suite(
    "Server hook: the audit record",
    .enabled(if: GitServer.isAvailable, "needs git-http-backend and python3 (Debian packages git and python3)"),
    .timeLimit(.minutes(5)))
struct HookAuditTests {
    static func pushes(_ result: RunResult) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return try #require(object?["Pushes"] as? [[String: Any]], "\(result)")
    }

    @Test func theRecordNamesWhoTheServerLetChangeAWorkload() throws {
        let world = try HookServer.get().world()
        let bob = try world.clone(HookServer.bob)
        let before = try #require(try world.serverRef("refs/heads/main"))
        // Bob's commit claims to be victor's.
        try #require(try bob.welltree(["answer", "update", HookServer.victimName, "ops-model", "--none"]).status == 0)
        try #require(
            try bob.git([
                "-c", "user.name=Victor", "-c", "user.email=\(HookServer.victor)", "commit", "-q", "--amend", "--reset-author", "--no-edit",
            ])
            .status == 0)
        try HookServer.expectPushed(bob.push(["main"]))
        let after = try bob.revParse("HEAD")
        #expect(try bob.git(["log", "-1", "--format=%ae"]).stdout.trimmed == HookServer.victor)

        // A refused push leaves no trace.
        let mallory = try world.clone(HookServer.mallory)
        try mallory.commitByHand(HookContentTests.answers + "/ops-model.json", HookPrincipalTests.answer, message: "Refused")
        #expect(try mallory.push(["main"]).status != 0)

        let reader = try world.clone(HookServer.carol)
        try #require(try reader.git(["fetch", "-q", "origin"]).status == 0)
        let json = try reader.welltree(["audit", HookServer.victimName, "--format", "json"])
        #expect(json.status == 0, "\(json)")
        let pushes = try Self.pushes(json)
        let last = try #require(pushes.last)
        #expect(last["Pusher"] as? String == HookServer.bob)
        #expect(last["IdentifiedBy"] as? String == "REMOTE_USER")
        let update = try #require((last["Updates"] as? [[String: Any]])?.first)
        #expect(update["Reference"] as? String == "refs/heads/main")
        #expect(update["OldId"] as? String == before)
        #expect(update["NewId"] as? String == after)
        #expect(update["WorkloadIds"] as? [String] == [world.victimId])
        #expect(!json.stdout.contains(HookServer.mallory), "\(json)")
        // Victor created the workload, his invitees answered their invitations.
        let pushers = pushes.compactMap { $0["Pusher"] as? String }
        #expect(pushers.first == HookServer.victor)
        #expect(pushers.contains(HookServer.carol) && pushers.contains(HookServer.erin))

        let text = try reader.welltree(["audit", HookServer.victimName])
        #expect(text.status == 0, "\(text)")
        let line = try #require(text.stdout.split(separator: "\n").last.map(String.init))
        #expect(
            line.contains("bob@example.com") && line.contains("refs/heads/main")
                && line.contains("\(before.prefix(7))..\(after.prefix(7))"), "\(text)")

        let others = try Self.pushes(try reader.welltree(["audit", HookServer.malloryName, "--format", "json"]))
        #expect(others.count == 1 && others.first?["Pusher"] as? String == HookServer.mallory)
        let later = try Self.pushes(try reader.welltree(["audit", "--since", "2999-01-01", "--format", "json"]))
        #expect(later.isEmpty)
        let all = try Self.pushes(try reader.welltree(["audit", "--since", "2000-01-01", "--format", "json"]))
        #expect(all.count > pushes.count)
    }

    @Test func aChangeThatBypassedTheHookShowsAsUnrecorded() throws {
        let world = try HookServer.get().world()
        let victor = try world.clone(HookServer.victor)
        try #require(try victor.welltree(["answer", "update", HookServer.victimName, "ops-model", "--none"]).status == 0)
        try world.plant("refs/heads/main", from: victor, as: "refs/heads/main")
        let planted = try victor.revParse("HEAD")
        try #require(try victor.git(["commit", "-q", "--allow-empty", "-m", "After the bypass"]).status == 0)
        try HookServer.expectPushed(victor.push(["main"]))

        try #require(try victor.git(["fetch", "-q", "origin"]).status == 0)
        let text = try victor.welltree(["audit"])
        #expect(text.status == 0, "\(text)")
        #expect(
            text.stdout.contains("refs/heads/main reached \(planted.prefix(7)) by no recorded push"), "\(text)")
        let json = try victor.welltree(["audit", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let gaps = try #require(object?["Unrecorded"] as? [[String: Any]], "\(json)")
        #expect(gaps.contains { $0["Reference"] as? String == "refs/heads/main" && $0["Id"] as? String == planted }, "\(json)")
    }

    @Test func anUnknownWorkloadOrDateIsAnError() throws {
        let world = try HookServer.get().world()
        let alice = try world.clone(HookServer.alice)
        let unknown = try alice.welltree(["audit", "No Such Workload"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no workload \"No Such Workload\""), "\(unknown)")
        let date = try alice.welltree(["audit", "--since", "yesterday"])
        #expect(date.status != 0)
        #expect(date.stderr.contains("--since"), "\(date)")
        // A deleted workload is found by its id.
        let retired = try Self.pushes(try alice.welltree(["audit", world.hookServer.retiredId, "--format", "json"]))
        #expect(retired.count == 3, "\(retired)")
    }
}
