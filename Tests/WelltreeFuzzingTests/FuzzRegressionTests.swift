import Foundation
import TestSupport
import Testing
import WelltreeFuzzing

/// Every input a fuzz target ever failed on, replayed through the same check: a finding, once
/// fixed, stays fixed.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static func check(_ target: String, _ bytes: [UInt8]) {
        switch target {
        case "lens": FuzzCheck.lens(bytes)
        case "condition": FuzzCheck.condition(bytes)
        default: FuzzCheck.workspaceFile(bytes)
        }
    }

    static func inputs(_ target: String) -> [String] {
        guard let directory = Bundle.module.resourcePath.map({ $0 + "/Regressions/" + target }),
            let names = try? FileManager.default.contentsOfDirectory(atPath: directory)
        else { return [] }
        return names.filter { !$0.hasPrefix(".") }.sorted().map { directory + "/" + $0 }
    }

    @Test(arguments: ["lens", "condition", "workspace-files"])
    func pastFindingsPass(_ target: String) throws {
        let inputs = Self.inputs(target)
        for path in inputs {
            Self.check(target, Array(try #require(FileManager.default.contents(atPath: path))))
        }
        ReliabilityLog.record(
            "Fuzz regressions (replayed by swift test)", columns: ["Target", "Past findings replayed", "Outcome"],
            [target, "\(inputs.count)", "all pass the target's check"])
    }
}
