import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// An exclusive advisory lock (`flock`) on `<git dir>/welltree/lock`, held while a welltree
/// process commits and brings the work tree up to date.
///
/// Why `flock` and not a lock file created with O_EXCL as git does: the kernel releases a
/// `flock` when its holder dies, even by SIGKILL, so a crashed welltree never leaves a lock that
/// blocks the next command. The file itself stays (it is empty and harmless). Only welltree
/// processes take this lock; git's own `index.lock` and `<ref>.lock` still guard against the git
/// command line. Advisory locks may not work on some network file systems; there the
/// compare-and-swap of the branch still refuses a lost update.
final class WriteLock {
    private let descriptor: Int32
    /// The lock file, for messages.
    let path: String

    /// How long to wait for another welltree process to finish its write.
    static let timeout: Double = 60

    /// Waits for the lock, polling, up to `timeout` seconds.
    init(gitDirectory: String) throws(WorkspaceError) {
        path = Layout.writeLock(commonDirectory: gitDirectory)
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .io(path: directory, message: error.localizedDescription)
        }
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw .io(path: path, message: String(cString: strerror(errno))) }
        let deadline = Date().addingTimeInterval(Self.timeout)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
                let reason =
                    errno == EWOULDBLOCK ? "another welltree process held it for \(Int(Self.timeout)) s" : String(cString: strerror(errno))
                close(fd)
                throw .locked(path: path, detail: reason)
            }
            usleep(UInt32.random(in: 2_000...10_000))
        }
        descriptor = fd
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
