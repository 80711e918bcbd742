import Foundation

/// What a signing tool printed and how it exited.
struct SubprocessResult: Sendable {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the external signing tools (ssh-keygen, gpg) the way git does: found on `PATH` unless
/// configured as a path, input on stdin, both pipes drained before waiting so a chatty tool
/// cannot block on a full pipe.
enum Subprocess {
    /// Runs `program` with `arguments`; throws only when it cannot be started.
    static func run(_ program: String, _ arguments: [String], input: [UInt8] = []) throws(WorkspaceError) -> SubprocessResult {
        let process = Process()
        if program.contains("/") {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [program] + arguments
        }
        let out = Pipe()
        let err = Pipe()
        let inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        do {
            try process.run()
        } catch {
            throw .refused("cannot run \(program): \(error.localizedDescription)", code: .subprocess, subject: program)
        }
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let writer = inPipe.fileHandleForWriting
        let bytes = Data(input)
        DispatchQueue.global().async {
            writer.write(bytes)
            try? writer.close()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        // `env` reports a missing program as 127.
        if process.terminationStatus == 127, !program.contains("/") {
            throw .refused("cannot run \(program): not found on PATH", code: .subprocess, subject: program)
        }
        return SubprocessResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                                stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// A private temporary directory for the files signing tools want (payload, signature, key),
/// removed when released.
final class ScratchDirectory {
    let path: String

    init() throws(WorkspaceError) {
        path = NSTemporaryDirectory() + "welltree-sign-" + UUID().uuidString
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .io(path: path, message: error.localizedDescription)
        }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `bytes` to `name` inside the directory and returns the full path.
    func write(_ name: String, _ bytes: [UInt8]) throws(WorkspaceError) -> String {
        let full = path + "/" + name
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: full))
        } catch {
            throw .io(path: full, message: error.localizedDescription)
        }
        return full
    }

    /// Reads `name` inside the directory, or nil.
    func read(_ name: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path + "/" + name).map(Array.init)
    }
}
