import WelltreeAWS
import WelltreeCore

/// `--format json` of `import aws`: what was written, what was not kept, and the risk comparison
/// (Welltree's own shape, PascalCase as the API's).
package struct ImportAWSOutput: Encodable {
    package var WorkloadId: String
    package var WorkloadName: String
    package var MilestoneNumbers: [Int]
    package var LensAliases: [String: String]
    package var ShareIds: [String]
    package var Losses: [String]
    package var AnswersCompared: Int
    package var RiskDifferences: [AWSRiskComparisonOutput.Difference]

    /// The import of `plan` that wrote `workload`, its `milestones` (in order) and the pending
    /// `invitations`.
    package init(_ plan: AWSImportPlan, workload: Workload, milestones: [Milestone], invitations: [Share]) {
        WorkloadId = workload.id
        WorkloadName = workload.name
        MilestoneNumbers = milestones.map(\.number)
        LensAliases = Dictionary(uniqueKeysWithValues: plan.customLenses.map { ($0.arn, $0.alias) })
        ShareIds = invitations.map(\.shareId)
        Losses = plan.losses.map(\.description)
        let comparison = plan.comparison.output
        AnswersCompared = comparison.AnswersCompared
        RiskDifferences = comparison.RiskDifferences
    }
}

/// The text of `import aws`: what was written, what was not kept, the risk comparison.
package enum AWSImportText {
    /// The summary of the import of `plan` that wrote `workload`, its `milestones` (in order)
    /// and the pending `invitations`; names from the dump are escaped for the terminal.
    package static func render(_ plan: AWSImportPlan, workload: Workload, milestones: [Milestone], invitations: [Share]) -> String {
        var text = "Imported workload \(TerminalText.line(workload.name)) (\(workload.id)) from the AWS Well-Architected Tool:\n"
        text += "  milestones   \(milestones.isEmpty ? "none" : milestones.map { "\($0.number) \"\(TerminalText.line($0.name))\"" }.joined(separator: ", "))\n"
        for lens in plan.customLenses {
            text += "  lens         \(lens.alias) (\(TerminalText.line(lens.name)); versions \(TerminalText.line(lens.versions.map(\.version).joined(separator: ", "))))\n"
        }
        text += "  invitations  \(invitations.isEmpty ? "none" : invitations.map { "\(TerminalText.line($0.principal)) (\($0.permission.rawValue))" }.joined(separator: ", ")) (pending: each principal accepts again)\n"
        if !plan.losses.isEmpty {
            text += "\nNot imported (\(plan.losses.count)):\n"
            for loss in plan.losses { text += "  \(loss.description)\n" }
        }
        return text + "\n" + plan.comparison.text
    }
}
