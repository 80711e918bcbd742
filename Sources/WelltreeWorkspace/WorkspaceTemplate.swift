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
    /// Creates a review repository at `path` (or adopts the git repository there, or makes
    /// `path` the workspace of the repository it lies in: see `openForInitialising`) and commits
    /// the template files it is missing, plus the built-in lens versions a newer Welltree ships:
    /// their version files are new files, and their entries are appended to the workspace's
    /// `lens.json` (other fields there, and files reviewers may have edited, are left alone).
    /// A repository written before workloads were sharded first gets a commit of its own that
    /// moves them into their shards (`shardedWorkloads` says how many moved); one written before
    /// the evidence index gets it in a last commit that records settings format 3, and an index
    /// that hand edits left incomplete is repaired the same way (`keepEvidenceIndex`,
    /// `evidenceIndex` says what was written). Running it again changes nothing.
    package static func initialize(
        at path: String, template: WorkspaceTemplate
    ) throws(WorkspaceError) -> (
        Workspace, committed: Bool, shardedWorkloads: Int?, evidenceIndex: (upgraded: Bool, written: Int, removed: Int)?
    ) {
        // The template is read first: a broken one writes nothing, not even a repository.
        let files = try template.files()
        let workspace = try openForInitialising(path)
        // CI files work only at the repository's root, which a workspace in a subdirectory does
        // not own: they are left out there (docs/reviews-beside-code.md says where they go).
        let shipped = files.filter { workspace.prefix.isEmpty || !Self.isRepositoryRootFile($0.path) }
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
        var committed = sharded != nil
        if !changes.isEmpty {
            let message = Self.message(isNew: isNew, upgraded: upgraded, added: added, addedFiles: addedFiles)
            if try workspace.commit(changes, message: message) != nil { committed = true }
        }
        // Last, so a workspace written before the evidence index gets it with the lenses and
        // files of this version (settings format 3), and a damaged index is repaired.
        let indexed = try workspace.keepEvidenceIndex()
        return (workspace, committed || indexed != nil, sharded, indexed)
    }

    /// The message of `initialize`'s commit of the template's files.
    private static func message(isNew: Bool, upgraded: [String], added: Bool, addedFiles: [String]) -> String {
        if isNew { return "Initialise Welltree workspace" }
        if !upgraded.isEmpty {
            return "Add built-in lens versions: \(upgraded.joined(separator: ", "))" + (added ? "\n\nAlso add missing Welltree workspace files." : "")
        }
        return addedFiles.isEmpty ? "Update built-in lens versions" : "Add missing Welltree workspace files"
    }
}

extension Workspace {
    /// The workspace `welltree init` works on: the repository at `path` when `path` is a
    /// repository's root (created when `path` lies in none), else the directory `path` of the
    /// repository it lies in, with no repository of its own. A repository holds one workspace:
    /// a directory is refused when the repository has its workspace elsewhere.
    static func openForInitialising(_ path: String) throws(WorkspaceError) -> Workspace {
        var enclosing: Repository?
        let path = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var existing = path
        while realPath(existing) == nil, existing != "/", !existing.isEmpty {
            existing = (existing as NSString).deletingLastPathComponent
        }
        do {
            enclosing = try Repository.open(searchingFrom: existing)
        } catch {
            guard error.isNotFound else { throw .git(error) }
        }
        let relative = enclosing.map { repository in Self.relativePath(path, in: repository) } ?? nil
        guard let repository = enclosing, let relative, !relative.isEmpty, repository.workdir != nil else {
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
            removeInitProbes(in: path)
            let workspace = try Workspace(headOf: try wrapOpen(path), prefix: "")
            try workspace.refuseSecondWorkspace()
            return workspace
        }
        if let problem = Layout.prefixProblem(relative) {
            throw .invalid(ValidationError([Violation(field: "DIR", value: relative, rule: problem)]))
        }
        let workspace = try Workspace(headOf: repository, prefix: Layout.prefix(ofDirectory: relative))
        try workspace.refuseSecondWorkspace()
        return workspace
    }

    /// Removes what creating a repository leaves at its work tree's root when the process is
    /// killed midway: to learn whether the file system supports symbolic links, libgit2 makes an
    /// empty file `_git2_` + six characters there, turns it into a symbolic link to `testing` and
    /// removes it. Only entries of exactly that name and form are removed.
    static func removeInitProbes(in directory: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names where name.hasPrefix("_git2_") && name.utf8.count == 12 {
            let full = directory + "/" + name
            var info = stat()
            guard lstat(full, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFREG where info.st_size == 0:
                unlink(full)
            case S_IFLNK where (try? FileManager.default.destinationOfSymbolicLink(atPath: full)) == "testing":
                unlink(full)
            default:
                continue
            }
        }
    }

    /// Template files that only work at a repository's root (CI configuration).
    package static func isRepositoryRootFile(_ path: String) -> Bool {
        path.hasPrefix(".github/") || path == ".gitlab-ci.yml"
    }

    private static func wrapOpen(_ path: String) throws(WorkspaceError) -> Repository {
        do {
            return try Repository.open(at: path)
        } catch {
            throw .git(error)
        }
    }

    /// `path` relative to the repository's work tree, whether it exists or not (its nearest
    /// existing ancestor is resolved); nil when it lies outside the work tree.
    static func relativePath(_ path: String, in repository: Repository) -> String? {
        guard let workdir = repository.workdir, let root = realPath(workdir) else { return nil }
        var existing = path
        var missing: [String] = []
        while realPath(existing) == nil {
            let name = (existing as NSString).lastPathComponent
            let parent = (existing as NSString).deletingLastPathComponent
            guard !name.isEmpty, parent != existing else { return nil }
            if name != "." { missing.insert(name, at: 0) }
            existing = parent.isEmpty ? "." : parent
        }
        guard let resolved = realPath(existing) else { return nil }
        let full = ([resolved] + missing).joined(separator: "/")
        if full == root { return "" }
        guard full.hasPrefix(root + "/") else { return nil }
        return String(full.dropFirst(root.count + 1))
    }

    /// Refuses when the repository already holds a workspace somewhere other than `prefix`.
    func refuseSecondWorkspace() throws(WorkspaceError) {
        guard let rootTree else { return }
        // A workspace at the root is the whole repository's; what its directories hold is its
        // own files, judged as such.
        if prefix.isEmpty, try entry(Layout.settings) != nil { return }
        let others = try git { () throws(GitError) in try Layout.workspacePrefixes(in: rootTree, repository: repository) }
            .filter { $0 != prefix }
        guard let other = others.first else { return }
        let name = other.isEmpty ? "the repository's root" : String(other.dropLast()) + "/"
        throw .refused(
            "this repository's workspace is \(name) (its \(Layout.settings)); a repository holds one workspace; "
                + "run commands there, or `welltree init` with that directory; nothing was written")
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
