import ArgumentParser
import WelltreeCore
import WelltreeReports
import WelltreeWorkspace

extension ShareCommand {
    /// `welltree share access`: the administrators and groups.
    struct Access: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            commandName: "access",
            abstract: "Show the repository's administrators and groups (access.json on the shares ref).")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var format: FormatOptions

        func run(in workspace: Workspace, console: Console) throws {
            let policy = try workspace.accessPolicy()
            switch format.format {
            case .json: console.write(jsonText(AccessPolicyOutput(policy)))
            case .text: console.write(accessText(policy))
            }
        }
    }

    /// `welltree share admin add|remove PRINCIPAL...`.
    struct Admin: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "admin",
            abstract: "Add or remove administrators (one commit on the shares ref; administrators only).",
            subcommands: [Add.self, Remove.self])

        struct Add: WorkspaceCommand, TextOnlyCommand {
            static let configuration = CommandConfiguration(
                commandName: "add",
                abstract: "Make principals administrators. In a repository without any, names the first.")

            @OptionGroup var global: GlobalOptions
            @OptionGroup var format: TextFormatOptions
            static let jsonInstead = "welltree share access --format json"
            @Argument(help: "The principals (users, as git's user.email or $WELLTREE_PRINCIPAL names them).")
            var principals: [String]

            func run(in workspace: Workspace, console: Console) throws {
                let (policy, changed) = try workspace.changeAccess(
                    message: "Add administrators: \(principals.joined(separator: ", "))"
                ) { (policy) throws(WelltreeCore.ValidationError) in try policy.addAdministrators(principals) }
                console.write(accessChange(changed, "Administrators: \(policy.administrators.joined(separator: ", "))"))
            }
        }

        struct Remove: WorkspaceCommand, TextOnlyCommand {
            static let configuration = CommandConfiguration(
                commandName: "remove", abstract: "Remove administrators (at least one stays).")

            @OptionGroup var global: GlobalOptions
            @OptionGroup var format: TextFormatOptions
            static let jsonInstead = "welltree share access --format json"
            @Argument(help: "The administrators to remove.")
            var principals: [String]

            func run(in workspace: Workspace, console: Console) throws {
                let (policy, changed) = try workspace.changeAccess(
                    message: "Remove administrators: \(principals.joined(separator: ", "))"
                ) { (policy) throws(WelltreeCore.ValidationError) in try policy.removeAdministrators(principals) }
                console.write(accessChange(changed, "Administrators: \(policy.administrators.joined(separator: ", "))"))
            }
        }
    }

    /// `welltree share group add|remove GROUP MEMBER...`.
    struct Group: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "group",
            abstract:
                "Add or remove members of a group (group:NAME), an account, an organizational unit (ou-...) or an organization (o-...) (administrators only).",
            subcommands: [Add.self, Remove.self])

        struct Add: WorkspaceCommand, TextOnlyCommand {
            static let configuration = CommandConfiguration(
                commandName: "add", abstract: "Add members to a group, creating it (one commit on the shares ref).")

            @OptionGroup var global: GlobalOptions
            @OptionGroup var format: TextFormatOptions
            static let jsonInstead = "welltree share access --format json"
            @Argument(help: "The group: NAME, group:NAME, a 12-digit account id, a unit id (ou-...) or an organization id (o-...).")
            var group: String
            @Argument(help: "The members: users; for a unit also account ids; for an organization unit ids and account ids.")
            var members: [String]

            func run(in workspace: Workspace, console: Console) throws {
                let name = Share.groupName(group)
                let (policy, changed) = try workspace.changeAccess(
                    message: "Add to group \(name): \(members.joined(separator: ", "))"
                ) { (policy) throws(WelltreeCore.ValidationError) in try policy.addMembers(members, to: group) }
                console.write(accessChange(changed, "Group \(name): \((policy.groups[name] ?? []).joined(separator: ", "))"))
            }
        }

        struct Remove: WorkspaceCommand, TextOnlyCommand {
            static let configuration = CommandConfiguration(
                commandName: "remove", abstract: "Remove members from a group (an empty group is removed).")

            @OptionGroup var global: GlobalOptions
            @OptionGroup var format: TextFormatOptions
            static let jsonInstead = "welltree share access --format json"
            @Argument(help: "The group: NAME, group:NAME, a 12-digit account id, a unit id (ou-...) or an organization id (o-...).")
            var group: String
            @Argument(help: "The members to remove.")
            var members: [String]

            func run(in workspace: Workspace, console: Console) throws {
                let name = Share.groupName(group)
                let (policy, changed) = try workspace.changeAccess(
                    message: "Remove from group \(name): \(members.joined(separator: ", "))"
                ) { (policy) throws(WelltreeCore.ValidationError) in try policy.removeMembers(members, from: group) }
                let now = policy.groups[name].map { $0.joined(separator: ", ") } ?? "(removed: no members left)"
                console.write(accessChange(changed, "Group \(name): \(now)"))
            }
        }
    }
}

/// The access file for people: administrators, then one line per group.
private func accessText(_ policy: AccessPolicy) -> String {
    let administrators = policy.administrators.isEmpty ? "(none)" : policy.administrators.joined(separator: ", ")
    let text = "Administrators: " + TerminalText.line(administrators) + "\n"
    if policy.groups.isEmpty { return text + "No groups.\n" }
    var table = TextTable(["GROUP", "MEMBERS"])
    for name in policy.groups.keys.sorted() { table.add([name, policy.groups[name]!.joined(separator: ", ")]) }
    return text + "\n" + table.render()
}

/// What a change printed: the new state, and either that nothing changed or, as for shares,
/// how to publish the commit.
private func accessChange(_ changed: Bool, _ state: String) -> String {
    let state = TerminalText.line(state)
    return changed ? state + "\nPush it: git push origin \(ShareStore.reference)\n" : "Nothing changed. " + state + "\n"
}

/// `welltree share access --format json`. The service has no such resource (its accounts and
/// organizations are outside the tool), so the shape follows its naming style.
struct AccessPolicyOutput: Encodable {
    var Administrators: [String]
    var Groups: [String: [String]]

    init(_ policy: AccessPolicy) {
        Administrators = policy.administrators
        Groups = policy.groups
    }
}
