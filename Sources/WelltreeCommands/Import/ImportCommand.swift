import ArgumentParser
import WelltreeAWS
import WelltreeCore
import WelltreeReports
import WelltreeWorkspace

/// `welltree import`: reviews brought in from other tools.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import a workload's reviews from another tool.", subcommands: [AWS.self])
}

extension ImportCommand {
    /// `welltree import aws DIR`.
    struct AWS: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            commandName: "aws",
            abstract: "Import a workload from a dump of the AWS Well-Architected Tool (scripts/aws-export).",
            discussion: """
                DIR is what `scripts/aws-export WORKLOAD_ID DIR` writes (docs/aws-migration.md). The workload keeps its id; \
                its milestones become commits tagged as milestones, in order; its shares become pending invitations; its \
                custom lenses are published under aliases made from their names. One commit per milestone and one for the \
                present, all or nothing: input that is not in the API's shapes, or that Welltree's rules refuse, is named \
                with its file and JSON path and nothing is written. Each answer's risk is recomputed with Welltree's lens \
                rules and every question where the service's risk differs is listed.
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The dump directory.", completion: .directory)
        var directory: String
        @Flag(help: "Go on without answer choices the Welltree lens does not have (listed as losses).")
        var dropUnknownChoices = false
        @Flag(inversion: .prefixedNo, help: "Sign the milestone tags (default: as tag.gpgSign says).")
        var sign: Bool?
        @OptionGroup var format: FormatOptions

        func run(in workspace: Workspace, console: Console) throws {
            let dump = try Workspace.readAWSDump(directory)
            let signing: SigningChoice = sign.map { $0 ? .sign : .noSign } ?? .configured
            let outcome: AWSImportOutcome
            do {
                outcome = try workspace.importAWS(dump, dropUnknownChoices: dropUnknownChoices, signing: signing)
            } catch let error as AWSError {
                throw CommandError.refused(error.description + "\nnothing was imported")
            }
            let imported = outcome.imported
            let milestones = imported.milestones.map(\.milestone)
            console.write(
                format.format,
                json: ImportAWSOutput(outcome.plan, workload: imported.stored.workload, milestones: milestones, invitations: imported.invitations)
            ) { AWSImportText.render(outcome.plan, workload: imported.stored.workload, milestones: milestones, invitations: imported.invitations) }
        }
    }
}
