import WelltreeCore

/// The text view of one workload, as `workload show` prints it.
package enum WorkloadText {
    package static func render(_ w: Workload, summary: (riskCounts: RiskCounts, updatedAt: String)?) -> String {
        var pairs: [(String, String)] = [
            ("Name", w.name),
            ("Id", w.id),
            ("Description", w.description),
            ("Review owner", w.reviewOwner),
            ("Owner", w.owner),
            ("Environment", w.environment == .production ? "Production" : "Pre-production"),
        ]
        if !w.awsRegions.isEmpty { pairs.append(("AWS Regions", w.awsRegions.joined(separator: ", "))) }
        if !w.nonAwsRegions.isEmpty { pairs.append(("Non-AWS regions", w.nonAwsRegions.joined(separator: ", "))) }
        if !w.accountIds.isEmpty { pairs.append(("Account ids", w.accountIds.joined(separator: ", "))) }
        if let design = w.architecturalDesign { pairs.append(("Architectural design", design)) }
        if let type = w.industryType { pairs.append(("Industry type", type)) }
        if let industry = w.industry { pairs.append(("Industry", industry)) }
        if !w.tags.isEmpty {
            pairs.append(("Tags", w.tags.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")))
        }
        pairs.append(("Improvement status", w.improvementStatus.rawValue))
        pairs.append(("Lenses", w.lenses.map { "\($0.alias) \($0.version)" }.joined(separator: ", ")))
        if let summary {
            let c = summary.riskCounts
            pairs.append(("Questions answered", "\(c.answered)/\(c.total)"))
            pairs.append(("Risks", "\(c[.high]) high, \(c[.medium]) medium, \(c[.none]) none, \(c[.notApplicable]) not applicable, \(c[.unanswered]) unanswered"))
        }
        pairs.append(("Created", w.createdAt))
        pairs.append(("Updated", summary?.updatedAt ?? w.updatedAt))
        if let notes = w.notes { pairs.append(("Notes", notes)) }
        return keyValueLines(pairs)
    }
}
