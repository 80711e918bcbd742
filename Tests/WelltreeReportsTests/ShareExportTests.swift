import Testing
import WelltreeCore
@testable import WelltreeReports

/// `share export`: CODEOWNERS and gitolite translations of the shares, for hosts without the
/// server hook. They must never grant a stranger anything: a principal CODEOWNERS cannot name is
/// left out with a comment, never written as a GitHub user, and names read from the repository
/// cannot break out of a comment line.
@Suite("Share export")
struct ShareExportTests {
    static let now: Int64 = 1_796_000_000  // 2026-11-30
    static let invited = "2026-11-29T10:00:00Z"
    static let organization = "o-abcdefghij"
    static let unit = "ou-abcd-efghijkl"
    static let account = "123456789012"

    static func share(_ principal: String, _ permission: SharePermission = .contributor) -> Share {
        Share(
            shareId: String(repeating: "b", count: 32), principal: principal, permission: permission, status: .accepted,
            sharedBy: "alice@example.com", invitedAt: invited)
    }

    static func export(name: String = "Shop", shares: [Share], groups: [String: [String]] = [:]) -> ShareExport {
        let workload = Workload(
            id: String(repeating: "a", count: 32), name: name, description: "d", reviewOwner: "Jane", environment: .production,
            owner: "alice@example.com", lenses: [WorkloadLens(alias: "wellarchitected", version: "1.0")],
            createdAt: invited, updatedAt: invited)
        let item = ExportedWorkload(
            path: "workloads/sh/shop", answersPath: "workloads/sh/shop/answers", milestoneTags: "refs/tags/welltree/shop-aaaaaaaa/",
            shareFile: "workloads/\(workload.id).json", workload: workload, shares: shares)
        let documents = [
            ExportedDocument(
                kind: "Profile", id: String(repeating: "c", count: 32), name: "Launching\nshop @mallory", owner: "carol@example.com",
                path: "profiles/launching", shareFile: "profiles/\(String(repeating: "c", count: 32)).json",
                immutableFiles: ["profiles/launching/versions/1.json", "profiles/launching/versions/2.json"]),
            ExportedDocument(
                kind: "Review template", id: String(repeating: "d", count: 32), name: "Platform baseline", owner: "dave",
                path: "templates/platform-baseline", shareFile: "templates/\(String(repeating: "d", count: 32)).json"),
        ]
        let layout = ExportLayout(
            workloads: "workloads", lenses: "lenses", profiles: "profiles", templates: "templates", milestoneTags: "refs/tags/welltree/",
            sharesReference: "refs/welltree/shares", shareDirectories: ["workloads", "lenses", "profiles", "templates"])
        return ShareExport(
            workloads: [item], lenses: [], documents: documents, layout: layout,
            policy: AccessPolicy(administrators: ["admin@example.com"], groups: groups), now: now, source: "test")
    }

    static func rules(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") }
    }

    @Test("CODEOWNERS never writes an organization, unit, account or group as a GitHub user; declared users stand in, with a comment")
    func groupPrincipalsAreNotGitHubUsers() {
        let text = Self.export(
            shares: [Self.share(Self.organization), Self.share(Self.unit), Self.share(Self.account), Self.share("group:ops")],
            groups: [Self.account: ["erin@example.com"], "ops": ["frank"]]
        ).codeowners()
        let rules = Self.rules(text)
        for principal in [Self.organization, Self.unit, Self.account, "ops"] {
            #expect(!rules.contains { $0.contains("@" + principal) }, "\(text)")
        }
        #expect(rules.contains("/workloads/sh/shop/answers/ alice@example.com erin@example.com @frank"), "\(text)")
        #expect(text.contains("# \(Self.organization) holds a CONTRIBUTOR share but access.json declares no users for it"), "\(text)")
        #expect(text.contains("# \(Self.account) holds a CONTRIBUTOR share: its users as access.json declares them"), "\(text)")
    }

    @Test("CODEOWNERS: an organization's users reach through its units and accounts; READONLY shares own nothing")
    func organizationUsersAndReadonly() {
        let text = Self.export(
            shares: [Self.share(Self.organization), Self.share("group:viewers", .readonly)],
            groups: [Self.organization: [Self.unit], Self.unit: ["gina@example.com"], "viewers": ["henry@example.com"]]
        ).codeowners()
        #expect(Self.rules(text).contains("/workloads/sh/shop/answers/ alice@example.com gina@example.com"), "\(text)")
        #expect(!text.contains("henry"), "\(text)")
    }

    @Test("CODEOWNERS: each profile and template directory is its owner's; a name with a line break stays in its comment")
    func profilesAndTemplates() {
        let text = Self.export(shares: []).codeowners()
        let rules = Self.rules(text)
        #expect(rules.contains("/profiles/launching/ carol@example.com"), "\(text)")
        #expect(rules.contains("/templates/platform-baseline/ @dave"), "\(text)")
        #expect(text.contains("# Profile \"Launching shop @mallory\""), "\(text)")
        #expect(!rules.contains { $0.contains("mallory") }, "\(text)")
    }

    @Test("gitolite: profiles and templates are their owners', published profile versions nobody's, their share files the owner's")
    func gitoliteProfilesAndTemplates() {
        let text = Self.export(shares: []).gitolite(repo: "reviews")
        // Each line with its runs of blanks made one (the rules are padded into columns).
        let lines = text.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        func index(_ line: String) -> Int? { lines.firstIndex { $0.hasPrefix(line) } }
        let denyVersion = index("- VREF/NAME/profiles/launching/versions/1\\.json$ = @all")
        let ownerProfile = index("RW VREF/NAME/profiles/launching/ = carol@example.com")
        #expect(denyVersion != nil && ownerProfile != nil && denyVersion! < ownerProfile!, "\(text)")
        #expect(index("- VREF/NAME/profiles/launching/versions/2\\.json$ = @all") != nil, "\(text)")
        #expect(index("RW VREF/NAME/profiles/cccccccccccccccccccccccccccccccc\\.json$ = carol@example.com") != nil, "\(text)")
        #expect(index("- VREF/NAME/profiles/launching/ = @all") != nil, "\(text)")
        #expect(index("RW VREF/NAME/templates/platform-baseline/ = dave") != nil, "\(text)")
        #expect(index("- VREF/NAME/templates/platform-baseline/ = @all") != nil, "\(text)")
        #expect(index("RW VREF/NAME/templates/ = @all") != nil, "new templates stay open: \(text)")
        #expect(!lines.contains { !$0.hasPrefix("#") && $0.contains("mallory") }, "\(text)")
    }
}
