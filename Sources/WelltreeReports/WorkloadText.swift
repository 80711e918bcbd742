import WelltreeCore

/// The text view of one workload, as `workload show` prints it. One-line properties are escaped
/// with `TerminalText.line` (a line break in a hand-edited name shows as `\u{A}` rather than
/// starting a line that looks like another property); the description and notes keep their
/// lines (`keyValueLines` escapes them as blocks).
package enum WorkloadText {
    /// A workload's tags as `workload tags` prints them: a KEY VALUE table sorted by key (by
    /// bytes, as the service orders them), or a line saying there are none and how to add one.
    package static func tags(_ workload: Workload) -> String {
        if workload.tags.isEmpty {
            return "\(TerminalText.line(workload.name)) has no tags. Add one with `welltree workload update W --tag KEY=VALUE`.\n"
        }
        var table = TextTable(["KEY", "VALUE"])
        for (key, value) in workload.tags.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            table.add([key, value])
        }
        return table.render()
    }

    /// The console's workloads page as `workload list` prints it: name, owner, questions
    /// answered, HRIs, MRIs, improvement status, last update; the id last, for scripts.
    package static func list(_ summaries: [WorkloadSummaryShape]) -> String {
        // A column of prioritized HRIs only when a listed workload's profile prioritizes questions.
        let prioritized = summaries.contains { $0.PrioritizedRiskCounts != nil }
        var headers = ["NAME", "OWNER", "ANSWERED", "HRIS", "MRIS"]
        var alignments: [TextTable.Alignment] = [.left, .left, .right, .right, .right]
        if prioritized {
            headers.append("PRIORITIZED HRIS")
            alignments.append(.right)
        }
        var table = TextTable(headers + ["IMPROVEMENT STATUS", "UPDATED", "ID"], alignments: alignments + [.left, .left, .left])
        for s in summaries {
            let answered = s.QuestionsAnswered.map { "\($0)/\(s.QuestionsTotal ?? 0)" } ?? "-"
            var cells = [s.WorkloadName, s.Owner, answered, "\(s.RiskCounts?[.high] ?? 0)", "\(s.RiskCounts?[.medium] ?? 0)"]
            if prioritized { cells.append(s.PrioritizedRiskCounts.map { "\($0[.high])/\($0.total)" } ?? "-") }
            table.add(cells + [s.ImprovementStatus, s.UpdatedAt, s.WorkloadId])
        }
        let note = prioritized
            ? "\nPrioritized HRIs: high risks among the questions the workload's profile prioritizes (of how many; Welltree's mapping).\n" : ""
        return table.render() + note
    }

    /// `profile` names the workload's profile, the version it uses, and the risks of the
    /// questions it prioritizes (nil when it prioritizes none). `templateName` names the review
    /// template the workload was created from (its id is shown when the template is gone).
    package static func render(
        _ w: Workload, summary: (riskCounts: RiskCounts, updatedAt: String)?,
        profile: (name: String, prioritized: RiskCounts?)? = nil, templateName: String? = nil
    ) -> String {
        let line = TerminalText.line
        var pairs: [(String, String)] = [
            ("Name", line(w.name)),
            ("Id", line(w.id)),
            ("Description", w.description),
            ("Review owner", line(w.reviewOwner)),
            ("Owner", line(w.owner)),
            ("Environment", w.environment == .production ? "Production" : "Pre-production"),
        ]
        if !w.awsRegions.isEmpty { pairs.append(("AWS Regions", line(w.awsRegions.joined(separator: ", ")))) }
        if !w.nonAwsRegions.isEmpty { pairs.append(("Non-AWS regions", line(w.nonAwsRegions.joined(separator: ", ")))) }
        if !w.accountIds.isEmpty { pairs.append(("Account ids", line(w.accountIds.joined(separator: ", ")))) }
        if let design = w.architecturalDesign { pairs.append(("Architectural design", line(design))) }
        if let type = w.industryType { pairs.append(("Industry type", line(type))) }
        if let industry = w.industry { pairs.append(("Industry", line(industry))) }
        if !w.tags.isEmpty {
            pairs.append(("Tags", line(w.tags.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", "))))
        }
        pairs.append(("Improvement status", w.improvementStatus.rawValue))
        if let order = w.pillarPriorities { pairs.append(("Pillar priority", line(order.joined(separator: ", ")))) }
        pairs.append(("Lenses", line(w.lenses.map { "\($0.alias) \($0.version)" }.joined(separator: ", "))))
        if let summary {
            let c = summary.riskCounts
            pairs.append(("Questions answered", "\(c.answered)/\(c.total)"))
            pairs.append(("Risks", "\(c[.high]) high, \(c[.medium]) medium, \(c[.none]) none, \(c[.notApplicable]) not applicable, \(c[.unanswered]) unanswered"))
        }
        if let reference = w.profile {
            pairs.append(("Profile", line("\(profile?.name ?? reference.id), version \(reference.version)")))
            if let c = profile?.prioritized {
                pairs.append((
                    "Prioritized risks",
                    "\(c[.high]) high, \(c[.medium]) medium, \(c[.none]) none, \(c[.notApplicable]) not applicable, \(c[.unanswered]) unanswered "
                        + "of \(c.total) prioritized questions (Welltree's mapping)"))
            }
        }
        if let reference = w.template {
            pairs.append(("Created from template", line("\(templateName ?? reference.id), version \(reference.version)")))
        }
        pairs.append(("Created", line(w.createdAt)))
        pairs.append(("Updated", line(summary?.updatedAt ?? w.updatedAt)))
        if let notes = w.notes { pairs.append(("Notes", notes)) }
        return keyValueLines(pairs)
    }
}
