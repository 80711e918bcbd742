/// Changes to the administrators and groups, each checked before anything is written.
extension AccessPolicy {
    /// Adds administrators (already listed ones are left as they are).
    package mutating func addAdministrators(_ principals: [String]) throws(ValidationError) {
        var validator = Validator()
        for principal in principals {
            Self.checkUser(principal, field: "PRINCIPAL", into: &validator)
        }
        try validator.check()
        for principal in principals where !administrators.contains(principal) { administrators.append(principal) }
    }

    /// Removes administrators; the repository keeps at least one.
    package mutating func removeAdministrators(_ principals: [String]) throws(ValidationError) {
        var validator = Validator()
        for principal in principals {
            validator.require(
                administrators.contains(principal), field: "PRINCIPAL", value: principal,
                rule: "is not an administrator (administrators: \(administrators.joined(separator: ", ")))")
        }
        let remaining = administrators.filter { !principals.contains($0) }
        validator.require(
            !remaining.isEmpty || administrators.isEmpty, field: "PRINCIPAL", value: principals.joined(separator: ", "),
            rule: "would leave the repository without an administrator; add another first")
        try validator.check()
        administrators = remaining
    }

    /// Adds members to a group (`ops`, `group:ops`, a 12-digit account id, an organizational
    /// unit id `ou-...` or an organization id `o-...`), creating it. A group's and an account's
    /// members are users, a unit's users or accounts, an organization's units or accounts.
    package mutating func addMembers(_ members: [String], to group: String) throws(ValidationError) {
        var validator = Validator()
        let name = Self.checkGroup(group, into: &validator)
        validator.require(!members.isEmpty, field: "MEMBER", value: "", rule: "name at least one member")
        for member in members {
            if Share.isOrganizationID(name) {
                validator.require(
                    Share.isUnitID(member) || Share.isAccountID(member), field: "MEMBER", value: member,
                    rule: "must be an organizational unit id (ou-...) or a 12-digit account id: an organization holds units and accounts")
            } else if Share.isUnitID(name), Share.isAccountID(member) {
                continue
            } else {
                Self.checkUser(member, field: "MEMBER", into: &validator)
            }
        }
        try validator.check()
        var list = groups[name] ?? []
        for member in members where !list.contains(member) { list.append(member) }
        groups[name] = list
    }

    /// Removes members from a group; a group left empty is removed.
    package mutating func removeMembers(_ members: [String], from group: String) throws(ValidationError) {
        var validator = Validator()
        let name = Self.checkGroup(group, into: &validator)
        let list = groups[name] ?? []
        validator.require(
            groups[name] != nil, field: "GROUP", value: group,
            rule: "is not a group" + (groups.isEmpty ? " (there are none)" : " (groups: \(groups.keys.sorted().joined(separator: ", ")))"))
        if groups[name] != nil {
            for member in members {
                validator.require(list.contains(member), field: "MEMBER", value: member, rule: "is not a member of \(name)")
            }
        }
        try validator.check()
        let remaining = list.filter { !members.contains($0) }
        groups[name] = remaining.isEmpty ? nil : remaining
    }

    /// Every rule the file breaks, each named by its JSON path under `file`: administrators are
    /// users; group keys are group names, account, unit or organization ids; each member is of a
    /// kind its group may hold (`mayContain`) and a valid principal. The same rules as
    /// `addAdministrators` and `addMembers`, for a file written by hand and pushed.
    package func violations(file: String) -> [Violation] {
        var result: [Violation] = []
        func add(_ inner: Validator, field: String) {
            for violation in inner.violations { result.append(Violation(field: field, value: violation.value, rule: violation.rule)) }
        }
        for (index, principal) in administrators.enumerated() {
            var inner = Validator()
            Self.checkUser(principal, field: "", into: &inner)
            add(inner, field: "\(file): administrators[\(index)]")
        }
        for key in groups.keys.sorted() {
            var inner = Validator()
            let name = Self.checkGroup(key, into: &inner)
            add(inner, field: "\(file): groups")
            if name != key {
                result.append(Violation(field: "\(file): groups", value: key, rule: "a key is the group's name without \"group:\""))
            }
            for (index, member) in (groups[key] ?? []).enumerated() {
                var check = Validator()
                if Self.mayContain(key, member), Share.isGroupPrincipal(member) {
                    // A unit's account or an organization's unit or account: its id is the rule.
                } else if Self.mayContain(key, member) {
                    Self.checkUser(member, field: "", into: &check)
                } else {
                    check.add(Violation(field: "", value: member, rule: Self.memberRule(key)))
                }
                add(check, field: "\(file): groups.\(key)[\(index)]")
            }
        }
        return result
    }

    /// What the group `key` may hold, for a refusal.
    private static func memberRule(_ key: String) -> String {
        if Share.isOrganizationID(key) {
            return "must be an organizational unit id (ou-...) or a 12-digit account id: an organization holds units and accounts"
        }
        if Share.isUnitID(key) { return "must be a user or a 12-digit account id: an organizational unit holds accounts and users" }
        return "must be a user, not a group, account, unit or organization: a group or an account holds users"
    }

    /// A user principal: as for shares, but never a group.
    private static func checkUser(_ principal: String, field: String, into validator: inout Validator) {
        var inner = Validator()
        ShareFile.checkPrincipal(principal, into: &inner)
        for violation in inner.violations { validator.add(Violation(field: field, value: violation.value, rule: violation.rule)) }
        validator.require(
            !Share.isGroupPrincipal(principal), field: field, value: principal,
            rule: "must be a user, not a group, account, unit or organization")
    }

    /// The group's key in `groups`: the name without `group:`, 1 to 64 letters, digits, `.`,
    /// `_` or `-`, or a 12-digit account id.
    private static func checkGroup(_ group: String, into validator: inout Validator) -> String {
        let name = Share.groupName(group)
        validator.require(
            !(name.hasPrefix("ou-") && !Share.isUnitID(name)) && !(name.hasPrefix("o-") && !Share.isOrganizationID(name)),
            field: "GROUP", value: group,
            rule: "starts like an organizational unit or organization id but is none: ou-, 4 to 32 lowercase letters or digits, -, 8 to 32 more; o- and 10 to 32")
        validator.require(
            Share.isGroupName(name), field: "GROUP", value: group,
            rule:
                "must be 1 to 64 letters, digits, '.', '_' or '-' (optionally after \"group:\"), a 12-digit account id, an organizational unit id (ou-...) or an organization id (o-...)")
        return name
    }
}
