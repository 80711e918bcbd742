/// A lens applied to a workload, pinned to the lens version its answers were given against.
///
/// The version is stored with the workload so a lens upgrade is an explicit, reviewable change in
/// git rather than something that happens silently when a newer lens file appears.
package struct WorkloadLens: Sendable, Equatable, Hashable, Codable {
    /// The lens alias (`wellarchitected`, `serverless`) or a custom lens's identifier.
    package var alias: String
    /// The lens version the workload's answers refer to.
    package var version: String

    package init(alias: String, version: String) {
        self.alias = alias
        self.version = version
    }
}
