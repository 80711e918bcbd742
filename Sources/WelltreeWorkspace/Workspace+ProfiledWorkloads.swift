import Git
import WelltreeCore

/// What lists show of a workload that uses a profile, beside its cached overview.
package struct ProfiledWorkload: Sendable, Equatable {
    package var profile: ProfileReference
    /// The prioritized questions' risks over every lens the mapping covers; nil when the
    /// profile prioritizes nothing the workload applies.
    package var prioritizedRiskCounts: RiskCounts?
}

extension Workspace {
    /// The profile and prioritized risk counts of each workload (of `ids`) that uses a profile,
    /// by workload id: ListWorkloads' `Profiles` and `PrioritizedRiskCounts`.
    ///
    /// Kept outside the summary cache, and paid for only where profiles are: a workspace without
    /// a profile directory costs one tree look-up and reads nothing else. With profiles, each
    /// listed workload's `workload.json` blob is read (not decoded unless it mentions `profile`),
    /// and only the workloads that use a profile have their answers evaluated. A workload whose
    /// files cannot be read is left out here; the overviews report it.
    package func profiledWorkloads(of ids: Set<String>) throws(WorkspaceError) -> [String: ProfiledWorkload] {
        guard try directory(Layout.profiles).contains(where: { $0.kind == .tree }) else { return [:] }
        let marker = Array("\"profile\"".utf8)
        var result: [String: ProfiledWorkload] = [:]
        for entry in try workloadDirectories() {
            guard let file = try git({ () throws(GitError) in try repository.entry(at: Layout.workloadFileName, inTree: entry.id) }),
                let bytes = try? read(file, path: Layout.workloadFile(entry.name)), Self.contains(bytes, marker),
                let stored = try? loadWorkload(entry, file: file), ids.contains(stored.workload.id),
                let reference = stored.workload.profile
            else { continue }
            result[stored.workload.id] = ProfiledWorkload(profile: reference, prioritizedRiskCounts: try prioritizedRiskCounts(of: stored))
        }
        return result
    }

    private static func contains(_ bytes: [UInt8], _ marker: [UInt8]) -> Bool {
        guard bytes.count >= marker.count else { return false }
        for start in 0...(bytes.count - marker.count) where bytes[start] == marker[0] {
            if bytes[start..<(start + marker.count)].elementsEqual(marker) { return true }
        }
        return false
    }
}
