import ArgumentParser
import Foundation
import WelltreeCore
import WelltreeReports

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
            let bytes = FileManager.default.contents(atPath: global.file(file, console)).map { [UInt8]($0) }
            let verdict = LensVerdict.judge(bytes, file: file, kind: official ? .official : .custom)
            console.write(LensText.verdict(verdict, verbose: verbose))
            if !verdict.passed { rejected += 1 }
        }
        if files.count > 1 { console.write(LensText.validationTotals(passed: files.count - rejected, rejected: rejected)) }
        if rejected > 0 { throw ExitCode(2) }
    }
}
