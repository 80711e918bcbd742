import WelltreeCore

/// The text views of milestones, as `milestone list` and `milestone show` print them, and the
/// warnings they print on standard error. Everything quoted from the repository (names, tag
/// names, taggers) is escaped for the terminal (`TerminalText`, `TextTable`, `keyValueLines`).
package enum MilestoneText {
    /// `milestone list`'s table, or a line saying how to save the first milestone when there is none.
    package static func list(_ summaries: [MilestoneSummaryShape], workloadName: String) -> String {
        guard !summaries.isEmpty else {
            return TerminalText.line("\(workloadName) has no milestones; save one with `welltree milestone create \"\(workloadName)\" NAME`") + "\n"
        }
        var table = TextTable(["#", "NAME", "ANSWERED", "HRIS", "MRIS", "SAVED", "SIGNATURE", "TAG"],
                              alignments: [.right, .left, .right, .right, .right, .left, .left, .left])
        for s in summaries {
            let c = s.WorkloadSummary.RiskCounts ?? RiskCounts()
            table.add(["\(s.MilestoneNumber)", s.MilestoneName, "\(c.answered)/\(c.total)", "\(c[.high])", "\(c[.medium])",
                       s.RecordedAt, signatureLabel(s.Signature), s.TagName])
        }
        return table.render()
    }

    /// The warnings `milestone list` prints on standard error: each figure a tag's message
    /// claims that its tree contradicts, and each tag not listed as a milestone of `workloadName`, with why.
    package static func warnings(_ summaries: [MilestoneSummaryShape], _ unattributed: [UnattributedTagShape], workloadName: String) -> [String] {
        var lines: [String] = []
        for summary in summaries {
            for discrepancy in summary.Discrepancies ?? [] {
                lines.append(discrepancyWarning(number: summary.MilestoneNumber, name: summary.MilestoneName, discrepancy))
            }
        }
        for tag in unattributed {
            lines.append("warning: tag \(tag.TagName) is not listed as a milestone of \(workloadName): \(tag.Reasons.joined(separator: "; "))")
        }
        return lines
    }

    /// `warning: milestone N "NAME": <what the tag's message claims that its tree contradicts>`.
    package static func discrepancyWarning(number: Int, name: String, _ discrepancy: String) -> String {
        "warning: milestone \(number) \"\(name)\": \(discrepancy)"
    }

    /// `milestone show`'s header: the milestone, when it was recorded, its tag, tagger, commit
    /// and signature.
    package static func header(_ milestone: Milestone, tagName: String, tagger: String?, commit: String, signature: SignatureCheck) -> String {
        keyValueLines([
            ("Milestone", TerminalText.line("\(milestone.number) \"\(milestone.name)\"")),
            ("Recorded", TerminalText.line(milestone.recordedAt)),
            ("Tag", TerminalText.line(tagName)),
            ("Tagger", TerminalText.line(tagger ?? "(none)")),
            ("Commit", commit),
            ("Signature", signature.label + (signature.isGood ? "" : ": \(signature.reason)")),
        ])
    }

    /// `milestone show`: the header, the workload with its risks and last update as the tagged
    /// commit holds them, and each lens review's pillar table.
    package static func show(_ detail: MilestoneDetail) -> String {
        var text = header(detail.milestone, tagName: detail.tagName, tagger: detail.tagger, commit: detail.commit, signature: detail.signature)
        text += "\n" + WorkloadText.render(detail.workload, summary: (detail.summary.riskCounts, detail.summary.updatedAt))
        for review in detail.reviews {
            text += "\n" + ReviewText.status(workload: detail.workload.name, lensName: review.lensName, version: review.version, review: review.review)
        }
        return text
    }

    /// `milestone show`'s warnings: one per figure of the tag's message its tree contradicts.
    package static func discrepancyWarnings(_ detail: MilestoneDetail) -> [String] {
        detail.discrepancies.map { discrepancyWarning(number: detail.milestone.number, name: detail.milestone.name, $0) }
    }

    /// `good (alice@example.com)`, `unsigned`, `BAD` for tables.
    package static func signatureLabel(_ shape: SignatureShape) -> String {
        guard let status = SignatureCheck.Status(rawValue: shape.Status) else { return shape.Status }
        return SignatureCheck(status: status, format: shape.Format, signer: shape.Signer, key: shape.Key, reason: shape.Reason).label
    }
}
