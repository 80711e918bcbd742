import Foundation
import Testing

/// The Python tools some tests drive (check-jsonschema, pre-commit, PyYAML for the action
/// runner), from the virtual environment `scripts/install-dependencies` creates in
/// `.build-tools/venv` (or the one `WELLTREE_TOOLS_VENV` names). Tests that need them are
/// skipped, with this message, where the package registry could not be reached to install them.
enum PythonTools {
    static let sourceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static let venv = ProcessInfo.processInfo.environment["WELLTREE_TOOLS_VENV"] ?? sourceRoot + "/.build-tools/venv"
    static let skipMessage: Comment =
        "needs check-jsonschema, pre-commit and PyYAML in .build-tools/venv: run scripts/install-dependencies (PyPI must be reachable)"

    static func tool(_ name: String) -> String { venv + "/bin/" + name }

    static var isAvailable: Bool {
        ["check-jsonschema", "pre-commit", "python"].allSatisfy { FileManager.default.isExecutableFile(atPath: tool($0)) }
    }
}
