import ArgumentParser
import WelltreeCore
import WelltreeReports
import WelltreeWorkspace

extension LensCommand {
    /// `welltree lens diff ALIAS --base-version V [--target-version V]`.
    struct Diff: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "Show the new, updated and deleted pillars and questions between two published versions of a lens.",
            discussion: "Questions are matched by id across pillars, as answers are: a moved question is updated, not deleted and new.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The lens alias.")
        var alias: String
        @Option(help: "The version to compare from.")
        var baseVersion: String
        @Option(help: "The version to compare to (default: the current one).")
        var targetVersion: String?
        @OptionGroup var format: FormatOptions

        func run(in workspace: Workspace, console: Console) throws {
            let (record, target, difference) = try workspace.lensDifference(alias, base: baseVersion, target: targetVersion)
            switch format.format {
            case .json:
                console.write(jsonText(GetLensVersionDifferenceOutput(record: record, base: baseVersion, target: target, difference: difference)))
            case .text:
                console.line("\(record.name): \(baseVersion) -> \(target)")
                guard !difference.isEmpty else {
                    console.write("No differences.\n")
                    return
                }
                for pillar in difference.pillars {
                    console.write("\n")
                    console.line("\(pillar.status.rawValue.padding(7))  \(pillar.name) (\(pillar.id))")
                    for question in pillar.questions {
                        console.line("  \(question.status.rawValue.padding(7))  \(question.id)  \(question.title)")
                    }
                }
            }
        }
    }
}

extension String {
    /// Pads with spaces on the right to `width` characters.
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
