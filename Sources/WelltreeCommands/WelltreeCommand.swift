import ArgumentParser

/// The `welltree` root command.
package struct WelltreeCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "welltree",
        abstract: "Well-Architected reviews kept as JSON files in a git repository.",
        discussion: """
            Workloads, lens answers and custom lenses live as files in an ordinary git repository. \
            Every change is one commit; risks and improvement plans are computed from the checked-out commit.
            """,
        version: BuildInfo.versionText,
        subcommands: [
            // Reviewing
            InitCommand.self, WorkloadCommand.self, LensCommand.self, ProfileCommand.self, TemplateCommand.self, AnswerCommand.self,
            ReviewCommand.self,
            // Reading the results
            StatusCommand.self, ImprovementsCommand.self, DashboardCommand.self, EvidenceCommand.self, ReportCommand.self,
            MilestoneCommand.self, NotificationsCommand.self,
            // Pull requests and CI
            DiffCommand.self, CheckCommand.self, ValidateCommand.self,
            // Sharing and the repository
            ShareCommand.self, AuditCommand.self, HooksCommand.self, ConfigCommand.self,
            // Moving reviews between tools
            ImportCommand.self, ExportCommand.self,
            // Run by git (the server hook, the merge driver, textconv) and by welltree itself
            HookCommand.self, MergeDriverCommand.self, TextconvCommand.self, OverviewWorkerCommand.self,
        ]
    )

    package init() {}
}

extension WelltreeCommand {
    /// Lets `-C DIR` stand before the subcommand, as with git (`welltree -C repo status W`):
    /// leading `-C DIR` pairs move behind the subcommand's own arguments, where every command's
    /// `GlobalOptions` reads them.
    package static func normalizedArguments(_ arguments: [String]) -> [String] {
        var rest = arguments[...]
        var moved: [String] = []
        while rest.count >= 2, rest.first == "-C" {
            moved += rest.prefix(2)
            rest = rest.dropFirst(2)
        }
        guard !moved.isEmpty else { return arguments }
        if let terminator = rest.firstIndex(of: "--") {
            return Array(rest[..<terminator]) + moved + Array(rest[terminator...])
        }
        return Array(rest) + moved
    }
}
