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
            let store = try workspace.shareStore()
            var workloads: [ExportedWorkload] = []
            for stored in try workspace.allWorkloads() {
                let shares = try store.file(.workload(id: stored.workload.id)).shares
                workloads.append(ExportedWorkload(
                    path: Layout.workloadDirectory(stored.directory),
                    answersPath: Layout.workloadDirectory(stored.directory) + "/" + Layout.answersDirectoryName,
                    milestoneTags: Milestone.reference(
                        ofTag: Milestone.tagDirectory(workloadDirectory: stored.directory, workloadId: stored.workload.id)),
                    shareFile: ShareStore.path(of: .workload(id: stored.workload.id)), workload: stored.workload, shares: shares))
            }
            let lenses = try workspace.allLensRecords().filter { $0.type != .awsOfficial }.map {
                ExportedLens(
                    alias: $0.alias, owner: $0.owner, path: Layout.lensDirectory($0.alias), shareFile: ShareStore.path(of: .lens(alias: $0.alias)))
            }
            var documents = try workspace.allProfiles().map {
                ExportedDocument(
                    kind: "Profile", id: $0.profile.id, name: $0.profile.name, owner: $0.profile.owner,
                    path: Layout.profileDirectory($0.directory), shareFile: ShareStore.path(of: .profile(id: $0.profile.id)),
                    immutableFiles: $0.profile.versions.map { [directory = $0.directory] version in Layout.profileVersion(directory, version.version) })
            }
            documents += try workspace.allTemplates().map {
                ExportedDocument(
                    kind: "Review template", id: $0.template.id, name: $0.template.name, owner: $0.template.owner,
                    path: Layout.templateDirectory($0.directory), shareFile: ShareStore.path(of: .template(id: $0.template.id)))
            }
            let layout = ExportLayout(
                workloads: Layout.workloads, lenses: Layout.lenses, profiles: Layout.profiles, templates: Layout.templates,
                milestoneTags: Milestone.referencePrefix, sharesReference: ShareStore.reference,
                shareDirectories: [
                    ShareStore.workloadsDirectory, ShareStore.lensesDirectory, ShareStore.profilesDirectory, ShareStore.templatesDirectory,
                ])
            let source = "\(ShareStore.reference) at \(store.commit?.hex ?? "(none)") and \(workspace.base?.hex ?? "(no commit)")"
            let export = ShareExport(
                workloads: workloads, lenses: lenses, documents: documents, layout: layout, policy: try store.access(), now: workspace.nowSeconds,
                source: source)
            switch format {
            case .codeowners: console.write(export.codeowners())
            case .gitolite: console.write(export.gitolite(repo: repo))
            case .json: break
            }
        }
    }
}
