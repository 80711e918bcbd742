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
    /// Standard output, when it was captured.
    package var output: [UInt8]
    /// Standard error (always captured, for error messages).
    package var errorText: String
}

/// Runs programs the way a person would from a shell, measuring them.
package enum ChildProcess {
    /// Runs `arguments` (the first is looked up on PATH), with standard output captured or sent
    /// to /dev/null, and waits for it.
    package static func run(_ arguments: [String], captureOutput: Bool = false) throws -> ChildResult {
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
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw GeneratorError("wait4 failed: \(String(cString: strerror(errno)))") }
        }
        let seconds = Double(Clock.nanoseconds() - start) / 1e9
        let exitStatus: Int32 = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let output = captureOutput ? [UInt8](FileManager.default.contents(atPath: outPath) ?? Data()) : []
        let errorText = String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self)
        return ChildResult(
            status: exitStatus, seconds: seconds, peakResidentBytes: Int(usage.ru_maxrss) * 1024, output: output,
            errorText: errorText)
    }

    /// Runs and fails unless the program exits 0.
    @discardableResult
    package static func succeed(_ arguments: [String], captureOutput: Bool = false) throws -> ChildResult {
        let result = try run(arguments, captureOutput: captureOutput)
        guard result.status == 0 else {
            throw GeneratorError("\(arguments.joined(separator: " ")) exited \(result.status): \(result.errorText)")
        }
        return result
    }
}
