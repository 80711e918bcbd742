import WelltreeCore

/// One request of an export: its operation, its body in the operation's input shape, and what
/// `apply.sh` adds on the command line (the ids the service assigns, which override the file's).
package struct AWSExportRequest: Sendable, Equatable {
    /// The operation's name in the API (`CreateWorkload`).
    package var operation: String
    /// The body: canonical JSON of the operation's input shape.
    package var body: [UInt8]
    /// Arguments after `--cli-input-json file://...`.
    package var arguments: [AWSApplyArgument]
    /// What `apply.sh` reads from the response.
    package var capture: AWSApplyCapture?
    /// The state the request belongs to: the milestone number, nil for the present.
    package var milestone: Int?

    /// The CLI's command (`create-workload`).
    package var command: String {
        var result = ""
        for (index, character) in operation.enumerated() {
            if character.isUppercase, index > 0 { result += "-" }
            result += character.lowercased()
        }
        return result
    }
}

/// One command-line word of `apply.sh`.
package enum AWSApplyArgument: Sendable, Equatable {
    /// A word as it is (an option name or an AWS lens alias), single-quoted in the script.
    case literal(String)
    /// A shell variable the script set from an earlier response (`workload_id`, `lens_1`).
    case variable(String)
}

/// A value `apply.sh` takes from a response.
package enum AWSApplyCapture: Sendable, Equatable {
    /// CreateWorkload: `workload_id` and `workload_arn`.
    case workload
    /// ImportLens: the lens's ARN into the variable, and the import's status (ERROR stops).
    case lens(variable: String)
    /// ImportLens of a later version of a lens imported before: the status only.
    case lensStatus
}

/// The requests that recreate a workload in the service, in order, with `apply.sh`.
package struct AWSExportPlan: Sendable, Equatable {
    package var workloadId: String
    package var requests: [AWSExportRequest]
    /// What the export does not carry to the service, each with why.
    package var notCarried: [AWSNotice]

    /// `requests/NNN-command.json` of the request at `index`: numbered from 1, zero-padded to the
    /// same width, so the order is the order of the names.
    package func fileName(_ index: Int) -> String {
        let width = max(3, String(requests.count).count)
        let number = String(index + 1)
        return "requests/" + String(repeating: "0", count: width - number.count) + number + "-" + requests[index].command + ".json"
    }

    /// Every file of the export directory by relative path: the requests and `apply.sh`.
    package var files: [(path: String, bytes: [UInt8])] {
        var result = requests.indices.map { (path: fileName($0), bytes: requests[$0].body) }
        result.append((path: "apply.sh", bytes: Array(applyScript.utf8)))
        return result
    }

    /// The script that sends the requests with the AWS CLI, in order, threading the ids the
    /// service assigns. Only generated words reach it (file names, variable names, AWS lens
    /// aliases Welltree ships, operation names), each quoted; no text of the repository does.
    /// A word for a comment of `apply.sh`: the id as it is when it is 32 lowercase hex digits,
    /// otherwise a placeholder, so no text a repository supplies can end the comment's line.
    package static func commentWord(_ id: String) -> String {
        id.utf8.count == 32 && id.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) ? id : "(invalid id)"
    }

    package var applyScript: String {
        var lines = [
            "#!/usr/bin/env bash",
            "# Recreates workload \(Self.commentWord(workloadId))",
            "# in the AWS Well-Architected Tool: sends the requests in requests/ in order with the AWS",
            "# CLI (credentials and Region as the CLI is configured), passing the ids the service",
            "# assigns from one call to the next. Written by",
            "# `welltree export aws`. Running it again after a failure sends the same client request",
            "# tokens, so the service does not create what the first run created (within its",
            "# idempotency window).",
            "set -euo pipefail",
            "cd \"$(dirname \"$0\")\"",
            "export AWS_PAGER=\"\"",
            "fail() { printf 'error: %s\\n' \"$1\" >&2; exit 1; }",
            "",
        ]
        for (index, request) in requests.enumerated() {
            let file = fileName(index)
            lines.append("printf '%s\\n' \(Self.quote("[\(index + 1)/\(requests.count)] \(request.operation) \(file)")) >&2")
            var words = ["aws", "wellarchitected", request.command, "--cli-input-json", Self.quote("file://" + file)]
            for argument in request.arguments {
                switch argument {
                case .literal(let word): words.append(Self.quote(word))
                case .variable(let name): words.append("\"$\(name)\"")
                }
            }
            switch request.capture {
            case .workload:
                words += ["--query", Self.quote("[WorkloadId, WorkloadArn]"), "--output", "text"]
                lines.append("out=$(\(words.joined(separator: " ")))")
                lines.append("read -r workload_id workload_arn <<< \"$out\"")
                lines.append("[[ $workload_id =~ ^[0-9a-f]{32}$ ]] || fail \"CreateWorkload returned no workload id: $out\"")
                lines.append("[[ $workload_arn == arn:* ]] || fail \"CreateWorkload returned no workload ARN: $out\"")
            case .lens(let variable):
                words += ["--query", Self.quote("[LensArn, Status]"), "--output", "text"]
                lines.append("out=$(\(words.joined(separator: " ")))")
                lines.append("read -r \(variable) status <<< \"$out\"")
                lines.append("[[ $\(variable) == arn:* ]] || fail \"ImportLens returned no lens ARN: $out\"")
                lines.append("[ \"$status\" != ERROR ] || fail \(Self.quote("ImportLens of \(file) failed (status ERROR)"))")
            case .lensStatus:
                words += ["--query", "Status", "--output", "text"]
                lines.append("status=$(\(words.joined(separator: " ")))")
                lines.append("[ \"$status\" != ERROR ] || fail \(Self.quote("ImportLens of \(file) failed (status ERROR)"))")
            case nil:
                lines.append(words.joined(separator: " ") + " > /dev/null")
            }
        }
        lines.append("printf 'workload %s recreated (%s)\\n' \"$workload_id\" \"$workload_arn\"")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `word` in single quotes for bash, any single quote in it closed, escaped and reopened.
    static func quote(_ word: String) -> String {
        var quoted = "'"
        for character in word {
            if character == "'" { quoted += "'\\''" } else { quoted.append(character) }
        }
        return quoted + "'"
    }
}
