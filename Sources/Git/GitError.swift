import CLibGit2

/// A failed libgit2 call: which function, on what (a path, a ref), and libgit2's own message.
package struct GitError: Error, Sendable, Equatable, CustomStringConvertible {
    /// libgit2's error code (`GIT_ENOTFOUND`, `GIT_EMODIFIED`, ...).
    package var code: Int32
    /// The libgit2 function that failed.
    package var function: String
    /// What it was working on, when known.
    package var subject: String?
    /// libgit2's message, or a generic one when it gave none.
    package var message: String

    package init(code: Int32, function: String, subject: String? = nil, message: String) {
        self.code = code
        self.function = function
        self.subject = subject
        self.message = message
    }

    static func last(code: Int32, function: String, subject: String?) -> GitError {
        let message: String
        if let error = git_error_last(), let text = error.pointee.message {
            message = String(cString: text)
        } else {
            message = "libgit2 error \(code)"
        }
        return GitError(code: code, function: function, subject: subject, message: message)
    }

    /// The object, reference or path does not exist.
    package var isNotFound: Bool { code == GIT_ENOTFOUND.rawValue }
    /// A compare-and-swap found a different value than expected: someone else moved the ref.
    package var isModified: Bool { code == GIT_EMODIFIED.rawValue }
    /// A lock file is held by another process.
    package var isLocked: Bool { code == GIT_ELOCKED.rawValue }

    package var description: String {
        if let subject { return "\(message) (\(function) on \(subject))" }
        return "\(message) (\(function))"
    }
}
