import Foundation
import Testing

/// `welltree share access`, `share admin` and `share group`: administrators and groups are
/// changed by commits on the shares ref, by administrators only, and a group share reaches
/// the group's members.
@Suite struct ShareAccessCommandTests {
    @Test func administratorsManageGroupsThatSharesReach() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.createTutorialWorkload().status == 0)
        #expect(try sandbox.welltree(["share", "access"]).stdout == "Administrators: (none)\nNo groups.\n")

        // The first administrator is named in a repository that has none.
        let first = try sandbox.welltree(["share", "admin", "add", "alice@example.com"])
        #expect(first.status == 0, "\(first)")
        #expect(first.stdout == "Administrators: alice@example.com\nPush it: git push origin refs/welltree/shares\n")
        let group = try sandbox.welltree(["share", "group", "add", "ops", "bob@example.com", "carol@example.com"])
        #expect(group.stdout.hasPrefix("Group ops: bob@example.com, carol@example.com\nPush it:"), "\(group)")
        let again = try sandbox.welltree(["share", "group", "add", "group:ops", "bob@example.com"])
        #expect(again.stdout.hasPrefix("Nothing changed."))

        let shown = try sandbox.welltree(["share", "access", "--format", "json"])
        let json = try #require(try sandbox.json(shown) as? [String: Any])
        #expect(json["Administrators"] as? [String] == ["alice@example.com"])
        #expect((json["Groups"] as? [String: [String]])?["ops"] == ["bob@example.com", "carol@example.com"])
        let log = try sandbox.git(["log", "--format=%s", "refs/welltree/shares"]).stdout
        #expect(log == "Add to group ops: bob@example.com, carol@example.com\nAdd administrators: alice@example.com\n")

        // Someone else may not change them, and nothing is written.
        let before = try sandbox.commit(of: "refs/welltree/shares")
        sandbox.principal = "bob@example.com"
        let refused = try sandbox.welltree(["share", "group", "add", "ops", "mallory@example.com"])
        #expect(refused.status == 2)
        #expect(
            refused.stderr == "error: only administrators (alice@example.com) change administrators and groups; you are bob@example.com\n")
        #expect(try sandbox.commit(of: "refs/welltree/shares") == before)

        // A share with the group reaches its members: carol, invited through ops, answers.
        sandbox.principal = "alice@example.com"
        let shared = try sandbox.welltree([
            "share", "create", Sandbox.tutorialName, "--principal", "group:ops", "--permission", "contributor", "--format", "json",
        ])
        #expect(shared.status == 0, "\(shared)")
        let id = try #require((try sandbox.json(shared) as? [String: Any])?["ShareId"] as? String)
        sandbox.principal = "carol@example.com"
        #expect(try sandbox.welltree(["share", "accept", id]).status == 0)
        let answered = try sandbox.welltree(["answer", "update", Sandbox.tutorialName, "priorities", "--none"])
        #expect(answered.status == 0, "\(answered)")

        // The last administrator stays.
        sandbox.principal = "alice@example.com"
        let last = try sandbox.welltree(["share", "admin", "remove", "alice@example.com"])
        #expect(last.status == 2)
        #expect(last.stderr.contains("would leave the repository without an administrator"))
    }
}
