import ArgumentParser
import WelltreeReports
import WelltreeWorkspace

extension ShareCommand {
    /// `welltree share accept`.
    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "accept",
            abstract: "Accept an invitation addressed to you (one commit on refs/welltree/shares).")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The invitation id (as `welltree share invitations` lists it).")
        var invitation: String
        @OptionGroup var format: FormatOptions

        func run() throws {
            try respond(global: global, invitation: invitation, accept: true, format: format.format)
        }
    }

    /// `welltree share reject`.
    struct Reject: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reject", abstract: "Reject an invitation addressed to you.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The invitation id.")
        var invitation: String
        @OptionGroup var format: FormatOptions

        func run() throws {
            try respond(global: global, invitation: invitation, accept: false, format: format.format)
        }
    }
}

private func respond(global: GlobalOptions, invitation: String, accept: Bool, format: OutputFormat) throws {
    try perform {
        let workspace = try global.workspace()
        let answered = try workspace.respond(toInvitation: invitation, accept: accept)
        switch format {
        case .json: output(jsonText(UpdateShareInvitationOutput(subject: answered.subject, share: answered.share)))
        case .text:
            outputLine("\(accept ? "Accepted" : "Rejected") invitation \(invitation) to \(answered.name ?? "\(answered.subject)")")
            outputLine("Push it: git push origin \(ShareStore.reference)")
        }
    }
}
