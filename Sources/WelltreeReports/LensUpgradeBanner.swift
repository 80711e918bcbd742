import WelltreeCore

/// The one line `status`, `workload show` and the interactive review print when a workload's lens
/// is not current, with the command that acts on it (the console's upgrade banner).
package enum LensUpgradeBanner {
    /// Nil when the lens is current. The workload name is quoted for a POSIX shell, so the
    /// command can be pasted whatever the name holds, and escaped for the terminal.
    package static func line(workload: String, alias: String, lensName: String, version: String, status: WorkloadLensStatus, available: String?)
        -> String?
    {
        let upgrade = "welltree lens upgrade \(shellQuoted(workload)) \(shellQuoted(alias)) --milestone \(shellQuoted("Before \(alias) \(available ?? "")"))"
        let text: String
        switch status {
        case .current:
            return nil
        case .notCurrent:
            text = "\(lensName) \(version) is not current: version \(available ?? "?") is available. Upgrade: \(upgrade)"
        case .deprecated:
            text = "\(lensName) \(version) is deprecated: version \(available ?? "?") is current. Upgrade: \(upgrade)"
        case .deleted:
            text = "\(lensName) was deleted by its owner; no version to upgrade to. Remove it: welltree lens disassociate \(shellQuoted(workload)) \(shellQuoted(alias))"
        case .unshared:
            text = "\(lensName) is no longer shared with this workload's owner; the answers stay, nothing can be upgraded until its owner shares it again. Remove it: welltree lens disassociate \(shellQuoted(workload)) \(shellQuoted(alias))"
        }
        return TerminalText.line(text)
    }

    /// `text` as one POSIX shell word: bare when it holds only safe characters, else in single
    /// quotes (a quote inside written `'\''`).
    package static func shellQuoted(_ text: String) -> String {
        let safe = !text.isEmpty && text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_./:@,+=".unicodeScalars.contains($0)) }
        return safe ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
