import WelltreeCore

extension LensText {
    /// `lens upgrade`: the milestone saved before the upgrade, the upgrade, and what it did to
    /// the answers (`summary`, one indented line each). Every line is one line on the terminal.
    package static func upgraded(
        milestone: Milestone, tagName: String, alias: String, workloadName: String, from: String, to: String, summary: [String]
    ) -> String {
        let lines =
            [
                "Saved milestone \(milestone.number) \"\(milestone.name)\" as tag \(tagName)",
                "Upgraded lens \(alias) of \(workloadName) from \(from) to \(to)",
            ] + summary.map { "  \($0)" }
        return lines.map { TerminalText.line($0) + "\n" }.joined()
    }
}
