import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// How one run of a program went: exit status, wall time and the child's own peak resident
/// memory (from `wait4`, so it is that process alone, never the benchmark or other children).
package struct ChildResult: Sendable {
    package var status: Int32
    package var seconds: Double
    package var peakResidentBytes: Int
    /// With `sampleMemory`: the highest sum, over the process and every process it started, of
    /// their proportional set sizes (shared pages divided among the processes sharing them),
    /// sampled every 5 ms. 0 when not sampled.
    package var peakTreeProportionalBytes: Int = 0
    /// Standard output, when it was captured.
    package var output: [UInt8]
    /// Standard error (always captured, for error messages).
    package var errorText: String

    /// The captured standard output as text, without surrounding white space.
    package var text: String {
        String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Runs programs the way a person would from a shell, measuring them.
package enum ChildProcess {
    /// Runs `arguments` (the first is looked up on PATH), with standard output captured or sent
    /// to /dev/null, and waits for it.
    package static func run(_ arguments: [String], captureOutput: Bool = false, sampleMemory: Bool = false) throws -> ChildResult {
        let directory = NSTemporaryDirectory() + "welltree-bench-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let outPath = captureOutput ? directory + "/stdout" : "/dev/null"
        let errPath = directory + "/stderr"

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = Clock.nanoseconds()
        let code = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
        guard code == 0 else {
            throw GeneratorError("cannot run \(arguments[0]): \(String(cString: strerror(code)))")
        }
        var status: Int32 = 0
        var usage = rusage()
        var peakTree = 0
        while true {
            let waited = wait4(pid, &status, sampleMemory ? WNOHANG : 0, &usage)
            if waited == pid { break }
            if waited < 0 {
                guard errno == EINTR else { throw GeneratorError("wait4 failed: \(String(cString: strerror(errno)))") }
                continue
            }
            peakTree = max(peakTree, MemorySampler.proportionalBytes(ofTree: pid))
            usleep(5000)
        }
        let seconds = Double(Clock.nanoseconds() - start) / 1e9
        let exitStatus: Int32 = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let output = captureOutput ? [UInt8](FileManager.default.contents(atPath: outPath) ?? Data()) : []
        let errorText = String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self)
        return ChildResult(
            status: exitStatus, seconds: seconds, peakResidentBytes: Int(usage.ru_maxrss) * 1024,
            peakTreeProportionalBytes: peakTree, output: output, errorText: errorText)
    }

    /// Runs and fails unless the program exits 0.
    @discardableResult
    package static func succeed(_ arguments: [String], captureOutput: Bool = false, sampleMemory: Bool = false) throws -> ChildResult {
        let result = try run(arguments, captureOutput: captureOutput, sampleMemory: sampleMemory)
        guard result.status == 0 else {
            throw GeneratorError("\(arguments.joined(separator: " ")) exited \(result.status): \(result.errorText)")
        }
        return result
    }
}

/// Memory of a process and its descendants, read from /proc (Linux).
enum MemorySampler {
    /// The sum of the proportional set sizes (`Pss` in smaps_rollup) of `pid` and every process
    /// below it: pages shared between them (libraries, a mapped pack file) count once in all.
    static func proportionalBytes(ofTree pid: pid_t) -> Int {
        var total = 0
        var queue = [pid]
        while let next = queue.popLast() {
            total += kilobytes("Pss", in: "/proc/\(next)/smaps_rollup") * 1024
            queue += children(of: next)
        }
        return total
    }

    private static func children(of pid: pid_t) -> [pid_t] {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        return tasks.flatMap { task -> [pid_t] in
            guard let text = try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/children", encoding: .utf8) else { return [] }
            return text.split(separator: " ").compactMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }
    }

    private static func kilobytes(_ field: String, in path: String) -> Int {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
        }
        return 0
    }
}
