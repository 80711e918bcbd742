import ArgumentParser
import WelltreeCore
import WelltreeReports
import WelltreeWorkspace

extension MilestoneCommand {
    /// `welltree milestone verify W M`.
    struct Verify: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Check a milestone tag's signature as `git tag -v` would.",
            discussion: """
                SSH signatures are checked against gpg.ssh.allowedSignersFile, OpenPGP ones against gpg's keyring. \
                Exit status 0 for a good signature; 1 for a bad, missing or untrusted one, with the reason on stderr; \
                2 when the milestone does not exist, or when its tag is not attributed to the workload's owner (a good \
                signature by someone else, a tagger other than the owner, a commit off the branch's history, a \
                workload.json naming another owner), with the reasons.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: MilestoneTarget
        @OptionGroup var format: FormatOptions

        func run(in workspace: Workspace, console: Console) throws {
            let checked = try workspace.findCheckedMilestone(target.workload, target.milestone)
            let stored = checked.stored
            let check = checked.signature
            switch format.format {
            case .json:
                console.write(jsonText(VerifyMilestoneOutput(
                    WorkloadId: stored.milestone.workloadId, MilestoneNumber: stored.milestone.number,
                    MilestoneName: stored.milestone.name, TagName: stored.tagName, Signature: SignatureShape(check))))
            case .text:
                if check.isGood {
                    let details = [check.format, check.key].compactMap { $0 }.joined(separator: ", ")
                    console.line("Good signature on milestone \(stored.milestone.number) \"\(stored.milestone.name)\" by \(check.signer ?? "unknown") (\(details))")
                }
            }
            if !check.isGood {
                console.diagnostic("error: milestone \(stored.milestone.number) \"\(stored.milestone.name)\" (tag \(stored.tagName)): \(check.label): \(check.reason)")
                throw ExitCode(1)
            }
        }
    }
}

/// The verification report in JSON.
struct VerifyMilestoneOutput: Encodable {
    var WorkloadId: String
    var MilestoneNumber: Int
    var MilestoneName: String
    var TagName: String
    var Signature: SignatureShape
}
