import Foundation
import Git
import Testing
import WelltreeCore

@testable import WelltreeWorkspace

/// The summary cache file: exact round trips, and anything damaged reads as empty.
@Suite("Summary cache file")
struct SummaryCacheTests {
    static func sample(count: Int = 3) -> SummaryCache {
        var cache = SummaryCache()
        for n in 0..<count {
            var counts = RiskCounts()
            counts[.high] = n % 57
            counts[.unanswered] = 57 - n % 57
            // Every third workload uses a profile that prioritizes questions, the next one a
            // profile that prioritizes none of its lenses' (and the workspace has no mapping).
            var prioritized: RiskCounts?
            if n % 3 == 1 {
                prioritized = RiskCounts()
                prioritized?[.high] = n % 7
                prioritized?[.unanswered] = 20
            }
            let profile = n % 3 == 0 ? nil : ProfileReference(id: String(repeating: "b", count: 32), version: "\(n)")
            let overview = WorkloadOverview(
                id: String(repeating: "a", count: 31) + "\(n % 10)", name: "Payments API \(n) · 東京", owner: "owner@example.com",
                improvementStatus: "IN_PROGRESS", lenses: ["wellarchitected", "serverless"],
                summary: WorkloadRiskSummary(
                    riskCounts: counts, updatedAt: "2026-11-27T11:05:3\(n % 10)Z", citesEvidence: n % 2 == 1,
                    prioritizedRiskCounts: prioritized),
                profile: profile)
            let blob = ObjectID(bytes: Array(repeating: UInt8(n), count: 20))
            let dependency = profile.map { _ in
                SummaryCache.ProfileDependency(
                    profiles: ObjectID(bytes: Array(repeating: 0xAB, count: 20)), mapping: n % 3 == 1 ? blob : nil,
                    template: ObjectID(bytes: Array(repeating: 0xCD, count: 20)))
            }
            cache[ObjectID(bytes: (0..<20).map { UInt8(($0 * 7 + n) & 0xFF) })] = SummaryCache.Entry(
                lenses: [
                    .init(lens: WorkloadLens(alias: "wellarchitected", version: "1.0"), blob: blob),
                    .init(lens: WorkloadLens(alias: "serverless", version: "2.1"), blob: blob),
                ],
                profile: dependency,
                overview: overview)
        }
        return cache
    }

    @Test("encoding and decoding give back every entry")
    func roundTrip() throws {
        let cache = Self.sample()
        let decoded = try #require(SummaryCache.decode(cache.encode()))
        #expect(decoded.entries == cache.entries)
        #expect(SummaryCache.decode(SummaryCache().encode())?.count == 0)
    }

    @Test("one entry, as handed from a worker process, round-trips and nothing else decodes")
    func entryFrames() throws {
        for (tree, entry) in Self.sample().entries {
            let bytes = try #require(SummaryCache.encodeEntry(tree: tree, entry))
            let decoded = try #require(SummaryCache.decodeEntry(bytes[...]))
            #expect(decoded.tree == tree)
            #expect(decoded.entry == entry)
            for length in 0..<bytes.count { #expect(SummaryCache.decodeEntry(bytes[..<length]) == nil) }
            #expect(SummaryCache.decodeEntry((bytes + [0])[...]) == nil)
            // A frame inside a larger buffer decodes from its own indices.
            #expect(SummaryCache.decodeEntry(([9, 9] + bytes)[2...])?.entry == entry)
        }
        var entry = try #require(Self.sample().entries.first?.value)
        entry.overview.name = String(repeating: "x", count: 70_000)
        #expect(SummaryCache.encodeEntry(tree: ObjectID(bytes: Array(repeating: 1, count: 20)), entry) == nil)
    }

    @Test("the same entries always give the same bytes")
    func deterministic() {
        #expect(Self.sample().encode() == Self.sample().encode())
    }

    @Test("a truncated file is rejected at every length")
    func truncated() {
        let bytes = Self.sample(count: 2).encode()
        for length in 0..<bytes.count {
            #expect(SummaryCache.decode(Array(bytes.prefix(length))) == nil, "accepted \(length) of \(bytes.count) bytes")
        }
    }

    @Test("a flipped byte anywhere is rejected")
    func corrupted() {
        let bytes = Self.sample(count: 2).encode()
        for position in stride(from: 0, to: bytes.count, by: 3) {
            var damaged = bytes
            damaged[position] ^= 0x5A
            #expect(SummaryCache.decode(damaged) == nil, "accepted a change at byte \(position)")
        }
    }

    @Test("load gives an empty cache for a missing, empty or foreign file; write replaces it atomically")
    func files() throws {
        let directory = NSTemporaryDirectory() + "welltree-cache-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/nested/" + SummaryCache.fileName
        #expect(SummaryCache.load(from: path).count == 0)
        try Self.sample().write(to: path)
        #expect(SummaryCache.load(from: path).entries == Self.sample().entries)
        try Data().write(to: URL(fileURLWithPath: path))
        #expect(SummaryCache.load(from: path).count == 0)
        try Data("not a cache".utf8).write(to: URL(fileURLWithPath: path))
        #expect(SummaryCache.load(from: path).count == 0)
        try Self.sample(count: 1).write(to: path)
        #expect(SummaryCache.load(from: path).count == 1)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory + "/nested").filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test("concurrent writers never leave a damaged file")
    func concurrentWriters() throws {
        let directory = NSTemporaryDirectory() + "welltree-cache-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/" + SummaryCache.fileName
        let caches = (1...4).map { Self.sample(count: $0 * 50) }
        DispatchQueue.concurrentPerform(iterations: 40) { n in
            try? caches[n % 4].write(to: path)
            let seen = SummaryCache.load(from: path).count
            #expect(seen == 0 || seen % 50 == 0)
        }
        #expect(SummaryCache.decode([UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))) != nil)
    }

    @Test("retain keeps older entries up to the limit")
    func retain() {
        var current = SummaryCache()
        current.retain(from: Self.sample(count: 10), limit: 4)
        #expect(current.count == 4)
    }
}
