import Foundation
import Git
import WelltreeCore

/// Worker processes that compute workload overviews in parallel for a cold dashboard.
///
/// Reading every answer of a large repository is bound by libgit2's object reads (pack index
/// look-up, inflate, delta chains). Threads in one process share libgit2's pack windows and
/// locks and were slower than one thread; separate processes share nothing but the operating
/// system's file cache, so the work divides across cores.
///
/// The calling process computes the first share itself. Each worker is the same `welltree`
/// executable running its hidden `overview-worker` command on the same repository and root
/// tree. It reads its share of workload directories from stdin (all of it before writing
/// anything, so neither side can block the other on a full pipe) and writes one frame per
/// directory to stdout: a UInt32 length (little-endian) and the summary
/// cache's encoding of the entry, or length 0 for a directory it leaves to the caller (one it
/// could not read, after which it goes on with the rest). A directory a worker did not deliver,
/// because it could not read it or stopped, is computed by the calling process, so errors (a
/// malformed answer file) are reported exactly as without workers.
package struct OverviewWorkers: Sendable {
    /// The `welltree` executable to run.
    package var executable: String
    /// How many processes share the work: this one and `count - 1` workers.
    package var count: Int
    /// Below this many workloads to compute, starting processes costs more than it saves.
    package var minimumWorkloads: Int

    package init(executable: String, count: Int, minimumWorkloads: Int = 400) {
        self.executable = executable
        self.count = count
        self.minimumWorkloads = minimumWorkloads
    }

    /// Whether `pending` workloads are worth spreading over processes.
    func applies(to pending: Int) -> Bool {
        count > 1 && pending >= max(minimumWorkloads, 2)
    }

    /// The hidden command's name.
    package static let commandName = "overview-worker"

    /// Computes the entries of `directories` of `tree` in `repository`: the first share here
    /// with `local`, the others in `count - 1` worker processes at the same time. Each entry is
    /// passed to `delivered` with its directory's tree id as it arrives; between its own
    /// workloads this process empties the workers' pipes, so they never wait on it. An error
    /// from `local` stops the workers and is thrown.
    func compute(
        _ directories: [TreeEntry], repository: Repository, tree: ObjectID,
        local: (TreeEntry) throws(WorkspaceError) -> SummaryCache.Entry?,
        delivered: (ObjectID, SummaryCache.Entry) -> Void
    ) throws(WorkspaceError) {
        let shares = Self.split(directories, into: count)
        var running: [RunningWorker] = []
        for share in shares.dropFirst() where !share.isEmpty {
            let arguments = [Self.commandName, "--repository", repository.gitDirectory, "--tree", tree.hex]
            if let worker = RunningWorker(executable: executable, arguments: arguments) {
                running.append(worker)
                worker.send(share)
            }
        }
        func frame(_ bytes: ArraySlice<UInt8>) {
            if let (id, entry) = SummaryCache.decodeEntry(bytes) { delivered(id, entry) }
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        do {
            for directory in shares.first ?? [] {
                if let entry = try local(directory) { delivered(directory.id, entry) }
                RunningWorker.drain(running, waiting: false, chunk: &chunk, frame: frame)
            }
        } catch {
            for worker in running { worker.stop() }
            throw error
        }
        RunningWorker.drain(running, waiting: true, chunk: &chunk, frame: frame)
        for worker in running { worker.wait() }
    }

    /// Contiguous shares of nearly equal size: neighbouring workloads tend to share delta bases
    /// in a pack, so each process keeps its own reads close together.
    static func split(_ directories: [TreeEntry], into count: Int) -> [ArraySlice<TreeEntry>] {
        let parts = max(1, min(count, directories.count))
        var result: [ArraySlice<TreeEntry>] = []
        var start = 0
        for part in 0..<parts {
            let end = directories.count * (part + 1) / parts
            result.append(directories[start..<end])
            start = end
        }
        return result
    }

    /// The worker's side: reads `<tree id> <directory>` lines from standard input until it is
    /// closed, then writes one frame per line to standard output.
    package static func serve(repository path: String, tree hex: String) throws(WorkspaceError) {
        let repository: Repository
        do {
            repository = try Repository.open(at: path)
        } catch {
            throw .git(error)
        }
        guard let tree = ObjectID(hex: hex) else { throw .notFound(what: "tree", name: hex, hint: nil) }
        let workspace = try Workspace(repository: repository, tree: tree)
        let input = FileHandle.standardInput.readDataToEndOfFile()
        var output = FrameWriter(descriptor: STDOUT_FILENO)
        for line in input.split(separator: UInt8(ascii: "\n")) {
            guard let space = line.firstIndex(of: UInt8(ascii: " ")),
                let id = ObjectID(hex: String(decoding: line[line.startIndex..<space], as: UTF8.self))
            else { throw .refused("overview worker: malformed input line", code: .subprocess) }
            let name = String(decoding: line[(space + 1)...], as: UTF8.self)
            // A workload that cannot be read is left to the caller (an empty frame), which
            // reports it; the worker goes on with the rest of its share.
            let entry = try? workspace.overviewEntry(TreeEntry(name: name, id: id, kind: .tree))
            guard output.write(entry.flatMap { SummaryCache.encodeEntry(tree: id, $0) } ?? []) else { return }
        }
        output.flush()
    }
}

/// Frames written to a descriptor in 64 KB batches.
private struct FrameWriter {
    let descriptor: Int32
    var buffer: [UInt8] = []

    init(descriptor: Int32) {
        self.descriptor = descriptor
        buffer.reserveCapacity(1 << 16)
    }

    /// Adds a frame; false once the reader has gone away.
    mutating func write(_ frame: [UInt8]) -> Bool {
        withUnsafeBytes(of: UInt32(frame.count).littleEndian) { buffer.append(contentsOf: $0) }
        buffer.append(contentsOf: frame)
        return buffer.count < 1 << 16 || flush()
    }

    @discardableResult
    mutating func flush() -> Bool {
        defer { buffer.removeAll(keepingCapacity: true) }
        return writeAll(descriptor, buffer)
    }
}

/// Writes every byte, retrying short writes; false on an error (a closed pipe).
private func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
    var written = 0
    return bytes.withUnsafeBytes { raw -> Bool in
        while written < raw.count {
            let n = write(descriptor, raw.baseAddress! + written, raw.count - written)
            if n < 0, errno == EINTR { continue }
            if n <= 0 { return false }
            written += n
        }
        return true
    }
}

/// One started worker process and the read end of its output.
private final class RunningWorker {
    let process = Process()
    let input = Pipe()
    let output = Pipe()
    var pending: [UInt8] = []
    var open = true

    /// Starts the worker; nil when it cannot be started (the caller then does the work).
    init?(executable: String, arguments: [String]) {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = input
        process.standardOutput = output
        // A failing worker's message would repeat the caller's, which reports the error itself.
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return nil
        }
    }

    /// Hands the worker its directories and closes its input.
    func send(_ directories: ArraySlice<TreeEntry>) {
        var text: [UInt8] = []
        text.reserveCapacity(directories.count * 64)
        for directory in directories {
            text.append(contentsOf: directory.id.hex.utf8)
            text.append(UInt8(ascii: " "))
            text.append(contentsOf: directory.name.utf8)
            text.append(UInt8(ascii: "\n"))
        }
        // A worker that died early closes the pipe: the write fails (SIGPIPE is ignored for the
        // duration) and the caller computes that share itself.
        let previous = signal(SIGPIPE, SIG_IGN)
        _ = writeAll(input.fileHandleForWriting.fileDescriptor, text)
        signal(SIGPIPE, previous)
        try? input.fileHandleForWriting.close()
    }

    /// Reads the workers' output, calling `frame` for each whole frame: until every worker has
    /// closed its output when `waiting`, else only what can be read without waiting.
    /// `chunk` is the caller's read buffer, reused across calls (this runs after every workload
    /// the caller computes itself).
    static func drain(
        _ workers: [RunningWorker], waiting: Bool, chunk: inout [UInt8], frame: (ArraySlice<UInt8>) -> Void
    ) {
        while workers.contains(where: \.open) {
            var descriptors = workers.filter(\.open).map {
                pollfd(fd: $0.output.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0)
            }
            let ready = poll(&descriptors, nfds_t(descriptors.count), waiting ? -1 : 0)
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            if ready == 0 { return }
            for worker in workers where worker.open {
                let descriptor = worker.output.fileHandleForReading.fileDescriptor
                guard let polled = descriptors.first(where: { $0.fd == descriptor }), polled.revents != 0 else { continue }
                let n = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
                if n < 0, errno == EINTR { continue }
                if n <= 0 {
                    worker.open = false
                    continue
                }
                worker.pending.append(contentsOf: chunk[0..<n])
                worker.takeFrames(frame)
            }
        }
    }

    /// Passes on the whole frames received so far and keeps the rest.
    private func takeFrames(_ frame: (ArraySlice<UInt8>) -> Void) {
        var start = 0
        while pending.count - start >= 4 {
            var header = BinaryReader(pending[start..<(start + 4)])
            let length = Int(header.integer(UInt32.self)!)
            guard pending.count - start - 4 >= length else { break }
            if length > 0 { frame(pending[(start + 4)..<(start + 4 + length)]) }
            start += 4 + length
        }
        pending.removeFirst(start)
    }

    func wait() {
        try? output.fileHandleForReading.close()
        process.waitUntilExit()
    }

    /// Ends the worker early (the caller is giving up) and waits for it.
    func stop() {
        if process.isRunning { process.terminate() }
        wait()
    }
}
