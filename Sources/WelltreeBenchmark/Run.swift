import ArgumentParser
import Foundation
import WelltreeCommands

extension BenchCommand {
    /// `welltree-bench run`: the full benchmark.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Generate repositories of 1,000 and 10,000 workloads and print the benchmark table (Markdown).",
            discussion: """
                Build in release mode first (swift build -c release --static-swift-stdlib); the welltree binary beside this one is \
                measured. Needs git and python3 on PATH. Take figures on a quiet machine: other builds \
                running at the same time make every timing noisy.
                """)

        @Option(help: "Workload counts, comma separated.")
        var sizes: String = "1000,10000"
        @Option(help: "Runs per measurement (medians are reported; the Python peer runs at most 3 times).")
        var runs: Int = 5
        @Option(help: "Where to put the generated repositories (removed afterwards).")
        var workDirectory: String?
        @Option(help: "The welltree binary to measure (default: the one beside welltree-bench).")
        var welltree: String?
        @Option(help: "Also write the table to this file.")
        var output: String?
        @Option(help: ArgumentHelp(
            "A release archive (scripts/release, with SHA256SUMS beside it): also time it from checksum and unpacking to the gate's verdict.",
            valueName: "file"))
        var archive: String?

        func run() throws {
            let counts = sizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard !counts.isEmpty, runs > 0 else { throw ValidationError("--sizes and --runs must be positive") }
            let bench = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            let binary = welltree ?? bench.deletingLastPathComponent().appendingPathComponent("welltree").path
            guard FileManager.default.isExecutableFile(atPath: binary) else {
                throw ValidationError("no welltree binary at \(binary); build it or pass --welltree")
            }
            let directory = workDirectory ?? NSTemporaryDirectory() + "welltree-bench-\(getpid())"
            let verbose = isatty(STDERR_FILENO) == 1
            let runner = BenchmarkRunner(
                sizes: counts, runs: runs, workDirectory: directory, welltree: binary, bench: bench.path,
                archive: archive.map { URL(fileURLWithPath: $0).standardizedFileURL.path }, log: { if verbose { Console.standard.diagnostic($0) } })
            let results = try runner.run()
            try? FileManager.default.removeItem(atPath: directory)
            let table = ResultsTable.render(results, machine: Self.machine(), date: Date.now.formatted(.iso8601))
            print(table, terminator: "")
            if let output { try table.write(toFile: output, atomically: true, encoding: .utf8) }
        }

        /// Processor, cores, memory and load, for the record.
        static func machine() -> String {
            let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
            let model =
                cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
                .map { $0.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" } ?? "unknown CPU"
            let memory = Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824
            let load =
                (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3)
                .joined(separator: " ") ?? "?"
            let git =
                (try? ChildProcess.run(["git", "--version"], captureOutput: true)).map {
                    String(decoding: $0.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                } ?? "git ?"
            let python =
                (try? ChildProcess.run(["python3", "--version"], captureOutput: true)).map {
                    String(decoding: $0.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                } ?? "python3 ?"
            return "\(model), \(ProcessInfo.processInfo.activeProcessorCount) cores, \(String(format: "%.0f", memory)) GB, "
                + "Linux; \(git); \(python); load average at the end \(load)"
        }
    }
}
