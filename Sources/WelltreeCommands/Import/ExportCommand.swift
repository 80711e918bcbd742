import ArgumentParser
import WelltreeAWS
import WelltreeCore
import WelltreeReports
import WelltreeWorkspace

/// `welltree export`: reviews handed to other tools.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export a workload's reviews to another tool.", subcommands: [AWS.self])
}

extension ExportCommand {
    /// `welltree export aws W DIR [--milestone M]`.
    struct AWS: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            commandName: "aws",
            abstract: "Write the requests that recreate a workload in the AWS Well-Architected Tool, and apply.sh to send them.",
            discussion: """
                DIR (new, or empty) receives requests/NNN-OPERATION.json, one request per file in the API's input shape \
                (CreateWorkload, ImportLens and CreateLensVersion for custom lenses, AssociateLenses, UpdateAnswer per \
                answered question, UpdateLensReview for lens and pillar notes, CreateMilestone between the milestones' \
                states, CreateWorkloadShare for shares with AWS accounts), and apply.sh, which sends them in order with \
                `aws wellarchitected ... --cli-input-json` and threads the ids the service assigns (docs/aws-migration.md). \
                With --milestone M, the workload is exported as milestone M recorded it, without milestones or shares.
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The workload (name or id).")
        var workload: String
        @Argument(help: "The directory to write (must not exist, or be empty).", completion: .directory)
        var directory: String
        @Option(help: ArgumentHelp("Export the workload as this milestone recorded it (its number or name).", valueName: "milestone"))
        var milestone: String?
        @OptionGroup var format: FormatOptions

        /// The export's requests, or the refusal with every problem.
        static func plan(_ source: AWSExportSource) throws(CommandError) -> AWSExportPlan {
            do {
                return try AWSExport.plan(source)
            } catch {
                throw .refused(error.description + "\nnothing was written")
            }
        }

        func run(in workspace: Workspace, console: Console) throws {
            let source = try workspace.awsExportSource(workload, milestone: milestone)
            let plan = try Self.plan(source)
            try Workspace.writeAWSExport(plan.files, to: directory)
            let name = source.states.last?.workload.name ?? source.workloadId
            console.write(format.format, json: ExportAWSOutput(plan, directory: directory)) {
                AWSExportText.render(plan, workloadName: name, directory: directory)
            }
        }
    }
}
