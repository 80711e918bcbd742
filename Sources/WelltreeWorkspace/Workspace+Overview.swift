import Dispatch
import Foundation
import Git
import Synchronization
import WelltreeCore

extension Workspace {
    /// Where the summary cache of this repository lives: in the git directory shared by all its
    /// work trees, never in the work tree or in commits.
    package var summaryCachePath: String {
        repository.commonDirectory + "welltree/cache/" + SummaryCache.fileName
    }

    /// Below this many workloads to compute, one thread does the work (opening a second
    /// repository and parsing the lenses again would cost more than it saves).
    static let parallelThreshold = 256

    /// Every workload's overview, in directory order: the dashboard's and the workload list's data.
    ///
    /// A workload whose directory tree id and lens version blob ids are in the summary cache is
    /// taken from it without reading anything of the workload; the others are computed with
    /// `summary(of:)` and the cache file is rewritten. So a second run over an unchanged
    /// repository reads one tree and one file, and a run after a change reads only the
    /// workloads that changed. Only overviews are kept, never answers, so memory stays flat
    /// however many workloads there are.
    ///
    /// Many workloads to compute are shared out over the processor cores, each worker with its
    /// own repository handle (libgit2 objects are per thread) reading a contiguous run of
    /// directories; the result and any error are the same as on one thread (the error of the
    /// first failing workload in directory order).
    ///
    /// `progress` is called on one thread with the number of workloads done and the total.
    package func overviews(
        useCache: Bool = true, progress: (Int, Int) -> Void = { _, _ in }
    ) throws(WorkspaceError) -> [WorkloadOverview] {
        let directories = try workloadDirectories()
        let cachePath = summaryCachePath
        let previous = useCache ? SummaryCache.load(from: cachePath) : SummaryCache()
        var current = SummaryCache()
        var result: [WorkloadOverview?] = Array(repeating: nil, count: directories.count)
        var missing: [Int] = []
        for (index, directory) in directories.enumerated() {
            if let cached = previous[directory.id], cached.lenses.allSatisfy({ effectiveLensBlob($0.lens) == $0.blob }) {
                result[index] = cached.overview
                current[directory.id] = cached
            } else {
                missing.append(index)
            }
        }
        let hits = directories.count - missing.count
        progress(hits, directories.count)
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, 4)
        let computed: [(Int, SummaryCache.Entry)]
        if let base, workers > 1, missing.count >= Self.parallelThreshold, libgit2IsThreadSafe {
            computed = try computeInParallel(
                missing, of: directories, commit: base, workers: workers,
                progress: { progress(hits + $0, directories.count) })
        } else {
            var entries: [(Int, SummaryCache.Entry)] = []
            for (done, index) in missing.enumerated() {
                entries.append((index, try overviewEntry(directories[index])))
                progress(hits + done + 1, directories.count)
            }
            computed = entries
        }
        for (index, entry) in computed {
            result[index] = entry.overview
            current[directories[index].id] = entry
        }
        if useCache && !computed.isEmpty {
            current.retain(from: previous, limit: 2 * directories.count + 1000)
            // The cache only accelerates: a repository we cannot write to still works.
            try? current.write(to: cachePath)
        }
        return result.map { $0! }
    }

    /// Computes the overview of the workload in `directory` and the lens versions it used.
    func overviewEntry(_ directory: TreeEntry) throws(WorkspaceError) -> SummaryCache.Entry {
        let stored = try loadWorkload(directory)
        var dependencies: [SummaryCache.LensDependency] = []
        let summary = try summary(of: stored, dependencies: &dependencies)
        let overview = WorkloadOverview(
            id: stored.workload.id, name: stored.workload.name, owner: stored.workload.owner,
            improvementStatus: stored.workload.improvementStatus.rawValue, lenses: stored.workload.lenses.map(\.alias),
            summary: summary)
        return SummaryCache.Entry(lenses: dependencies, overview: overview)
    }

    /// `overviewEntry` for each of `indices`, split into contiguous runs over `workers` threads.
    private func computeInParallel(
        _ indices: [Int], of directories: [TreeEntry], commit: ObjectID, workers: Int, progress: (Int) -> Void
    ) throws(WorkspaceError) -> [(Int, SummaryCache.Entry)] {
        let gitDirectory = repository.gitDirectory
        let chunk = (indices.count + workers - 1) / workers
        let slots = (0..<workers).map { _ in WorkerSlot() }
        let done = Atomic<Int>(0)
        withoutActuallyEscaping(progress) { progress in
            nonisolated(unsafe) let progress = progress
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                let slot = slots[worker]
                let range = (worker * chunk)..<min(indices.count, (worker + 1) * chunk)
                guard !range.isEmpty else { return }
                do {
                    let workspace = try Workspace(repository: try Repository.open(at: gitDirectory), commit: commit)
                    for position in range {
                        let index = indices[position]
                        slot.entries.append((index, try workspace.overviewEntry(directories[index])))
                        let total = done.add(1, ordering: .relaxed).newValue
                        if worker == 0 { progress(total) }
                    }
                } catch let error as WorkspaceError {
                    slot.error = error
                } catch let error as GitError {
                    slot.error = .git(error)
                } catch {
                    slot.error = .io(path: gitDirectory, message: "\(error)")
                }
            }
        }
        // Workers stop at their first error; the lowest worker's is the first in directory order.
        if let error = slots.lazy.compactMap(\.error).first { throw error }
        return slots.flatMap(\.entries)
    }
}

/// What one worker thread produced; only that thread touches it until all have finished.
private final class WorkerSlot: @unchecked Sendable {
    var entries: [(Int, SummaryCache.Entry)] = []
    var error: WorkspaceError?
}
