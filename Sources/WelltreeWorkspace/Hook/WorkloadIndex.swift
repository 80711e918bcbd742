import Foundation
import Git
import WelltreeCore

/// Every workload of one tree (the server's default branch before a push) by id: what the
/// hook decides ownership of an id and its uniqueness from.
///
/// Built from the tree itself, never from pushed content. Kept between pushes in the git
/// directory (`welltree/cache/hook-workloads-v1`), keyed by the tree id of each shard
/// (`workloads/<xx>`): git ids name content, so an entry is never stale, and a push that
/// changes one workload re-reads one shard rather than every `workload.json`. The file is only
/// an accelerator: missing, corrupt or unwritable, the index is read from the tree.
package struct WorkloadIndex: Sendable {
    /// One workload directory: its id and owner, nil when its `workload.json` cannot be read.
    package struct Entry: Sendable, Equatable {
        package var directory: String
        package var id: String?
        package var owner: String?
    }

    /// The directories of each id, in directory order (more than one only in a tree damaged
    /// before the rule held).
    package private(set) var byId: [String: [Entry]] = [:]

    /// The entries whose id is `id`.
    package func workloads(withId id: String) -> [Entry] { byId[id] ?? [] }

    /// The cache file's name; the version changes with its format.
    static let cacheFile = "hook-workloads-v1"

    /// Indexes the workloads of `workspace` (nil: an empty repository), reusing and refreshing
    /// the cache in `gitDirectory`.
    package init(_ workspace: Workspace?, gitDirectory: String) throws(WorkspaceError) {
        guard let workspace else { return }
        let path = Layout.cache(Self.cacheFile, commonDirectory: gitDirectory)
        let cached = Self.readCache(path)
        var current: [ObjectID: [Entry]] = [:]
        for shard in try workspace.directory(Layout.workloads) where shard.kind == .tree {
            let entries: [Entry]
            if let known = cached[shard.id] {
                entries = known
            } else {
                entries = try Self.read(shard: shard, in: workspace)
            }
            current[shard.id] = entries
            for entry in entries {
                if let id = entry.id { byId[id, default: []].append(entry) }
            }
        }
        if Set(current.keys) != Set(cached.keys) { Self.writeCache(current, to: path) }
    }

    /// The workload directories of one shard.
    private static func read(shard: TreeEntry, in workspace: Workspace) throws(WorkspaceError) -> [Entry] {
        var entries: [Entry] = []
        let listing = try git { () throws(GitError) in try workspace.repository.treeEntries(shard.id) }
        for entry in listing where entry.kind == .tree && Layout.shard(ofDirectory: entry.name) == shard.name {
            let workload = try? workspace.loadWorkload(entry).workload
            entries.append(Entry(directory: entry.name, id: workload?.id, owner: workload?.owner))
        }
        return entries
    }

    /// Lines `shard-tree-id TAB directory TAB id TAB owner` (empty id and owner: unreadable).
    private static func readCache(_ path: String) -> [ObjectID: [Entry]] {
        guard let data = FileManager.default.contents(atPath: path) else { return [:] }
        var result: [ObjectID: [Entry]] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4, let shard = ObjectID(hex: fields[0]) else { return [:] }
            if fields[1].isEmpty {
                result[shard, default: []] = result[shard] ?? []
                continue
            }
            result[shard, default: []].append(
                Entry(directory: fields[1], id: fields[2].isEmpty ? nil : fields[2], owner: fields[3].isEmpty ? nil : fields[3]))
        }
        return result
    }

    /// Writes the cache beside the repository's other caches; a shard holding a value the
    /// line format cannot carry (a tab or line break) is left out and read again next time.
    private static func writeCache(_ shards: [ObjectID: [Entry]], to path: String) {
        var text = ""
        for (shard, entries) in shards {
            let fields = entries.flatMap { [$0.directory, $0.id ?? "", $0.owner ?? ""] }
            guard !fields.contains(where: { $0.contains("\t") || $0.contains("\n") || $0.contains("\r") }) else { continue }
            if entries.isEmpty { text += "\(shard.hex)\t\t\t\n" }
            for entry in entries { text += "\(shard.hex)\t\(entry.directory)\t\(entry.id ?? "")\t\(entry.owner ?? "")\n" }
        }
        let url = URL(fileURLWithPath: path)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(text.utf8).write(to: url, options: .atomic)
    }
}
