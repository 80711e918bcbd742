import ArgumentParser
import WelltreeCore
import WelltreeReports
import WelltreeWorkspace

extension LensCommand {
    /// `welltree lens diff ALIAS --base-version V [--target-version V]`.
    struct Diff: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "Show the new, updated and deleted pillars and questions between two versions of a lens.",
            discussion: """
                Questions are matched by id across pillars, as answers are: a moved question is updated, not deleted and new. \
                --target-version draft reviews the changes before publishing: the draft against the current version (or \
                --base-version), or against nothing when no version is published yet.
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The lens alias.")
        var alias: String
        @Option(help: "The version to compare from (default with --target-version draft: the current one).")
        var baseVersion: String?
        @Option(help: "The version to compare to (default: the current one); draft: the draft, before publishing it.")
        var targetVersion: String?
        @OptionGroup var format: FormatOptions

        func validate() throws {
            if baseVersion == nil && targetVersion != "draft" {
                throw ValidationError("--base-version is required unless --target-version is draft")
            }
        }

        func run(in workspace: Workspace, console: Console) throws {
            let record: LensRecord
            let base: String?
            let target: String
            let difference: LensDifference
            if targetVersion == "draft" {
                (record, base, difference) = try workspace.draftDifference(alias, base: baseVersion)
                target = "draft"
            } else {
                (record, target, difference) = try workspace.lensDifference(alias, base: baseVersion ?? "", target: targetVersion)
                base = baseVersion
            }
            console.write(format.format, json: GetLensVersionDifferenceOutput(record: record, base: base, target: target, difference: difference)) {
                LensText.difference(difference, lensName: record.name, base: base, target: target)
            }
        }
    }
}
