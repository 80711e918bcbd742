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
    /// A named thing does not exist.
    case notFound(what: String, name: String, hint: String?)
    /// The request broke rules of the domain.
    case invalid(ValidationError)
    /// The acting principal may not do this.
    case forbidden(String)
    /// A request that cannot be carried out as asked, with the reason.
    case refused(String)
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
        case .notFound(let what, let name, let hint):
            return "no \(what) \"\(name)\"" + (hint.map { "; \($0)" } ?? "")
        case .invalid(let error):
            return error.violations.map { "\($0)" }.joined(separator: "\nerror: ")
        case .forbidden(let message):
            return message
        case .refused(let message):
            return message
        case .git(let error):
            return error.description
        case .io(let path, let message):
            return "\(path): \(message)"
        }
    }
}
