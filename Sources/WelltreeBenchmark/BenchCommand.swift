import ArgumentParser
import Foundation
import WelltreeCommands

/// `welltree-bench`: generates large review repositories and measures Welltree on them.
package struct BenchCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "welltree-bench",
        abstract: "Generate review repositories at an organisation's scale and measure Welltree against git and Python.",
        subcommands: [Generate.self, Run.self, LensLoad.self])

    package init() {}

    /// `welltree-bench generate DIR --workloads N`.
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a bare review repository whose last commit changes exactly one workload.")

        @Argument(help: "Where to create the repository (must not exist).")
        var directory: String
        @Option(help: "How many workloads.")
        var workloads: Int = 1000
        @Option(help: "Seed of the generated data.")
        var seed: UInt64 = 42

        func run() throws {
            guard !FileManager.default.fileExists(atPath: directory) else {
                throw ValidationError("\(directory) already exists")
            }
            let start = Clock.nanoseconds()
            var generator = ReviewRepositoryGenerator(path: directory, workloads: workloads)
            generator.seed = seed
            var progress = TerminalProgress("generating workloads", total: workloads)
            let result = try generator.generate { progress.update($0) }
            progress.finish()
            let seconds = Double(Clock.nanoseconds() - start) / 1e9
            // One fact a line, as `key: value`; `welltree-bench run` reads these.
            print(
                """
                repository: \(result.path)
                workloads: \(result.workloads)
                answer files: \(result.answerFiles)
                changed file: \(result.changedPath)
                changed workload: \(result.changedWorkload)
                seconds: \(String(format: "%.1f", seconds))
                """)
        }
    }
}
