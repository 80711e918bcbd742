import WelltreeCore

/// The words every report format uses for enum values and times, so Markdown, HTML and PDF say
/// the same thing the same way.
package enum ReportWording {
    /// "High risk", "Medium risk", ...
    package static func risk(_ risk: Risk) -> String {
        switch risk {
        case .high: "High risk"
        case .medium: "Medium risk"
        case .none: "No risk"
        case .notApplicable: "Not applicable"
        case .unanswered: "Unanswered"
        }
    }

    /// "Out of scope", "Business priorities", ...
    package static func reason(_ reason: AnswerReason) -> String {
        switch reason {
        case .outOfScope: "Out of scope"
        case .businessPriorities: "Business priorities"
        case .architectureConstraints: "Architecture constraints"
        case .other: "Other"
        case .none: "No reason given"
        }
    }

    /// "Not started", "In progress", ...; the guide shows NOT_APPLICABLE as "None".
    package static func improvementStatus(_ status: ImprovementStatus) -> String {
        switch status {
        case .notApplicable: "None"
        case .notStarted: "Not started"
        case .inProgress: "In progress"
        case .complete: "Complete"
        case .riskAcknowledged: "Risk acknowledged"
        }
    }

    /// "Production" or "Pre-production".
    package static func environment(_ environment: WorkloadEnvironment) -> String {
        environment == .production ? "Production" : "Pre-production"
    }

    /// An ISO 8601 UTC time as people read it: `2026-11-27T11:05:36Z` -> `2026-11-27 11:05 UTC`.
    /// Anything else is shown as it is rather than guessed at.
    package static func time(_ iso: String) -> String {
        let chars = Array(iso)
        guard chars.count >= 16, chars[10] == "T", iso.hasSuffix("Z") else { return iso }
        return String(chars[0..<10]) + " " + String(chars[11..<16]) + " UTC"
    }

    /// The milestone line of a report header: `Milestone 3 "Launch" · recorded ... · signature: ...`.
    package static func milestone(_ milestone: MilestoneInfo) -> String {
        var text = "Milestone" + (milestone.number.map { " \($0)" } ?? "") + " \u{201C}\(milestone.name)\u{201D}"
        text += ", recorded \(time(milestone.recordedAt))"
        text += "; signature: \(milestone.signatureStatus ?? "not checked")"
        return text
    }

    /// The link to follow for a missing best practice: its improvement plan, else its helpful resource.
    package static func improvementLink(_ choice: LensChoice) -> String? {
        choice.improvementPlan?.url ?? choice.helpfulResource?.url
    }

    /// The improvement plan text of a missing best practice, shown under its title: nil when the
    /// lens gives none or it only repeats the title. For the built-in lenses it names the
    /// practice, the risk its absence carries under the question's rules, and the page linked.
    package static func improvementText(_ choice: LensChoice) -> String? {
        guard let text = choice.improvementPlan?.displayText, !text.allSatisfy(\.isWhitespace), text != choice.title else { return nil }
        return text
    }

    /// The sentence under a lens's counts when the workload's profile prioritizes questions of
    /// it: the prioritized questions' risks, and whose prioritization it is.
    package static func prioritized(_ lens: LensReport) -> String? {
        guard let p = lens.prioritized?.riskCounts else { return nil }
        return "Prioritized questions (the workload's profile, by Welltree's mapping, not the AWS service's): "
            + "\(p[.high]) high and \(p[.medium]) medium risks among \(p.total), \(p.answered) answered."
    }

    /// The cell of a workloads table's prioritized column: high risks among the prioritized
    /// questions, of how many ("-" for a workload without a profile).
    package static func prioritizedHigh(_ counts: RiskCounts?) -> String {
        counts.map { "\($0[.high])/\($0.total)" } ?? "-"
    }

    /// The sentence under a workloads table with a prioritized column: what it counts, and whose
    /// prioritization it is.
    package static let prioritizedColumn =
        "Prioritized high risks: high risks among the questions the workload's profile prioritizes, of how many, "
        + "by Welltree's mapping, not the AWS service's (profile-prioritization.json)."

    /// The key-value rows of the properties table, in the console's order; empty values left out.
    /// A milestone report starts with the milestone's own: its name, number, when it was
    /// recorded and what its signature check said.
    package static func properties(_ model: WorkloadReportModel) -> [(String, String)] {
        let w = model.workload
        var rows: [(String, String)] = []
        if let milestone = model.milestone {
            rows.append(("Milestone", milestone.name))
            if let number = milestone.number { rows.append(("Milestone number", "\(number)")) }
            rows.append(("Recorded", time(milestone.recordedAt)))
            rows.append(("Signature", milestone.signatureStatus ?? "not checked"))
        }
        rows += [
            ("Name", w.name), ("Description", w.description), ("Review owner", w.reviewOwner), ("Owner", w.owner),
            ("Environment", environment(w.environment)),
        ]
        if !w.awsRegions.isEmpty { rows.append(("AWS Regions", w.awsRegions.joined(separator: ", "))) }
        if !w.nonAwsRegions.isEmpty { rows.append(("Non-AWS regions", w.nonAwsRegions.joined(separator: ", "))) }
        if !w.accountIds.isEmpty { rows.append(("Account IDs", w.accountIds.joined(separator: ", "))) }
        if let design = w.architecturalDesign { rows.append(("Architectural design", design)) }
        if let type = w.industryType { rows.append(("Industry type", type)) }
        if let industry = w.industry { rows.append(("Industry", industry)) }
        if !w.tags.isEmpty {
            rows.append(("Tags", w.tags.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")))
        }
        rows.append(("Improvement status", improvementStatus(w.improvementStatus)))
        rows.append(("Lenses", model.lenses.map { "\($0.name) \($0.version)" }.joined(separator: ", ")))
        if let profile = w.profile { rows.append(("Profile", "\(model.profileName ?? profile.id), version \(profile.version)")) }
        rows.append(("Workload ID", w.id))
        rows.append(("Created", time(w.createdAt)))
        rows.append(("Last updated", time(model.updatedAt)))
        if let notes = w.notes, !notes.isEmpty { rows.append(("Notes", notes)) }
        return rows
    }

    /// The report's title line.
    package static func title(_ model: WorkloadReportModel) -> String {
        model.milestone == nil ? "Workload report: \(model.workload.name)" : "Milestone report: \(model.workload.name)"
    }
}
