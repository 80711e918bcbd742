import ArgumentParser
import WelltreeCore
import WelltreeReports
import WelltreeWorkspace

extension ShareCommand {
    /// `welltree share export`.
    struct Export: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Print the shares as CODEOWNERS or a gitolite conf fragment, for hosts without the server hook.")

        /// The export formats.
        enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
            case codeowners
            case gitolite
            /// Refused: the export is a file for a git host; the shares as JSON are `share list`'s.
            case json
        }

        @OptionGroup var global: GlobalOptions
        @Option(help: "codeowners (GitHub, with branch protection requiring code-owner review) or gitolite; json is refused (see share list).")
        var format: ExportFormat
        @Option(help: "The repository name in the gitolite fragment.")
        var repo = "reviews"

        func run(in workspace: Workspace, console: Console) throws {
            if format == .json { throw CommandError.noJSON(command: "share export", instead: "welltree share list WORKLOAD --format json") }
            let export = ShareExport(try workspace.shareExportFacts())
            switch format {
            case .codeowners: console.write(export.codeowners())
            case .gitolite: console.write(export.gitolite(repo: repo))
            case .json: break
            }
        }
    }
}
