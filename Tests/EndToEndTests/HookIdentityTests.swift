import Foundation
import Testing

/// Workload identity against a server with the hook: a workload id names one workload. A
/// pushed `workload.json` that reuses an id the server knows (a live workload's, or a deleted
/// one's whose shares remain) is refused, an id never changes, and who owns an id (and so its
/// share file) is decided from the server's state before the push, never from pushed content.
@Suite(
    "Server hook: workload ids are unique and decided by the server",
    .enabled(if: GitServer.isAvailable, "needs git-http-backend and python3 (Debian packages git and python3)"),
    .timeLimit(.minutes(5)))
struct HookIdentityTests {
    /// Creates a workload named `name` in `clone` with the CLI, then gives it `id` by hand.
    static func createWorkload(_ name: String, id: String?, in clone: SharesServerTests.Clone) throws -> String {
        try #require(try clone.welltree(HookServer.createArguments(name)).status == 0)
        let directory = name.lowercased().replacingOccurrences(of: " ", with: "-")
        let path = "workloads/\(directory.prefix(2))/\(directory)/workload.json"
        guard let id else { return path }
        let original = try HookServer.workloadId(name, in: clone)
        let text = try String(contentsOfFile: clone.path + "/" + path, encoding: .utf8).replacingOccurrences(of: original, with: id)
        try clone.commitByHand(path, text, message: "Give \(name) the id \(id)")
        return path
    }

    /// Makes `login` an accepted CONTRIBUTOR in the victim's share file, by hand.
    static func grantContributor(to login: String, in clone: SharesServerTests.Clone, victimId: String) throws {
        try clone.editShares("workloads/\(victimId).json") { file in
            var shares = file["shares"] as? [[String: Any]] ?? []
            shares.append([
                "invitedAt": "2026-01-01T00:00:00Z", "permission": "CONTRIBUTOR", "principal": login,
                "shareId": "0123456789abcdef0123456789abcdef", "sharedBy": HookServer.victor, "status": "ACCEPTED",
                "updatedAt": "2026-01-01T00:00:00Z",
            ])
            file["shares"] = shares
        }
    }

    @Test func aNewWorkloadReusingALiveWorkloadsIdIsRefusedAndCannotTakeItsShares() throws {
        let world = try HookServer.get().world()
        let mallory = try world.clone(HookServer.mallory)
        let path = try Self.createWorkload("Aaa Collision", id: world.victimId, in: mallory)
        let pushed = try mallory.push(["main"])
        #expect(pushed.status != 0)
        #expect(
            pushed.stderr.contains(
                "mallory@example.com may not change \(path) of new workload \"Aaa Collision\": id \(world.victimId) is already used by workload \"Victim Workload\" (\(world.victimId), owner victor@example.com) in \(HookServer.victimPath)"
            ), "\(pushed)")

        // Had the collision landed, the directory sorting first would have decided the owner.
        try Self.grantContributor(to: HookServer.mallory, in: mallory, victimId: world.victimId)
        let shares = try mallory.push(["refs/welltree/shares"])
        #expect(shares.status != 0)
        #expect(shares.stderr.contains("only the owner victor@example.com manages its shares"), "\(shares)")
    }

    @Test func aDuplicateIdAlreadyOnTheServerLeavesItsSharesToAdministrators() throws {
        let world = try HookServer.get().world()
        let mallory = try world.clone(HookServer.mallory)
        _ = try Self.createWorkload("Aaa Collision", id: world.victimId, in: mallory)
        try world.plant("refs/heads/main", from: mallory, as: "refs/heads/main")
        try #require(try mallory.git(["fetch", "-q", "origin"]).status == 0)

        try Self.grantContributor(to: HookServer.mallory, in: mallory, victimId: world.victimId)
        let shares = try mallory.push(["refs/welltree/shares"])
        #expect(shares.status != 0)
        #expect(
            shares.stderr.contains(
                "2 workloads on the default branch have id \(world.victimId) (workloads/aa/aaa-collision, \(HookServer.victimPath)); only administrators (alice@example.com) change its shares until one is removed"
            ), "\(shares)")
    }

    @Test func anOwnerCannotChangeTheIdOfTheirWorkload() throws {
        let world = try HookServer.get().world()
        let mallory = try world.clone(HookServer.mallory)
        let file = HookServer.malloryPath + "/workload.json"
        for id in [world.victimId, "0123456789abcdef0123456789abcdef"] {
            let text = try String(contentsOfFile: mallory.path + "/" + file, encoding: .utf8).replacingOccurrences(
                of: world.hookServer.malloryId, with: id)
            try mallory.commitByHand(file, text, message: "Change the id")
            let pushed = try mallory.push(["main"])
            #expect(pushed.status != 0)
            #expect(
                pushed.stderr.contains(
                    "a workload's id never changes: it is \(world.hookServer.malloryId) on the server, the push makes it \(id)"),
                "\(pushed)")
            try #require(try mallory.git(["reset", "-q", "--hard", "origin/main"]).status == 0)
        }
    }

    @Test func twoNewWorkloadsCannotShareAnId() throws {
        let world = try HookServer.get().world()
        let mallory = try world.clone(HookServer.mallory)
        let id = "fedcba9876543210fedcba9876543210"
        _ = try Self.createWorkload("First Twin", id: id, in: mallory)
        let second = try Self.createWorkload("Second Twin", id: id, in: mallory)
        let pushed = try mallory.push(["main"])
        #expect(pushed.status != 0)
        #expect(pushed.stderr.contains("\(second) of new workload \"Second Twin\": id \(id) is already used by"), "\(pushed)")
    }

    @Test func aDeletedWorkloadsIdIsNotReused() throws {
        let world = try HookServer.get().world()
        let mallory = try world.clone(HookServer.mallory)
        _ = try Self.createWorkload("Retired Workload", id: world.hookServer.retiredId, in: mallory)
        let pushed = try mallory.push(["main"])
        #expect(pushed.status != 0)
        #expect(
            pushed.stderr.contains(
                "id \(world.hookServer.retiredId) belongs to a deleted workload: its shares remain on refs/welltree/shares; ids are never reused"
            ),
            "\(pushed)")
    }

    @Test func aBranchCannotCarryACollidingWorkload() throws {
        let world = try HookServer.get().world()
        let mallory = try world.clone(HookServer.mallory)
        try #require(try mallory.git(["checkout", "-q", "-b", "mallory/collision"]).status == 0)
        _ = try Self.createWorkload("Aaa Collision", id: world.victimId, in: mallory)
        let pushed = try mallory.push(["mallory/collision"])
        #expect(pushed.status != 0)
        #expect(pushed.stderr.contains("is already used by workload \"Victim Workload\""), "\(pushed)")
    }
}
