import Git
import WelltreeCore

/// The files one command changes: new contents (or a blob the repository holds) by path, or
/// removal, and directories removed. Applied as one commit, removed directories first.
package struct ChangeSet: Sendable {
    package private(set) var files: [String: [UInt8]?] = [:]
    /// Files given as a blob the repository already holds (a file moved unchanged).
    package private(set) var copies: [String: ObjectID] = [:]
    /// Directories removed with everything below them.
    package private(set) var removedDirectories: Set<String> = []
    /// Directories moved unchanged (`moveDirectory`): the work tree may rename them.
    package private(set) var movedDirectories: [(from: String, to: String)] = []

    package init() {}

    /// Puts `bytes` at `path`.
    package mutating func write(_ path: String, _ bytes: [UInt8]) {
        files[path] = .some(bytes)
        copies[path] = nil
    }

    /// Encodes `value` canonically and puts it at `path`.
    package mutating func write(_ path: String, json value: some Encodable) throws(WorkspaceError) {
        do {
            write(path, try CanonicalJSON.encode(value))
        } catch {
            throw .io(path: path, message: "cannot encode: \(error)")
        }
    }

    /// Puts the existing blob `blob` at `path`.
    package mutating func copy(_ path: String, blob: ObjectID) {
        copies[path] = blob
        files[path] = nil
    }

    /// Moves the directory `from`, whose `files` (relative paths and blobs) are all it holds, to
    /// `to` unchanged: each file is copied below `to` and `from` is removed.
    package mutating func moveDirectory(_ from: String, to: String, files: [(path: String, blob: ObjectID)]) {
        for file in files { copy(to + "/" + file.path, blob: file.blob) }
        removeDirectory(from)
        movedDirectories.append((from, to))
    }

    /// Removes whatever is at `path`.
    package mutating func remove(_ path: String) {
        files[path] = .some(nil)
        copies[path] = nil
    }

    /// Removes the directory at `path` and everything below it.
    package mutating func removeDirectory(_ path: String) {
        removedDirectories.insert(path)
    }

    package var isEmpty: Bool { files.isEmpty && copies.isEmpty && removedDirectories.isEmpty }

    /// Paths written or removed, in a stable order.
    package var paths: [String] { (Array(files.keys) + copies.keys).sorted() }

    /// True when `path` is written (with new bytes or an existing blob), false when removed.
    package func writes(_ path: String) -> Bool { copies[path] != nil || files[path] ?? nil != nil }

    /// The same changes with every path below `prefix` (a workspace's, `Layout.locatePrefix`):
    /// what they are relative to the repository's root.
    package func prefixed(_ prefix: String) -> ChangeSet {
        if prefix.isEmpty { return self }
        var result = ChangeSet()
        for (path, bytes) in files { result.files[prefix + path] = bytes }
        for (path, blob) in copies { result.copies[prefix + path] = blob }
        result.removedDirectories = Set(removedDirectories.map { prefix + $0 })
        result.movedDirectories = movedDirectories.map { (prefix + $0.from, prefix + $0.to) }
        return result
    }
}
