import Foundation
import Git
import WelltreeCore

/// A workload as found in the tree: its directory, its decoded file, and the id of its whole
/// directory (which changes whenever anything of the workload changes, so it keys caches).
package struct StoredWorkload: Sendable, Equatable {
    /// The directory name below `workloads/`, fixed when the workload was created.
    package var directory: String
    package var workload: Workload
    /// The tree id of `workloads/<directory>`.
    package var tree: ObjectID
}

/// The current time as ISO 8601 in UTC, to the second, as workload files record it.
package func isoNow() -> String {
    Date.now.formatted(.iso8601)
}
