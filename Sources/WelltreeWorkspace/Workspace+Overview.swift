import Git
import WelltreeCore

extension Workspace {
    /// Where the summary cache of this repository lives: in the git directory shared by all its
    /// work trees, never in the work tree or in commits.
    package var summaryCachePath: String {
        Layout.cache(SummaryCache.fileName, commonDirectory: repository.commonDirectory)
    }

    /// Every workload's overview, in directory order: the dashboard's and the workload list's
    /// data. Throws the first damaged workload's error; `readableOverviews` shows the rest.
    package func overviews(
        useCache: Bool = true, workers: OverviewWorkers? = nil, progress: (Int, Int) -> Void = { _, _ in }
    ) throws(WorkspaceError) -> [WorkloadOverview] {
        let result = try readableOverviews(useCache: useCache, workers: workers, progress: progress)
        if let first = result.damaged.first { throw first.error }
        return result.overviews
    }

    /// Every readable workload's overview, in directory order, and the workloads that could
    /// not be read, each with its error (which names the file and what is wrong): one damaged
    /// workload (an answer file that is a symlink, invalid JSON, a misplaced directory, two
    /// directories with one id) is reported while the others are still shown.
    ///
    /// A workload whose directory tree id and lens version blob ids are in the summary cache is
    /// taken from it without reading anything of the workload; the others are computed with
    /// `summary(of:)` and the cache file is rewritten. So a second run over an unchanged
    /// repository reads one tree and one file, and a run after a change reads only the
    /// workloads that changed. Only overviews are kept, never answers, so memory stays flat
    /// however many workloads there are. A workload with a profile has its prioritized risk
    /// counts in its overview, computed in the same pass and kept in the same cache entry
    /// (keyed also by the profiles, the mapping and the profile template, `ProfileDependency`),
    /// so a workspace with profiles reads nothing more on a warm run.
    ///
    /// With `workers`, a cold run with many workloads to compute spreads them over worker
    /// processes (`OverviewWorkers`); the results are the same, computed in parallel.
    ///
    /// `progress` is called with the number of workloads done and the total.
    package func readableOverviews(
        useCache: Bool = true, workers: OverviewWorkers? = nil, progress: (Int, Int) -> Void = { _, _ in }
    ) throws(WorkspaceError) -> WorkloadOverviews {
        var damaged: [DamagedWorkload] = []
        let directories = try workloadDirectories { path, rule throws(WorkspaceError) in
            damaged.append(DamagedWorkload(directory: path, error: .misplaced(path: path, rule: rule)))
        }
        let cachePath = summaryCachePath
        let previous = useCache ? SummaryCache.load(from: cachePath) : SummaryCache()
        var current = SummaryCache()
        var pending: [TreeEntry] = []
        // Looked up only when a cached entry has a profile: three tree look-ups, no file read.
        var dependency: SummaryCache.ProfileDependency??
        func matches(_ profile: SummaryCache.ProfileDependency?) -> Bool {
            guard let profile else { return true }
            if dependency == nil { dependency = .some(try? profileDependency()) }
            return dependency! == profile
        }
        for directory in directories {
            if let cached = previous[directory.id], cached.lenses.allSatisfy({ effectiveLensBlob($0.lens) == $0.blob }),
                matches(cached.profile)
            {
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
        var failed: [String: WorkspaceError] = [:]
        func compute(_ directory: TreeEntry) -> SummaryCache.Entry? {
            do {
                return try overviewEntry(directory)
            } catch {
                failed[directory.name] = error
                done += 1
                progress(done, directories.count)
                return nil
            }
        }
        // Workers are given the commit's own tree: a view of an older layout lives in this
        // process only, and they build the same one.
        if let workers, workers.applies(to: pending.count), let tree = commitTree {
            try workers.compute(pending, repository: repository, tree: tree, local: compute, delivered: add)
        }
        // What no worker delivered (or everything, without workers) is computed here; an error
        // in a workload's files is reported from here either way.
        for directory in pending where current[directory.id] == nil && failed[directory.name] == nil {
            if let entry = compute(directory) { add(directory.id, entry) }
        }
        // Two directories with one id are both left out: nothing keyed by the id (shares,
        // milestones, the gate's risks) could tell which is meant.
        var byId: [String: [String]] = [:]
        for directory in directories {
            if let overview = current[directory.id]?.overview, failed[directory.name] == nil {
                byId[overview.id, default: []].append(directory.name)
            }
        }
        for (id, names) in byId where names.count > 1 {
            for name in names {
                failed[name] = .duplicateWorkloadId(id: id, paths: names.map(Layout.workloadDirectory))
            }
        }
        var overviews: [WorkloadOverview] = []
        var citing: [TreeEntry] = []
        for directory in directories {
            if let error = failed[directory.name] {
                damaged.append(DamagedWorkload(directory: Layout.workloadDirectory(directory.name), error: error))
            } else {
                let overview = current[directory.id]!.overview
                overviews.append(overview)
                if overview.summary.citesEvidence { citing.append(directory) }
            }
        }
        if useCache && !pending.isEmpty {
            current.retain(from: previous, limit: 2 * directories.count + 1000)
            // The cache only accelerates: a repository we cannot write to still works.
            try? current.write(to: cachePath)
        }
        return WorkloadOverviews(overviews: overviews, damaged: damaged, citing: citing, total: directories.count)
    }

    /// Computes the overview of the workload in `directory` and the lens versions it used.
    func overviewEntry(_ directory: TreeEntry) throws(WorkspaceError) -> SummaryCache.Entry {
        // The directory is listed once, for both the workload file and the answers.
        let entries = try git { () throws(GitError) in try repository.treeEntries(directory.id) }
        let stored = try loadWorkload(directory, file: entries.first { $0.name == Layout.workloadFileName })
        var dependencies: [SummaryCache.LensDependency] = []
        let summary = try summary(
            of: stored, answers: entries.first { $0.name == Layout.answersDirectoryName }, dependencies: &dependencies,
            prioritizing: true)
        let overview = WorkloadOverview(
            id: stored.workload.id, name: stored.workload.name, owner: stored.workload.owner,
            improvementStatus: stored.workload.improvementStatus.rawValue, lenses: stored.workload.lenses.map(\.alias),
            summary: summary, profile: stored.workload.profile)
        let profile = stored.workload.profile == nil ? nil : try profileDependency()
        return SummaryCache.Entry(lenses: dependencies, profile: profile, overview: overview)
    }
}

/// The overviews of the workloads that could be read, and those that could not.
package struct WorkloadOverviews: Sendable {
    package var overviews: [WorkloadOverview]
    package var damaged: [DamagedWorkload]
    /// The directories of the readable workloads whose answers cite evidence.
    package var citing: [TreeEntry] = []
    /// How many workload directories there are.
    package var total = 0
}

/// A workload that a command reading every workload could not read: its directory and why
/// (the error names the file and what is wrong with it).
package struct DamagedWorkload: Sendable, CustomStringConvertible {
    /// `workloads/<shard>/<dir>`.
    package var directory: String
    package var error: WorkspaceError

    package init(directory: String, error: WorkspaceError) {
        self.directory = directory
        self.error = error
    }

    package var description: String { error.description }
}
