import WelltreeCore

/// The files one command changes: new contents by path, or removal. Applied as one commit.
package struct ChangeSet: Sendable {
    package private(set) var files: [String: [UInt8]?] = [:]

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

    package var isEmpty: Bool { files.isEmpty }

    /// Paths in a stable order.
    package var paths: [String] { files.keys.sorted() }
}
