import Foundation
import Git
import WelltreeCore

/// The files `welltree init` lays down, read from the `workspace-template` directory shipped with
/// the running binary.
///
/// Found only through the installation (`Installation`): `$WELLTREE_TEMPLATE`, else
/// `<prefix>/share/welltree/workspace-template` beside `<prefix>/bin/welltree`, else the source
/// tree a development build sits in; never the repository being worked on. Its files are read
/// without following symbolic links (`ShippedFiles`).
package struct WorkspaceTemplate {
    package let root: String

    package init(root: String) {
        self.root = root
    }

    /// Finds the template, or explains where it looked; `environment` may name it
    /// (`WELLTREE_TEMPLATE`).
    package static func locate(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(WorkspaceError) -> WorkspaceTemplate {
        WorkspaceTemplate(
            root: try Installation.shippedDirectory(
                "workspace-template", marker: Layout.settings, variable: "WELLTREE_TEMPLATE", environment: environment))
    }

    /// Every file of the template, by path relative to its root, in sorted order; a symbolic
    /// link or special file anywhere in it is refused.
    package func files() throws(WorkspaceError) -> [(path: String, bytes: [UInt8])] {
        try ShippedFiles.tree(at: root)
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
        let shipped = try template.files()
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
        var addedFiles: [String] = []
        var upgraded: [String] = []
        var newVersionFiles: Set<String> = []
        for (relative, bytes) in shipped {
            guard let existing = try workspace.file(relative) else {
                changes.write(relative, bytes)
                addedFiles.append(relative)
                continue
            }
            guard relative.hasPrefix(Layout.lenses + "/"), relative.hasSuffix("/" + Layout.lensMetadataFileName) else { continue }
            let shipped = try workspace.decode(LensRecord.self, from: bytes, path: template.root + "/" + relative)
            let current = try workspace.decode(LensRecord.self, from: existing, path: relative)
            var record = current
            let newVersions = record.mergeShippedVersions(shipped)
            guard record != current else { continue }
            try changes.write(relative, json: record)
            upgraded += newVersions.map { "\(record.alias) \($0)" }
            newVersionFiles.formUnion(newVersions.map { Layout.lensVersion(record.alias, $0) })
        }
        // The files of the versions added are part of adding them, not missing files.
        let added = addedFiles.contains { !newVersionFiles.contains($0) }
        if changes.isEmpty { return (workspace, sharded != nil, sharded) }
        let message: String
        if isNew {
            message = "Initialise Welltree workspace"
        } else if !upgraded.isEmpty {
            message = "Add built-in lens versions: \(upgraded.joined(separator: ", "))" + (added ? "\n\nAlso add missing Welltree workspace files." : "")
        } else if !addedFiles.isEmpty {
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
