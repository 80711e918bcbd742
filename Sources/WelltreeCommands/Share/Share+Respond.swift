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

private func respond(in workspace: Workspace, invitation: String, accept: Bool, format: OutputFormat, console: Console) throws {
    let answered = try workspace.respond(toInvitation: invitation, accept: accept)
    switch format {
    case .json: console.write(jsonText(UpdateShareInvitationOutput(subject: answered.subject, share: answered.share)))
    case .text:
        console.line("\(accept ? "Accepted" : "Rejected") invitation \(invitation) to \(answered.name ?? "\(answered.subject)")")
        console.line("Push it: git push origin \(ShareStore.reference)")
    }
}
