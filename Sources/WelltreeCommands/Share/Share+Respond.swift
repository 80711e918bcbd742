import ArgumentParser
import WelltreeReports
import WelltreeWorkspace

extension ShareCommand {
    /// `welltree share accept`.
    struct Accept: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            commandName: "accept",
            abstract: "Accept an invitation addressed to you (one commit on refs/welltree/shares).")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The invitation id (as `welltree share invitations` lists it).")
        var invitation: String
        @OptionGroup var format: FormatOptions

        func run(in workspace: Workspace, console: Console) throws {
            try respond(in: workspace, invitation: invitation, accept: true, format: format.format, console: console)
        }
    }

    /// `welltree share reject`.
    struct Reject: WorkspaceCommand {
        static let configuration = CommandConfiguration(commandName: "reject", abstract: "Reject an invitation addressed to you.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The invitation id.")
        var invitation: String
        @OptionGroup var format: FormatOptions

        func run(in workspace: Workspace, console: Console) throws {
            try respond(in: workspace, invitation: invitation, accept: false, format: format.format, console: console)
        }
    }
}

extension ShareCommand {
    /// `welltree share leave`: the console's "Reject share" on a workload or lens shared with you.
    struct Leave: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            commandName: "leave",
            abstract: "Leave a workload or lens share you accepted (it becomes REJECTED; one commit on refs/welltree/shares).",
            discussion: """
                Only the invitee leaves a share, and only one made with them by name: a share with a group \
                or account is left by leaving the group (`welltree share group remove`, by an administrator).
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The share id (as the owner's `welltree share list` or your accepted invitation named it).")
        var share: String
        @OptionGroup var format: FormatOptions

        func run(in workspace: Workspace, console: Console) throws {
            let left = try workspace.leaveShare(share)
            switch format.format {
            case .json: console.write(jsonText(UpdateShareInvitationOutput(subject: left.subject, share: left.share)))
            case .text:
                console.line("Left share \(share) of \(left.name ?? "\(left.subject)"); it is REJECTED and grants nothing")
                console.line("Push it: git push origin \(ShareStore.reference)")
            }
        }
    }
}

private func respond(in workspace: Workspace, invitation: String, accept: Bool, format: OutputFormat, console: Console) throws {
    let answered = try workspace.respond(toInvitation: invitation, accept: accept)
    switch format {
    case .json: console.write(jsonText(UpdateShareInvitationOutput(subject: answered.subject, share: answered.share)))
    case .text:
        console.line("\(accept ? "Accepted" : "Rejected") invitation \(invitation) to \(answered.name ?? "\(answered.subject)")")
        console.line("Push it: git push origin \(ShareStore.reference)")
    }
}
