import ArgumentParser
import Foundation
import WelltreeCore

/// `welltree lens validate FILE...`: runs every import check on lens files without a workspace,
/// so lens authors (and CI jobs over a directory of lenses) get the verdict before importing.
///
/// One verdict line per file on stdout, errors (and with `--verbose` warnings) indented under
/// it in compiler style so editors can jump to them. Exit status 2 when any file was rejected.
package struct LensValidate: ConsoleCommand, TextOnlyCommand {
    package static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check lens files without importing them",
        discussion: """
            Applies the same rules as 'welltree lens import': the lens format's limits, ids, risk rules \
            and conditions. Harmless deviations are accepted with warnings (shown with --verbose). \
            Exit status 2 when a file is rejected.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup package var format: TextFormatOptions
    package static let jsonInstead = "welltree lens show ALIAS --format json"
    @Argument(help: "Lens JSON files to check.")
    var files: [String]

    @Flag(name: .shortAndLong, help: "Also list the warnings of each file.")
    var verbose = false

    @Flag(help: "Check as an AWS-provided lens: dashes allowed in question ids, no character-set or file-size quota.")
    var official = false

    package init() {}

    package func run(_ console: Console) throws {
        var rejected = 0
        for file in files {
            let verdict = Self.check(file, at: global.file(file, console), kind: official ? .official : .custom)
            console.write(verdict.lines(verbose: verbose).joined(separator: "\n") + "\n")
            if !verdict.passed { rejected += 1 }
        }
        if files.count > 1 { console.write("\(files.count - rejected) passed, \(rejected) rejected\n") }
        if rejected > 0 { throw ExitCode(2) }
    }

    /// Reads and checks one file.
    static func check(_ file: String, at path: String, kind: LensKind) -> Verdict {
        guard let data = FileManager.default.contents(atPath: path) else {
            return Verdict(file: file, lens: nil, errors: [], warnings: [], readFailure: "cannot read the file")
        }
        do {
            let result = try LensLoader.load([UInt8](data), file: file, kind: kind)
            return Verdict(file: file, lens: result.lens, errors: [], warnings: result.warnings, readFailure: nil)
        } catch {
            return Verdict(file: file, lens: nil, errors: error.errors, warnings: error.warnings, readFailure: nil)
        }
    }

    /// The outcome for one file and how it is printed.
    struct Verdict {
        var file: String
        var lens: Lens?
        var errors: [LensDiagnostic]
        var warnings: [LensDiagnostic]
        var readFailure: String?

        var passed: Bool { lens != nil }

        func lines(verbose: Bool) -> [String] {
            var lines: [String]
            if let lens {
                let counts = [
                    plural(lens.pillars.count, "pillar"), plural(lens.questionCount, "question"),
                    plural(lens.choiceCount, "choice"), plural(warnings.count, "warning"),
                ]
                lines = ["ok  \(file)  (\(counts.joined(separator: ", ")))"]
            } else if let readFailure {
                lines = ["rejected  \(file)  \(readFailure)"]
            } else {
                let first = errors.first.map { "\($0.path): \($0.message)" } ?? "rejected"
                lines = ["rejected  \(file)  \(first)"] + errors.map { "    \($0)" }
            }
            if verbose { lines += warnings.map { "    \($0)" } }
            return lines
        }

        private func plural(_ count: Int, _ noun: String) -> String {
            "\(count) \(noun)\(count == 1 ? "" : "s")"
        }
    }
}
