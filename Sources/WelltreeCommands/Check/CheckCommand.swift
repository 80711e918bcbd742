import ArgumentParser
import Foundation
import WelltreeCore
import WelltreeReports
import WelltreeWorkspace

extension RiskThreshold: ExpressibleByArgument {}

/// `welltree check`: the CI gate. Exit 1 when HEAD has risks at the threshold that BASE did
/// not have, 0 otherwise, 2 on errors.
struct CheckCommand: WorkspaceCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Fail (exit 1) when HEAD has high (or medium) risks that BASE did not have.",
        discussion: """
            A risk is identified by workload id, lens alias and question id, never by a file line. Without \
            --base, HEAD is judged alone: any risk at the threshold fails. With --base only the workloads \
            whose files differ are read (and those applying a lens whose versions changed), their changed \
            files are validated, and lens integrity is checked: a published lens version changed or removed, \
            a built-in lens that differs from what this Welltree ships, or a workload id changed fails; a lens \
            version added or a workload's lenses changed also judges the changed answers by BASE's lens \
            versions. With --base, a change that modifies, moves or deletes evidence an answer cites (and \
            does not confirm the answer again) is reported as an evidence finding at the evidence's path; \
            --fail-on evidence-changed and --fail-on evidence-removed make those fail. --fail-on is \
            repeatable and takes comma-separated values (--fail-on medium,evidence-removed). Exit status: \
            0 passed, 1 new risks or failing integrity or evidence findings, 2 when something could not be \
            read or evaluated (invalid files, duplicate workload ids).
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown, sarif, junit, github, gitlab
    }

    @OptionGroup var global: GlobalOptions
    @Option(help: "The revision to compare with, e.g. the pull request's target branch (origin/main).")
    var base: String?
    @Flag(help: "Compare with the merge base of --base and --head instead of --base itself (for branches behind their target).")
    var mergeBase = false
    @Option(help: "The revision to judge.")
    var head = "HEAD"
    @Option(
        name: .customLong("fail-on"),
        help: ArgumentHelp(
            "What fails: high (the default), medium (HRIs and MRIs), evidence-removed, evidence-changed; repeatable.",
            valueName: "level"))
    var failOnValues: [String] = []

    /// The risk threshold `--fail-on` names (`high` unless `medium` is among its values).
    var failOn: RiskThreshold { failOnParts.contains("medium") ? .medium : .high }

    /// The evidence finding kinds `--fail-on` names.
    var failOnEvidence: [EvidenceFinding.Kind] {
        EvidenceFinding.Kind.allCases.filter { failOnParts.contains($0.argument) }
    }

    private var failOnParts: [String] {
        failOnValues.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() } }
    }
    @Option(help: "Report format: text, json, markdown, sarif, junit, github (workflow annotations) or gitlab (Code Quality).")
    var format: Format = .text
    @Option(help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        if mergeBase && base == nil { throw ValidationError("--merge-base needs --base") }
        let known = ["high", "medium"] + EvidenceFinding.Kind.allCases.map(\.argument)
        for part in failOnParts where !known.contains(part) {
            throw ValidationError("--fail-on: \"\(part)\" is not one of \(known.joined(separator: ", "))")
        }
        if base == nil, !failOnEvidence.isEmpty {
            throw ValidationError("--fail-on \(failOnEvidence.map(\.argument).joined(separator: ",")) needs --base: evidence findings are about a change")
        }
    }

    func run(in workspace: Workspace, console: Console) throws {
        let result = try workspace.check(
            CheckRequest(head: head, base: base, mergeBase: mergeBase, failOn: failOn, failOnEvidence: failOnEvidence))
        try write(report(result), console)
        if format == .github, let summary = console.environment["GITHUB_STEP_SUMMARY"], !summary.isEmpty {
            try append(CheckText.markdown(result), to: console.resolve(summary))
        }
        if format != .text, output != nil || format != .github {
            console.diagnostic(CheckText.verdict(result))
        }
        if !result.passed { throw ExitCode(1) }
    }

    private func report(_ result: CheckResult) -> String {
        switch format {
        case .text: CheckText.render(result)
        case .json: jsonText(result)
        case .markdown: CheckText.markdown(result)
        case .sarif: jsonText(SARIFLog(result, toolVersion: WelltreeCommand.configuration.version))
        case .junit: JUnitReport.render(result)
        case .github: GitHubAnnotations.render(result)
        case .gitlab: jsonText(GitLabCodeQualityIssue.report(result))
        }
    }

    private func write(_ text: String, _ console: Console) throws {
        guard let output else { return console.write(text) }
        do {
            try text.write(toFile: global.file(output, console), atomically: true, encoding: .utf8)
        } catch {
            throw CommandError.io(path: output, message: error.localizedDescription)
        }
    }

    private func append(_ text: String, to path: String) throws {
        guard let handle = FileHandle(forWritingAtPath: path) else {
            do {
                try text.write(toFile: path, atomically: true, encoding: .utf8)
            } catch {
                throw CommandError.io(path: path, message: error.localizedDescription)
            }
            return
        }
        defer { try? handle.close() }
        handle.seekToEndOfFile()
        handle.write(Data(("\n" + text).utf8))
    }
}
