import Foundation

/// The files of Welltree's caches under `welltree/cache/` in the git directory, read and
/// written whole.
///
/// A cache file is replaced by writing a private temporary file beside it and renaming it into
/// place, so a reader sees a whole old file or a whole new one, and two writers at once cannot
/// mix their bytes (the last rename wins).
enum CacheFile {
    /// The bytes of the file at `path`, or nil when it is missing or unreadable. Read straight
    /// into an array (through `Data` it cost a second copy on every command's hot path).
    static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(info.st_size)
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        let complete = bytes.withUnsafeMutableBytes { buffer -> Bool in
            while filled < size {
                let n = Glibc.read(descriptor, buffer.baseAddress! + filled, size - filled)
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { return false }
                filled += n
            }
            return true
        }
        return complete ? bytes : nil
    }

    /// Writes `bytes` to `path` atomically (temporary file + rename), creating directories.
    static func write(_ bytes: [UInt8], to path: String) throws(WorkspaceError) {
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .io(path: directory, message: error.localizedDescription)
        }
        let temporary = "\(path).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .io(path: temporary, message: String(cString: strerror(errno))) }
        var written = 0
        let ok = bytes.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let n = Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if n <= 0 { return false }
                written += n
            }
            return true
        }
        close(descriptor)
        guard ok, rename(temporary, path) == 0 else {
            let message = String(cString: strerror(errno))
            unlink(temporary)
            throw .io(path: path, message: message)
        }
    }
}
