import Foundation
import WelltreeCore

/// GitHub Actions workflow commands: one `::error` (HRI) or `::warning` (MRI) annotation per
/// finding, pointing at the answer file and line, so the pull request shows it in place.
package enum GitHubAnnotations {
    package static func render(_ result: CheckResult) -> String {
        var out = ""
        for item in result.findings {
            let command = item.risk == .high ? "error" : "warning"
            let title = "\(item.risk == .high ? "New HRI" : "New MRI"): \(item.workloadName) / \(item.questionId)"
            out += "::\(command) file=\(property(item.file)),line=\(item.line),title=\(property(title))::\(data(CheckText.message(item)))\n"
        }
        for finding in result.integrity {
            out += "::\(finding.fails ? "error" : "notice") file=\(property(finding.file)),line=1,title=\(property(finding.kind.title))::"
                + data(CheckText.message(finding)) + "\n"
        }
        for finding in result.evidence {
            out += "::\(finding.fails ? "error" : "warning") file=\(property(finding.file)),line=\(finding.line),title=\(property(finding.kind.title))::"
                + data(CheckText.message(finding)) + "\n"
        }
        if !result.resolved.isEmpty {
            out += "::notice title=Welltree::\(data("\(result.resolved.count) risk(s) resolved by this change"))\n"
        }
        out += (result.passed ? "::notice title=Welltree::" : "::error title=Welltree::") + data(CheckText.verdict(result)) + "\n"
        return out
    }

    /// Escapes a message as the runner expects (`%`, CR, LF), after writing every unsafe
    /// character (a line break included) as `\u{XXXX}`: a workflow command is one line, and a
    /// name from the repository can neither end it nor start another command.
    package static func data(_ text: String) -> String {
        TerminalText.line(text).replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Escapes a property value (also `:` and `,`, which separate properties).
    package static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
