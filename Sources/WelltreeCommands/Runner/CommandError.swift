import WelltreeWorkspace

/// What a command refuses or fails at on its own account (its own arguments and files, not the
/// workspace's rules, which `WorkspaceError` carries). The root runner prints it on standard
/// error and exits with its status; nothing has been written when it is thrown.
package enum CommandError: Error, Sendable, CustomStringConvertible {
    /// The request cannot be carried out as given; the message says why and what would succeed.
    case refused(String)
    /// A file named on the command line could not be read or written.
    case io(path: String, message: String)
    /// Workloads that could not be read were left out of output already printed: each is named
    /// (its file and what is wrong), and the exit status says the output is incomplete.
    case incomplete(damaged: [DamagedWorkload], leftOutOf: String)
    /// A push the server hook refuses, with every reason.
    case pushRefused([String])
    /// A push the server accepted but could not record on the audit record.
    case pushNotRecorded(String)

    /// The lines printed on standard error, each complete (`error: ...`).
    package var lines: [String] {
        switch self {
        case .refused(let message):
            return ["error: " + message]
        case .io(let path, let message):
            return ["error: \(path): \(message)"]
        case .incomplete(let damaged, let what):
            let n = damaged.count
            return damaged.map { "error: " + $0.description }
                + ["error: \(n) workload\(n == 1 ? "" : "s") could not be read and \(n == 1 ? "is" : "are") left out of the \(what)"]
        case .pushRefused(let reasons):
            return ["welltree: push refused"] + reasons.map { "error: " + $0 }
        case .pushNotRecorded(let reason):
            return ["welltree: the push landed but could not be recorded on \(AuditStore.reference): \(reason)"]
        }
    }

    /// The exit status: 2 for refused or incomplete work, 1 for a recording failure after an
    /// accepted push (git reports a failing post-receive hook but keeps the push).
    package var exitStatus: Int32 {
        if case .pushNotRecorded = self { return 1 }
        return 2
    }

    package var description: String { lines.joined(separator: "\n") }
}
