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
            console.write(format.format, json: AccessPolicyOutput(policy)) { ShareText.access(policy) }
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
                console.write(ShareText.accessChange(changed, "Administrators: \(policy.administrators.joined(separator: ", "))", reference: ShareStore.reference))
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
                console.write(ShareText.accessChange(changed, "Administrators: \(policy.administrators.joined(separator: ", "))", reference: ShareStore.reference))
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
                console.write(ShareText.accessChange(changed, "Group \(name): \((policy.groups[name] ?? []).joined(separator: ", "))", reference: ShareStore.reference))
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
                console.write(ShareText.accessChange(changed, "Group \(name): \(now)", reference: ShareStore.reference))
            }
        }
    }
}
