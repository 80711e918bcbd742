import Testing

@testable import WelltreeCore

@Suite("Shares: limits, expiry, precedence and invitee answers")
struct ShareTests {
    static let t0 = ISOTime.seconds("2026-11-20T10:00:00Z")!
    static let owner = "alice@example.com"

    static func file(_ subject: ShareSubject = .workload(id: String(repeating: "a", count: 32))) -> ShareFile {
        ShareFile(subject: subject)
    }

    @Test func isoTimeRoundTrips() {
        for text in ["1970-01-01T00:00:00Z", "2000-02-29T23:59:59Z", "2026-11-27T11:05:36Z", "2100-03-01T00:00:00Z"] {
            #expect(ISOTime.string(ISOTime.seconds(text)!) == text)
        }
        #expect(ISOTime.seconds("2026-11-27") == nil)
        #expect(ISOTime.seconds("2026-11-27T11:05:36.123Z") == ISOTime.seconds("2026-11-27T11:05:36Z"))
    }

    @Test(arguments: [(7 * 86_400, ShareStatus.pending), (7 * 86_400 + 1, .expired)])
    func aPendingInvitationExpiresAfterSevenDays(elapsed: Int64, expected: ShareStatus) throws {
        var file = Self.file()
        let share = try file.create(
            principal: "bob@example.com", permission: .contributor, owner: Self.owner, actor: Self.owner, now: Self.t0, id: Share.newID())
        #expect(share.status(at: Self.t0 + elapsed) == expected)
        #expect(share.status == .pending)
    }

    @Test func workloadsTakeTwentyActiveSharesLensesThreeHundred() throws {
        var file = Self.file()
        for i in 0..<20 {
            _ = try file.create(
                principal: "user\(i)@example.com", permission: .readonly, owner: Self.owner, actor: Self.owner, now: Self.t0,
                id: Share.newID())
        }
        #expect(throws: ValidationError.self) {
            _ = try file.create(
                principal: "one-more@example.com", permission: .readonly, owner: Self.owner, actor: Self.owner, now: Self.t0,
                id: Share.newID())
        }
        // Expired invitations do not count.
        _ = try file.create(
            principal: "one-more@example.com", permission: .readonly, owner: Self.owner, actor: Self.owner,
            now: Self.t0 + 8 * 86_400, id: Share.newID())
        #expect(ShareSubject.lens(alias: "x").limit == 300)
    }

    @Test func everyBrokenRuleIsReported() throws {
        var file = Self.file(.lens(alias: "my-lens"))
        do {
            _ = try file.create(
                principal: Self.owner, permission: .contributor, owner: Self.owner, actor: Self.owner, now: Self.t0, id: Share.newID())
            Issue.record("expected a refusal")
        } catch {
            #expect(error.violations.count == 2)
            #expect(error.description.contains("is the owner"))
            #expect(error.description.contains("lenses are shared READONLY"))
        }
    }

    @Test func anActiveShareIsChangedNotDuplicatedAndRevokedOnesAreReplaced() throws {
        var file = Self.file()
        let first = try file.create(
            principal: "bob@example.com", permission: .readonly, owner: Self.owner, actor: Self.owner, now: Self.t0, id: Share.newID())
        #expect(throws: ValidationError.self) {
            _ = try file.create(
                principal: "bob@example.com", permission: .contributor, owner: Self.owner, actor: Self.owner, now: Self.t0,
                id: Share.newID())
        }
        _ = try file.respond(first.shareId, accept: true, now: Self.t0 + 60)
        let updated = try file.update(first.shareId, permission: .contributor, actor: Self.owner, now: Self.t0 + 120)
        #expect(updated.status == .accepted)
        #expect(updated.permission == .contributor)
        _ = try file.revoke(first.shareId, now: Self.t0 + 180)
        let again = try file.create(
            principal: "bob@example.com", permission: .readonly, owner: Self.owner, actor: Self.owner, now: Self.t0 + 240, id: Share.newID()
        )
        #expect(file.shares.count == 1)
        #expect(file.shares[0] == again)
    }

    @Test func anExpiredInvitationCannotBeAcceptedButCanBeSentAgain() throws {
        var file = Self.file()
        let share = try file.create(
            principal: "erin@example.com", permission: .contributor, owner: Self.owner, actor: Self.owner, now: Self.t0, id: Share.newID())
        let late = Self.t0 + 8 * 86_400
        #expect(throws: ValidationError.self) { _ = try file.respond(share.shareId, accept: true, now: late) }
        let renewed = try file.update(share.shareId, permission: .contributor, actor: Self.owner, now: late)
        #expect(renewed.status(at: late + 60) == .pending)
    }

    @Test func aUserLevelShareTakesPrecedenceOverGroupShares() throws {
        let policy = AccessPolicy(groups: ["ops": ["bob@example.com", "carol@example.com"]])
        func accepted(_ principal: String, _ permission: SharePermission) -> Share {
            Share(
                shareId: Share.newID(), principal: principal, permission: permission, status: .accepted, sharedBy: Self.owner,
                invitedAt: ISOTime.string(Self.t0))
        }
        let shares = [accepted("group:ops", .contributor), accepted("bob@example.com", .readonly)]
        #expect(ShareAccess.access(of: "bob@example.com", owner: Self.owner, shares: shares, policy: policy, now: Self.t0) == .readonly)
        #expect(
            ShareAccess.access(of: "carol@example.com", owner: Self.owner, shares: shares, policy: policy, now: Self.t0) == .contributor)
        #expect(
            ShareAccess.access(of: "dave@example.com", owner: Self.owner, shares: shares, policy: policy, now: Self.t0)
                == WorkloadAccess.none)
        #expect(ShareAccess.access(of: Self.owner, owner: Self.owner, shares: [], policy: policy, now: Self.t0) == .owner)
        var pending = accepted("dave@example.com", .contributor)
        pending.status = .pending
        #expect(
            ShareAccess.access(of: "dave@example.com", owner: Self.owner, shares: [pending], policy: policy, now: Self.t0)
                == WorkloadAccess.none)
    }

    @Test func anInviteeMayOnlyAnswerTheirOwnPendingInvitation() throws {
        var old = Self.file()
        let bob = try old.create(
            principal: "bob@example.com", permission: .contributor, owner: Self.owner, actor: Self.owner, now: Self.t0, id: Share.newID())
        let carol = try old.create(
            principal: "carol@example.com", permission: .readonly, owner: Self.owner, actor: Self.owner, now: Self.t0, id: Share.newID())
        let policy = AccessPolicy()
        var accepted = old
        _ = try accepted.respond(bob.shareId, accept: true, now: Self.t0 + 60)
        #expect(ShareAccess.changesBeyondAnswers(from: old, to: accepted, by: "bob@example.com", policy: policy, now: Self.t0 + 60).isEmpty)
        #expect(
            !ShareAccess.changesBeyondAnswers(from: old, to: accepted, by: "carol@example.com", policy: policy, now: Self.t0 + 60).isEmpty)
        #expect(
            !ShareAccess.changesBeyondAnswers(from: old, to: accepted, by: "bob@example.com", policy: policy, now: Self.t0 + 8 * 86_400)
                .isEmpty)
        var escalated = old
        escalated.shares[1].permission = .contributor
        escalated.shares[1].status = .accepted
        let problems = ShareAccess.changesBeyondAnswers(
            from: old, to: escalated, by: "carol@example.com", policy: policy, now: Self.t0 + 60)
        #expect(problems == ["share \(carol.shareId) changed beyond its status"])
    }

    /// An invitee wrote any `updatedAt` while accepting (a year in the future, or before the
    /// invitation was sent); the answer's time must lie between the invitation and now.
    @Test(arguments: [
        ("2027-11-20T10:00:00Z", "is in the future"), ("2026-11-20T09:59:59Z", "is before the invitation"),
        ("yesterday", "is not an ISO 8601 UTC time"), ("2026-11-20T10:09:59Z", nil), ("2026-11-20T10:00:00Z", nil),
    ] as [(String, String?)])
    func anAnswerIsDatedBetweenTheInvitationAndNow(_ updatedAt: String, _ problem: String?) throws {
        var old = Self.file()
        let bob = try old.create(
            principal: "bob@example.com", permission: .contributor, owner: Self.owner, actor: Self.owner, now: Self.t0, id: Share.newID())
        var accepted = old
        _ = try accepted.respond(bob.shareId, accept: true, now: Self.t0 + 60)
        accepted.shares[0].updatedAt = updatedAt
        // The judge's clock: ten minutes after the invitation, allowing ShareAccess.clockSkew ahead.
        let problems = ShareAccess.changesBeyondAnswers(from: old, to: accepted, by: "bob@example.com", policy: AccessPolicy(), now: Self.t0 + 300)
        if let problem {
            #expect(problems.count == 1 && problems[0].contains(problem), "\(problems)")
        } else {
            #expect(problems.isEmpty, "\(problems)")
        }
    }

    @Test func deletingRevokesEveryActiveShareAndKeepsTheRecord() throws {
        var file = Self.file()
        for principal in ["bob@example.com", "carol@example.com", "dave@example.com"] {
            _ = try file.create(principal: principal, permission: .readonly, owner: Self.owner, actor: Self.owner, now: Self.t0, id: Share.newID())
        }
        _ = try file.respond(file.shares[1].shareId, accept: true, now: Self.t0 + 10)
        _ = try file.respond(file.shares[2].shareId, accept: false, now: Self.t0 + 10)
        let revoked = file.revokeActive(now: Self.t0 + 20)
        #expect(revoked.map(\.principal) == ["bob@example.com", "carol@example.com"])
        #expect(file.shares.map(\.status) == [.revoked, .revoked, .rejected])
        #expect(file.shares.allSatisfy { !$0.isActive(at: Self.t0 + 20) })
    }

    @Test(arguments: ["group:../x", "group:", "group:a/b", "group:\u{202E}x", "bob\u{202E}@example.com"])
    func malformedPrincipalsAreRefused(_ principal: String) {
        var validator = Validator()
        ShareFile.checkPrincipal(principal, into: &validator)
        #expect(!validator.violations.isEmpty)
    }

    /// A login spelled like a group or an account (whatever the hosting layer lets people call
    /// themselves) is no member of it: only the members the access file lists are.
    @Test(arguments: ["group:ops", "123456789012"])
    func aLoginSpelledLikeAGroupGetsNothingFromItsShares(_ group: String) throws {
        let policy = AccessPolicy(groups: [Share.groupName(group): ["erin@example.com"], "other": [group]])
        let share = Share(
            shareId: Share.newID(), principal: group, permission: .contributor, status: .accepted, sharedBy: Self.owner,
            invitedAt: ISOTime.string(Self.t0))
        #expect(ShareAccess.access(of: group, owner: Self.owner, shares: [share], policy: policy, now: Self.t0) == WorkloadAccess.none)
        #expect(
            ShareAccess.access(of: "erin@example.com", owner: Self.owner, shares: [share], policy: policy, now: Self.t0) == .contributor)
        var pending = share
        pending.status = .pending
        #expect(!ShareAccess.mayRespond(group, to: pending, policy: policy))
        #expect(ShareAccess.mayRespond("erin@example.com", to: pending, policy: policy))
        #expect(!policy.reaches("group:other", group))
    }

    /// Leaving (the console's "Reject share"): the invitee of an accepted share made with them by
    /// name turns it REJECTED; nobody else may, a group's member may not leave the group's share,
    /// a login spelled like the group is no member, and a left share is not taken back.
    @Test func onlyTheInviteeLeavesAnAcceptedShareOfTheirOwn() throws {
        var old = Self.file()
        let bob = try old.create(
            principal: "bob@example.com", permission: .contributor, owner: Self.owner, actor: Self.owner, now: Self.t0, id: Share.newID())
        let ops = try old.create(
            principal: "group:ops", permission: .readonly, owner: Self.owner, actor: Self.owner, now: Self.t0, id: Share.newID())
        _ = try old.respond(bob.shareId, accept: true, now: Self.t0 + 60)
        _ = try old.respond(ops.shareId, accept: true, now: Self.t0 + 60)
        let policy = AccessPolicy(groups: ["ops": ["carol@example.com"]])
        let now = Self.t0 + 600

        var left = old
        let bobLeft = try left.leave(bob.shareId, now: now)
        #expect(bobLeft.status == .rejected && bobLeft.updatedAt == ISOTime.string(now))
        #expect(ShareAccess.changesBeyondAnswers(from: old, to: left, by: "bob@example.com", policy: policy, now: now).isEmpty)
        #expect(ShareAccess.access(of: "bob@example.com", owner: Self.owner, shares: left.shares, policy: policy, now: now) == .none)
        // Another user, or a member of the group, cannot make bob leave.
        for stranger in ["carol@example.com", "group:ops", "dave@example.com"] {
            let problems = ShareAccess.changesBeyondAnswers(from: old, to: left, by: stranger, policy: policy, now: now)
            #expect(problems == ["share \(bob.shareId) is addressed to bob@example.com, not to \(stranger)"], "\(stranger)")
        }
        // Left once, it stays left: back to ACCEPTED is not the invitee's to write.
        var back = left
        back.shares[0].status = .accepted
        #expect(
            ShareAccess.changesBeyondAnswers(from: left, to: back, by: "bob@example.com", policy: policy, now: now + 60)
                == ["share \(bob.shareId) is REJECTED, not PENDING"])
        #expect(throws: ValidationError.self) { try left.leave(bob.shareId, now: now) }
        // An accepted share only becomes REJECTED; the invitee cannot revoke or re-open it.
        for status in [ShareStatus.revoked, .pending] {
            var other = old
            other.shares[0].status = status
            other.shares[0].updatedAt = ISOTime.string(now)
            #expect(
                ShareAccess.changesBeyondAnswers(from: old, to: other, by: "bob@example.com", policy: policy, now: now)
                    == ["share \(bob.shareId) is ACCEPTED; its invitee may only leave it (REJECTED)"])
        }

        // The group's share: carol, a member, cannot leave it for the whole group; a login
        // spelled group:ops is no member at all.
        var groupLeft = old
        _ = try groupLeft.leave(ops.shareId, now: now)
        let member = ShareAccess.changesBeyondAnswers(from: old, to: groupLeft, by: "carol@example.com", policy: policy, now: now)
        #expect(member.count == 1 && member[0].contains("a member does not leave a group's share"), "\(member)")
        #expect(ShareAccess.leaveProblem("carol@example.com", share: old.shares[1], policy: policy)?.contains("welltree share group remove") == true)
        let spoof = ShareAccess.changesBeyondAnswers(from: old, to: groupLeft, by: "group:ops", policy: policy, now: now)
        #expect(spoof == ["share \(ops.shareId) is addressed to group:ops, not to group:ops"])
        #expect(ShareAccess.leaveProblem("group:ops", share: old.shares[1], policy: policy) != nil)
        #expect(ShareAccess.leaveProblem("bob@example.com", share: old.shares[0], policy: policy) == nil)

        // A pending invitation is rejected, not left.
        var pending = Self.file()
        let erin = try pending.create(
            principal: "erin@example.com", permission: .readonly, owner: Self.owner, actor: Self.owner, now: Self.t0, id: Share.newID())
        #expect(throws: ValidationError.self) { try pending.leave(erin.shareId, now: now) }
    }

    /// A custom lens stays shared with a workload's owner while an accepted share reaches them,
    /// by name or through a group; revoked, left or pending shares do not count.
    @Test func aLensIsSharedWhileAnAcceptedShareReachesTheOwner() throws {
        var file = Self.file(.lens(alias: "readiness"))
        let bob = try file.create(
            principal: "bob@example.com", permission: .readonly, owner: Self.owner, actor: Self.owner, now: Self.t0, id: Share.newID())
        let policy = AccessPolicy(groups: ["ops": ["carol@example.com"]])
        func shared(_ principal: String) -> Bool {
            ShareAccess.lensIsShared(with: principal, lensOwner: Self.owner, shares: file.shares, policy: policy, now: Self.t0 + 60)
        }
        #expect(shared(Self.owner))
        #expect(!shared("bob@example.com"))
        _ = try file.respond(bob.shareId, accept: true, now: Self.t0 + 30)
        #expect(shared("bob@example.com") && !shared("carol@example.com"))
        let ops = try file.create(
            principal: "group:ops", permission: .readonly, owner: Self.owner, actor: Self.owner, now: Self.t0, id: Share.newID())
        _ = try file.respond(ops.shareId, accept: true, now: Self.t0 + 30)
        #expect(shared("carol@example.com") && !shared("group:ops"))
        _ = try file.revoke(bob.shareId, now: Self.t0 + 40)
        #expect(!shared("bob@example.com"))
    }

    /// Organizations and units: an organization's share reaches the users of its units and of
    /// their accounts, a unit's share its users and its accounts' members; a user-level share
    /// still takes precedence; a login spelled like the organization or unit gets nothing.
    @Test func organizationAndUnitSharesReachTheirMembers() throws {
        let org = "o-a1b2c3d4e5", unit = "ou-ab12-cd34ef56", other = "ou-ab12-99999999"
        let policy = AccessPolicy(groups: [
            org: [unit, "210987654321", "eve@example.com"],  // a user straight in an organization counts for nothing
            unit: ["123456789012", "bob@example.com"],
            other: ["zed@example.com"],
            "123456789012": ["carol@example.com"],
            "210987654321": ["dave@example.com"],
        ])
        #expect(policy.users(of: org) == ["bob@example.com", "carol@example.com", "dave@example.com"])
        #expect(policy.users(of: unit) == ["bob@example.com", "carol@example.com"])
        func share(_ principal: String, _ permission: SharePermission) -> Share {
            Share(
                shareId: Share.newID(), principal: principal, permission: permission, status: .accepted, sharedBy: Self.owner,
                invitedAt: ISOTime.string(Self.t0))
        }
        let shares = [share(org, .contributor), share("bob@example.com", .readonly)]
        func access(_ who: String) -> WorkloadAccess {
            ShareAccess.access(of: who, owner: Self.owner, shares: shares, policy: policy, now: Self.t0)
        }
        #expect(access("carol@example.com") == .contributor)
        #expect(access("dave@example.com") == .contributor)
        #expect(access("bob@example.com") == .readonly)  // his own share wins over the organization's
        #expect(access("eve@example.com") == WorkloadAccess.none)
        #expect(access("zed@example.com") == WorkloadAccess.none)
        for spoof in [org, unit, "123456789012"] {
            #expect(access(spoof) == WorkloadAccess.none, "\(spoof)")
            #expect(!policy.reaches(org, spoof) && !policy.reaches(unit, spoof))
        }
        // A hand-written cycle ends.
        let cycle = AccessPolicy(groups: [org: [unit], unit: ["123456789012"], "123456789012": ["carol@example.com"]])
        #expect(cycle.users(of: org) == ["carol@example.com"])
        #expect(Share.isOrganizationID(org) && Share.isUnitID(unit) && !Share.isUnitID("ou-ab-cd") && !Share.isOrganizationID("o-short"))
    }

    @Test(arguments: ["o-short", "o-UPPERCASE123", "ou-ab12", "ou-ab12-short", "ou-../x-12345678"])
    func malformedOrganizationAndUnitIdsAreRefused(_ principal: String) {
        var validator = Validator()
        ShareFile.checkPrincipal(principal, into: &validator)
        #expect(!validator.violations.isEmpty)
    }
}
