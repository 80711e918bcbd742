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
    /// Group name (without `group:`) or account id -> member principals.
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
    /// A group or account share reaches only the members this file lists, never a user whose
    /// login is spelled like the group (`group:ops`) or the account (`123456789012`): logins
    /// come from whatever the hosting layer accepts, group names from administrators.
    package func reaches(_ sharePrincipal: String, _ principal: String) -> Bool {
        guard Share.isGroupPrincipal(sharePrincipal) else { return sharePrincipal == principal }
        guard !Share.isGroupPrincipal(principal) else { return false }
        return groups[Share.groupName(sharePrincipal)]?.contains(principal) ?? false
    }
}
