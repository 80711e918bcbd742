import Foundation

/// Runs fuzz inputs through a check outside libFuzzer: the ordinary build of each harness.
package enum FuzzReplay {
    /// Runs `check` on every file named on the command line (directories: every file in them)
    /// and reports how many inputs passed and how many of them the parser accepted (only those
    /// reach the round-trip properties). A failed check stops the process, as under the fuzzer.
    package static func run(_ check: ([UInt8]) -> Bool) {
        var count = 0
        var accepted = 0
        for argument in CommandLine.arguments.dropFirst() {
            for path in files(argument) {
                guard let data = FileManager.default.contents(atPath: path) else {
                    FileHandle.standardError.write(Data("error: cannot read \(path)\n".utf8))
                    exit(2)
                }
                if check(Array(data)) { accepted += 1 }
                count += 1
            }
        }
        print("\(count) inputs passed (\(accepted) accepted by the parser)")
    }

    private static func files(_ path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { path + "/" + $0 }
    }
}
