import Git
import WelltreeCore

/// Settings of a whole review repository, kept in `welltree.json` at its root.
package struct WorkspaceSettings: Sendable, Equatable, Codable {
    /// The version of the file layout, so Welltree can read and migrate older repositories:
    /// 1 kept workload directories straight below `workloads/`, 2 puts them in shards
    /// (`Workspace.shardedFormat`), 3 also keeps the evidence index (`Layout.evidenceIndex`,
    /// `Workspace.evidenceIndexFormat`). A file without it is format 1.
    package var format: Int
    /// Pillar ids in the order improvement plans list them.
    package var pillarPriority: [String]
    /// Whether milestone tags must carry a valid signature (enforced by the server hook).
    package var requireSignedMilestones: Bool
    /// Branches that, like the default branch, only move forward and are never deleted
    /// (enforced by the server hook): names such as `release` or `refs/heads/release`.
    package var protectedBranches: [String]

    /// The framework's pillars in the console's default order.
    package static let defaultPillarPriority = [
        "operationalExcellence", "security", "reliability", "performance", "costOptimization", "sustainability",
    ]

    package init(
        format: Int = Workspace.currentFormat, pillarPriority: [String] = defaultPillarPriority, requireSignedMilestones: Bool = false,
        protectedBranches: [String] = []
    ) {
        self.format = format
        self.pillarPriority = pillarPriority
        self.requireSignedMilestones = requireSignedMilestones
        self.protectedBranches = protectedBranches
    }

    /// Whether `reference` (`refs/heads/NAME`) is one of `protectedBranches`.
    package func protects(branch reference: String) -> Bool {
        protectedBranches.contains { $0 == reference || Repository.branchPrefix + $0 == reference }
    }

    private enum CodingKeys: String, CodingKey {
        case format, pillarPriority, requireSignedMilestones, protectedBranches
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(format, forKey: .format)
        try c.encode(pillarPriority, forKey: .pillarPriority)
        try c.encode(requireSignedMilestones, forKey: .requireSignedMilestones)
        if !protectedBranches.isEmpty { try c.encode(protectedBranches, forKey: .protectedBranches) }
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        format = try c.decodeIfPresent(Int.self, forKey: .format) ?? 1
        pillarPriority = try c.decodeIfPresent([String].self, forKey: .pillarPriority) ?? Self.defaultPillarPriority
        requireSignedMilestones = try c.decodeIfPresent(Bool.self, forKey: .requireSignedMilestones) ?? false
        protectedBranches = try c.decodeIfPresent([String].self, forKey: .protectedBranches) ?? []
    }
}
