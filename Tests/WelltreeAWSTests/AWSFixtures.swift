import Foundation
import Testing
import WelltreeAWS
import WelltreeCore

/// The fixtures of the AWS migration tests (`Fixtures/`, written by `Fixtures/generate-dump.py`)
/// and the Welltree values they are imported with.
enum AWSFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let projectRoot = directory.deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = directory.appendingPathComponent("Fixtures")
    static let support = directory.appendingPathComponent("Support")

    static let workloadId = "a1b2c3d4e5f60718293a4b5c6d7e8f90"
    static let customArn = "arn:aws:wellarchitected:eu-west-1:111122223333:lens/7c1f0e2d9a8b4c3d2e1f0a9b8c7d6e5f"
    static let customAlias = "checkout-review"
    static let customDirectory = "arn_aws_wellarchitected_eu-west-1_111122223333_lens_7c1f0e2d9a8b4c3d2e1f0a9b8c7d6e5f"
    static let owner = "alice@example.com"
    static let now = "2026-03-10T12:00:00Z"
    static let pillarPriority = ["operationalExcellence", "security", "reliability", "performance", "costOptimization", "sustainability"]

    /// Every file below `directory`, by relative path.
    static func files(in directory: URL) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        let base = directory.standardizedFileURL.path
        let enumerator = try #require(FileManager.default.enumerator(atPath: base))
        for case let path as String in enumerator {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = Array(try #require(FileManager.default.contents(atPath: base + "/" + path)))
            }
        }
        return files
    }

    /// The fixture dump.
    static func dump() throws -> AWSDump {
        AWSDump(files: try files(in: fixtures.appendingPathComponent("dump")))
    }

    /// The fixture dump with the service's risks that part from the lens rules laid over it.
    static func differingDump() throws -> AWSDump {
        var dump = try dump()
        for (path, bytes) in try files(in: fixtures.appendingPathComponent("risk-differs")) { dump.files[path] = bytes }
        return dump
    }

    /// A built-in lens version as the workspace template ships it.
    static func builtin(_ alias: String, version: String = "1.1") throws -> AWSCatalogLens {
        let path = projectRoot.appendingPathComponent("workspace-template/lenses/\(alias)/versions/\(version).json").path
        let bytes = Array(try #require(FileManager.default.contents(atPath: path)))
        return AWSCatalogLens(alias: alias, version: version, lens: try LensLoader.load(bytes, file: path, kind: .official).lens)
    }

    static func catalog() throws -> AWSLensCatalog {
        var builtin: [String: AWSCatalogLens] = [:]
        for alias in ["wellarchitected", "serverless", "softwareasaservice", "foundationaltechnicalreview"] {
            builtin[alias] = try Self.builtin(alias)
        }
        return AWSLensCatalog(builtin: builtin, customAliases: [customArn: customAlias])
    }

    static func context(dropUnknownChoices: Bool = false) throws -> AWSImportContext {
        AWSImportContext(
            owner: owner, now: now, pillarPriority: pillarPriority, lenses: try catalog(), dropUnknownChoices: dropUnknownChoices)
    }

    /// The fixture dump read and planned.
    static func plan() throws -> AWSImportPlan {
        try AWSImport.plan(try AWSDumpReader.read(try dump()), context: try context())
    }

    /// `dump` with the JSON document at `path` changed by `edit` (as Foundation objects).
    static func editing(_ dump: AWSDump, _ path: String, _ edit: (inout [String: Any]) -> Void) throws -> AWSDump {
        var copy = dump
        let bytes = try #require(dump.files[path], "no \(path) in the dump")
        var object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        edit(&object)
        copy.files[path] = Array(try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]))
        return copy
    }

    /// The problems of reading `dump`, or none.
    static func problems(reading dump: AWSDump) -> [AWSProblem] {
        do {
            _ = try AWSDumpReader.read(dump)
            return []
        } catch {
            return error.problems
        }
    }
}
