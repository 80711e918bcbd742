import WelltreeCore

/// The files one command changes: new contents by path, or removal. Applied as one commit.
package struct ChangeSet: Sendable {
    package private(set) var files: [String: [UInt8]?] = [:]
    /// Directories removed with everything below them.
    package private(set) var removedDirectories: Set<String> = []

    package init() {}

    /// Puts `bytes` at `path`.
    package mutating func write(_ path: String, _ bytes: [UInt8]) {
        files[path] = .some(bytes)
    }

    /// Encodes `value` canonically and puts it at `path`.
    package mutating func write(_ path: String, json value: some Encodable) throws(WorkspaceError) {
        do {
            write(path, try CanonicalJSON.encode(value))
        } catch {
            throw .io(path: path, message: "cannot encode: \(error)")
        }
    }

    /// Removes whatever is at `path`.
    package mutating func remove(_ path: String) {
        files[path] = .some(nil)
    }

    /// Removes the directory at `path` and everything below it.
    package mutating func removeDirectory(_ path: String) {
        removedDirectories.insert(path)
    }

    package var isEmpty: Bool { files.isEmpty && removedDirectories.isEmpty }

    /// Paths in a stable order.
    package var paths: [String] { files.keys.sorted() }
}
