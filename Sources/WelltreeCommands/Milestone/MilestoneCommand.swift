import ArgumentParser
import WelltreeCore
import WelltreeReports
import WelltreeWorkspace

/// `welltree milestone ...`.
struct MilestoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "milestone",
        abstract: "Save, list, show and verify milestones: a workload's state recorded as an annotated, optionally signed git tag.",
        subcommands: [Create.self, List.self, Show.self, Verify.self]
    )
}

/// The milestone a command is about: its workload (name or id) and the milestone (number or
/// name).
struct MilestoneTarget: ParsableArguments {
    @Argument(help: "The workload: its name or its id.", completion: .custom(Completions.workloads))
    var workload: String
    @Argument(help: "The milestone: its number or its name.")
    var milestone: String
}

extension MilestoneCommand {
    /// `welltree milestone create W NAME [--sign|--no-sign]`.
    struct Create: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "Save a milestone of a workload at the current commit (owner only).",
            discussion: """
                The milestone is an annotated tag on the current commit, never moved or deleted by Welltree. \
                It is signed as `git tag -s` would sign it (gpg.format, user.signingkey) with --sign, or when \
                tag.gpgSign is true unless --no-sign is given. A signing failure leaves no tag behind.
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The workload: its name or its id.", completion: .custom(Completions.workloads))
        var workload: String
        @Argument(help: "The milestone name: 3-100 characters, unique per workload ignoring spaces and case.")
        var name: String
        @Flag(inversion: .prefixedNo, help: "Sign the tag (default: as tag.gpgSign says).")
        var sign: Bool?
        @OptionGroup var format: FormatOptions

        func run(in workspace: Workspace, console: Console) throws {
            let signing: SigningChoice = sign.map { $0 ? .sign : .noSign } ?? .configured
            let saved = try workspace.createMilestone(workload, name: name, signing: signing)
            switch format.format {
            case .json:
                console.write(jsonText(CreateMilestoneOutput(WorkloadId: saved.milestone.workloadId, MilestoneNumber: saved.milestone.number,
                                                      TagName: saved.tagName)))
            case .text:
                let signed = saved.tag.signature == nil ? "unsigned" : "signed"
                console.line("Saved milestone \(saved.milestone.number) \"\(saved.milestone.name)\" of \(saved.milestone.workloadName) as tag \(saved.tagName) (\(signed))")
            }
        }
    }
}

/// CreateMilestone, plus the tag name.
struct CreateMilestoneOutput: Encodable {
    var WorkloadId: String
    var MilestoneNumber: Int
    var TagName: String
}
