import ArgumentParser
import WelltreeReports
import WelltreeWorkspace

extension LensCommand {
    /// `welltree lens upgrade W ALIAS --milestone NAME`.
    struct Upgrade: WorkspaceCommand, TextOnlyCommand {
        static let configuration = CommandConfiguration(
            commandName: "upgrade",
            abstract: "Move a workload to the current version of a lens, after saving a milestone (owner only).",
            discussion: """
                First saves the milestone NAME (signed when signing is configured, as `milestone create`), then makes \
                one commit: answers to questions that remain are kept (selections of choices that no longer exist \
                are dropped; notes and not-applicable state carry over), new questions are unanswered, answers to \
                removed questions are deleted. An upgrade cannot be undone; the milestone keeps the old answers.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var format: TextFormatOptions
        static let jsonInstead = "welltree lens reviews WORKLOAD --format json"
        @Argument(help: "The workload: its name or its id.", completion: .custom(Completions.workloads))
        var workload: String
        @Argument(help: "The lens alias.")
        var alias: String
        @Option(help: "The name of the milestone saved before upgrading.")
        var milestone: String
        @Flag(inversion: .prefixedNo, help: "Sign the milestone tag (default: as tag.gpgSign says).")
        var sign: Bool?

        func run(in workspace: Workspace, console: Console) throws {
            let signing: SigningChoice = sign.map { $0 ? .sign : .noSign } ?? .configured
            let outcome = try workspace.upgradeLens(workload, alias: alias, milestoneName: milestone, signing: signing)
            console.write(
                LensText.upgraded(
                    milestone: outcome.milestone.milestone, tagName: outcome.milestone.tagName, alias: alias,
                    workloadName: outcome.workload.workload.name, from: outcome.fromVersion, to: outcome.toVersion, summary: outcome.summary))
        }
    }
}
