#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads files shipped with Welltree (the workspace template, hooks) without ever following a
/// symbolic link below the directory it starts from.
///
/// Every entry is opened relative to its parent's descriptor with `O_NOFOLLOW`, so a link is
/// refused even when it appears between listing a directory and opening its entry; anything
/// that is neither a directory nor a regular file (a link, a FIFO, a device) is refused with its
/// path. The starting directory itself may be reached through links: that is how an
/// installation chooses to lay itself out.
package enum ShippedFiles {
    /// Every regular file below `root`, by path relative to it, sorted by path.
    package static func tree(at root: String) throws(WorkspaceError) -> [(path: String, bytes: [UInt8])] {
        let descriptor = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .io(path: root, message: "cannot open: \(errnoText())") }
        var result: [(String, [UInt8])] = []
        try walk(descriptor, prefix: "", root: root, into: &result)
        return result.sorted { $0.0 < $1.0 }
    }

    /// The regular file `name` in `directory`.
    package static func file(_ name: String, in directory: String) throws(WorkspaceError) -> [UInt8] {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .io(path: directory, message: "cannot open: \(errnoText())") }
        defer { close(descriptor) }
        let path = directory + "/" + name
        let (file, isDirectory) = try openEntry(name, in: descriptor, path: path)
        defer { close(file) }
        guard !isDirectory else { throw .notARegularFile(path: path, found: "a directory") }
        return try readAll(file, path: path)
    }

    /// Reads the directory open as `descriptor` (and closes it), appending its files.
    private static func walk(
        _ descriptor: Int32, prefix: String, root: String, into result: inout [(String, [UInt8])]
    ) throws(WorkspaceError) {
        guard let stream = fdopendir(descriptor) else {
            close(descriptor)
            throw .io(path: root + "/" + prefix, message: "cannot list: \(errnoText())")
        }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        for name in names.sorted() {
            let relative = prefix + name
            let path = root + "/" + relative
            let (child, isDirectory) = try openEntry(name, in: dirfd(stream), path: path)
            if isDirectory {
                try walk(child, prefix: relative + "/", root: root, into: &result)
            } else {
                defer { close(child) }
                result.append((relative, try readAll(child, path: path)))
            }
        }
    }

    /// Opens `name` below `parent` without following a link; says whether it is a directory.
    private static func openEntry(_ name: String, in parent: Int32, path: String) throws(WorkspaceError) -> (Int32, Bool) {
        let descriptor = openat(parent, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            var status = stat()
            if code == ELOOP || (fstatat(parent, name, &status, AT_SYMLINK_NOFOLLOW) == 0 && (status.st_mode & S_IFMT) == S_IFLNK) {
                throw .notARegularFile(path: path, found: "a symbolic link (shipped files are never read through links)")
            }
            throw .io(path: path, message: "cannot open: \(String(cString: strerror(code)))")
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            close(descriptor)
            throw .io(path: path, message: "cannot read: \(errnoText())")
        }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: return (descriptor, true)
        case S_IFREG: return (descriptor, false)
        default:
            close(descriptor)
            throw .notARegularFile(path: path, found: "a special file")
        }
    }

    private static func readAll(_ descriptor: Int32, path: String) throws(WorkspaceError) -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .io(path: path, message: "cannot read: \(errnoText())")
            }
            if count == 0 { return bytes }
            bytes += buffer[..<count]
        }
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}
