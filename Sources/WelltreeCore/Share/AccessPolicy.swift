/// Who administers the review repository and who belongs to which group: `access.json` on the
/// shares ref, beside the share files, so it is versioned and cannot be granted through an
/// ordinary pull request either.
///
/// Groups stand for the service's account-level shares: a share with `group:ops` (or with a
/// 12-digit account id listed as a group) reaches every member. Administrators change
/// repository-wide files (`welltree.json`, built-in lenses, anything outside `workloads/` and
/// custom lenses), this file, and may rewrite or delete any unprotected branch; they may repair
/// or remove any workload's files, but are not its owner (its shares and milestones stay the
/// owner's), and they rewrite a protected branch only with an explicit override.
package struct AccessPolicy: Sendable, Equatable, Codable {
    package var administrators: [String]
    /// Group name (without `group:`), account id, organizational unit id (`ou-...`) or
    /// organization id (`o-...`) -> members. A group's or an account's members are users; a
    /// unit's are users and accounts; an organization's are units and accounts
    /// (`AccessPolicy.mayContain`).
    package var groups: [String: [String]]

    package init(administrators: [String] = [], groups: [String: [String]] = [:]) {
        self.administrators = administrators
        self.groups = groups
    }

    private enum CodingKeys: String, CodingKey { case administrators, groups }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        administrators = try c.decodeIfPresent([String].self, forKey: .administrators) ?? []
        groups = try c.decodeIfPresent([String: [String]].self, forKey: .groups) ?? [:]
    }

    /// Whether `principal` is an administrator.
    package func isAdministrator(_ principal: String) -> Bool { administrators.contains(principal) }

    /// The group names `principal` belongs to.
    package func groups(of principal: String) -> Set<String> {
        Set(groups.filter { $0.value.contains(principal) }.map(\.key))
    }

    /// Whether a share's principal reaches `principal`: the same user, or a group they are in.
    ///
    /// A group, account, unit or organization share reaches only the users this file lists
    /// under it (`users(of:)`), never a user whose login is spelled like it (`group:ops`,
    /// `123456789012`, `o-a1b2c3d4e5`): logins come from whatever the hosting layer accepts,
    /// membership from administrators.
    package func reaches(_ sharePrincipal: String, _ principal: String) -> Bool {
        guard Share.isGroupPrincipal(sharePrincipal) else { return sharePrincipal == principal }
        guard !Share.isGroupPrincipal(principal) else { return false }
        return users(of: Share.groupName(sharePrincipal)).contains(principal)
    }

    /// The users a key of `groups` stands for: a group's or account's members; a unit's users
    /// and its accounts' members; an organization's units' and accounts' users. A member of a
    /// kind its container may not hold (`mayContain`) counts for nothing, and each key is
    /// visited once, so a hand-written cycle ends.
    package func users(of key: String) -> Set<String> {
        var result = Set<String>()
        var visited = Set<String>()
        func visit(_ key: String) {
            guard visited.insert(key).inserted, let members = groups[key] else { return }
            for member in members where Self.mayContain(key, member) {
                if Share.isGroupPrincipal(member) { visit(Share.groupName(member)) } else { result.insert(member) }
            }
        }
        visit(key)
        return result
    }

    /// Whether the group `key` may list `member`: an organization its units and accounts, a
    /// unit its accounts and users, a group or an account its users.
    package static func mayContain(_ key: String, _ member: String) -> Bool {
        if Share.isOrganizationID(key) { return Share.isUnitID(member) || Share.isAccountID(member) }
        if Share.isUnitID(key) { return Share.isAccountID(member) || !Share.isGroupPrincipal(member) }
        return !Share.isGroupPrincipal(member)
    }
}
