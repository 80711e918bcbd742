import Git
import WelltreeCore

/// The lenses every workspace ships with.
package enum BuiltinLens {
    /// The AWS Well-Architected Framework lens: applied to every workload, never removed.
    package static let framework = Workload.frameworkLens
    /// All AWS-provided lenses, by alias.
    package static let aliases = [framework, "serverless", "softwareasaservice", "foundationaltechnicalreview"]
}

/// A lens version ready for evaluation: its record, content and compiled rules.
package struct LoadedLens: Sendable {
    package var record: LensRecord
    package var version: String
    package var lens: Lens
    package var evaluator: LensEvaluator
    /// The blob id of the version file, which identifies the content exactly.
    package var blob: ObjectID
}

extension Workspace {
    /// The record of the lens `alias`, or nil.
    package func lensRecord(_ alias: String) throws(WorkspaceError) -> LensRecord? {
        try document(LensRecord.self, at: Layout.lensMetadata(alias))
    }

    /// The record of the lens `alias`, or a not-found error listing the known aliases.
    package func requireLensRecord(_ alias: String) throws(WorkspaceError) -> LensRecord {
        if let record = try lensRecord(alias) { return record }
        let known = try directory(Layout.lenses).filter { $0.kind == .tree }.map(\.name)
        throw .notFound(what: "lens", name: alias, hint: "known lenses: \(known.joined(separator: ", "))")
    }

    /// Every lens record in the workspace, by alias.
    package func allLensRecords() throws(WorkspaceError) -> [LensRecord] {
        var records: [LensRecord] = []
        for entry in try directory(Layout.lenses) where entry.kind == .tree {
            if let record = try lensRecord(entry.name) { records.append(record) }
        }
        return records
    }

    /// The lens in the file at `path`, imported as `kind`, and the file's blob id.
    ///
    /// A lens version is parsed at most once per blob id: in this process it is kept for the
    /// life of this workspace and its snapshots, and between processes in the lens cache (see
    /// `LensCache`), so a later command decodes it instead of parsing its JSON. A file that
    /// fails import is never cached, so its errors are reported every time.
    package func lensContent(at path: String, kind: LensKind) throws(WorkspaceError) -> (Lens, ObjectID) {
        guard let entry = try entry(path) else {
            throw .notFound(what: "lens file", name: path, hint: nil)
        }
        if let cached = parsed.lenses[entry.id] { return (cached, entry.id) }
        let cache = LensCache(commonDirectory: repository.commonDirectory)
        let lens: Lens
        // Only a regular file is looked up: anything else is refused by `read` as always.
        if entry.kind == .blob || entry.kind == .executable, let stored = cache.lens(entry.id, kind: kind) {
            lens = stored
        } else {
            let bytes = try read(entry, path: path)
            do {
                lens = try LensLoader.load(bytes, file: path, kind: kind).lens
            } catch {
                throw .refused(error.description, code: .invalidLens, subject: path)
            }
            cache.store(lens, blob: entry.id, kind: kind)
        }
        parsed.lenses[entry.id] = lens
        return (lens, entry.id)
    }

    /// Where the lens cache keeps the lens version whose file has blob id `blob`.
    package func lensCachePath(_ blob: ObjectID) -> String {
        LensCache(commonDirectory: repository.commonDirectory).path(blob)
    }

    /// A published version of a lens, parsed and compiled.
    package func loadLens(_ alias: String, version: String? = nil) throws(WorkspaceError) -> LoadedLens {
        let record = try requireLensRecord(alias)
        guard let chosen = version ?? record.currentVersion?.version else {
            throw .refused(
                "lens \(alias) has no published version yet; publish it with `welltree lens publish \(alias) --version V`",
                code: .lensUnavailable, subject: alias)
        }
        guard record.versions.contains(where: { $0.version == chosen }) else {
            throw .notFound(what: "version", name: chosen, hint: "lens \(alias) has versions \(record.versions.map(\.version).joined(separator: ", "))")
        }
        let (lens, blob) = try lensContent(at: Layout.lensVersion(alias, chosen), kind: record.type == .awsOfficial ? .official : .custom)
        let evaluator: LensEvaluator
        if let cached = parsed.evaluators[blob] {
            evaluator = cached
        } else {
            evaluator = LensEvaluator(lens: lens)
            parsed.evaluators[blob] = evaluator
        }
        return LoadedLens(record: record, version: chosen, lens: lens, evaluator: evaluator, blob: blob)
    }

    /// The lens version a workload is evaluated against: the one it was moved to last, advanced
    /// through any minor versions published since (minor versions apply automatically).
    package func effectiveLens(_ applied: WorkloadLens) throws(WorkspaceError) -> LoadedLens {
        let record = try requireLensRecord(applied.alias)
        return try loadLens(applied.alias, version: record.latestMinor(after: applied.version))
    }

    /// Checks that each alias names a lens that can be applied now, and pins its current version.
    func applicableLenses(_ aliases: [String]) throws(WorkspaceError) -> [WorkloadLens] {
        var result: [WorkloadLens] = []
        for alias in aliases {
            let record = try requireLensRecord(alias)
            try requireLensUse(record)
            if record.deletedAt != nil {
                throw .refused("lens \(alias) was deleted and can no longer be applied", code: .lensUnavailable, subject: alias)
            }
            guard let current = record.currentVersion else {
                throw .refused(
                    "lens \(alias) is a draft; publish it before applying it (`welltree lens publish \(alias) --version 1.0`)",
                    code: .lensUnavailable, subject: alias)
            }
            result.append(WorkloadLens(alias: alias, version: current.version))
        }
        return result
    }
}
