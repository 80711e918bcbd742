import Foundation
import Testing

/// botocore, the AWS SDK for Python's core, reading Welltree's JSON as a client of the service
/// would (`Tests/Tools/botocore-check.py`): from `.build-tools/venv` when
/// `scripts/install-dependencies` installed it there, else from the system's `python3`.
enum Botocore {
    static let checker = PythonTools.sourceRoot + "/Tests/Tools/botocore-check.py"

    /// A Python that imports botocore, or nil.
    static let python: String? = {
        for candidate in [PythonTools.venv + "/bin/python", "python3"] {
            if let result = try? Run.program(candidate, ["-c", "import botocore"]), result.status == 0 { return candidate }
        }
        return nil
    }()

    static let skipMessage: Comment =
        "needs botocore: run scripts/install-dependencies (it installs botocore from PyPI into .build-tools/venv), or install it for python3"

    /// One document as the client read it.
    struct Result {
        var operation: String
        var problems: [String]
        var parsed: [String: Any]
    }

    /// Reads each `(operation, JSON text)` with botocore's response parser for that operation.
    static func parse(_ documents: [(operation: String, json: String)]) throws -> [Result] {
        let python = try #require(python, "botocore is not available")
        let directory = NSTemporaryDirectory() + "welltree-botocore-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var pairs: [String] = []
        for (index, document) in documents.enumerated() {
            let file = "\(directory)/\(index).json"
            try document.json.write(toFile: file, atomically: true, encoding: .utf8)
            pairs.append("\(document.operation)=\(file)")
        }
        let run = try Run.program(python, [checker, "parse"] + pairs)
        try #require(run.status == 0 || run.status == 1, "\(run)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let results = try #require(report["results"] as? [[String: Any]])
        return results.map {
            Result(
                operation: $0["operation"] as? String ?? "", problems: $0["problems"] as? [String] ?? [],
                parsed: $0["parsed"] as? [String: Any] ?? [:])
        }
    }
}

extension Botocore {
    /// Checks each `(operation, file)` request with botocore's parameter validator for the
    /// operation's input shape (and the model's limits it leaves to the service); the problems
    /// of each file, in order.
    static func validate(_ requests: [(operation: String, file: String)]) throws -> [(file: String, problems: [String])] {
        let python = try #require(python, "botocore is not available")
        let run = try Run.program(python, [checker, "validate"] + requests.map { "\($0.operation)=\($0.file)" })
        try #require(run.status == 0 || run.status == 1, "\(run)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let results = try #require(report["results"] as? [[String: Any]])
        return results.map { ($0["file"] as? String ?? "", $0["problems"] as? [String] ?? []) }
    }
}
