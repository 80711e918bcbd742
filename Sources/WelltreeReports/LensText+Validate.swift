import WelltreeCore

extension LensText {
    /// `lens validate`'s lines for one file: `ok` with the lens's size, or `rejected` with the
    /// first error and then every error indented in compiler style (`path: message`), so
    /// editors can jump to them; with `verbose`, the warnings indented the same way.
    package static func verdict(_ verdict: LensVerdict, verbose: Bool) -> String {
        var lines: [String]
        if let lens = verdict.lens {
            let counts = [
                plural(lens.pillars.count, "pillar"), plural(lens.questionCount, "question"),
                plural(lens.choiceCount, "choice"), plural(verdict.warnings.count, "warning"),
            ]
            lines = ["ok  \(verdict.file)  (\(counts.joined(separator: ", ")))"]
        } else if let readFailure = verdict.readFailure {
            lines = ["rejected  \(verdict.file)  \(readFailure)"]
        } else {
            let first = verdict.errors.first.map { "\($0.path): \($0.message)" } ?? "rejected"
            lines = ["rejected  \(verdict.file)  \(first)"] + verdict.errors.map { "    \($0)" }
        }
        if verbose { lines += verdict.warnings.map { "    \($0)" } }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The last line of `lens validate` over several files.
    package static func validationTotals(passed: Int, rejected: Int) -> String {
        "\(passed) passed, \(rejected) rejected\n"
    }

    private static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
