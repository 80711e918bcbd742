import Foundation

/// Where the running `welltree` is installed, and the directories shipped with it (the
/// workspace template, the client hooks).
///
/// Everything is derived from the executable's real path as the kernel reports it
/// (`/proc/self/exe`), never from `argv[0]` or the current directory: run by name from PATH
/// inside a repository, `welltree` must not mistake a `workspace-template/` or `hooks/` that the
/// repository carries for its own. Two layouts are recognised:
///
/// - an installation or unpacked release archive, `<prefix>/bin/welltree` with
///   `<prefix>/share/welltree/<name>`;
/// - a build inside a source tree, `<root>/.build…/…/welltree` (any SwiftPM scratch directory
///   whose name starts with `.build`), with `<root>/<name>` beside `<root>/Package.swift`.
///
/// An environment variable (`WELLTREE_TEMPLATE`, `WELLTREE_HOOKS`) names the directory
/// explicitly; when it is set, nothing else is tried.
package enum Installation {
    /// The real path of the running executable, symbolic links resolved; nil where the platform
    /// does not say (no `/proc`, and Foundation cannot tell either).
    package static var executable: String? {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"), path.hasPrefix("/") {
            return path
        }
        guard let path = Bundle.main.executablePath, path.hasPrefix("/") else { return nil }
        return URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    }

    /// The shipped directory `name`, recognised by the file `marker` inside it; `variable` is the
    /// environment variable that overrides the search.
    package static func shippedDirectory(
        _ name: String, marker: String, variable: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(WorkspaceError) -> String {
        if let explicit = environment[variable], !explicit.isEmpty {
            guard FileManager.default.fileExists(atPath: explicit + "/" + marker) else {
                throw .io(path: explicit, message: "\(variable) names a directory without \(marker); it must point at Welltree's \(name)")
            }
            return explicit
        }
        guard let executable else {
            throw .io(path: name, message: "cannot tell where welltree is installed (no /proc/self/exe); set \(variable)")
        }
        let candidates = candidates(for: name, executable: executable)
        for candidate in candidates where FileManager.default.fileExists(atPath: candidate + "/" + marker) {
            return candidate
        }
        throw .io(
            path: name,
            message:
                "cannot find Welltree's \(name) beside \(executable) (looked in \(candidates.joined(separator: ", "))); set \(variable)")
    }

    /// Where `name` would be for a binary at `executable`, in the order tried.
    package static func candidates(for name: String, executable: String) -> [String] {
        let binary = URL(fileURLWithPath: executable)
        var result = [binary.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("share/welltree/" + name).path]
        var directory = binary.deletingLastPathComponent()
        while directory.path != "/" {
            if directory.lastPathComponent.hasPrefix(".build") {
                let root = directory.deletingLastPathComponent()
                if FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) {
                    result.append(root.appendingPathComponent(name).path)
                }
                break
            }
            directory = directory.deletingLastPathComponent()
        }
        return result
    }
}
