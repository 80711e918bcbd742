import WelltreeCore

/// Shares for people: `share list`, `lens share list`, `share invitations` and `share access`,
/// and the lines the access changes end with. Principals, group names and resource names come
/// from the shares ref, which anyone with push access to it may have written: every one is
/// escaped for the terminal (`TextTable`, `TerminalText.line`).
package enum ShareText {
    /// The shares of a workload (`permissions`: with their permission) or of a lens (without:
    /// a lens share only lets its principal apply the lens), or a line saying there are none.
    package static func shares(_ shares: [Share], now: Int64, permissions: Bool) -> String {
        if shares.isEmpty { return "No shares.\n" }
        var table = TextTable(
            permissions
                ? ["SHARE ID", "PRINCIPAL", "PERMISSION", "STATUS", "SHARED BY", "INVITED"]
                : ["SHARE ID", "PRINCIPAL", "STATUS", "SHARED BY", "INVITED"])
        for share in shares {
            var row = [share.shareId, share.principal]
            if permissions { row.append(share.permission.rawValue) }
            row += [share.status(at: now).rawValue, share.sharedBy, share.invitedAt]
            table.add(row)
        }
        return table.render()
    }

    /// `share invitations`: the pending invitations to the acting principal and its groups.
    package static func invitations(_ invitations: [ShareInvitationSummaryShape]) -> String {
        if invitations.isEmpty { return "No pending invitations.\n" }
        var table = TextTable(["INVITATION ID", "TYPE", "NAME", "PERMISSION", "OWNER", "EXPIRES"])
        for i in invitations {
            table.add([
                i.ShareInvitationId, i.ShareResourceType, i.WorkloadName ?? i.LensName ?? i.ProfileName ?? i.TemplateName ?? "",
                i.PermissionType, i.OwnerPrincipal ?? "", i.ExpiresAt,
            ])
        }
        return table.render()
    }

    /// `share access`: the administrators, then one row per group with its members.
    package static func access(_ policy: AccessPolicy) -> String {
        let administrators = policy.administrators.isEmpty ? "(none)" : policy.administrators.joined(separator: ", ")
        let text = "Administrators: " + TerminalText.line(administrators) + "\n"
        if policy.groups.isEmpty { return text + "No groups.\n" }
        var table = TextTable(["GROUP", "MEMBERS"])
        for name in policy.groups.keys.sorted() { table.add([name, policy.groups[name]!.joined(separator: ", ")]) }
        return text + "\n" + table.render()
    }

    /// What `share admin` and `share group` print: the new state (one line), then how to
    /// publish the commit on `reference`, or that nothing changed.
    package static func accessChange(_ changed: Bool, _ state: String, reference: String) -> String {
        let state = TerminalText.line(state)
        return changed ? state + "\nPush it: git push origin \(reference)\n" : "Nothing changed. " + state + "\n"
    }
}

/// `welltree share access --format json`. The service has no such resource (its accounts and
/// organizations are outside the tool), so the shape follows its naming style.
package struct AccessPolicyOutput: Encodable {
    package var Administrators: [String]
    package var Groups: [String: [String]]

    package init(_ policy: AccessPolicy) {
        Administrators = policy.administrators
        Groups = policy.groups
    }
}
