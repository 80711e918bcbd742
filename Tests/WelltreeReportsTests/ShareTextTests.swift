import Testing
import WelltreeCore
import WelltreeReports

/// `share list`, `lens share list`, `share invitations`, `share access` and `notifications` as
/// people read them: aligned columns, and nothing written on the shares ref or in a workload
/// (a principal, a group, a name) acts on the reader's terminal.
@Suite("Share and notification text")
struct ShareTextTests {
    static let now = ISOTime.seconds("2026-11-28T00:00:00Z")!
    static let hostile = "mallory\u{1B}]52;c;ZWNobw==\u{7}\nfake@example.com"

    static let shares = [
        Share(shareId: "s-1", principal: "bob@example.com", permission: .contributor, status: .accepted,
              sharedBy: "alice@example.com", invitedAt: "2026-11-27T09:00:00Z"),
        Share(shareId: "s-22", principal: hostile, permission: .readonly, sharedBy: "alice@example.com", invitedAt: "2026-11-01T09:00:00Z"),
    ]

    @Test func workloadSharesAreAlignedWithPermissionsAndEscaped() {
        #expect(ShareText.shares(Self.shares, now: Self.now, permissions: true) == """
            SHARE ID  PRINCIPAL                                              PERMISSION   STATUS    SHARED BY          INVITED
            s-1       bob@example.com                                        CONTRIBUTOR  ACCEPTED  alice@example.com  2026-11-27T09:00:00Z
            s-22      mallory\\u{1B}]52;c;ZWNobw==\\u{7}\\u{A}fake@example.com  READONLY     EXPIRED   alice@example.com  2026-11-01T09:00:00Z

            """)
        #expect(ShareText.shares([], now: Self.now, permissions: true) == "No shares.\n")
    }

    @Test func lensSharesHaveNoPermissionColumn() {
        let text = ShareText.shares([Self.shares[0]], now: Self.now, permissions: false)
        #expect(text == """
            SHARE ID  PRINCIPAL        STATUS    SHARED BY          INVITED
            s-1       bob@example.com  ACCEPTED  alice@example.com  2026-11-27T09:00:00Z

            """)
    }

    @Test func invitationsNameTheResourceEscaped() {
        let invitation = ShareInvitationSummaryShape(
            subject: .workload(id: "0123456789abcdef0123456789abcdef"), share: Self.shares[1], name: "Shop\u{1B}[2J", owner: "alice@example.com")
        #expect(ShareText.invitations([invitation]) == """
            INVITATION ID  TYPE      NAME           PERMISSION  OWNER              EXPIRES
            s-22           WORKLOAD  Shop\\u{1B}[2J  READONLY    alice@example.com  2026-11-08T09:00:00Z

            """)
        #expect(ShareText.invitations([]) == "No pending invitations.\n")
    }

    @Test func accessListsAdministratorsAndGroupsEscaped() {
        let policy = AccessPolicy(administrators: ["alice@example.com", Self.hostile], groups: ["ops": ["bob@example.com"], "g\u{7}": ["x"]])
        #expect(ShareText.access(policy) == """
            Administrators: alice@example.com, mallory\\u{1B}]52;c;ZWNobw==\\u{7}\\u{A}fake@example.com

            GROUP   MEMBERS
            g\\u{7}  x
            ops     bob@example.com

            """)
        #expect(ShareText.access(AccessPolicy()) == "Administrators: (none)\nNo groups.\n")
        #expect(ShareText.accessChange(true, "Group ops: \(Self.hostile)", reference: "refs/welltree/shares")
                == "Group ops: mallory\\u{1B}]52;c;ZWNobw==\\u{7}\\u{A}fake@example.com\nPush it: git push origin refs/welltree/shares\n")
        #expect(ShareText.accessChange(false, "Administrators: a", reference: "refs/welltree/shares") == "Nothing changed. Administrators: a\n")
    }

    @Test func notificationsListProfilesThenLensesEscaped() {
        let workload = Workload(
            id: "0123456789abcdef0123456789abcdef", name: "Shop\u{1B}[2J", description: "d", reviewOwner: "r", environment: .production,
            owner: "alice@example.com", lenses: [], createdAt: "2026-11-01T09:00:00Z", updatedAt: "2026-11-01T09:00:00Z")
        let record = LensRecord(
            alias: "custom", name: "Custom\u{7}", owner: "alice@example.com", type: .customSelf,
            versions: [LensVersionRecord(version: "2.0", isMajor: true, createdAt: "2026-11-01T09:00:00Z")])
        let lenses = [LensNotification(workload: workload, record: record, versionInUse: "1.0", status: .notCurrent)]
        let profiles = [
            ProfileNotification(type: .deleted, workloadId: workload.id, workloadName: "Shop", profileId: "p-1", profileName: nil,
                                currentVersion: "1", latestVersion: nil)
        ]
        #expect(NotificationText.render(lenses: lenses, profiles: profiles) == """
            WORKLOAD  PROFILE  NOTIFICATION TYPE  VERSION IN USE  LATEST VERSION
            Shop      p-1      Profile deleted    1               None

            WORKLOAD       LENS         NOTIFICATION TYPE  VERSION IN USE  CURRENT AVAILABLE VERSION
            Shop\\u{1B}[2J  Custom\\u{7}  Not current        1.0             2.0

            """)
        #expect(NotificationText.render(lenses: [], profiles: []) == "Every workload uses the current version of its lenses.\n")
    }
}
