import Git
import WelltreeCore

/// Everything that can go wrong between the domain and the repository, with the subject named.
package enum WorkspaceError: Error, Sendable, CustomStringConvertible {
    /// No git repository at or above the directory.
    case notARepository(String)
    /// The repository exists but `welltree init` has not been run in it.
    case notAWorkspace(String)
    /// A write needs a branch checked out.
    case detachedHead
    /// A write needs a work tree.
    case bareRepository
    /// The files a command would touch have uncommitted changes.
    case dirty([String])
    /// The branch moved between reading and writing: someone else committed first.
    case branchMoved(branch: String)
    /// git has no author identity configured.
    case noIdentity
    /// A file in the workspace is not valid JSON or not a valid document.
    case invalidFile(path: String, JSONDocumentError)
    /// A file is something other than a regular file (a symlink, a submodule, a directory).
    case notARegularFile(path: String, found: String)
    /// A directory of the layout is something else (a symlink, a submodule, a file).
    case notADirectory(path: String, found: String)
    /// A named thing does not exist.
    case notFound(what: String, name: String, hint: String?)
    /// The request broke rules of the domain.
    case invalid(ValidationError)
    /// The acting principal may not do this.
    case forbidden(String)
    /// A request that cannot be carried out as asked, with the reason.
    case refused(String)
    /// Another welltree process kept the repository's write lock for too long.
    case locked(path: String, detail: String)
    /// A lock file of git's (`index.lock`, `<ref>.lock`) is in the way; `committed` names the
    /// commit already made when the lock was met while updating the work tree.
    case staleLock(path: String, committed: ObjectID?)
    /// A work-tree path the command would write through is a symlink or not a directory.
    case unsafeWorkTree(path: String, found: String)
    /// An interrupted earlier write left files that cannot be restored safely.
    case interruptedWrite(journal: String, commit: ObjectID, conflicts: [String])
    /// Something sits where the workspace layout puts something else (`rule` says what).
    case misplaced(path: String, rule: String)
    /// A workspace file is larger than its kind may be (`FileLimits`); it was not read.
    case fileTooLarge(path: String, size: Int, limit: Int)
    /// Files a command must judge break the workspace's rules: every problem, each with its
    /// file and place (what `welltree validate` lists).
    case invalidFiles([FileProblem])
    /// Two workload directories hold one workload id, so nothing keyed by the id (its risks,
    /// shares, milestones) can tell them apart.
    case duplicateWorkloadId(id: String, paths: [String])
    /// libgit2 failed.
    case git(GitError)
    /// The file system failed.
    case io(path: String, message: String)

    package var description: String {
        switch self {
        case .notARepository(let path):
            return "not a git repository (or any parent up to /): \(path)"
        case .notAWorkspace(let path):
            return "not a Welltree workspace (no \(Layout.settings) in the current commit of \(path)); run `welltree init`"
        case .detachedHead:
            return "HEAD is detached; check out a branch before changing the workspace"
        case .bareRepository:
            return "the repository is bare; changes need a work tree"
        case .dirty(let paths):
            let list = paths.prefix(10).map { "  \($0)" }.joined(separator: "\n")
            return "uncommitted changes in files this command would write; commit or discard them first:\n\(list)"
        case .branchMoved(let branch):
            return "\(branch) moved while this change was being made (another commit landed first); nothing was written, run the command again"
        case .noIdentity:
            return "git does not know who you are: set user.name and user.email (git config --global user.email you@example.com)"
        case .invalidFile(let path, let error):
            return "\(path): \(error)"
        case .notARegularFile(let path, let found):
            return "\(path): expected a regular file, found \(found)"
        case .notADirectory(let path, let found):
            return "\(path): expected a directory, found \(found)"
        case .notFound(let what, let name, let hint):
            return "no \(what) \"\(Violation.visible(name))\"" + (hint.map { "; \($0)" } ?? "")
        case .invalid(let error):
            return error.violations.map { "\($0)" }.joined(separator: "\nerror: ")
        case .forbidden(let message):
            return message
        case .refused(let message):
            return message
        case .locked(let path, let detail):
            return "another welltree process is writing to this repository (\(detail), lock \(path)); run the command again when it has finished"
        case .staleLock(let path, let committed):
            var text = "\(path) exists: a git process is using this repository, or one was killed and left the lock behind. "
                + "Welltree cannot tell which reliably: if no git or welltree process is running in this repository, "
                + "remove it (rm '\(path)') and run the command again"
            if let committed {
                text += ". The change itself was committed as \(committed.hex); the next welltree command brings the work tree and index up to date"
            } else {
                text += "; nothing was written"
            }
            return text
        case .unsafeWorkTree(let path, let found):
            return "\(path) in the work tree is \(found); welltree writes only regular files below real directories of the work tree. "
                + "Remove it, or restore the committed version with `git checkout HEAD -- '\(path)'`; nothing was written"
        case .interruptedWrite(let journal, let commit, let conflicts):
            let list = conflicts.prefix(10).map { "  \($0)" }.joined(separator: "\n")
            return "an earlier welltree command was interrupted after committing \(commit.hex) but before updating the work tree, "
                + "and these files now differ both from that commit and from what they held before it:\n\(list)\n"
                + "Keep your edits (commit them with git) or discard them (`git checkout HEAD -- PATH`), then run the command "
                + "again: it finishes the interrupted update (recorded in \(journal)); nothing was written"
        case .misplaced(let path, let rule):
            return "\(path): \(rule)"
        case .fileTooLarge(let path, let size, let limit):
            return "\(path): \(size) bytes, over the limit of \(limit) bytes for this kind of file (workspace-template/SCHEMA.md, Limits); it was not read"
        case .invalidFiles(let problems):
            return problems.map(\.located).joined(separator: "\nerror: ")
        case .duplicateWorkloadId(let id, let paths):
            return "workload id \(id) is used by \(paths.count) workload directories: \(paths.joined(separator: ", ")); "
                + "an id names one workload (its risks, shares and milestones), so the copy must go or get an id of its own"
        case .git(let error):
            return error.description
        case .io(let path, let message):
            return "\(path): \(message)"
        }
    }
}
