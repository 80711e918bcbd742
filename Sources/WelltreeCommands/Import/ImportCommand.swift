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
            switch format.format {
            case .json: console.write(jsonText(ImportAWSOutput(outcome)))
            case .text: console.write(AWSImportText.render(outcome))
            }
        }
    }
}

/// `--format json` of `import aws`: what was written, what was not kept, and the risk comparison
/// (Welltree's own shape, PascalCase as the API's).
struct ImportAWSOutput: Encodable {
    var WorkloadId: String
    var WorkloadName: String
    var MilestoneNumbers: [Int]
    var LensAliases: [String: String]
    var ShareIds: [String]
    var Losses: [String]
    var AnswersCompared: Int
    var RiskDifferences: [AWSRiskComparisonOutput.Difference]

    init(_ outcome: AWSImportOutcome) {
        let workload = outcome.imported.stored.workload
        WorkloadId = workload.id
        WorkloadName = workload.name
        MilestoneNumbers = outcome.imported.milestones.map(\.milestone.number)
        LensAliases = Dictionary(uniqueKeysWithValues: outcome.plan.customLenses.map { ($0.arn, $0.alias) })
        ShareIds = outcome.imported.invitations.map(\.shareId)
        Losses = outcome.plan.losses.map(\.description)
        let comparison = outcome.plan.comparison.output
        AnswersCompared = comparison.AnswersCompared
        RiskDifferences = comparison.RiskDifferences
    }
}

/// The text of `import aws`: what was written, what was not kept, the risk comparison.
enum AWSImportText {
    static func render(_ outcome: AWSImportOutcome) -> String {
        let workload = outcome.imported.stored.workload
        var text = "Imported workload \(TerminalText.line(workload.name)) (\(workload.id)) from the AWS Well-Architected Tool:\n"
        let milestones = outcome.imported.milestones
        text += "  milestones   \(milestones.isEmpty ? "none" : milestones.map { "\($0.milestone.number) \"\(TerminalText.line($0.milestone.name))\"" }.joined(separator: ", "))\n"
        for lens in outcome.plan.customLenses {
            text += "  lens         \(lens.alias) (\(TerminalText.line(lens.name)); versions \(TerminalText.line(lens.versions.map(\.version).joined(separator: ", "))))\n"
        }
        let invitations = outcome.imported.invitations
        text += "  invitations  \(invitations.isEmpty ? "none" : invitations.map { "\(TerminalText.line($0.principal)) (\($0.permission.rawValue))" }.joined(separator: ", ")) (pending: each principal accepts again)\n"
        if !outcome.plan.losses.isEmpty {
            text += "\nNot imported (\(outcome.plan.losses.count)):\n"
            for loss in outcome.plan.losses { text += "  \(loss.description)\n" }
        }
        return text + "\n" + outcome.plan.comparison.text
    }
}
