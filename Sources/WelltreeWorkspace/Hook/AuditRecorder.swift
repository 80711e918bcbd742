import Git
import WelltreeCore

/// Writes what `post-receive` reports onto the audit record: the pusher the server
/// authenticated, each reference git moved with its old and new id, whether history was
/// replaced, and which workloads each update concerns, so `welltree audit W` can answer who
/// changed a workload without reading every commit.
///
/// It runs after git moved the references, so it records what landed, never what was only
/// attempted; pre-receive has judged the same push before.
package struct AuditRecorder {
    package let repository: Repository

    package init(repository: Repository) {
        self.repository = repository
    }

    /// Appends one entry for the push `updates` describe.
    package func record(_ updates: [PushUpdate], pusher: Pusher, override: String?, at seconds: Int64) throws(WorkspaceError) {
        let recorded = updates.filter { $0.reference != AuditStore.reference && $0.old != $0.new }
        guard !recorded.isEmpty else { return }
        var defaultTip: ObjectID?
        if case .branch(_, let commit)? = try? repository.head() { defaultTip = commit }
        let entry = AuditEntry(
            pushedAt: ISOTime.string(seconds), pusher: pusher.principal, identifiedBy: pusher.identifiedBy, override: override,
            updates: recorded.map { update in
                AuditUpdate(
                    reference: update.reference, old: update.old?.hex, new: update.new?.hex, forced: isForced(update),
                    workloadIds: workloadIds(update, defaultTip: defaultTip))
            })
        var store = try AuditStore(repository: repository)
        try store.append(entry, at: seconds)
    }

    /// Whether the update replaced history: its old commit is not in the new one's.
    private func isForced(_ update: PushUpdate) -> Bool {
        guard let old = update.old, let new = update.new else { return false }
        guard (try? repository.object(new).kind) == .commit else { return false }
        return (try? repository.isAncestor(old, of: new)) == false
    }

    /// The workloads an update concerns. Best effort: a workload whose `workload.json` cannot
    /// be read is left out, as the record of the push itself matters more.
    private func workloadIds(_ update: PushUpdate, defaultTip: ObjectID?) -> [String] {
        guard let new = update.new else { return [] }
        if update.reference == ShareStore.reference {
            let oldTree = update.old.flatMap { try? repository.commit($0).tree }
            guard let newTree = try? repository.commit(new).tree,
                let files = try? repository.changedFiles(from: oldTree, to: newTree, under: ShareStore.workloadsDirectory)
            else { return [] }
            return files.compactMap {
                if case .workload(let id)? = ShareStore.subject(of: $0.path) { return id }
                return nil
            }
        }
        if update.reference.hasPrefix(PushJudge.milestonePrefix) {
            guard let tag = try? repository.tagObject(new), let milestone = Milestone(tagMessage: tag.message) else { return [] }
            return [milestone.workloadId]
        }
        guard update.reference.hasPrefix(Repository.branchPrefix), (try? repository.object(new).kind) == .commit else { return [] }
        var base = update.old
        if base == nil, let defaultTip, defaultTip != new { base = try? repository.mergeBase(new, defaultTip) }
        guard let after = try? Workspace(repository: repository, commit: new) else { return [] }
        let before = base.flatMap { try? Workspace(repository: repository, commit: $0) }
        guard let changes = try? repository.changedFiles(from: before?.baseTree, to: after.baseTree, under: Layout.workloads) else {
            return []
        }
        var directories: [String] = []
        for change in changes {
            if let directory = Layout.workloadDirectory(ofPath: change.path), directories.last != directory {
                directories.append(directory)
            }
        }
        var ids: [String] = []
        for directory in directories {
            for side in [after, before].compactMap({ $0 }) {
                guard let entry = try? side.entry(Layout.workloadDirectory(directory)), entry.kind == .tree,
                    let workload = try? side.loadWorkload(TreeEntry(name: directory, id: entry.id, kind: .tree)).workload
                else { continue }
                if !ids.contains(workload.id) { ids.append(workload.id) }
                break
            }
        }
        return ids
    }
}
