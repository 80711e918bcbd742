import Foundation
import Testing

/// Compares output with a golden file beside the tests (`Golden/<name>`). Run with
/// `WELLTREE_RECORD_GOLDEN=1` to write the files instead, then read the diff before committing.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["WELLTREE_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no golden file \(name); record it with WELLTREE_RECORD_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        if text != expected {
            let got = text.split(separator: "\n", omittingEmptySubsequences: false)
            let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, want.count)
            let shown = line < got.count ? String(got[line]) : "<end>"
            let wanted = line < want.count ? String(want[line]) : "<end>"
            Issue.record("\(name) differs at line \(line + 1):\n  got:      \(shown)\n  expected: \(wanted)\n(re-record with WELLTREE_RECORD_GOLDEN=1 if the change is intended)", sourceLocation: sourceLocation)
        }
    }
}
