import Foundation
import TestSupport
import Testing
import WelltreeFuzzing

/// Every seed input of a fuzz target and every input a fuzz target ever failed on, replayed
/// through the same check: the checks run on every `swift test`, and a finding, once fixed, stays
/// fixed.
///
/// Seeds (`Seeds/<target>/`) are committed, so each target always has inputs, and a target
/// without any is a failure rather than a silent pass. Regressions (`Regressions/<target>/`) are
/// what `scripts/fuzz` copied after a finding; a target may have none.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    /// The fuzz targets, by the name of their directories under `Seeds/` and `Regressions/`.
    static let targets = ["lens", "condition", "workspace-files"]

    /// Runs the target's check; true when the parser accepted the input (so the round-trip
    /// properties were checked, not only that rejecting it does not crash).
    static func check(_ target: String, _ bytes: [UInt8]) -> Bool {
        switch target {
        case "lens": FuzzCheck.lens(bytes)
        case "condition": FuzzCheck.condition(bytes)
        default: FuzzCheck.workspaceFile(bytes)
        }
    }

    /// The test bundle's resource directory; nil when the bundle was built without it.
    static var resources: String? { Bundle.module.resourcePath }

    /// The files in `kind/target` (`Seeds` or `Regressions`), sorted; empty when the directory
    /// does not exist (git keeps no empty directory, so a target without findings has none).
    static func inputs(_ kind: String, _ target: String, in resources: String) -> [String] {
        let directory = resources + "/" + kind + "/" + target
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { directory + "/" + $0 }
    }

    @Test("every fuzz target has committed seeds")
    func everyTargetHasSeeds() throws {
        let resources = try #require(Self.resources, "the test bundle has no resources")
        let seeds = resources + "/Seeds"
        var isDirectory: ObjCBool = false
        try #require(FileManager.default.fileExists(atPath: seeds, isDirectory: &isDirectory) && isDirectory.boolValue, "no \(seeds)")
        let directories = try FileManager.default.contentsOfDirectory(atPath: seeds).filter { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: seeds + "/" + name, isDirectory: &isDirectory) && isDirectory.boolValue
        }
        #expect(directories.sorted() == Self.targets.sorted(), "the seed directories must be exactly the fuzz targets")
        for target in Self.targets {
            #expect(!Self.inputs("Seeds", target, in: resources).isEmpty, "\(target) needs seed inputs in Seeds/\(target)")
        }
    }

    @Test(arguments: targets)
    func seedsAndPastFindingsPass(_ target: String) throws {
        let resources = try #require(Self.resources, "the test bundle has no resources")
        let seeds = Self.inputs("Seeds", target, in: resources)
        let findings = Self.inputs("Regressions", target, in: resources)
        try #require(!seeds.isEmpty, "no seed inputs for \(target) in \(resources)/Seeds/\(target): the check would run on nothing")
        var accepted = 0
        for path in seeds + findings {
            let bytes = try #require(FileManager.default.contents(atPath: path), "cannot read \(path)")
            if Self.check(target, Array(bytes)) { accepted += 1 }
        }
        // Seeds that are all rejected would test the error paths only, never the properties.
        #expect(accepted > 0, "no input of \(target) is accepted by its parser")
        #expect(accepted < seeds.count + findings.count, "no input of \(target) is rejected: the error paths go unreplayed")
        ReliabilityLog.record(
            "Fuzz regressions (replayed by swift test)",
            columns: ["Target", "Seeds replayed", "Past findings replayed", "Accepted by the parser", "Outcome"],
            [target, "\(seeds.count)", "\(findings.count)", "\(accepted)", "all pass the target's check"])
    }
}
