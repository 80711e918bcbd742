import Foundation
import Git

/// The files `welltree init` lays down, read from the `workspace-template` directory that ships
/// beside the binary.
///
/// Looked up in order: `$WELLTREE_TEMPLATE`; `<prefix>/share/welltree/workspace-template` for a
/// binary installed in `<prefix>/bin`; the nearest `workspace-template` above the binary (a
/// build inside the source tree).
package struct WorkspaceTemplate {
    package let root: String

    package init(root: String) {
        self.root = root
    }

    /// Finds the template, or explains where it looked.
    package static func locate() throws(WorkspaceError) -> WorkspaceTemplate {
        var candidates: [String] = []
        if let explicit = ProcessInfo.processInfo.environment["WELLTREE_TEMPLATE"], !explicit.isEmpty {
            candidates.append(explicit)
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = executable.deletingLastPathComponent()
        candidates.append(directory.appendingPathComponent("../share/welltree/workspace-template").standardized.path)
        while directory.path != "/" {
            candidates.append(directory.appendingPathComponent("workspace-template").path)
            directory = directory.deletingLastPathComponent()
        }
        for candidate in candidates where FileManager.default.fileExists(atPath: candidate + "/welltree.json") {
            return WorkspaceTemplate(root: candidate)
        }
        throw .io(path: "workspace-template", message: "cannot find the workspace template (looked in \(candidates.prefix(3).joined(separator: ", ")), ...); set WELLTREE_TEMPLATE")
    }

    /// Every file of the template, by path relative to its root, in sorted order.
    package func files() throws(WorkspaceError) -> [(path: String, bytes: [UInt8])] {
        guard let enumerator = FileManager.default.enumerator(atPath: root) else {
            throw .io(path: root, message: "cannot read the workspace template")
        }
        var result: [(String, [UInt8])] = []
        while let relative = enumerator.nextObject() as? String {
            let full = root + "/" + relative
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            guard let data = FileManager.default.contents(atPath: full) else {
                throw .io(path: full, message: "cannot read")
            }
            result.append((relative, Array(data)))
        }
        return result.sorted { $0.0 < $1.0 }
    }
}

extension Workspace {
    /// Creates a review repository at `path` (or adopts the git repository there) and commits
    /// the template files it is missing. Running it again changes nothing.
    package static func initialize(at path: String, template: WorkspaceTemplate) throws(WorkspaceError) -> (Workspace, committed: Bool) {
        do {
            _ = try Repository.open(at: path)
        } catch {
            guard error.isNotFound else { throw .git(error) }
            do {
                _ = try Repository.create(at: path)
            } catch {
                throw .git(error)
            }
        }
        let workspace = try Workspace(at: path)
        var changes = ChangeSet()
        for (relative, bytes) in try template.files() where try workspace.entry(relative) == nil {
            changes.write(relative, bytes)
        }
        if changes.isEmpty { return (workspace, false) }
        let message = try workspace.entry(Layout.settings) == nil
            ? "Initialise Welltree workspace" : "Add missing Welltree workspace files"
        let commit = try workspace.commit(changes, message: message)
        return (workspace, commit != nil)
    }
}
