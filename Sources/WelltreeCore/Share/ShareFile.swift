/// What a share file is about: a workload (by id), a custom lens (by alias), a profile or a
/// review template (by id).
package enum ShareSubject: Sendable, Equatable, Hashable, CustomStringConvertible {
    case workload(id: String)
    case lens(alias: String)
    /// A profile, by id: permission to give it to one's workloads (READONLY).
    case profile(id: String)
    /// A review template, by id: shared READONLY (permission to create workloads from it).
    case template(id: String)

    /// How many shares may be active at once: 20 per workload, 300 per custom lens, as the service
    /// allows, and 300 per template (the service's quota is not published; Welltree takes the lens's).
    package var limit: Int {
        switch self {
        case .workload: 20
        case .lens: 300
        // The service's quota is not in the reference: Welltree uses the custom-lens limit.
        case .profile: 300
        case .template: 300
        }
    }

    /// Lenses, profiles and templates are shared READONLY only (permission to use them); workloads also
    /// CONTRIBUTOR.
    package var isReadOnly: Bool {
        switch self {
        case .workload: false
        case .lens, .profile, .template: true
        }
    }

    /// What the subject is, for messages: `workload`, `lens`, `profile`, `template`.
    package var kindName: String {
        switch self {
        case .workload: "workload"
        case .lens: "lens"
        case .profile: "profile"
        case .template: "template"
        }
    }

    /// `workloads`, `lenses`, `profiles`, `templates`.
    package var kindPlural: String {
        switch self {
        case .workload: "workloads"
        case .lens: "lenses"
        case .profile: "profiles"
        case .template: "templates"
        }
    }

    package var description: String {
        switch self {
        case .workload(let id): "workload \(id)"
        case .lens(let alias): "lens \(alias)"
        case .profile(let id): "profile \(id)"
        case .template(let id): "template \(id)"
        }
    }
}

/// The shares of one workload or lens, as kept on the shares ref (`workloads/<id>.json`,
/// `lenses/<alias>.json`): at most one entry per principal, in the order they were first made.
///
/// Revoked, rejected and expired entries stay (the file says who had access and when it ended)
/// until the owner shares with that principal again, which replaces the entry.
package struct ShareFile: Sendable, Equatable, Codable {
    package var subject: ShareSubject
    package var shares: [Share]

    package init(subject: ShareSubject, shares: [Share] = []) {
        self.subject = subject
        self.shares = shares
    }

    private enum CodingKeys: String, CodingKey { case workloadId, lensAlias, profileId, templateId, shares }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let id = try c.decodeIfPresent(String.self, forKey: .workloadId) {
            subject = .workload(id: id)
        } else if let id = try c.decodeIfPresent(String.self, forKey: .profileId) {
            subject = .profile(id: id)
        } else if let id = try c.decodeIfPresent(String.self, forKey: .templateId) {
            subject = .template(id: id)
        } else {
            subject = .lens(alias: try c.decode(String.self, forKey: .lensAlias))
        }
        shares = try c.decodeIfPresent([Share].self, forKey: .shares) ?? []
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch subject {
        case .workload(let id): try c.encode(id, forKey: .workloadId)
        case .lens(let alias): try c.encode(alias, forKey: .lensAlias)
        case .profile(let id): try c.encode(id, forKey: .profileId)
        case .template(let id): try c.encode(id, forKey: .templateId)
        }
        try c.encode(shares, forKey: .shares)
    }

    /// The share with `id`, if any.
    package func share(_ id: String) -> Share? { shares.first { $0.shareId == id } }

    /// Adds a pending invitation of `principal`. Every broken rule is reported: a malformed
    /// principal, sharing with the owner, an active share of the same principal, the limit,
    /// and anything but READONLY for a lens.
    package mutating func create(
        principal: String, permission: SharePermission, owner: String, actor: String, now: Int64, id: String
    ) throws(ValidationError) -> Share {
        var validator = Validator()
        Self.checkPrincipal(principal, into: &validator)
        validator.require(
            principal != owner, field: "--principal", value: principal, rule: "is the owner, who has every permission already")
        if subject.isReadOnly {
            validator.require(
                permission == .readonly, field: "--permission", value: permission.rawValue,
                rule: "is not allowed for a \(subject.kindName): \(subject.kindPlural) are shared READONLY")
        }
        let existing = shares.firstIndex { $0.principal == principal }
        if let existing, shares[existing].isActive(at: now) {
            validator.add(
                Violation(
                    field: "--principal", value: principal,
                    rule:
                        "already has share \(shares[existing].shareId) (\(shares[existing].status(at: now).rawValue)); change it with `welltree share update`"
                ))
        }
        let active = shares.filter { $0.isActive(at: now) }.count
        validator.require(
            active < subject.limit, field: "--principal", value: principal,
            rule: "cannot be added: \(subject) already has \(active) active shares, the maximum is \(subject.limit)")
        try validator.check()
        let share = Share(shareId: id, principal: principal, permission: permission, sharedBy: actor, invitedAt: ISOTime.string(now))
        if let existing {
            shares[existing] = share
        } else {
            shares.append(share)
        }
        return share
    }

    /// Changes the permission of a share. A pending or expired invitation is sent again (its
    /// seven days start over); an accepted share stays accepted with the new permission.
    package mutating func update(_ id: String, permission: SharePermission, actor: String, now: Int64) throws(ValidationError) -> Share {
        let index = try activeIndex(id, now: now, allowExpired: true)
        if subject.isReadOnly, permission != .readonly {
            throw ValidationError([
                Violation(
                    field: "--permission", value: permission.rawValue,
                    rule: "is not allowed for a \(subject.kindName): \(subject.kindPlural) are shared READONLY")
            ])
        }
        var share = shares[index]
        share.permission = permission
        share.sharedBy = actor
        share.updatedAt = ISOTime.string(now)
        if share.status(at: now) != .accepted {
            share.status = .pending
            share.invitedAt = share.updatedAt
        }
        shares[index] = share
        return share
    }

    /// Ends every share that is still pending or accepted, as when the workload is deleted: an
    /// invitation to something that no longer exists must not be accepted later (say, after the
    /// workload's directory comes back from history). Returns the shares revoked.
    package mutating func revokeActive(now: Int64) -> [Share] {
        var revoked: [Share] = []
        for index in shares.indices where shares[index].isActive(at: now) {
            shares[index].status = .revoked
            shares[index].updatedAt = ISOTime.string(now)
            revoked.append(shares[index])
        }
        return revoked
    }

    /// Ends a share: its status becomes REVOKED (the entry stays as a record).
    package mutating func revoke(_ id: String, now: Int64) throws(ValidationError) -> Share {
        guard let index = shares.firstIndex(where: { $0.shareId == id }) else { throw Self.unknown(id, in: self) }
        guard shares[index].status != .revoked else {
            throw ValidationError([Violation(field: "share", value: id, rule: "is already revoked")])
        }
        shares[index].status = .revoked
        shares[index].updatedAt = ISOTime.string(now)
        return shares[index]
    }

    /// Leaves an accepted share (the console's "Reject share"): its status becomes REJECTED and
    /// it grants nothing from then on; the caller has checked that the invitee leaves it.
    package mutating func leave(_ id: String, now: Int64) throws(ValidationError) -> Share {
        guard let index = shares.firstIndex(where: { $0.shareId == id }) else { throw Self.unknown(id, in: self) }
        let current = shares[index].status(at: now)
        guard current == .accepted else {
            let hint = current == .pending ? " (a PENDING invitation is rejected: `welltree share reject \(id)`)" : ""
            throw ValidationError([Violation(field: "share", value: id, rule: "is \(current.rawValue); only an ACCEPTED share is left\(hint)")])
        }
        shares[index].status = .rejected
        shares[index].updatedAt = ISOTime.string(now)
        return shares[index]
    }

    /// Accepts or rejects a pending invitation; the caller has checked who answers.
    package mutating func respond(_ id: String, accept: Bool, now: Int64) throws(ValidationError) -> Share {
        guard let index = shares.firstIndex(where: { $0.shareId == id }) else { throw Self.unknown(id, in: self) }
        let current = shares[index].status(at: now)
        guard current == .pending else {
            throw ValidationError([
                Violation(
                    field: "invitation", value: id, rule: "is \(current.rawValue), only a PENDING invitation can be accepted or rejected")
            ])
        }
        shares[index].status = accept ? .accepted : .rejected
        shares[index].updatedAt = ISOTime.string(now)
        return shares[index]
    }

    private func activeIndex(_ id: String, now: Int64, allowExpired: Bool) throws(ValidationError) -> Int {
        guard let index = shares.firstIndex(where: { $0.shareId == id }) else { throw Self.unknown(id, in: self) }
        let status = shares[index].status(at: now)
        guard status == .pending || status == .accepted || (allowExpired && status == .expired) else {
            throw ValidationError([
                Violation(field: "share", value: id, rule: "is \(status.rawValue); share again with `welltree share create`")
            ])
        }
        return index
    }

    private static func unknown(_ id: String, in file: ShareFile) -> ValidationError {
        let known = file.shares.map(\.shareId)
        return ValidationError([
            Violation(
                field: "share", value: id,
                rule: "is not a share of \(file.subject)"
                    + (known.isEmpty ? " (it has none)" : "; its shares: \(known.joined(separator: ", "))"))
        ])
    }

    /// A principal is 1-2048 printable characters without spaces: a user's email or name,
    /// `group:<name>`, or a 12-digit account id. A group's name follows the rule of the access
    /// file's group names (`isGroupName`), so `group:../x` names nothing and is refused.
    package static func checkPrincipal(_ principal: String, into validator: inout Validator) {
        validator.require(
            !principal.isEmpty && principal.count <= 2048, field: "--principal", value: principal, rule: "must be 1 to 2048 characters")
        validator.require(
            !principal.unicodeScalars.contains { $0.properties.isWhitespace || UnsafeCharacter.isUnsafe($0) },
            field: "--principal", value: principal, rule: "must not contain spaces or control characters")
        if principal.hasPrefix("group:") {
            validator.require(
                Share.isGroupName(Share.groupName(principal)), field: "--principal", value: principal,
                rule: "must name a group after \"group:\": 1 to 64 letters, digits, '.', '_' or '-'")
        } else if principal.hasPrefix("ou-") && !principal.contains("@") {
            validator.require(
                Share.isUnitID(principal), field: "--principal", value: principal,
                rule: "must be an organizational unit id: ou-, 4 to 32 lowercase letters or digits, -, 8 to 32 more")
        } else if principal.hasPrefix("o-") && !principal.contains("@") {
            validator.require(
                Share.isOrganizationID(principal), field: "--principal", value: principal,
                rule: "must be an organization id: o- and 10 to 32 lowercase letters or digits")
        }
    }

    /// Checks a file read from the shares ref: ids well formed and unique, one entry per
    /// principal, not more active shares than allowed, lens shares READONLY, EXPIRED never stored.
    package func violations(at now: Int64) -> [Violation] {
        var validator = Validator()
        var ids = Set<String>()
        var principals = Set<String>()
        for share in shares {
            validator.require(
                Share.isValidID(share.shareId), field: "shareId", value: share.shareId, rule: "must be 32 lowercase hex digits")
            validator.require(ids.insert(share.shareId).inserted, field: "shareId", value: share.shareId, rule: "appears twice")
            validator.require(
                principals.insert(share.principal).inserted, field: "principal", value: share.principal, rule: "has two entries")
            validator.require(
                share.status != .expired, field: "status", value: share.shareId, rule: "must not be stored as EXPIRED (expiry is computed)")
            validator.require(
                ISOTime.seconds(share.invitedAt) != nil, field: "invitedAt", value: share.invitedAt, rule: "must be an ISO 8601 UTC time")
            Self.checkPrincipal(share.principal, into: &validator)
            if subject.isReadOnly {
                validator.require(
                    share.permission == .readonly, field: "permission", value: share.shareId,
                    rule: "must be READONLY for a \(subject.kindName)")
            }
        }
        let active = shares.filter { $0.isActive(at: now) }.count
        validator.require(
            active <= subject.limit, field: "shares", value: "\(active)",
            rule: "exceeds the limit of \(subject.limit) active shares for \(subject)")
        return validator.violations
    }
}
