import ArgumentParser
import WelltreeCore
import WelltreeReports
import WelltreeWorkspace

extension MilestoneCommand {
    /// `welltree milestone list W`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List a workload's milestones with their risks and signature status.",
            discussion: "Works for a deleted workload too (by its id or former name): its milestone tags stay.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The workload: its name or its id.", completion: .custom(Completions.workloads))
        var workload: String
        @OptionGroup var format: FormatOptions

        func run() throws {
            try perform {
                let workspace = try global.workspace()
                let owner = try workspace.milestoneOwner(workload)
                var summaries: [MilestoneSummaryShape] = []
                for stored in try workspace.milestones(ofWorkloadId: owner.id) {
                    let (_, then) = try workspace.snapshot(of: stored)
                    summaries.append(MilestoneSummaryShape(stored.milestone, workload: then.workload, tagName: stored.tagName,
                                                           signature: try workspace.verifyMilestone(stored)))
                }
                switch format.format {
                case .json: output(jsonText(ListMilestonesOutput(workloadId: owner.id, summaries: summaries)))
                case .text:
                    guard !summaries.isEmpty else {
                        outputLine("\(owner.name) has no milestones; save one with `welltree milestone create \"\(owner.name)\" NAME`")
                        return
                    }
                    var table = TextTable(["#", "NAME", "ANSWERED", "HRIS", "MRIS", "SAVED", "SIGNATURE", "TAG"],
                                          alignments: [.right, .left, .right, .right, .right, .left, .left, .left])
                    for s in summaries {
                        let c = s.WorkloadSummary.RiskCounts ?? RiskCounts()
                        table.add(["\(s.MilestoneNumber)", s.MilestoneName, "\(c.answered)/\(c.total)", "\(c[.high])", "\(c[.medium])",
                                   s.RecordedAt, signatureLabel(s.Signature), s.TagName])
                    }
                    output(table.render())
                }
            }
        }
    }

    /// `welltree milestone show W M`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show a milestone: the workload's data and risks as they were, read from the tagged commit.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: MilestoneTarget
        @OptionGroup var format: FormatOptions

        func run() throws {
            try perform {
                let workspace = try global.workspace()
                let stored = try workspace.findMilestone(target.workload, target.milestone)
                let (then, thenWorkload) = try workspace.snapshot(of: stored)
                let summary = try then.summary(of: thenWorkload)
                let signature = try workspace.verifyMilestone(stored)
                switch format.format {
                case .json:
                    var shape = WorkloadShape(thenWorkload.workload, riskCounts: summary.riskCounts,
                                              pillarPriorities: try then.settings().pillarPriority)
                    shape.workload.updatedAt = summary.updatedAt
                    let milestoneShape = MilestoneShape(stored.milestone, workload: shape, tagName: stored.tagName, signature: signature)
                    output(jsonText(GetMilestoneOutput(workloadId: stored.milestone.workloadId, milestone: milestoneShape)))
                case .text:
                    output(keyValueLines([
                        ("Milestone", "\(stored.milestone.number) \"\(stored.milestone.name)\""),
                        ("Recorded", stored.milestone.recordedAt),
                        ("Tag", stored.tagName),
                        ("Commit", stored.commit.hex),
                        ("Signature", signature.label + (signature.isGood ? "" : ": \(signature.reason)")),
                    ]))
                    output("\n" + WorkloadText.render(thenWorkload.workload, summary: (summary.riskCounts, summary.updatedAt)))
                    for review in try then.reviews(of: thenWorkload) {
                        output("\n" + ReviewText.status(workload: thenWorkload.workload.name, lensName: review.lens.record.name,
                                                        version: review.lens.version, review: review.review))
                    }
                }
            }
        }
    }
}

/// `good (alice@example.com)`, `unsigned`, `BAD` for tables.
func signatureLabel(_ shape: SignatureShape) -> String {
    guard let status = SignatureCheck.Status(rawValue: shape.Status) else { return shape.Status }
    return SignatureCheck(status: status, format: shape.Format, signer: shape.Signer, key: shape.Key, reason: shape.Reason).label
}
