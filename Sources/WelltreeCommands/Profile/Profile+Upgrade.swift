import ArgumentParser
import WelltreeWorkspace

extension ProfileCommand {
    /// `welltree profile upgrade W [--milestone NAME]`: UpgradeProfileVersion.
    struct Upgrade: WorkspaceCommand, TextOnlyCommand {
        static let configuration = CommandConfiguration(
            commandName: "upgrade",
            abstract: "Move a workload to the latest version of its profile (the workload's owner; one commit).",
            discussion: """
                With --milestone, first saves that milestone (signed when signing is configured, as `milestone create`), \
                so the review as it was prioritized stays readable.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var format: TextFormatOptions
        static let jsonInstead = "welltree workload show WORKLOAD --format json"
        @Argument(help: "The workload: its name or its id.", completion: .custom(Completions.workloads))
        var workload: String
        @Option(help: "The name of a milestone to save before upgrading.")
        var milestone: String?
        @Flag(inversion: .prefixedNo, help: "Sign the milestone tag (default: as tag.gpgSign says).")
        var sign: Bool?

        func run(in workspace: Workspace, console: Console) throws {
            let signing: SigningChoice = sign.map { $0 ? .sign : .noSign } ?? .configured
            let outcome = try workspace.upgradeProfile(workload: workload, milestoneName: milestone, signing: signing)
            if let saved = outcome.milestone {
                console.line("Saved milestone \(saved.milestone.number) \"\(saved.milestone.name)\" as tag \(saved.tagName)")
            }
            console.line(
                "Upgraded profile \(outcome.profile.profile.name) of \(outcome.workload.workload.name) from version \(outcome.fromVersion) to \(outcome.toVersion)")
        }
    }
}
