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
        version: "0.1.0",
        subcommands: [
            InitCommand.self, WorkloadCommand.self, LensCommand.self, AnswerCommand.self, StatusCommand.self,
            ImprovementsCommand.self, DashboardCommand.self, ConfigCommand.self,
        ]
    )

    package init() {}
}
