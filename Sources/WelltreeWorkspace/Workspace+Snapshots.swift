import Foundation
import Git

/// Where the state a command judges comes from.
package enum WorkspaceState: Sendable, Equatable {
    /// A commit, named by any revision git accepts.
    case revision(String)
    /// What is staged: the tree the next commit would have.
    case index
    /// The files in the work tree (staged or not, untracked included).
    case workTree

    /// How the state is named in reports.
    package var label: String {
        switch self {
        case .revision(let revision): revision
        case .index: "index"
        case .workTree: "work tree"
        }
    }
}

extension Workspace {
    /// A read-only workspace of `state` in this workspace's repository.
    ///
    /// The index and the work tree are turned into tree objects first (blobs and trees are
    /// written, no reference moves), so every comparison works on trees and can skip what did
    /// not change by id.
    package func snapshot(_ state: WorkspaceState) throws(WorkspaceError) -> Workspace {
        let snapshot = try openSnapshot(state)
        // Parsed lenses are keyed by blob id, so they hold for any commit of this repository.
        snapshot.parsed = parsed
        return snapshot
    }

    private func openSnapshot(_ state: WorkspaceState) throws(WorkspaceError) -> Workspace {
        switch state {
        case .revision(let revision):
            let commit: ObjectID
            do {
                commit = try repository.resolveCommit(revision)
            } catch {
                throw .notFound(what: "revision", name: revision, hint: "give a branch, tag or commit id (\(error.message))")
            }
            return try Workspace(repository: repository, commit: commit)
        case .index:
            guard repository.workdir != nil else { throw .bareRepository }
            let tree = try wrap { () throws(GitError) in try Index(of: repository).writeTree() }
            return try Workspace(repository: repository, tree: tree)
        case .workTree:
            return try Workspace(repository: repository, tree: try workTreeTree())
        }
    }

    /// The tree of HEAD with the work tree's changes below `workloads/`, `lenses/` and the
    /// settings file applied: only files that libgit2's status reports as changed are read.
    package func workTreeTree() throws(WorkspaceError) -> ObjectID {
        guard let root else { throw .bareRepository }
        var changes: [TreeChange] = []
        for prefix in [Layout.workloads + "/", Layout.lenses + "/", Layout.settings] {
            let paths = try wrap { () throws(GitError) in try repository.modifiedPaths(under: prefix) }
            for path in paths {
                let full = root + "/" + path
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
                    let data = FileManager.default.contents(atPath: full)
                {
                    let blob = try wrap { () throws(GitError) in try repository.writeBlob(Array(data)) }
                    changes.append(TreeChange(path: path, blob: blob))
                } else {
                    changes.append(TreeChange(path: path, blob: nil))
                }
            }
        }
        if changes.isEmpty, let commitTree { return commitTree }
        return try wrap { () throws(GitError) in try repository.updatedTree(base: commitTree, changes: changes) }
    }
}

extension Workspace {
    /// The files that differ between this workspace's commit and `other`.
    package func changedFiles(to other: Workspace) throws(WorkspaceError) -> [TreeDelta] {
        try wrap { () throws(GitError) in try repository.changedFiles(from: baseTree, to: other.baseTree) }
    }

    /// The merge base of two revisions, as a commit id, for judging a branch against the point
    /// it left its target.
    package func mergeBaseRevision(_ one: String, _ two: String) throws(WorkspaceError) -> String {
        let a = try snapshot(.revision(one)).base!
        let b = try snapshot(.revision(two)).base!
        guard let base = try wrap({ () throws(GitError) in try repository.mergeBase(a, b) }) else {
            throw .refused("\(one) and \(two) have no common history")
        }
        return base.hex
    }
}
