import Foundation
import ArgumentParser
import WelltreeCore

extension WorkloadEnvironment: ExpressibleByArgument {
    public init?(argument: String) { self.init(userInput: argument) }
    public static var allValueStrings: [String] { ["production", "preproduction"] }
}

extension ImprovementStatus: ExpressibleByArgument {
    public init?(argument: String) { self.init(userInput: argument) }
    public static var allValueStrings: [String] { allCases.map { $0.rawValue.lowercased().replacingOccurrences(of: "_", with: "-") } }
}

/// The workload properties `create` and `update` share.
struct WorkloadPropertyOptions: ParsableArguments {
    @Option(help: "Workload name: 3-100 characters, unique ignoring spaces and case.")
    var name: String?

    @Option(help: "What the workload is and does (3-250 characters).")
    var description: String?

    @Option(help: "The person responsible for reviewing the workload (3-255 characters).")
    var reviewOwner: String?

    @Option(help: "production or preproduction.")
    var environment: WorkloadEnvironment?

    @Option(name: .customLong("aws-region"), help: "An AWS Region the workload runs in (repeatable; at most 50).")
    var awsRegions: [String] = []

    @Option(name: .customLong("non-aws-region"), help: "A region outside AWS, e.g. a data center (repeatable; at most 5).")
    var nonAwsRegions: [String] = []

    @Option(name: .customLong("account-id"), help: "A 12-digit AWS account id (repeatable; at most 100).")
    var accountIds: [String] = []

    @Option(help: "URL of the architectural design (http, https or ftp).")
    var architecturalDesign: String?

    @Option(help: "Industry type, e.g. \"Financial Services\".")
    var industryType: String?

    @Option(help: "Industry within the industry type.")
    var industry: String?

    @Option(name: .customLong("tag"), help: ArgumentHelp("A tag (repeatable; at most 50).", valueName: "key=value"))
    var tags: [String] = []

    @Option(help: "Notes (at most 2084 characters).")
    var notes: String?

    @Option(
        help: ArgumentHelp(
            "Pillar ids in priority order for this workload's improvement plan, comma separated (empty: follow the workspace's order).",
            valueName: "p1,p2"))
    var pillarPriority: String?

    /// The request value for the workspace.
    var properties: WorkloadProperties {
        WorkloadProperties(
            name: name, description: description, reviewOwner: reviewOwner, environment: environment,
            awsRegions: awsRegions.isEmpty ? nil : awsRegions,
            nonAwsRegions: nonAwsRegions.isEmpty ? nil : nonAwsRegions,
            accountIds: accountIds.isEmpty ? nil : accountIds,
            architecturalDesign: architecturalDesign, industryType: industryType, industry: industry,
            tagsToAdd: tags.map(WorkloadTag.init(parsing:)), notes: notes,
            pillarPriorities: pillarPriority.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } })
    }
}
