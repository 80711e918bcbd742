import ArgumentParser
import Foundation
import WelltreeWorkspace

/// `welltree overview-worker`: computes workload overviews for a dashboard running in another
/// process (`OverviewWorkers`). Hidden: only Welltree itself starts it.
struct OverviewWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: OverviewWorkers.commandName,
        abstract: "Computes workload overviews for a parallel dashboard (run by welltree itself).",
        shouldDisplay: false)

    @Option(help: "The git directory of the repository.")
    var repository: String
    @Option(help: "The root tree to read workloads from.")
    var tree: String

    func run() throws {
        try perform { () throws(WorkspaceError) in try OverviewWorkers.serve(repository: repository, tree: tree) }
    }
}

extension OverviewWorkers {
    /// How this process may share the work: one process per processor by default (itself and
    /// workers), `WELLTREE_JOBS` to choose (1 keeps everything here); nil when this executable
    /// cannot be found again.
    static func forThisProcess() -> OverviewWorkers? {
        let environment = ProcessInfo.processInfo.environment
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
