/// Where a workload's lens version stands against the lens's versions (the API's `LensStatus`
/// for a lens review, and the notification types of the console's "Lens upgrades" page).
package enum WorkloadLensStatus: String, Sendable, Codable, CaseIterable {
    /// The workload uses the current version (minor versions apply on their own).
    case current = "CURRENT"
    /// A newer major version exists: the workload can be upgraded.
    case notCurrent = "NOT_CURRENT"
    /// The version in use was declared outdated by the lens's provider.
    case deprecated = "DEPRECATED"
    /// The lens's owner deleted it: there is nothing to upgrade to.
    case deleted = "DELETED"
    /// A custom lens of someone else's that is no longer shared with the workload's owner (its
    /// owner revoked the share, or the workload's owner left it): the answers stay, nothing of
    /// the lens can be applied or upgraded until it is shared again.
    case unshared = "UNSHARED"

    /// How the console's "Lens upgrades" page names it.
    package var notificationLabel: String {
        switch self {
        case .current: "Current"
        case .notCurrent: "Not current"
        case .deprecated: "Deprecated"
        case .deleted: "Deleted"
        case .unshared: "Unshared"
        }
    }
}

extension LensRecord {
    /// The status of a workload that was last moved to `version` of this lens.
    package func status(ofVersionInUse version: String) -> WorkloadLensStatus {
        if deletedAt != nil { return .deleted }
        let effective = latestMinor(after: version)
        if effective == currentVersion?.version { return .current }
        if versions.first(where: { $0.version == effective })?.deprecatedAt != nil { return .deprecated }
        return .notCurrent
    }
}
