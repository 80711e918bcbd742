import Git
import WelltreeCore

/// The citations of each workload's answers, kept between runs by the workload directory's tree
/// id: what the gate's citation index and the dashboard's stale-evidence counts are built from.
///
/// A workload's citations are a function of its directory's tree (its `workload.json` and answer
/// files), so an entry can never be stale, only unused; the states (current, changed, missing)
/// are never kept, since they depend on the rest of the repository, and are looked up afresh. A
/// warm run reads this file and looks up the cited paths; a run after a change reads only the
/// answer files of the workloads that changed.
///
/// The file lives in the git directory (`welltree/cache/evidence-v1.bin`). It only accelerates:
/// a missing, truncated or corrupt file means the citations are read from the repository and a
/// fresh file is written. Format (little-endian): the magic `WTEVIv1\n`; a UInt32 entry count;
/// entries of a 20-byte tree id, a UInt32 length and that many bytes of canonical JSON of the
/// workload's citations (none for a workload citing nothing); an FNV-1a 64 checksum of
/// everything before it.
struct EvidenceCache {
    static let fileName = "evidence-v1.bin"
    private static let magic = Array("WTEVIv1\n".utf8)

    /// Each workload's citations (without states) by its directory's tree id.
    var entries: [ObjectID: [CitedEvidence]] = [:]

    /// Adds entries of `older` that this cache lacks, up to `limit` entries in all.
    mutating func retain(from older: EvidenceCache, limit: Int) {
        for (tree, cited) in older.entries where entries.count < limit && entries[tree] == nil {
            entries[tree] = cited
        }
    }

    /// Reads the cache at `path`; anything unreadable gives an empty cache.
    static func load(from path: String) -> EvidenceCache {
        guard let bytes = CacheFile.read(path), bytes.count >= magic.count + 12, Array(bytes.prefix(magic.count)) == magic else {
            return EvidenceCache()
        }
        var reader = BinaryReader(bytes[...], from: magic.count, to: bytes.count - 8)
        var tail = BinaryReader(bytes[...], from: bytes.count - 8)
        guard let checksum = tail.integer(UInt64.self), checksum == fnv1a64(bytes[..<(bytes.count - 8)]),
            let count = reader.integer(UInt32.self)
        else { return EvidenceCache() }
        var cache = EvidenceCache()
        for _ in 0..<count {
            guard let id = reader.take(20), let length = reader.integer(UInt32.self), let payload = reader.take(Int(length)) else {
                return EvidenceCache()
            }
            var cited: [CitedEvidence] = []
            if !payload.isEmpty {
                guard let decoded = try? JSONNodeDecoder().decode([CitedEvidence].self, from: Array(payload)) else { return EvidenceCache() }
                cited = decoded
            }
            cache.entries[ObjectID(bytes: Array(id))] = cited
        }
        return reader.atEnd ? cache : EvidenceCache()
    }

    /// Writes the cache to `path` atomically.
    func write(to path: String) throws(WorkspaceError) {
        var out = Self.magic
        let trees = entries.keys.sorted()
        Self.append(UInt32(trees.count), to: &out)
        for tree in trees {
            out += tree.bytes
            let cited = entries[tree]!
            let payload = cited.isEmpty ? [] : ((try? CanonicalJSON.encode(cited)) ?? [])
            Self.append(UInt32(payload.count), to: &out)
            out += payload
        }
        Self.append(fnv1a64(out[...]), to: &out)
        try CacheFile.write(out, to: path)
    }

    private static func append<T: FixedWidthInteger>(_ value: T, to out: inout [UInt8]) {
        for offset in 0..<MemoryLayout<T>.size { out.append(UInt8(truncatingIfNeeded: value >> (8 * offset))) }
    }
}
