import ArgumentParser
import Foundation
import WelltreeCore

extension BenchCommand {
    /// `welltree-bench lens FILE...`: what the lens cache saves on each lens version a command
    /// loads, importing the JSON against decoding its archive.
    struct LensLoad: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lens",
            abstract: "Time importing lens files (parse and validate) against decoding their lens-cache archives.",
            discussion: """
                Prints a Markdown table with the median of each. Build in release mode first; for example \
                `.build/release/welltree-bench lens workspace-template/lenses/*/versions/*.json`.
                """)

        @Argument(help: "Lens files, imported as official lenses (as the built-in ones are).")
        var files: [String]
        @Option(help: "Runs per measurement.")
        var runs: Int = 50

        func run() throws {
            guard runs > 0 else { throw ValidationError("--runs must be positive") }
            print("| file | JSON | archive | import (parse + validate) | decode archive | import / decode |")
            print("|---|---:|---:|---:|---:|---:|")
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
                let bytes = [UInt8](data)
                let lens = try LensLoader.load(bytes, file: file, kind: .official).lens
                let key = [UInt8](repeating: 0, count: 20)
                let archive = LensArchive.encode(lens, kind: .official, key: key)
                guard LensArchive.decode(archive, kind: .official, key: key) == lens else {
                    throw ValidationError("\(file): the archive does not decode to the imported lens")
                }
                let load = median { _ = try? LensLoader.load(bytes, file: file, kind: .official) }
                let decode = median { _ = LensArchive.decode(archive, kind: .official, key: key) }
                print(
                    "| \(file) | \(kilobytes(bytes.count)) | \(kilobytes(archive.count)) | \(milliseconds(load)) "
                        + "| \(milliseconds(decode)) | \(String(format: "%.0fx", Double(load) / Double(max(decode, 1)))) |")
            }
        }

        /// The median duration of `runs` calls of `body`, in nanoseconds.
        private func median(_ body: () -> Void) -> UInt64 {
            var times: [UInt64] = []
            for _ in 0..<runs {
                let start = Clock.nanoseconds()
                body()
                times.append(Clock.nanoseconds() - start)
            }
            return times.sorted()[times.count / 2]
        }

        private func milliseconds(_ nanoseconds: UInt64) -> String {
            String(format: "%.2f ms", Double(nanoseconds) / 1e6)
        }

        private func kilobytes(_ count: Int) -> String {
            String(format: "%.0f KB", Double(count) / 1000)
        }
    }
}
