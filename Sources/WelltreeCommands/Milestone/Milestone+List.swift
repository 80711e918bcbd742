import ArgumentParser
import WelltreeCore
import WelltreeReports
import WelltreeWorkspace

extension MilestoneCommand {
    /// `welltree milestone list W`.
    struct List: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List a workload's milestones with their risks and signature status.",
            discussion: """
                Works for a deleted workload too (by its id or former name): its milestone tags stay. \
                Risks are computed from each tagged commit, never taken from the tag's message. A tag that \
                the repository does not show the workload's owner made (its commit is not on the branch's \
                history, its workload.json names another owner or directory, or it was tagged or signed by \
                someone else) is not listed; a warning names it and why.
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The workload: its name or its id.", completion: .custom(Completions.workloads))
        var workload: String
        @OptionGroup var format: FormatOptions

        func run(in workspace: Workspace, console: Console) throws {
            let owner = try workspace.milestoneOwner(workload)
            let current = try? workspace.findWorkload(owner.id)
            let checked = try workspace.checkedMilestones(ofWorkloadId: owner.id, owner: current?.workload.owner)
            var summaries: [MilestoneSummaryShape] = []
            var unattributed: [UnattributedTagShape] = []
            for milestone in checked {
                guard milestone.isAttributed, let then = milestone.workload else {
                    unattributed.append(UnattributedTagShape(tagName: milestone.stored.tagName, reasons: milestone.problems))
                    continue
                }
                summaries.append(MilestoneSummaryShape(
                    milestone.stored.milestone, workload: then.workload, riskCounts: milestone.riskCounts,
                    tagName: milestone.stored.tagName, signature: milestone.signature, discrepancies: milestone.discrepancies))
            }
            defer { warn(about: summaries, unattributed, of: owner.name, console) }
            switch format.format {
            case .json: console.write(jsonText(ListMilestonesOutput(workloadId: owner.id, summaries: summaries, unattributed: unattributed)))
            case .text:
                guard !summaries.isEmpty else {
                    console.line("\(owner.name) has no milestones; save one with `welltree milestone create \"\(owner.name)\" NAME`")
                    return
                }
                var table = TextTable(["#", "NAME", "ANSWERED", "HRIS", "MRIS", "SAVED", "SIGNATURE", "TAG"],
                                      alignments: [.right, .left, .right, .right, .right, .left, .left, .left])
                for s in summaries {
                    let c = s.WorkloadSummary.RiskCounts ?? RiskCounts()
                    table.add(["\(s.MilestoneNumber)", s.MilestoneName, "\(c.answered)/\(c.total)", "\(c[.high])", "\(c[.medium])",
                               s.RecordedAt, signatureLabel(s.Signature), s.TagName])
                }
                console.write(table.render())
            }
        }
    }

    /// `welltree milestone show W M`.
    struct Show: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show a milestone: the workload's data and risks as they were, read from the tagged commit.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: MilestoneTarget
        @OptionGroup var format: FormatOptions

        func run(in workspace: Workspace, console: Console) throws {
            let checked = try workspace.findCheckedMilestone(target.workload, target.milestone)
            let stored = checked.stored
            let (then, thenWorkload) = try workspace.snapshot(of: stored)
            let summary = try then.summary(of: thenWorkload)
            let signature = checked.signature
            for discrepancy in checked.discrepancies {
                console.diagnostic("warning: milestone \(stored.milestone.number) \"\(stored.milestone.name)\": \(discrepancy)")
            }
            switch format.format {
            case .json:
                var shape = WorkloadShape(thenWorkload.workload, riskCounts: summary.riskCounts,
                                          pillarPriorities: try then.settings().pillarPriority)
                shape.workload.updatedAt = summary.updatedAt
                let milestoneShape = MilestoneShape(stored.milestone, workload: shape, tagName: stored.tagName, signature: signature)
                console.write(jsonText(GetMilestoneOutput(workloadId: stored.milestone.workloadId, milestone: milestoneShape)))
            case .text:
                console.write(keyValueLines([
                    ("Milestone", TerminalText.line("\(stored.milestone.number) \"\(stored.milestone.name)\"")),
                    ("Recorded", TerminalText.line(stored.milestone.recordedAt)),
                    ("Tag", TerminalText.line(stored.tagName)),
                    ("Tagger", TerminalText.line(stored.tag.tagger.map(Workspace.taggerIdentity) ?? "(none)")),
                    ("Commit", stored.commit.hex),
                    ("Signature", signature.label + (signature.isGood ? "" : ": \(signature.reason)")),
                ]))
                console.write("\n" + WorkloadText.render(thenWorkload.workload, summary: (summary.riskCounts, summary.updatedAt)))
                for review in try then.reviews(of: thenWorkload) {
                    console.write("\n" + ReviewText.status(workload: thenWorkload.workload.name, lensName: review.lens.record.name,
                                                    version: review.lens.version, review: review.review))
                }
            }
        }
    }
}

/// Warns on standard error of what `milestone list` left out or corrected.
private func warn(about summaries: [MilestoneSummaryShape], _ unattributed: [UnattributedTagShape], of name: String, _ console: Console) {
    for summary in summaries {
        for discrepancy in summary.Discrepancies ?? [] {
            console.diagnostic("warning: milestone \(summary.MilestoneNumber) \"\(summary.MilestoneName)\": \(discrepancy)")
        }
    }
    for tag in unattributed {
        console.diagnostic("warning: tag \(tag.TagName) is not listed as a milestone of \(name): \(tag.Reasons.joined(separator: "; "))")
    }
}

/// `good (alice@example.com)`, `unsigned`, `BAD` for tables.
func signatureLabel(_ shape: SignatureShape) -> String {
    guard let status = SignatureCheck.Status(rawValue: shape.Status) else { return shape.Status }
    return SignatureCheck(status: status, format: shape.Format, signer: shape.Signer, key: shape.Key, reason: shape.Reason).label
}
