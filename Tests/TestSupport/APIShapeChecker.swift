import Foundation

/// Checks JSON output against an AWS Well-Architected API operation's response shape with
/// `awsshape.py`, the checker kept beside the project (`../shared/tools/awsshape.py`); both the
/// in-process command tests and the end-to-end tests use it.
package enum APIShapeChecker {
    /// The checker's path, or nil when this checkout has none beside it (then nothing is checked).
    package static let path: String? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = root.deletingLastPathComponent().appendingPathComponent("shared/tools/awsshape.py").path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }()

    /// What the checker objects to in `json` as the response of `operation`, or nil when the
    /// shape fits (or there is no checker).
    package static func problem(_ operation: String, json: String) throws -> String? {
        guard let path else { return nil }
        let file = NSTemporaryDirectory() + "welltree-shape-" + UUID().uuidString + ".json"
        try json.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", path, operation, file]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 0 { return nil }
        // `Owner` and `SharedBy` carry Welltree principals where the model has account ids (12
        // digits): clients read those members and would drop a principal given only in
        // `OwnerPrincipal`. That departure, and only it, is allowed.
        let errors = output.split(separator: "\n").filter { $0.hasPrefix("error: ") }.filter { line in
            let path = line.dropFirst("error: ".count).prefix { $0 != ":" }
            return !(path.hasSuffix(".Owner") || path.hasSuffix(".SharedBy"))
        }
        if process.terminationStatus == 1 && errors.isEmpty { return nil }
        return "\(operation): exit \(process.terminationStatus)\n\(output)"
    }
}
