import Foundation
import TestSupport
import Testing

/// Leaving a share (the console's "Reject share") and the lens reviews of a lens that is no
/// longer shared (the API's `LensStatus` UNSHARED), through the command line.
@Suite("Leaving shares, and lenses no longer shared")
struct ShareLeaveTests {
    static let w = Sandbox.tutorialName
    static let lens = "readiness-review"

    static func shareId(_ sandbox: Sandbox, _ result: RunResult) throws -> String {
        try #require(result.status == 0, "\(result)")
        return try #require((try sandbox.json(result) as? [String: Any])?["ShareId"] as? String)
    }

    @Test("share leave: the invitee leaves an accepted workload share; nobody else, no group member, no login spelled like the group")
    func leaveAWorkloadShare() throws {
        let sandbox = try Sandbox()
        try #require(try sandbox.createTutorialWorkload().status == 0)
        let bobShare = try Self.shareId(
            sandbox, try sandbox.welltree(["share", "create", Self.w, "--principal", "bob@example.com", "--permission", "contributor", "--format", "json"]))
        try #require(try sandbox.welltree(["share", "admin", "add", "alice@example.com"]).status == 0)
        try #require(try sandbox.welltree(["share", "group", "add", "ops", "carol@example.com"]).status == 0)
        let opsShare = try Self.shareId(
            sandbox, try sandbox.welltree(["share", "create", Self.w, "--principal", "group:ops", "--permission", "readonly", "--format", "json"]))
        let daveShare = try Self.shareId(
            sandbox, try sandbox.welltree(["share", "create", Self.w, "--principal", "dave@example.com", "--permission", "readonly", "--format", "json"]))
        sandbox.principal = "bob@example.com"
        try #require(try sandbox.welltree(["share", "accept", bobShare]).status == 0)
        try #require(try sandbox.welltree(["answer", "update", Self.w, "priorities", "--none"]).status == 0)
        sandbox.principal = "carol@example.com"
        try #require(try sandbox.welltree(["share", "accept", opsShare]).status == 0)

        // Refused, nothing written.
        let shares = try sandbox.git(["rev-parse", "refs/welltree/shares"]).stdout
        let refusals: [(String, String, String)] = [
            ("carol@example.com", bobShare, "is addressed to bob@example.com, not to carol@example.com; only its invitee leaves it"),
            ("carol@example.com", opsShare, "a member does not leave a group's share"),
            ("group:ops", opsShare, "is addressed to group:ops, not to group:ops"),
            ("bob@example.com", opsShare, "is addressed to group:ops, not to bob@example.com"),
            ("dave@example.com", daveShare, "is PENDING; only an ACCEPTED share is left (a PENDING invitation is rejected: `welltree share reject"),
            ("bob@example.com", "0123456789abcdef0123456789abcdef", "welltree workload list --shared-with-me"),
        ]
        for (principal, share, message) in refusals {
            sandbox.principal = principal
            let refused = try sandbox.welltree(["share", "leave", share])
            #expect(refused.status == 2, "\(principal) \(refused)")
            #expect(refused.stderr.contains(message), "\(principal) \(refused)")
        }
        #expect(try sandbox.git(["rev-parse", "refs/welltree/shares"]).stdout == shares)

        // Bob leaves: one commit on the shares ref, REJECTED, and his CONTRIBUTOR rights are gone.
        sandbox.principal = "bob@example.com"
        let left = try sandbox.welltree(["share", "leave", bobShare, "--format", "json"])
        #expect(left.status == 0, "\(left)")
        try WorkloadCommandTests.expectShape("UpdateShareInvitation", left)
        #expect(((try sandbox.json(left) as? [String: Any])?["ShareInvitation"] as? [String: Any])?["Status"] as? String == "REJECTED")
        #expect(try sandbox.git(["log", "-1", "--format=%s", "refs/welltree/shares"]).stdout.hasPrefix("Leave share \(bobShare) of \(Self.w)"))
        let answer = try sandbox.welltree(["answer", "update", Self.w, "priorities", "--select", "ops_priorities_ext_cust_needs"])
        #expect(answer.status == 2 && answer.stderr.contains("bob@example.com has no share"), "\(answer)")
        #expect(!(try sandbox.welltree(["workload", "list", "--shared-with-me"]).stdout.contains(Self.w)))
        let again = try sandbox.welltree(["share", "leave", bobShare])
        #expect(again.status == 2 && again.stderr.contains("is REJECTED; only an ACCEPTED share is left"), "\(again)")
        sandbox.principal = "alice@example.com"
        let list = try sandbox.welltree(["share", "list", Self.w, "--format", "json"])
        let rows = (try sandbox.json(list) as? [String: Any])?["WorkloadShareSummaries"] as? [[String: Any]] ?? []
        #expect(rows.first { $0["ShareId"] as? String == bobShare }?["Status"] as? String == "REJECTED", "\(list)")
    }

    @Test("a lens share revoked or left: the recipient's lens reviews read UNSHARED, with a banner; the upgrade is refused")
    func aLensNoLongerSharedIsUnshared() throws {
        let sandbox = try Sandbox()
        for (version, lens) in [("1.0", ReadinessLens.version1), ("2.0", ReadinessLens.version2)] {
            let file = sandbox.root + "/readiness-\(version).json"
            try ReadinessLens.write(lens, to: file)
            try #require(try sandbox.welltree(["lens", "import", file]).status == 0)
            try #require(try sandbox.welltree(["lens", "publish", Self.lens, "--version", version, "--major"]).status == 0)
            if version == "1.0" {
                let share = try Self.shareId(sandbox, try sandbox.welltree(["lens", "share", "create", Self.lens, "--principal", "bob@example.com", "--format", "json"]))
                sandbox.principal = "bob@example.com"
                try #require(try sandbox.welltree(["share", "accept", share]).status == 0)
                try #require(try sandbox.createTutorialWorkload().status == 0)
                try #require(try sandbox.welltree(["lens", "associate", Self.w, Self.lens]).status == 0)
                sandbox.principal = "alice@example.com"
            }
        }
        func lensStatus() throws -> String? {
            let status = try sandbox.welltree(["status", Self.w, "--lens", Self.lens, "--format", "json"])
            try WorkloadCommandTests.expectShape("GetLensReview", status)
            return ((try sandbox.json(status) as? [String: Any])?["LensReview"] as? [String: Any])?["LensStatus"] as? String
        }
        sandbox.principal = "bob@example.com"
        #expect(try lensStatus() == "NOT_CURRENT")

        // Alice revokes the share: Bob's review of her lens is UNSHARED everywhere it shows.
        sandbox.principal = "alice@example.com"
        let share = try #require(
            ((try sandbox.json(try sandbox.welltree(["lens", "share", "list", Self.lens, "--format", "json"])) as? [String: Any])?[
                "LensShareSummaries"] as? [[String: Any]])?.first?["ShareId"] as? String)
        try #require(try sandbox.welltree(["lens", "share", "delete", Self.lens, share]).status == 0)
        sandbox.principal = "bob@example.com"
        #expect(try lensStatus() == "UNSHARED")
        let reviews = try sandbox.welltree(["lens", "reviews", Self.w, "--format", "json"])
        try WorkloadCommandTests.expectShape("ListLensReviews", reviews)
        let rows = (try sandbox.json(reviews) as? [String: Any])?["LensReviewSummaries"] as? [[String: Any]] ?? []
        #expect(rows.first { $0["LensAlias"] as? String == Self.lens }?["LensStatus"] as? String == "UNSHARED")
        #expect(rows.first { $0["LensAlias"] as? String == "wellarchitected" }?["LensStatus"] as? String == "CURRENT")
        let banner = "Readiness review is no longer shared with this workload's owner"
        let text = try sandbox.welltree(["status", Self.w, "--lens", Self.lens])
        #expect(text.stdout.hasPrefix(banner), "\(text)")
        #expect(try sandbox.welltree(["workload", "show", Self.w]).stdout.contains(banner))
        let upgrade = try sandbox.welltree(["lens", "upgrade", Self.w, Self.lens, "--milestone", "Before 2.0"])
        #expect(upgrade.status == 2 && upgrade.stderr.contains("is no longer shared with bob@example.com"), "\(upgrade)")

        // Shared again and accepted, then left by Bob: UNSHARED again.
        sandbox.principal = "alice@example.com"
        let again = try Self.shareId(sandbox, try sandbox.welltree(["lens", "share", "create", Self.lens, "--principal", "bob@example.com", "--format", "json"]))
        sandbox.principal = "bob@example.com"
        try #require(try sandbox.welltree(["share", "accept", again]).status == 0)
        #expect(try lensStatus() == "NOT_CURRENT")
        let left = try sandbox.welltree(["share", "leave", again])
        #expect(left.status == 0, "\(left)")
        #expect(try lensStatus() == "UNSHARED")
    }
}
