import WelltreeCore

/// Settings of a whole review repository, kept in `welltree.json` at its root.
package struct WorkspaceSettings: Sendable, Equatable, Codable {
    /// The version of the file layout, so Welltree can read and migrate older repositories:
    /// 1 kept workload directories straight below `workloads/`, 2 puts them in shards
    /// (`Workspace.shardedFormat`). A file without it is format 1.
    package var format: Int
    /// Pillar ids in the order improvement plans list them.
    package var pillarPriority: [String]
    /// Whether milestone tags must carry a valid signature (enforced by the server hook).
    package var requireSignedMilestones: Bool

    /// The framework's pillars in the console's default order.
    package static let defaultPillarPriority = [
        "operationalExcellence", "security", "reliability", "performance", "costOptimization", "sustainability",
    ]

    package init(format: Int = 2, pillarPriority: [String] = defaultPillarPriority, requireSignedMilestones: Bool = false) {
        self.format = format
        self.pillarPriority = pillarPriority
        self.requireSignedMilestones = requireSignedMilestones
    }

    private enum CodingKeys: String, CodingKey {
        case format, pillarPriority, requireSignedMilestones
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        format = try c.decodeIfPresent(Int.self, forKey: .format) ?? 1
        pillarPriority = try c.decodeIfPresent([String].self, forKey: .pillarPriority) ?? Self.defaultPillarPriority
        requireSignedMilestones = try c.decodeIfPresent(Bool.self, forKey: .requireSignedMilestones) ?? false
    }
}
