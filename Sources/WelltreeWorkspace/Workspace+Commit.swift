import Foundation
import Git
import WelltreeCore

#if canImport(Glibc)
    import Glibc
#endif

/// Named steps of `Workspace.commit` at which a crash test can have the process killed.
///
/// Only for tests: when the environment variable `WELLTREE_FAULT` holds exactly one of these
/// names, the process sends itself SIGKILL on reaching that step, the way a power cut or an
/// out-of-memory kill would stop it. Nothing else reads the variable; an unknown value does
/// nothing.
enum FaultPoint: String, CaseIterable {
    /// Blobs and trees are written; nothing references them.
    case afterObjects = "after-objects"
    /// The commit object is written; the branch has not moved.
    case afterCommitObject = "after-commit-object"
    /// The journal of the write is on disk; the branch has not moved.
    case afterJournal = "after-journal"
    /// The branch points at the new commit; the work tree and index still hold the old files.
    case afterRef = "after-ref"
    /// The first touched file of the work tree is written, the others are not.
    case midWorkTree = "mid-worktree"
    /// Every work-tree file is written; the index is not.
    case beforeIndex = "before-index"
    /// The index is written; the journal is not yet removed.
    case afterIndex = "after-index"
    /// A milestone tag is created (`writeMilestone`); a lens upgrade has not committed yet.
    case afterTag = "after-tag"
}

extension FaultPoint {
    /// The fault requested for this process, read once.
    private static let requested = ProcessInfo.processInfo.environment["WELLTREE_FAULT"]

    /// The one place where a requested fault is acted on: kills the process when this is the
    /// point `WELLTREE_FAULT` names.
    func reach() {
        guard Self.requested == rawValue else { return }
        kill(getpid(), SIGKILL)
    }
}

extension Workspace {
    /// The work tree the write path updates, or nil for a bare repository.
    var workTree: WorkTree? {
        root.map { WorkTree(repository: repository, root: $0, scope: prefix) }
    }

    /// Commits `changes` (paths relative to the workspace) as exactly one commit on the current
    /// branch; in a repository whose workspace is a subdirectory, the commit changes nothing
    /// outside it.
    ///
    /// Order of work, so that a failure or a kill at any point leaves the repository consistent:
    /// 1. take the repository's write lock (`WriteLock`: serialises welltree writers, released by
    ///    the kernel if this process dies), refuse if git's own lock files are in the way, and
    ///    finish a write an earlier process left half done (`finishInterruptedWrite`);
    /// 2. refuse if any touched file has uncommitted changes (never overwrite someone's work) or
    ///    sits below a symlink in the work tree (never write outside it);
    /// 3. write blobs, trees and the commit (objects only: unreferenced if we stop here);
    /// 4. record the write in a journal, then move the branch with a compare-and-swap against
    ///    `base`, so a commit that landed meanwhile makes this one fail with nothing written;
    /// 5. bring the index and work tree up to date for the touched files, then drop the journal.
    ///
    /// Returns the new commit, or nil when the changes leave the tree as it was (a no-op
    /// writes nothing).
    ///
    /// `allowingDirty` names paths whose work-tree changes are the very changes being committed
    /// (a review session writes its answers to the work tree first); only they skip step 1.
    ///
    /// A repository written before workloads were sharded takes no commit but the one that
    /// shards them (`sharding`, from `welltree init`).
    @discardableResult
    ///
    /// `parent` replaces the branch's commit as the new commit's parent (an import's history,
    /// built on the branch's commit as objects first); the branch still moves only from `base`.
    package func commit(
        _ changes: ChangeSet, message: String, allowingDirty: Set<String> = [], sharding: Bool = false, parent: ObjectID? = nil
    ) throws(WorkspaceError) -> ObjectID? {
        guard let branch else { throw .detachedHead }
        if !sharding { try refuseUnsharded() }
        // The evidence index moves with the answers, in the same commit (`indexingEvidence`).
        let indexed = sharding ? changes : try keepsEvidenceIndex() ? try indexingEvidence(changes) : changes
        for path in indexed.paths + indexed.removedDirectories.sorted() where !WorkTree.isSafeRelativePath(path) {
            throw .refused("refusing to write \(path.debugDescription): not a plain path inside the workspace", subject: path)
        }
        // From here on paths are the repository's: the index, the work tree and the journal
        // know nothing of workspaces.
        let changes = indexed.prefixed(prefix)
        let allowingDirty = Set(allowingDirty.map { prefix + $0 })
        return try withWriteLock { () throws(WorkspaceError) -> ObjectID? in
            try refuseGitLocks(branch: branch)
            try workTree?.finishInterruptedWrite()
            try workTree?.refuseUnsafeOrDirty(changes, allowingDirty: allowingDirty)
            return try commitLocked(changes, message: message, branch: branch, parent: parent)
        }
    }

    /// Runs `body` holding the repository's write lock; nested calls reuse the lock.
    package func withWriteLock<T>(_ body: () throws(WorkspaceError) -> T) throws(WorkspaceError) -> T {
        if heldLock != nil { return try body() }
        heldLock = try WriteLock(gitDirectory: repository.commonDirectory)
        defer { heldLock = nil }
        return try body()
    }

    /// Messages name workloads and lenses, whose names come from the repository: every unsafe
    /// character in them (`UnsafeCharacter`) is written as `\u{XXXX}` before the message goes into
    /// history, where `git log` would show it raw to everyone.
    private func commitLocked(_ changes: ChangeSet, message: String, branch: String, parent: ObjectID?) throws(WorkspaceError) -> ObjectID? {
        let message = UnsafeCharacter.escape(message, keepingLineBreaks: true)
        var treeChanges = changes.removedDirectories.sorted().map { TreeChange(path: $0, blob: nil) }
        for path in changes.paths {
            var blob = changes.copies[path]
            if let contents = changes.files[path] {
                blob = try contents.map { bytes throws(WorkspaceError) in
                    try git { () throws(GitError) in try repository.writeBlob(bytes) }
                }
            }
            treeChanges.append(TreeChange(path: path, blob: blob))
        }
        let tree = try git { () throws(GitError) in try repository.updatedTree(base: rootTree, changes: treeChanges) }
        if tree == rootTree && parent == nil { return nil }
        FaultPoint.afterObjects.reach()
        guard let signature = try git({ () throws(GitError) in try repository.defaultSignature() }) else {
            throw .noIdentity
        }
        let commit = try git { () throws(GitError) in
            try repository.createCommit(
                tree: tree, parents: (parent ?? base).map { [$0] } ?? [], message: message, author: signature, committer: signature)
        }
        FaultPoint.afterCommitObject.reach()
        let journalPath = WriteJournal.path(gitDirectory: repository.gitDirectory)
        if root != nil {
            let journal = WriteJournal(
                branch: branch, base: base?.hex, commit: commit.hex, paths: changes.paths,
                removedDirectories: changes.removedDirectories.sorted())
            try journal.write(to: journalPath)
            FaultPoint.afterJournal.reach()
        }
        do {
            let subject = message.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? message
            try repository.setReference(branch, to: commit, expected: base, message: "welltree: \(subject)")
        } catch {
            try? WriteJournal.remove(at: journalPath)
            if error.isModified { throw .branchMoved(branch: branch) }
            if error.isLocked { throw .staleLock(path: repository.commonDirectory + branch + ".lock", committed: nil) }
            throw .git(error)
        }
        FaultPoint.afterRef.reach()
        setBase(commit: commit, tree: tree)
        if let workTree {
            try workTree.update(changes, committed: commit)
            FaultPoint.afterIndex.reach()
            try WriteJournal.remove(at: journalPath)
        }
        return commit
    }

    /// Refuses before anything is written when git's lock files for the branch or the index
    /// exist: libgit2 would fail on them half way (after the commit, for the index).
    private func refuseGitLocks(branch: String) throws(WorkspaceError) {
        var locks = [repository.commonDirectory + branch + ".lock"]
        if root != nil { locks.append(repository.gitDirectory + "index.lock") }
        for lock in locks where FileManager.default.fileExists(atPath: lock) {
            throw .staleLock(path: lock, committed: nil)
        }
    }
}
