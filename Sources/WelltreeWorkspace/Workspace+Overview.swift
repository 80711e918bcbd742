import Git
import WelltreeCore

extension Workspace {
    /// Where the summary cache of this repository lives: in the git directory shared by all its
    /// work trees, never in the work tree or in commits.
    package var summaryCachePath: String {
        repository.commonDirectory + "welltree/cache/" + SummaryCache.fileName
    }

    /// Every workload's overview, in directory order: the dashboard's and the workload list's data.
    ///
    /// A workload whose directory tree id and lens version blob ids are in the summary cache is
    /// taken from it without reading anything of the workload; the others are computed with
    /// `summary(of:)` and the cache file is rewritten. So a second run over an unchanged
    /// repository reads one tree and one file, and a run after a change reads only the
    /// workloads that changed. Only overviews are kept, never answers, so memory stays flat
    /// however many workloads there are.
    ///
    /// With `workers`, a cold run with many workloads to compute spreads them over worker
    /// processes (`OverviewWorkers`); the results are the same, computed in parallel.
    ///
    /// `progress` is called with the number of workloads done and the total.
    package func overviews(
        useCache: Bool = true, workers: OverviewWorkers? = nil, progress: (Int, Int) -> Void = { _, _ in }
    ) throws(WorkspaceError) -> [WorkloadOverview] {
        let directories = try workloadDirectories()
        let cachePath = summaryCachePath
        let previous = useCache ? SummaryCache.load(from: cachePath) : SummaryCache()
        var current = SummaryCache()
        var pending: [TreeEntry] = []
        for directory in directories {
            if let cached = previous[directory.id], cached.lenses.allSatisfy({ effectiveLensBlob($0.lens) == $0.blob }) {
                current[directory.id] = cached
            } else {
                pending.append(directory)
            }
        }
        var done = directories.count - pending.count
        progress(done, directories.count)
        var interner = SummaryInterner()
        func add(_ id: ObjectID, _ entry: SummaryCache.Entry) {
            current[id] = interner.intern(entry)
            done += 1
            progress(done, directories.count)
        }
        // Workers are given the commit's own tree: a view of an older layout lives in this
        // process only, and they build the same one.
        if let workers, workers.applies(to: pending.count), let tree = commitTree {
            try workers.compute(
                pending, repository: repository, tree: tree,
                local: { (directory) throws(WorkspaceError) in try overviewEntry(directory) }, delivered: add)
        }
        // What no worker delivered (or everything, without workers) is computed here; an error
        // in a workload's files is reported from here either way.
        for directory in pending where current[directory.id] == nil {
            add(directory.id, try overviewEntry(directory))
        }
        let result = directories.map { current[$0.id]!.overview }
        if useCache && !pending.isEmpty {
            current.retain(from: previous, limit: 2 * directories.count + 1000)
            // The cache only accelerates: a repository we cannot write to still works.
            try? current.write(to: cachePath)
        }
        return result
    }

    /// Computes the overview of the workload in `directory` and the lens versions it used.
    func overviewEntry(_ directory: TreeEntry) throws(WorkspaceError) -> SummaryCache.Entry {
        // The directory is listed once, for both the workload file and the answers.
        let entries = try wrap { () throws(GitError) in try repository.treeEntries(directory.id) }
        let stored = try loadWorkload(directory, file: entries.first { $0.name == Layout.workloadFileName })
        var dependencies: [SummaryCache.LensDependency] = []
        let summary = try summary(
            of: stored, answers: entries.first { $0.name == Layout.answersDirectoryName }, dependencies: &dependencies)
        let overview = WorkloadOverview(
            id: stored.workload.id, name: stored.workload.name, owner: stored.workload.owner,
            improvementStatus: stored.workload.improvementStatus.rawValue, lenses: stored.workload.lenses.map(\.alias),
            summary: summary)
        return SummaryCache.Entry(lenses: dependencies, overview: overview)
    }
}
