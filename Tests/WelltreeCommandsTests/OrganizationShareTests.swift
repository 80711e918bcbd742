import Foundation
import TestSupport
import Testing

/// Organization and organizational-unit shares through the command line: administrators declare
/// what each holds, a share reaches the users below it, malformed ids and members of the wrong
/// kind are refused with nothing written.
@Suite("Organization and unit shares")
struct OrganizationShareTests {
    static let w = Sandbox.tutorialName
    static let org = "o-a1b2c3d4e5"
    static let unit = "ou-ab12-cd34ef56"

    @Test("an organization's share reaches its units' users; a user share still wins; refusals name the rule")
    func organizationSharesReachTheirUsers() throws {
        let sandbox = try Sandbox()
        try #require(try sandbox.createTutorialWorkload().status == 0)
        try #require(try sandbox.welltree(["share", "admin", "add", "alice@example.com"]).status == 0)
        for (group, members) in [(Self.org, [Self.unit]), (Self.unit, ["123456789012", "bob@example.com"]), ("123456789012", ["carol@example.com"])] {
            let added = try sandbox.welltree(["share", "group", "add", group] + members)
            try #require(added.status == 0, "\(added)")
        }
        // Refused, nothing written: a user straight in an organization, an organization in a
        // unit, a malformed unit id as a group or as a share's principal.
        let shares = try sandbox.git(["rev-parse", "refs/welltree/shares"]).stdout
        let refusals: [([String], String)] = [
            (["share", "group", "add", Self.org, "dave@example.com"], "an organization holds units and accounts"),
            (["share", "group", "add", Self.unit, Self.org], "must be a user, not a group, account, unit or organization"),
            (["share", "group", "add", "ou-bad", "dave@example.com"], "starts like an organizational unit or organization id but is none"),
            (["share", "create", Self.w, "--principal", "o-short", "--permission", "readonly"], "must be an organization id"),
        ]
        for (arguments, message) in refusals {
            let refused = try sandbox.welltree(arguments)
            #expect(refused.status == 2 && refused.stderr.contains(message), "\(arguments) \(refused)")
        }
        #expect(try sandbox.git(["rev-parse", "refs/welltree/shares"]).stdout == shares)

        // The gitolite export resolves each group to the users it stands for.
        let gitolite = try sandbox.welltree(["share", "export", "--format", "gitolite", "--repo", "reviews"])
        #expect(gitolite.stdout.contains("@welltree-o-a1b2c3d4e5 = bob@example.com carol@example.com\n"), "\(gitolite)")
        #expect(gitolite.stdout.contains("@welltree-ou-ab12-cd34ef56 = bob@example.com carol@example.com\n"), "\(gitolite)")
        #expect(gitolite.stdout.contains("@welltree-123456789012 = carol@example.com\n"), "\(gitolite)")

        let created = try sandbox.welltree(["share", "create", Self.w, "--principal", Self.org, "--permission", "contributor", "--format", "json"])
        let orgShare = try #require((try sandbox.json(created) as? [String: Any])?["ShareId"] as? String, "\(created)")
        // A login spelled like the organization sees no invitation and cannot answer it.
        sandbox.principal = Self.org
        #expect(try sandbox.welltree(["share", "invitations"]).stdout.contains("No pending invitations."))
        #expect(try sandbox.welltree(["share", "accept", orgShare]).status == 2)
        // Carol, in the organization through her account, accepts and answers.
        sandbox.principal = "carol@example.com"
        #expect(try sandbox.welltree(["share", "invitations"]).stdout.contains(orgShare))
        #expect(try sandbox.welltree(["share", "accept", orgShare]).status == 0)
        let answered = try sandbox.welltree(["answer", "update", Self.w, "priorities", "--none"])
        #expect(answered.status == 0, "\(answered)")
        #expect(try sandbox.welltree(["workload", "list", "--shared-with-me"]).stdout.contains(Self.w))
        // Bob, in the unit by name, holds a READONLY share of his own: it takes precedence.
        sandbox.principal = "alice@example.com"
        let bobs = try sandbox.welltree(["share", "create", Self.w, "--principal", "bob@example.com", "--permission", "readonly", "--format", "json"])
        let bobShare = try #require((try sandbox.json(bobs) as? [String: Any])?["ShareId"] as? String)
        sandbox.principal = "bob@example.com"
        try #require(try sandbox.welltree(["share", "accept", bobShare]).status == 0)
        let readonly = try sandbox.welltree(["answer", "update", Self.w, "priorities", "--select", "ops_priorities_ext_cust_needs"])
        #expect(readonly.status == 2 && readonly.stderr.contains("bob@example.com has a READONLY share"), "\(readonly)")
        // Leaving his own share, the organization's CONTRIBUTOR share applies to him.
        try #require(try sandbox.welltree(["share", "leave", bobShare]).status == 0)
        let contributor = try sandbox.welltree(["answer", "update", Self.w, "priorities", "--select", "ops_priorities_ext_cust_needs"])
        #expect(contributor.status == 0, "\(contributor)")
    }

    /// An access file pushed or written by hand with a user straight in an organization is
    /// refused on read, with its path and the rule, instead of being read around.
    @Test func aHandWrittenAccessFileBreakingTheRulesIsRefused() throws {
        let sandbox = try Sandbox()
        try #require(try sandbox.createTutorialWorkload().status == 0)
        try #require(try sandbox.welltree(["share", "admin", "add", "alice@example.com"]).status == 0)
        let file = sandbox.root + "/access.json"
        try #"{"administrators": ["alice@example.com"], "groups": {"o-a1b2c3d4e5": ["dave@example.com"]}}"#
            .write(toFile: file, atomically: true, encoding: .utf8)
        let blob = try sandbox.git(["hash-object", "-w", file]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let tree = try Run.program("git", ["mktree"], in: sandbox.repo, environment: sandbox.environment, input: "100644 blob \(blob)\taccess.json\n")
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let parent = try sandbox.git(["rev-parse", "refs/welltree/shares"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let commit = try sandbox.git(["commit-tree", tree, "-p", parent, "-m", "By hand"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try #require(try sandbox.git(["update-ref", "refs/welltree/shares", commit]).status == 0)
        let listed = try sandbox.welltree(["share", "access"])
        #expect(listed.status == 2, "\(listed)")
        #expect(listed.stderr.contains("refs/welltree/shares:access.json: groups.o-a1b2c3d4e5[0]"), "\(listed.stderr)")
        #expect(listed.stderr.contains("an organization holds units and accounts"), "\(listed.stderr)")
    }
}
