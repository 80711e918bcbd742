import Testing
import WelltreeCore
import WelltreeReports

/// `lens validate`'s lines: one verdict line per file, errors (and with --verbose warnings)
/// indented under it in compiler style, and the totals over several files.
@Suite("lens validate text")
struct LensVerdictTextTests {
    static func diagnostic(_ key: String, _ message: String, line: Int, isError: Bool) -> LensDiagnostic {
        LensDiagnostic(
            file: "lens.json", path: JSONPath([.key("pillars"), .index(0), .key(key)]), position: SourcePosition(line: line, column: 5),
            message: message, isError: isError)
    }

    static let warning = diagnostic("notes", "is not read by Welltree", line: 7, isError: false)

    @Test func aPassingFileCountsItsLensAndListsWarningsOnlyWhenVerbose() {
        let verdict = LensVerdict(file: "lens.json", lens: ReportFixture.lens, errors: [], warnings: [Self.warning], readFailure: nil)
        let lens = ReportFixture.lens
        let ok = "ok  lens.json  (\(lens.pillars.count) pillars, \(lens.questionCount) questions, \(lens.choiceCount) choices, 1 warning)\n"
        #expect(LensText.verdict(verdict, verbose: false) == ok)
        #expect(LensText.verdict(verdict, verbose: true) == ok + "    lens.json:7:5: warning: pillars[0].notes: is not read by Welltree\n")
    }

    @Test func aRejectedFileNamesItsFirstErrorThenEveryError() {
        let errors = [
            Self.diagnostic("id", "must not be empty", line: 3, isError: true),
            Self.diagnostic("name", "is longer than 128 characters", line: 4, isError: true),
        ]
        let verdict = LensVerdict(file: "lens.json", lens: nil, errors: errors, warnings: [Self.warning], readFailure: nil)
        #expect(
            LensText.verdict(verdict, verbose: false) == """
                rejected  lens.json  pillars[0].id: must not be empty
                    lens.json:3:5: error: pillars[0].id: must not be empty
                    lens.json:4:5: error: pillars[0].name: is longer than 128 characters

                """)
        #expect(LensText.verdict(LensVerdict.judge(nil, file: "gone.json", kind: .custom), verbose: true) == "rejected  gone.json  cannot read the file\n")
        #expect(LensText.validationTotals(passed: 2, rejected: 1) == "2 passed, 1 rejected\n")
    }
}
