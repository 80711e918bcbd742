/// What a principal may do to one workload.
package enum WorkloadAccess: Sendable, Equatable, Comparable, CustomStringConvertible {
    /// Not shared with them (or the share is pending, rejected, expired or revoked).
    case none
    case readonly
    /// May change answers and their notes.
    case contributor
    /// Created the workload: may do everything.
    case owner

    package var description: String {
        switch self {
        case .none: "no share"
        case .readonly: "a READONLY share"
        case .contributor: "a CONTRIBUTOR share"
        case .owner: "the owner"
        }
    }
}

/// The permission rules of shares, as plain functions of the data, so the CLI and the server
/// hook decide identically.
package enum ShareAccess {
    /// What `principal` may do to a workload owned by `owner` with `shares`.
    ///
    /// Only ACCEPTED shares grant anything. A user-level share takes precedence over group
    /// (account-level) shares reaching the same user, as in the service: an accepted READONLY
    /// share of the user wins over a CONTRIBUTOR share of their group. Without an accepted
    /// user-level share, the best accepted group share applies. A login spelled like a group or
    /// account principal matches no share of it (`AccessPolicy.reaches`).
    package static func access(of principal: String, owner: String, shares: [Share], policy: AccessPolicy, now: Int64) -> WorkloadAccess {
        if principal == owner { return .owner }
        let accepted = shares.filter { $0.status(at: now) == .accepted }
        if let own = accepted.first(where: { !Share.isGroupPrincipal($0.principal) && $0.principal == principal }) {
            return own.permission == .contributor ? .contributor : .readonly
        }
        let viaGroups = accepted.filter { Share.isGroupPrincipal($0.principal) && policy.reaches($0.principal, principal) }
        guard let best = viaGroups.map(\.permission).max() else { return .none }
        return best == .contributor ? .contributor : .readonly
    }

    /// Whether the custom lens owned by `lensOwner` with `shares` is shared with `principal`: they
    /// own it, or an accepted share reaches them (by name or through a group they are in).
    package static func lensIsShared(with principal: String, lensOwner: String, shares: [Share], policy: AccessPolicy, now: Int64) -> Bool {
        principal == lensOwner || shares.contains { $0.status(at: now) == .accepted && policy.reaches($0.principal, principal) }
    }

    /// Whether `principal` may answer the invitation `share`: it is theirs, or their group's.
    package static func mayRespond(_ principal: String, to share: Share, policy: AccessPolicy) -> Bool {
        policy.reaches(share.principal, principal)
    }

    /// Why `principal` may not leave the accepted `share` (the console's "Reject share"), or nil
    /// when they may: only its invitee leaves a share, and only one made with them by name. A
    /// group's or account's share belongs to all its members; one member leaving it would take
    /// it from the others, so a member leaves the group instead (an administrator's change of
    /// `access.json`). A login spelled like the group is no member of it (`AccessPolicy.reaches`).
    package static func leaveProblem(_ principal: String, share: Share, policy: AccessPolicy) -> String? {
        if Share.isGroupPrincipal(share.principal) {
            if policy.reaches(share.principal, principal) {
                return "share \(share.shareId) is shared with \(share.principal), not with \(principal) alone: a member does not leave a group's share; an administrator removes the member from the group (`welltree share group remove`)"
            }
            return "share \(share.shareId) is addressed to \(share.principal), not to \(principal); only its invitee leaves it"
        }
        guard share.principal == principal else {
            return "share \(share.shareId) is addressed to \(share.principal), not to \(principal); only its invitee leaves it"
        }
        return nil
    }

    /// How far ahead of the judge's clock an answer's `updatedAt` may be: clocks of the machine
    /// that answered and of the server differ a little.
    package static let clockSkew: Int64 = 300

    /// The differences between two versions of a share file that are not `principal` accepting
    /// or rejecting an invitation addressed to them, or leaving an accepted share of their own
    /// (ACCEPTED to REJECTED, `leaveProblem`), which is all an invitee may change. Empty when
    /// every change is such an answer.
    ///
    /// An answer records when it was given in `updatedAt`, which the invitee writes: it must be
    /// an ISO 8601 time no earlier than the invitation (`invitedAt`, or the share's previous
    /// `updatedAt`) and no later than `now` (plus `clockSkew`). The command line writes the
    /// current time; the server hook judges pushes with this rule.
    package static func changesBeyondAnswers(from old: ShareFile, to new: ShareFile, by principal: String, policy: AccessPolicy, now: Int64)
        -> [String]
    {
        var problems: [String] = []
        if old.subject != new.subject { problems.append("the file's subject changed") }
        let oldByID = Dictionary(old.shares.map { ($0.shareId, $0) }, uniquingKeysWith: { a, _ in a })
        if Set(old.shares.map(\.shareId)) != Set(new.shares.map(\.shareId)) {
            problems.append("shares were added or removed")
        }
        for share in new.shares {
            guard let before = oldByID[share.shareId], before != share else { continue }
            var unchanged = share
            unchanged.status = before.status
            unchanged.updatedAt = before.updatedAt
            if unchanged != before {
                problems.append("share \(share.shareId) changed beyond its status")
            } else if !mayRespond(principal, to: before, policy: policy) {
                problems.append("share \(share.shareId) is addressed to \(before.principal), not to \(principal)")
            } else if before.status(at: now) == .accepted {
                if let problem = leaveProblem(principal, share: before, policy: policy) {
                    problems.append(problem)
                } else if share.status != .rejected {
                    problems.append("share \(share.shareId) is ACCEPTED; its invitee may only leave it (REJECTED)")
                } else if let problem = answerTimeProblem(share, before: before, now: now) {
                    problems.append(problem)
                }
            } else if before.status(at: now) != .pending {
                problems.append("share \(share.shareId) is \(before.status(at: now).rawValue), not PENDING")
            } else if share.status != .accepted && share.status != .rejected {
                problems.append("share \(share.shareId) may only become ACCEPTED or REJECTED")
            } else if let problem = answerTimeProblem(share, before: before, now: now) {
                problems.append(problem)
            }
        }
        return problems
    }

    /// Why the `updatedAt` of an answer to `before` is out of bounds, or nil when it is not.
    package static func answerTimeProblem(_ share: Share, before: Share, now: Int64) -> String? {
        guard share.updatedAt != before.updatedAt || share.status != before.status else { return nil }
        guard let answered = ISOTime.seconds(share.updatedAt) else {
            return "share \(share.shareId): updatedAt \"\(share.updatedAt)\" is not an ISO 8601 UTC time"
        }
        let earliest = max(ISOTime.seconds(before.invitedAt) ?? 0, ISOTime.seconds(before.updatedAt) ?? 0)
        if answered < earliest {
            return "share \(share.shareId): updatedAt \(share.updatedAt) is before the invitation (\(ISOTime.string(earliest)))"
        }
        if answered > now + clockSkew {
            return "share \(share.shareId): updatedAt \(share.updatedAt) is in the future (now \(ISOTime.string(now)))"
        }
        return nil
    }
}
