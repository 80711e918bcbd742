import ArgumentParser
import Foundation
import WelltreeReports
import WelltreeWorkspace

extension LensCommand {
    /// `welltree lens import FILE [--alias ALIAS]`.
    struct Import: WorkspaceCommand, TextOnlyCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import a custom lens file as a draft.",
            discussion: """
                A file whose lens name matches an existing lens (ignoring case, spaces and punctuation), \
                or one given --alias, becomes the new draft of that lens and keeps its alias. Drafts cannot \
                be applied until published.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var format: TextFormatOptions
        static let jsonInstead = "welltree lens show ALIAS --format json"
        @Argument(help: "The lens JSON file.", completion: .file(extensions: ["json"]))
        var file: String
        @Option(help: "The alias of the lens this file is a new draft of, or the alias for a new lens.")
        var alias: String?

        func run(in workspace: Workspace, console: Console) throws {
            guard let data = FileManager.default.contents(atPath: global.file(file, console)) else {
                throw CommandError.io(path: file, message: "cannot read the file")
            }
            let outcome = try workspace.importLens(Array(data), file: file, alias: alias)
            for warning in outcome.warnings { console.diagnostic("warning: \(warning)") }
            let what = outcome.isNew ? "new lens" : "new draft of lens"
            console.line("Imported \(outcome.record.name) as a \(what) \(outcome.record.alias)")
            let next = outcome.record.versions.isEmpty ? "1.0" : "<new version>"
            console.line("Publish it with: welltree lens publish \(outcome.record.alias) --version \(next)")
        }
    }

    /// `welltree lens publish ALIAS --version V [--major|--minor]`.
    struct Publish: WorkspaceCommand, TextOnlyCommand {
        static let configuration = CommandConfiguration(
            commandName: "publish",
            abstract: "Publish a lens draft as a version.",
            discussion: "A minor version applies to workloads automatically; a major version is offered as an upgrade.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var format: TextFormatOptions
        static let jsonInstead = "welltree lens show ALIAS --format json"
        @Argument(help: "The lens alias.", completion: .custom(Completions.lenses))
        var alias: String
        @Option(help: "The version name: up to 32 letters, digits and periods, unique per lens.")
        var version: String
        @Flag(help: "Whether this is a major version (offered as an upgrade) or a minor one (applied automatically).")
        var kind: VersionKind = .minor

        enum VersionKind: String, EnumerableFlag {
            case major, minor
        }

        func run(in workspace: Workspace, console: Console) throws {
            let record = try workspace.publishLens(alias, version: version, isMajor: kind == .major)
            let isMajor = record.versions.last?.isMajor == true
            console.line("Published \(record.name) version \(version) (\(isMajor ? "major" : "minor"))")
        }
    }

    /// `welltree lens export ALIAS [--version V]`.
    struct Export: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Print a lens version as a lens file (importable again); --format json wraps it as ExportLens does.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The lens alias.", completion: .custom(Completions.lenses))
        var alias: String
        @Option(help: "The version (default: the current one; the draft when nothing is published).")
        var version: String?
        @OptionGroup var format: FormatOptions

        func run(in workspace: Workspace, console: Console) throws {
            let file = String(decoding: try workspace.exportLens(alias, version: version), as: UTF8.self)
            switch format.format {
            case .text: console.write(file)
            case .json: console.write(jsonText(ExportLensOutput(lensJSON: file)))
            }
        }
    }

    /// `welltree lens delete ALIAS`.
    struct Delete: WorkspaceCommand, TextOnlyCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete",
            abstract: "Delete a custom lens: workloads using it keep it, nobody can apply it any more.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var format: TextFormatOptions
        static let jsonInstead = "welltree lens list --format json"
        @Argument(help: "The lens alias.", completion: .custom(Completions.lenses))
        var alias: String

        func run(in workspace: Workspace, console: Console) throws {
            let record = try workspace.deleteLens(alias)
            console.line("Deleted lens \(record.name) (\(record.alias))")
        }
    }
}
