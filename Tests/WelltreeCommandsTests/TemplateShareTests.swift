import Foundation
import TestSupport
import Testing

/// Template shares (CreateTemplateShare, ListTemplateShares, DeleteTemplateShare): READONLY
/// permission to create workloads from a template, with invitations, groups and revocation.
@Suite("Review template shares")
struct TemplateShareTests {
    static let t = ReviewTemplateCommandTests.t

    static func create(_ sandbox: Sandbox, _ name: String) throws -> RunResult {
        try sandbox.welltree([
            "workload", "create", "--name", name, "--description", "Created from the platform baseline", "--review-owner", "Jane Doe",
            "--environment", "production", "--aws-region", "us-east-1", "--template", t,
        ])
    }

    @Test("a share lets its invitee create workloads from the template once accepted; revoked, it no longer does")
    func shareLifecycle() throws {
        let sandbox = try ReviewTemplateCommandTests.withTemplate()
        let created = try sandbox.welltree(["template", "share", "create", Self.t, "--principal", "bob@example.com", "--format", "json"])
        #expect(created.status == 0, "\(created)")
        try WorkloadCommandTests.expectShape("CreateTemplateShare", created)
        let shareId = try #require((try sandbox.json(created) as? [String: Any])?["ShareId"] as? String)
        let list = try sandbox.welltree(["template", "share", "list", Self.t, "--format", "json"])
        try WorkloadCommandTests.expectShape("ListTemplateShares", list)
        let summaries = (try sandbox.json(list) as? [String: Any])?["TemplateShareSummaries"] as? [[String: Any]] ?? []
        #expect(summaries.count == 1 && summaries.first?["Status"] as? String == "PENDING" && summaries.first?["PermissionType"] == nil)

        // Pending: bob may not apply it yet; he sees the invitation.
        sandbox.principal = "bob@example.com"
        let pending = try Self.create(sandbox, "Bob API")
        #expect(pending.status == 2 && pending.stderr.contains("not shared with bob@example.com"), "\(pending)")
        let invitations = try sandbox.welltree(["share", "invitations", "--format", "json"])
        try WorkloadCommandTests.expectShape("ListShareInvitations", invitations)
        let invitation = ((try sandbox.json(invitations) as? [String: Any])?["ShareInvitationSummaries"] as? [[String: Any]])?.first
        #expect(invitation?["ShareResourceType"] as? String == "TEMPLATE" && invitation?["TemplateName"] as? String == Self.t, "\(invitations)")
        // Bob may not manage the shares nor change the template.
        let manage = try sandbox.welltree(["template", "share", "create", Self.t, "--principal", "carol@example.com"])
        #expect(manage.status == 2 && manage.stderr.contains("only its owner alice@example.com"), "\(manage)")
        #expect(try sandbox.welltree(["share", "accept", shareId]).status == 0)
        let accepted = try Self.create(sandbox, "Bob API")
        #expect(accepted.status == 0, "\(accepted)")
        #expect(try sandbox.welltree(["template", "notes", Self.t, "--notes", "bob's"]).status == 2)

        // Revoked: no new workload; the one created keeps what it received.
        sandbox.principal = "alice@example.com"
        let revoked = try sandbox.welltree(["template", "share", "delete", Self.t, shareId])
        #expect(revoked.status == 0, "\(revoked)")
        sandbox.principal = "bob@example.com"
        let after = try Self.create(sandbox, "Bob Two")
        #expect(after.status == 2 && after.stderr.contains("not shared with bob@example.com"), "\(after)")
        #expect(try sandbox.welltree(["answer", "show", "Bob API", "identities"]).stdout.contains("[x]"))
    }

    @Test("group shares reach the group's members; a template share is READONLY; deleting the template revokes its shares")
    func groupsAndDeletion() throws {
        let sandbox = try ReviewTemplateCommandTests.withTemplate()
        #expect(try sandbox.welltree(["share", "admin", "add", "alice@example.com"]).status == 0)
        #expect(try sandbox.welltree(["share", "group", "add", "platform", "carol@example.com"]).status == 0)
        let created = try sandbox.welltree(["template", "share", "create", Self.t, "--principal", "group:platform", "--format", "json"])
        let shareId = try #require((try sandbox.json(created) as? [String: Any])?["ShareId"] as? String)
        let owner = try sandbox.welltree(["template", "share", "create", Self.t, "--principal", "alice@example.com"])
        #expect(owner.status == 2 && owner.stderr.contains("is the owner"), "\(owner)")
        sandbox.principal = "carol@example.com"
        #expect(try sandbox.welltree(["share", "accept", shareId]).status == 0)
        #expect(try Self.create(sandbox, "Carol API").status == 0)

        sandbox.principal = "alice@example.com"
        #expect(try sandbox.welltree(["template", "delete", Self.t]).status == 0)
        let shares = try sandbox.welltree(["template", "share", "list", Self.t, "--format", "json"])
        let status = ((try sandbox.json(shares) as? [String: Any])?["TemplateShareSummaries"] as? [[String: Any]])?.first?["Status"] as? String
        #expect(status == "REVOKED", "\(shares)")
        sandbox.principal = "carol@example.com"
        let refused = try Self.create(sandbox, "Carol Two")
        #expect(refused.status == 2 && refused.stderr.contains("was deleted"), "\(refused)")
    }
}
