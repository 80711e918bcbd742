import Git
import WelltreeCore

/// Everything that can go wrong between the domain and the repository.
///
/// Like swift-nio's `FileSystemError`, every error carries a `code` (what kind of failure, stable
/// for programs), a `message` (what users read), the `subject` it is about and the `cause` it
/// came from. The cases keep the typed facts callers act on (the paths that are dirty, the size
/// of a file that is too large); refusals of the domain's rules carry their code and subject
/// beside the message instead of free text alone.
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
    /// The acting principal may not do this (`subject`: what it may not act on, when named).
    case forbidden(_ message: String, subject: String? = nil)
    /// A request that cannot be carried out as asked: the reason, the kind of refusal and what
    /// it is about.
    case refused(_ message: String, code: Code = .refused, subject: String? = nil)
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
        case .forbidden(let message, _):
            return message
        case .refused(let message, _, _):
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

    /// What users read: the same text as `description`.
    package var message: String { description }

    /// The kind of failure, for programs: stable, unlike the message.
    package var code: Code {
        switch self {
        case .notARepository: .notARepository
        case .notAWorkspace: .notAWorkspace
        case .detachedHead: .detachedHead
        case .bareRepository: .bareRepository
        case .dirty: .uncommittedChanges
        case .branchMoved: .concurrentChange
        case .noIdentity: .noIdentity
        case .invalidFile, .invalidFiles: .invalidFile
        case .notARegularFile, .notADirectory: .wrongFileType
        case .notFound: .notFound
        case .invalid: .invalidInput
        case .forbidden: .forbidden
        case .refused(_, let code, _): code
        case .locked: .locked
        case .staleLock: .staleLock
        case .unsafeWorkTree: .unsafeWorkTree
        case .interruptedWrite: .interruptedWrite
        case .misplaced: .misplaced
        case .fileTooLarge: .fileTooLarge
        case .duplicateWorkloadId: .duplicateId
        case .git: .git
        case .io: .io
        }
    }

    /// What the error is about: a path in the repository or the file system, a reference, or a
    /// named thing (a workload, a lens, a milestone). Nil when it is about the repository as a
    /// whole or about several things at once (the case's payload lists them).
    package var subject: String? {
        switch self {
        case .notARepository(let path), .notAWorkspace(let path): path
        case .detachedHead, .bareRepository, .dirty, .noIdentity, .invalid, .invalidFiles: nil
        case .branchMoved(let branch): branch
        case .invalidFile(let path, _), .notARegularFile(let path, _), .notADirectory(let path, _): path
        case .notFound(_, let name, _): name
        case .forbidden(_, let subject), .refused(_, _, let subject): subject
        case .locked(let path, _), .staleLock(let path, _), .unsafeWorkTree(let path, _): path
        case .interruptedWrite(let journal, _, _): journal
        case .misplaced(let path, _), .fileTooLarge(let path, _, _), .io(let path, _): path
        case .duplicateWorkloadId(let id, _): id
        case .git(let error): error.subject
        }
    }

    /// The error this one came from, when another layer reported it first.
    package var cause: (any Error & Sendable)? {
        switch self {
        case .invalidFile(_, let error): error
        case .invalid(let error): error
        case .git(let error): error
        default: nil
        }
    }

    /// The kinds of failure (`code`). Several cases share a code where a program would act
    /// alike on them (`.concurrentChange`: run again); refusals name theirs.
    package enum Code: String, Sendable, CaseIterable {
        case notARepository = "not-a-repository"
        case notAWorkspace = "not-a-workspace"
        case detachedHead = "detached-head"
        case bareRepository = "bare-repository"
        /// Files the command would write have uncommitted changes.
        case uncommittedChanges = "uncommitted-changes"
        /// Someone else changed the branch, a tag or the answers first; running again may succeed.
        case concurrentChange = "concurrent-change"
        case noIdentity = "no-identity"
        /// A workspace file is not valid JSON or breaks its schema.
        case invalidFile = "invalid-file"
        /// A path is a symlink, submodule, directory or special file where the layout wants
        /// something else.
        case wrongFileType = "wrong-file-type"
        case notFound = "not-found"
        /// The request broke rules of the domain (`ValidationError`).
        case invalidInput = "invalid-input"
        case forbidden = "forbidden"
        case locked = "locked"
        case staleLock = "stale-lock"
        case unsafeWorkTree = "unsafe-work-tree"
        case interruptedWrite = "interrupted-write"
        case misplaced = "misplaced"
        case fileTooLarge = "file-too-large"
        case duplicateId = "duplicate-id"
        case git = "git"
        case io = "io"
        /// A name matches several things; name one by its id.
        case ambiguous = "ambiguous"
        /// A lens file cannot be used (it breaks the lens rules or its name clashes).
        case invalidLens = "invalid-lens"
        /// The lens is deleted, a draft, or without the version asked for.
        case lensUnavailable = "lens-unavailable"
        /// AWS's lenses and the framework lens cannot be shared, deleted or removed.
        case builtinLens = "builtin-lens"
        /// The change asked for is already in place.
        case alreadyDone = "already-done"
        /// Part of the change was made and the rest was not; the message says what is left.
        case partlyDone = "partly-done"
        /// Signing a milestone tag failed or is not configured.
        case signing = "signing"
        /// A program welltree runs could not be started or misbehaved.
        case subprocess = "subprocess"
        /// A file welltree would install or replace belongs to someone else.
        case foreignFile = "foreign-file"
        /// A milestone is not attributed to its workload's owner.
        case unattributed = "unattributed"
        /// A request that fits the rules but not the repository's state (no common history, no
        /// commit yet, not a bare repository, a path outside the workspace).
        case refused = "refused"
    }
}

/// The one bridge from the git layer to the workspace: runs libgit2 calls, turning their
/// `GitError` into `WorkspaceError.git` (`try git { () throws(GitError) in ... }`). Callers that
/// give some git failures a meaning of their own (a moved branch, a missing object, a lock) catch
/// those first and hand the rest to `.git`.
package func git<T>(_ body: () throws(GitError) -> T) throws(WorkspaceError) -> T {
    do {
        return try body()
    } catch {
        throw .git(error)
    }
}
