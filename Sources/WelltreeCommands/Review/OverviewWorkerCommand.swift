import ArgumentParser
import Foundation
import WelltreeWorkspace

/// `welltree overview-worker`: computes workload overviews for a dashboard running in another
/// process (`OverviewWorkers`). Hidden: only Welltree itself starts it.
struct OverviewWorkerCommand: ConsoleCommand, TextOnlyCommand {
    static let configuration = CommandConfiguration(
        commandName: OverviewWorkers.commandName,
        abstract: "Computes workload overviews for a parallel dashboard (run by welltree itself).",
        shouldDisplay: false)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var format: TextFormatOptions
    static let jsonInstead = "welltree dashboard --format json"
    @Option(help: "The git directory of the repository.")
    var repository: String
    @Option(help: "The root tree to read workloads from.")
    var tree: String

    func run(_ console: Console) throws {
        try OverviewWorkers.serve(repository: global.file(repository, console), tree: tree)
    }
}

extension OverviewWorkers {
    /// How this process may share the work: one process per processor by default (itself and
    /// workers), `WELLTREE_JOBS` to choose (1 keeps everything here); nil when this executable
    /// cannot be found again.
    static func forThisProcess(_ environment: [String: String]) -> OverviewWorkers? {
        var count = ProcessInfo.processInfo.activeProcessorCount
        var minimum = 400
        if let text = environment["WELLTREE_JOBS"], let jobs = Int(text), jobs >= 1 {
            count = jobs
            // An explicit choice applies to any amount of work.
            minimum = 2
        }
        guard count > 1, let executable = currentExecutable() else { return nil }
        return OverviewWorkers(executable: executable, count: min(count, 16), minimumWorkloads: minimum)
    }

    /// The path of the running executable.
    private static func currentExecutable() -> String? {
        #if os(Linux)
            if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        #endif
        return Bundle.main.executablePath
    }
}
