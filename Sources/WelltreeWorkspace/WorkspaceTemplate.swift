import Foundation
import Git
import WelltreeCore

/// The files `welltree init` lays down, read from the `workspace-template` directory that ships
/// beside the binary.
///
/// Looked up in order: `$WELLTREE_TEMPLATE`; `<prefix>/share/welltree/workspace-template` for a
/// binary installed in `<prefix>/bin`; the nearest `workspace-template` above the binary (a
/// build inside the source tree).
package struct WorkspaceTemplate {
    package let root: String

    package init(root: String) {
        self.root = root
    }

    /// Finds the template, or explains where it looked.
    package static func locate() throws(WorkspaceError) -> WorkspaceTemplate {
        var candidates: [String] = []
        if let explicit = ProcessInfo.processInfo.environment["WELLTREE_TEMPLATE"], !explicit.isEmpty {
            candidates.append(explicit)
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = executable.deletingLastPathComponent()
        candidates.append(directory.appendingPathComponent("../share/welltree/workspace-template").standardized.path)
        while directory.path != "/" {
            candidates.append(directory.appendingPathComponent("workspace-template").path)
            directory = directory.deletingLastPathComponent()
        }
        for candidate in candidates where FileManager.default.fileExists(atPath: candidate + "/welltree.json") {
            return WorkspaceTemplate(root: candidate)
        }
        throw .io(path: "workspace-template", message: "cannot find the workspace template (looked in \(candidates.prefix(3).joined(separator: ", ")), ...); set WELLTREE_TEMPLATE")
    }

    /// Every file of the template, by path relative to its root, in sorted order.
    package func files() throws(WorkspaceError) -> [(path: String, bytes: [UInt8])] {
        guard let enumerator = FileManager.default.enumerator(atPath: root) else {
            throw .io(path: root, message: "cannot read the workspace template")
        }
        var result: [(String, [UInt8])] = []
        while let relative = enumerator.nextObject() as? String {
            let full = root + "/" + relative
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            guard let data = FileManager.default.contents(atPath: full) else {
                throw .io(path: full, message: "cannot read")
            }
            result.append((relative, Array(data)))
        }
        return result.sorted { $0.0 < $1.0 }
    }
}

extension Workspace {
    /// Creates a review repository at `path` (or adopts the git repository there) and commits
    /// the template files it is missing, plus the built-in lens versions a newer Welltree ships:
    /// their version files are new files, and their entries are appended to the workspace's
    /// `lens.json` (other fields there, and files reviewers may have edited, are left alone).
    /// A repository written before workloads were sharded first gets a commit of its own that
    /// moves them into their shards (`shardedWorkloads` says how many moved). Running it again
    /// changes nothing.
    package static func initialize(
        at path: String, template: WorkspaceTemplate
    ) throws(WorkspaceError) -> (Workspace, committed: Bool, shardedWorkloads: Int?) {
        do {
            _ = try Repository.open(at: path)
        } catch {
            guard error.isNotFound else { throw .git(error) }
            do {
                _ = try Repository.create(at: path)
            } catch {
                throw .git(error)
            }
        }
        let workspace = try Workspace(at: path)
        let sharded = try workspace.shardWorkloads()
        let isNew = try workspace.entry(Layout.settings) == nil
        var changes = ChangeSet()
        var added = false
        var upgraded: [String] = []
        for (relative, bytes) in try template.files() {
            guard let existing = try workspace.file(relative) else {
                changes.write(relative, bytes)
                added = true
                continue
            }
            guard relative.hasPrefix(Layout.lenses + "/"), relative.hasSuffix("/lens.json") else { continue }
            let shipped = try workspace.decode(LensRecord.self, from: bytes, path: template.root + "/" + relative)
            let current = try workspace.decode(LensRecord.self, from: existing, path: relative)
            var record = current
            let newVersions = record.mergeShippedVersions(shipped)
            guard record != current else { continue }
            try changes.write(relative, json: record)
            upgraded += newVersions.map { "\(record.alias) \($0)" }
        }
        if changes.isEmpty { return (workspace, sharded != nil, sharded) }
        let message: String
        if isNew {
            message = "Initialise Welltree workspace"
        } else if !upgraded.isEmpty {
            message = "Add built-in lens versions: \(upgraded.joined(separator: ", "))" + (added ? "\n\nAlso add missing Welltree workspace files." : "")
        } else if added {
            message = "Add missing Welltree workspace files"
        } else {
            message = "Update built-in lens versions"
        }
        let commit = try workspace.commit(changes, message: message)
        return (workspace, sharded != nil || commit != nil, sharded)
    }
}

extension LensRecord {
    /// Adds the versions of a lens record shipped with Welltree that this one lacks (appended in
    /// the shipped order, so the newest becomes current) and takes over deprecations the shipped
    /// record declares. Returns the versions added.
    mutating func mergeShippedVersions(_ shipped: LensRecord) -> [String] {
        var added: [String] = []
        for version in shipped.versions {
            if let index = versions.firstIndex(where: { $0.version == version.version }) {
                if versions[index].deprecatedAt == nil, let deprecated = version.deprecatedAt { versions[index].deprecatedAt = deprecated }
            } else {
                versions.append(version)
                added.append(version.version)
            }
        }
        return added
    }
}
