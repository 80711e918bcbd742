import Git
import WelltreeCore

/// Compares two states of a workspace in reviewer terms, reading only what changed.
///
/// The two trees are compared by the Git layer's pruned walk, so an unchanged workload costs
/// one id comparison; only workloads with changed files are read (and, when a lens's published
/// versions changed, the workloads applying that lens, since their risks may move). Lenses are
/// parsed once per version blob.
package struct WorkspaceComparison {
    package let base: Workspace
    package let head: Workspace

    package init(base: Workspace, head: Workspace) {
        self.base = base
        self.head = head
    }

    /// The diff and every workload lens it evaluated on the head side.
    package struct Result {
        package var diff: ReviewDiff
        package var checked: [CheckedLens]
        package var parts: ChangedParts
    }

    /// Compares the two states; `baseLabel` and `headLabel` name them in the output.
    ///
    /// `validating` (the CI gate) also checks the head's changed files as `welltree validate`
    /// does and refuses the comparison when any is invalid: a check never passes what it could
    /// not read. Either way a comparison refuses a head where two workload directories hold one
    /// id, and a changed path below `workloads/` outside any workload directory.
    package func compare(baseLabel: String, headLabel: String, validating: Bool = false) throws(WorkspaceError) -> Result {
        let repository = head.repository
        let comparison = try git { () throws(GitError) in
            try repository.compareTrees(from: base.baseTree, to: head.baseTree)
        }
        let parts = ChangedParts(comparison)
        try refuseMisplaced(parts)
        if validating {
            var validator = WorkspaceValidator(head)
            let problems = try validator.validate(only: WorkspaceValidator.pathsToCheck(comparison.files), reference: base)
            if !problems.isEmpty { throw .invalidFiles(problems) }
        }
        var integrity: [IntegrityFinding] = []
        var pairs = try pairWorkloads(parts, integrity: &integrity)
        if !parts.riskRelevantLenses.isEmpty {
            // A published lens version can move the risks of every workload applying it; an
            // unchanged workload is the same tree on both sides, read once.
            let changed = Set(parts.workloadDirectories)
            for entry in try head.workloadDirectories() where !changed.contains(entry.name) {
                let stored = try head.loadWorkload(entry)
                if stored.workload.lenses.contains(where: { parts.riskRelevantLenses.contains($0.alias) }) {
                    pairs.append((stored, stored))
                }
            }
        }
        var changes: [WorkloadChange] = []
        var checked: [CheckedLens] = []
        for (old, new) in pairs {
            let (change, lenses) = try compareWorkload(old, new)
            checked += lenses
            if let change { changes.append(change) }
        }
        changes.sort { ($0.name.lowercased(), $0.id) < ($1.name.lowercased(), $1.id) }
        checked.sort { ($0.workloadName.lowercased(), $0.lens) < ($1.workloadName.lowercased(), $1.lens) }
        let lenses = try lensChanges(parts)
        integrity += try lensIntegrity(parts, baseLabel: baseLabel)
        integrity += try profileIntegrity(parts, baseLabel: baseLabel)
        integrity += try templateIntegrity(parts, baseLabel: baseLabel)
        var underBase = RiskMovement()
        for (old, new) in pairs {
            guard let new, old?.tree != new.tree else { continue }
            if let old, old.workload.lenses != new.workload.lenses {
                integrity.append(
                    IntegrityFinding(
                        kind: .lensRulesChanged, file: Layout.workloadFile(new.directory), workloadId: new.workload.id,
                        workloadName: new.workload.name,
                        message: "the lenses of workload \"\(new.workload.name)\" changed from \(Self.describe(old.workload.lenses)) "
                            + "to \(Self.describe(new.workload.lenses)); its answers are judged by \(baseLabel)'s lens versions as well"))
            }
            // Only when the rules can differ: a lens of the catalogue changed, or the workload
            // is new or applies other lenses. Otherwise the base's rules are the head's.
            if !parts.riskRelevantLenses.isEmpty || old == nil || old!.workload.lenses != new.workload.lenses {
                underBase.add(try risksUnderBaseLenses(old, new))
            }
        }
        integrity.sort { ($0.file, $0.kind.rawValue, $0.version ?? "") < ($1.file, $1.kind.rawValue, $1.version ?? "") }
        var diff = ReviewDiff(base: baseLabel, head: headLabel, workloads: changes, lenses: lenses, integrity: integrity)
        // What the head's own rules already show is reported once, as theirs.
        diff.risksUnderBaseLenses = underBase.newRisks(notShownIn: diff.risks)
        return Result(diff: diff, checked: checked, parts: parts)
    }

    /// Refuses changed paths below `workloads/` that lie in no workload directory of the
    /// layout (a directory moved into another shard, a file straight below a shard): nothing
    /// would read them, so a workload moved there would look deleted.
    private func refuseMisplaced(_ parts: ChangedParts) throws(WorkspaceError) {
        var problems: [FileProblem] = []
        var seen = Set<String>()
        for path in parts.otherFiles {
            guard let (place, rule) = Layout.misplacement(of: path), seen.insert(place).inserted else { continue }
            problems.append(FileProblem(path: place, message: rule))
        }
        if !problems.isEmpty { throw .invalidFiles(problems) }
    }

    /// The changed workload directories as pairs of the base's and the head's workload: the
    /// same directory with the same id, else by id (a directory moved or renamed), else alone
    /// (added or removed). Refuses a head where two directories hold one id; reports a
    /// directory whose id changed.
    private func pairWorkloads(
        _ parts: ChangedParts, integrity: inout [IntegrityFinding]
    ) throws(WorkspaceError) -> [(StoredWorkload?, StoredWorkload?)] {
        var olds: [String: StoredWorkload] = [:]
        var news: [String: StoredWorkload] = [:]
        // The walk hands over each changed workload directory's trees, so the large `workloads`
        // tree is not looked up again from the root for every workload.
        for directory in parts.workloadDirectories {
            let trees = parts.workloadTrees[directory]
            if let tree = trees?.old {
                olds[directory] = try base.loadWorkload(TreeEntry(name: directory, id: tree, kind: .tree))
            }
            if let tree = trees?.new {
                news[directory] = try head.loadWorkload(TreeEntry(name: directory, id: tree, kind: .tree))
            }
        }
        try refuseDuplicateIds(olds: olds, news: news)
        var pairs: [(StoredWorkload?, StoredWorkload?)] = []
        var unpairedOld: [String: [StoredWorkload]] = [:]
        var unpairedNew: [StoredWorkload] = []
        for directory in parts.workloadDirectories {
            let old = olds[directory]
            let new = news[directory]
            if let old, let new, old.workload.id == new.workload.id {
                pairs.append((old, new))
                continue
            }
            if let old, let new {
                integrity.append(
                    IntegrityFinding(
                        kind: .workloadIdChanged, file: Layout.workloadFile(directory), workloadId: new.workload.id,
                        workloadName: new.workload.name,
                        message: "the id in \(Layout.workloadFile(directory)) changed from \(old.workload.id) to \(new.workload.id); "
                            + "a workload's id is fixed when it is created, and its risks, shares and milestones are keyed by it"))
            }
            if let old { unpairedOld[old.workload.id, default: []].append(old) }
            if let new { unpairedNew.append(new) }
        }
        for new in unpairedNew {
            if var candidates = unpairedOld[new.workload.id], !candidates.isEmpty {
                pairs.append((candidates.removeFirst(), new))
                unpairedOld[new.workload.id] = candidates
            } else {
                pairs.append((nil, new))
            }
        }
        for old in unpairedOld.values.joined() { pairs.append((old, nil)) }
        return pairs
    }

    /// Refuses a head where two workload directories hold one id. Changed directories are
    /// compared among themselves; the others are listed only when a changed directory holds an
    /// id it did not hold in the base (a new workload, an edited id), which an edit of answers
    /// never does.
    private func refuseDuplicateIds(olds: [String: StoredWorkload], news: [String: StoredWorkload]) throws(WorkspaceError) {
        var byId: [String: [String]] = [:]
        for (directory, stored) in news { byId[stored.workload.id, default: []].append(directory) }
        for (id, directories) in byId.sorted(by: { $0.key < $1.key }) where directories.count > 1 {
            throw .duplicateWorkloadId(id: id, paths: directories.sorted().map(Layout.workloadDirectory))
        }
        let arrived = Set(
            news.compactMap { directory, stored in olds[directory]?.workload.id == stored.workload.id ? nil : stored.workload.id })
        let clashes = try head.workloadsClaiming(ids: arrived, excluding: Set(news.keys).union(olds.keys))
        if let clash = clashes.first, let id = clash.id, let directory = byId[id]?.first {
            throw .duplicateWorkloadId(id: id, paths: [directory, clash.directory].sorted().map(Layout.workloadDirectory))
        }
    }

    /// `wellarchitected 1.0, serverless 1.0`.
    static func describe(_ lenses: [WorkloadLens]) -> String {
        lenses.isEmpty ? "none" : lenses.map { "\($0.alias) \($0.version)" }.joined(separator: ", ")
    }

    private func lensChanges(_ parts: ChangedParts) throws(WorkspaceError) -> [LensCatalogChange] {
        var result: [LensCatalogChange] = []
        for alias in parts.lensAliases {
            let old = try base.lensRecord(alias)
            let new = try head.lensRecord(alias)
            guard let record = new ?? old else { continue }
            let kind: LensCatalogChange.Kind
            if old == nil {
                kind = .added
            } else if new == nil {
                kind = .removed
            } else if new?.deletedAt != nil, old?.deletedAt == nil {
                kind = .deleted
            } else {
                kind = .changed
            }
            let published = (new?.versions ?? []).map(\.version).filter { version in
                !(old?.versions ?? []).contains { $0.version == version }
            }
            result.append(
                LensCatalogChange(
                    alias: alias, name: record.name, kind: kind, versionsPublished: published,
                    draftChanged: parts.draftChanges.contains(alias)))
        }
        return result
    }

    /// The change of one workload (nil when nothing a reviewer sees changed) and the head
    /// side's lenses with their risk counts: each side read and judged here, compared in the
    /// core (`WorkloadChange.compare`).
    private func compareWorkload(_ old: StoredWorkload?, _ new: StoredWorkload?) throws(WorkspaceError) -> (WorkloadChange?, [CheckedLens])
    {
        let filesChanged = old?.tree != new?.tree || old?.directory != new?.directory
        return WorkloadChange.compare(
            old: try old.map { stored throws(WorkspaceError) in try base.judged(stored) },
            new: try new.map { stored throws(WorkspaceError) in try head.judged(stored) }, filesChanged: filesChanged)
    }
}
