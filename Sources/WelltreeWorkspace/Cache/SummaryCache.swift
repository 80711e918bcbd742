import Git
import WelltreeCore

/// Workload overviews kept between runs, keyed by content: a workload directory's tree id plus
/// the blob ids of the lens versions its answers were evaluated against and, for a workload that
/// uses a profile, the ids of the files its prioritized risk counts were computed from.
///
/// Git ids name content, so the key determines the value: an entry can never be stale, only
/// unused. Any change below a workload's directory changes its tree id; a new lens version or an
/// edited lens changes the blob id the entry recorded, and the entry stops matching. A
/// workload's profile and version are in its `workload.json` (so in its tree id); what the
/// prioritization makes of them depends on the profiles (`profiles/`, whose tree id changes
/// with any profile's record or version file), the mapping and the profile template, whose ids
/// the entry records (`ProfileDependency`): a change to any of them stops the entries of the
/// workloads with a profile from matching, and leaves the others alone. Nothing is ever
/// invalidated by time or by comparing dates.
///
/// The file lives in the git directory (`welltree/cache/summaries-v3.bin`), never in the work
/// tree or in commits. It is only an accelerator: deleting it, or a corrupt or truncated file,
/// means the next run computes everything from the repository and writes a fresh one.
///
/// Format (little-endian): the 8-byte magic `WTSUMv3\n`; a UInt32 entry count; the entries; an
/// FNV-1a 64 checksum of everything before it. An entry is the 20-byte tree id; a byte with
/// the number of lenses, each as alias and version (UInt8 length + UTF-8) and the 20-byte blob
/// id of the lens version file; five UInt32 risk counts in `Risk.allCases` order; a byte, 1 when
/// an answer cites evidence (`WorkloadRiskSummary.citesEvidence`) and 0 otherwise; a byte, 1
/// when the workload uses a profile and 0 otherwise, and after a 1: the profile id and version
/// (UInt8 length + UTF-8), the 20-byte ids of `profiles/`, the mapping and the profile template
/// (20 zero bytes for one that is absent), and a byte, 1 when prioritized risk counts follow
/// (five UInt32 in `Risk.allCases` order) and 0 when the profile prioritizes nothing there; then
/// id, name, owner, improvement status and update time (UInt16 length + UTF-8). The version in the
/// name and magic changes whenever the format or the meaning of a summary does (a change to risk
/// evaluation), so an old file is simply ignored.
///
/// Writers write a private temporary file beside it and rename it into place, so readers see a
/// whole old file or a whole new one, and two writers at once cannot mix their bytes (the last
/// rename wins; the loser's entries are recomputed when next needed).
package struct SummaryCache: Sendable {
    /// A lens version a summary was computed against.
    package struct LensDependency: Sendable, Equatable, Hashable {
        /// The lens alias and the version the workload applied (before minor versions advance it).
        package var lens: WorkloadLens
        /// The blob id of the lens version file actually evaluated.
        package var blob: ObjectID

        package init(lens: WorkloadLens, blob: ObjectID) {
            self.lens = lens
            self.blob = blob
        }
    }

    /// The workspace files a workload's prioritized risk counts were computed from, besides its
    /// own directory and its lens versions: each id is nil when the file or directory is absent.
    package struct ProfileDependency: Sendable, Equatable, Hashable {
        /// The tree id of `profiles/`: every profile's record and version files.
        package var profiles: ObjectID?
        /// The blob id of `profile-prioritization.json`.
        package var mapping: ObjectID?
        /// The blob id of `profile-template.json`.
        package var template: ObjectID?

        package init(profiles: ObjectID?, mapping: ObjectID?, template: ObjectID?) {
            self.profiles = profiles
            self.mapping = mapping
            self.template = template
        }
    }

    /// One cached overview and what it depends on.
    package struct Entry: Sendable, Equatable {
        package var lenses: [LensDependency]
        /// Set exactly when the overview's workload uses a profile.
        package var profile: ProfileDependency?
        package var overview: WorkloadOverview

        package init(lenses: [LensDependency], profile: ProfileDependency? = nil, overview: WorkloadOverview) {
            self.lenses = lenses
            self.profile = profile
            self.overview = overview
        }
    }

    /// The file name; the version changes with the format or the meaning of a summary.
    package static let fileName = "summaries-v3.bin"
    private static let magic = Array("WTSUMv3\n".utf8)
    private static let absent = [UInt8](repeating: 0, count: 20)

    /// Entries by workload tree id.
    package private(set) var entries: [ObjectID: Entry] = [:]

    package init() {}

    package subscript(tree: ObjectID) -> Entry? {
        get { entries[tree] }
        set { entries[tree] = newValue }
    }

    package var count: Int { entries.count }

    /// Adds entries of `older` that this cache lacks, up to `limit` entries in all, so that
    /// going back and forth between commits keeps both sides warm without the file growing
    /// without bound.
    package mutating func retain(from older: SummaryCache, limit: Int) {
        for (tree, entry) in older.entries where entries.count < limit && entries[tree] == nil {
            entries[tree] = entry
        }
    }

    // MARK: Files

    /// Reads the cache at `path`; a missing, unreadable, truncated or corrupt file gives an
    /// empty cache.
    package static func load(from path: String) -> SummaryCache {
        CacheFile.read(path).flatMap(decode) ?? SummaryCache()
    }

    /// Writes the cache to `path` atomically (temporary file + rename), creating directories.
    package func write(to path: String) throws(WorkspaceError) {
        try CacheFile.write(encode(), to: path)
    }

    // MARK: Encoding

    /// The file's bytes.
    package func encode() -> [UInt8] {
        // Written straight from the dictionary in key order, without copying entries: this runs
        // at the end of a cold dashboard, when memory is at its peak.
        let trees = entries.keys.filter { Self.isStorable(entries[$0]!) }.sorted()
        var out = Self.magic
        out.reserveCapacity(64 + trees.count * 160)
        Self.append(UInt32(trees.count), to: &out)
        for tree in trees { Self.append(tree: tree, entry: entries[tree]!, to: &out) }
        Self.append(Self.checksum(out[...]), to: &out)
        return out
    }

    /// One entry in the file's format, for handing an overview from one process to another;
    /// nil when a field does not fit the format (the receiver then computes it itself).
    package static func encodeEntry(tree: ObjectID, _ entry: Entry) -> [UInt8]? {
        guard isStorable(entry) else { return nil }
        var out: [UInt8] = []
        append(tree: tree, entry: entry, to: &out)
        return out
    }

    /// Reads what `encodeEntry` wrote; nil unless `bytes` hold exactly one whole entry.
    package static func decodeEntry(_ bytes: ArraySlice<UInt8>) -> (tree: ObjectID, entry: Entry)? {
        var reader = Reader(bytes: bytes)
        guard let decoded = reader.entry(), reader.atEnd else { return nil }
        return decoded
    }

    private static func append(tree: ObjectID, entry: Entry, to out: inout [UInt8]) {
        out.append(contentsOf: tree.bytes)
        out.append(UInt8(entry.lenses.count))
        for dependency in entry.lenses {
            appendShort(dependency.lens.alias, to: &out)
            appendShort(dependency.lens.version, to: &out)
            out.append(contentsOf: dependency.blob.bytes)
        }
        for risk in Risk.allCases { append(UInt32(entry.overview.summary.riskCounts[risk]), to: &out) }
        out.append(entry.overview.summary.citesEvidence ? 1 : 0)
        if let reference = entry.overview.profile, let dependency = entry.profile {
            out.append(1)
            appendShort(reference.id, to: &out)
            appendShort(reference.version, to: &out)
            for id in [dependency.profiles, dependency.mapping, dependency.template] { out.append(contentsOf: id?.bytes ?? absent) }
            if let prioritized = entry.overview.summary.prioritizedRiskCounts {
                out.append(1)
                for risk in Risk.allCases { append(UInt32(prioritized[risk]), to: &out) }
            } else {
                out.append(0)
            }
        } else {
            out.append(0)
        }
        let o = entry.overview
        for text in [o.id, o.name, o.owner, o.improvementStatus, o.summary.updatedAt] { appendLong(text, to: &out) }
    }

    /// Whether every field fits the format's length fields (an entry that does not is left out
    /// and recomputed when needed).
    private static func isStorable(_ entry: Entry) -> Bool {
        let o = entry.overview
        let prioritized = o.summary.prioritizedRiskCounts ?? RiskCounts()
        return entry.lenses.count <= 255
            && Risk.allCases.allSatisfy { (0...Int(UInt32.max)).contains(o.summary.riskCounts[$0]) }
            && (o.profile == nil) == (entry.profile == nil)
            && (o.profile.map { $0.id.utf8.count <= 255 && $0.version.utf8.count <= 255 } ?? (o.summary.prioritizedRiskCounts == nil))
            && Risk.allCases.allSatisfy { (0...Int(UInt32.max)).contains(prioritized[$0]) }
            && entry.lenses.allSatisfy { $0.lens.alias.utf8.count <= 255 && $0.lens.version.utf8.count <= 255 }
            && [o.id, o.name, o.owner, o.improvementStatus, o.summary.updatedAt].allSatisfy { $0.utf8.count <= 65_535 }
    }

    /// Parses the file's bytes; nil when anything is off.
    package static func decode(_ bytes: [UInt8]) -> SummaryCache? {
        guard bytes.count >= magic.count + 4 + 8, bytes.starts(with: magic) else { return nil }
        let body = bytes[..<(bytes.count - 8)]
        var reader = Reader(bytes: bytes[...], index: body.endIndex)
        guard let stored = reader.uint64(), stored == checksum(body) else { return nil }
        reader = Reader(bytes: bytes[...], index: magic.count, end: body.endIndex)
        guard let count = reader.uint32() else { return nil }
        var cache = SummaryCache()
        cache.entries.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let (tree, entry) = reader.entry() else { return nil }
            cache.entries[tree] = entry
        }
        return reader.atEnd ? cache : nil
    }

    private static func append<T: FixedWidthInteger>(_ value: T, to out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }

    private static func appendShort(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(text.utf8.count))
        out.append(contentsOf: text.utf8)
    }

    private static func appendLong(_ text: String, to out: inout [UInt8]) {
        append(UInt16(text.utf8.count), to: &out)
        out.append(contentsOf: text.utf8)
    }

    /// The file's checksum (FNV-1a, 64 bits).
    private static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        fnv1a64(bytes)
    }

    /// Bounds-checked reading of the fields above.
    private struct Reader {
        var input: BinaryReader

        init(bytes: ArraySlice<UInt8>, index: Int? = nil, end: Int? = nil) {
            input = BinaryReader(bytes, from: index, to: end)
        }

        var atEnd: Bool { input.atEnd }

        mutating func byte() -> UInt8? { input.byte() }
        mutating func integer<T: FixedWidthInteger>(_ type: T.Type) -> T? { input.integer(type) }
        mutating func uint32() -> UInt32? { integer(UInt32.self) }
        mutating func uint64() -> UInt64? { integer(UInt64.self) }

        mutating func id() -> ObjectID? {
            input.take(20).map { ObjectID(bytes: Array($0)) }
        }

        /// One entry: its tree id and the entry, as `append(tree:entry:to:)` wrote them.
        mutating func entry() -> (ObjectID, Entry)? {
            guard let tree = id(), let lensCount = byte() else { return nil }
            var lenses: [LensDependency] = []
            for _ in 0..<lensCount {
                guard let alias = string(lengthBytes: 1), let version = string(lengthBytes: 1), let blob = id() else { return nil }
                lenses.append(LensDependency(lens: WorkloadLens(alias: alias, version: version), blob: blob))
            }
            var counts = RiskCounts()
            for risk in Risk.allCases {
                guard let n = uint32() else { return nil }
                counts[risk] = Int(n)
            }
            guard let cites = byte(), cites <= 1, let hasProfile = byte(), hasProfile <= 1 else { return nil }
            var reference: ProfileReference?
            var dependency: ProfileDependency?
            var prioritized: RiskCounts?
            if hasProfile == 1 {
                guard let profileId = string(lengthBytes: 1), let version = string(lengthBytes: 1),
                    let profiles = optionalId(), let mapping = optionalId(), let template = optionalId(),
                    let hasCounts = byte(), hasCounts <= 1
                else { return nil }
                reference = ProfileReference(id: profileId, version: version)
                dependency = ProfileDependency(profiles: profiles, mapping: mapping, template: template)
                if hasCounts == 1 {
                    var counts = RiskCounts()
                    for risk in Risk.allCases {
                        guard let n = uint32() else { return nil }
                        counts[risk] = Int(n)
                    }
                    prioritized = counts
                }
            }
            guard let id = string(lengthBytes: 2), let name = string(lengthBytes: 2), let owner = string(lengthBytes: 2),
                let status = string(lengthBytes: 2), let updatedAt = string(lengthBytes: 2)
            else { return nil }
            let overview = WorkloadOverview(
                id: id, name: name, owner: owner, improvementStatus: status, lenses: lenses.map(\.lens.alias),
                summary: WorkloadRiskSummary(
                    riskCounts: counts, updatedAt: updatedAt, citesEvidence: cites == 1, prioritizedRiskCounts: prioritized),
                profile: reference)
            return (tree, Entry(lenses: lenses, profile: dependency, overview: overview))
        }

        /// A 20-byte id, where 20 zero bytes stand for an absent file: `.some(nil)` then, and
        /// nil when the bytes run out.
        mutating func optionalId() -> ObjectID?? {
            guard let bytes = input.take(20) else { return nil }
            return .some(bytes.allSatisfy { $0 == 0 } ? nil : ObjectID(bytes: Array(bytes)))
        }

        mutating func string(lengthBytes: Int) -> String? {
            let length: Int
            if lengthBytes == 1 {
                guard let n = byte() else { return nil }
                length = Int(n)
            } else {
                guard let n = integer(UInt16.self) else { return nil }
                length = Int(n)
            }
            // The checksum already vouches for the bytes, which were written from valid strings.
            return input.take(length).map { String(decoding: $0, as: UTF8.self) }
        }
    }
}
