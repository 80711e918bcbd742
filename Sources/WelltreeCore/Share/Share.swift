/// What a share lets its principal do, as the API's `PermissionType` names it.
package enum SharePermission: String, Sendable, Codable, CaseIterable, Comparable {
    /// May read the workload, change nothing of it.
    case readonly = "READONLY"
    /// May change the workload's answers and their notes, nothing else.
    case contributor = "CONTRIBUTOR"

    /// Reads `readonly`, `read-only`, `CONTRIBUTOR` and other spellings (case, `-`, `_` ignored).
    package init?(userInput: String) {
        guard let match = caseMatching(userInput, in: Self.self) else { return nil }
        self = match
    }

    package static func < (lhs: Self, rhs: Self) -> Bool { lhs == .readonly && rhs == .contributor }
}

/// Where an invitation stands, as the API's `ShareStatus` names it. `EXPIRED` is never stored:
/// a pending invitation older than seven days reads as expired (`Share.status(at:)`).
package enum ShareStatus: String, Sendable, Codable, CaseIterable {
    case pending = "PENDING"
    case accepted = "ACCEPTED"
    case rejected = "REJECTED"
    case expired = "EXPIRED"
    case revoked = "REVOKED"
}

/// One share of a workload or custom lens with one principal (a user, or a group or account
/// whose members the access file lists).
package struct Share: Sendable, Equatable, Codable {
    /// 32 lowercase hex digits; also the id of the invitation the invitee answers.
    package var shareId: String
    /// Who it is shared with: a user (`carol@example.com`), `group:<name>` or a 12-digit account id.
    package var principal: String
    package var permission: SharePermission
    /// As stored: PENDING, ACCEPTED, REJECTED or REVOKED.
    package var status: ShareStatus
    /// The owner who made or last changed the share.
    package var sharedBy: String
    /// When the current invitation was sent (creation, or a change of a pending one): the start
    /// of its seven days.
    package var invitedAt: String
    /// When anything of the share last changed.
    package var updatedAt: String

    /// How long an invitation stays open.
    package static let invitationLifetime: Int64 = 7 * 86_400

    package init(
        shareId: String, principal: String, permission: SharePermission, status: ShareStatus = .pending,
        sharedBy: String, invitedAt: String, updatedAt: String? = nil
    ) {
        self.shareId = shareId
        self.principal = principal
        self.permission = permission
        self.status = status
        self.sharedBy = sharedBy
        self.invitedAt = invitedAt
        self.updatedAt = updatedAt ?? invitedAt
    }

    /// The status at `now` (seconds since 1970): a pending invitation older than seven days is
    /// EXPIRED. Computed, never written, so nothing has to sweep the files.
    package func status(at now: Int64) -> ShareStatus {
        guard status == .pending else { return status }
        guard let sent = ISOTime.seconds(invitedAt) else { return .expired }
        return now - sent > Self.invitationLifetime ? .expired : .pending
    }

    /// Whether the share still occupies a place: pending (not expired) or accepted.
    package func isActive(at now: Int64) -> Bool {
        let current = status(at: now)
        return current == .pending || current == .accepted
    }

    /// Whether `principal` names a group of principals rather than one user: `group:<name>`, a
    /// 12-digit account id, an organization id (`o-...`) or an organizational unit id (`ou-...`).
    package static func isGroupPrincipal(_ principal: String) -> Bool {
        principal.hasPrefix("group:") || isAccountID(principal) || isOrganizationID(principal) || isUnitID(principal)
    }

    /// A 12-digit account id.
    package static func isAccountID(_ text: String) -> Bool { text.count == 12 && text.allSatisfy(\.isASCIIDigit) }

    /// An AWS Organizations organization id: `o-` and 10 to 32 lowercase letters or digits.
    package static func isOrganizationID(_ text: String) -> Bool {
        guard text.hasPrefix("o-") else { return false }
        return isLowerAlphanumeric(text.dropFirst(2), 10...32)
    }

    /// An AWS Organizations organizational unit id: `ou-`, 4 to 32 lowercase letters or digits
    /// (the root's), `-`, 8 to 32 more.
    package static func isUnitID(_ text: String) -> Bool {
        guard text.hasPrefix("ou-") else { return false }
        let parts = text.dropFirst(3).split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 2 && isLowerAlphanumeric(parts[0], 4...32) && isLowerAlphanumeric(parts[1], 8...32)
    }

    private static func isLowerAlphanumeric(_ text: Substring, _ length: ClosedRange<Int>) -> Bool {
        length.contains(text.unicodeScalars.count) && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
    }

    /// Whether `name` is a valid key of the access file's `groups`: 1 to 64 letters, digits,
    /// `.`, `_` or `-` (a 12-digit account id and an organization id are such names), or an
    /// organizational unit id (up to 68 characters).
    package static func isGroupName(_ name: String) -> Bool {
        isUnitID(name)
            || (1...64).contains(name.unicodeScalars.count)
            && name.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "_" || $0 == "-"
            }
    }

    /// The key of a group principal in the access file's `groups` (`group:ops` -> `ops`).
    package static func groupName(_ principal: String) -> String {
        principal.hasPrefix("group:") ? String(principal.dropFirst(6)) : principal
    }

    /// A new random share id from the system's generator.
    package static func newID() -> String { Workload.newID() }

    /// Whether `id` has the form of a share id.
    package static func isValidID(_ id: String) -> Bool { Workload.isValidID(id) }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
