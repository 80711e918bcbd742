import Foundation
import Git
import Testing
import WelltreeCore

@testable import WelltreeWorkspace

/// The on-disk lens cache: a second workspace over the same repository takes a lens version
/// from its cache file; anything wrong with the file means the JSON is parsed again and the
/// file rewritten; lenses that fail import are never cached; a cache that cannot be written
/// changes nothing.
@Suite("Lens cache")
struct LensCacheTests {
    /// The framework's current version, the one a workspace loads.
    static let frameworkFile = Layout.lensVersion(BuiltinLens.framework, "1.1")

    /// A workspace fixture whose cache directory is empty, so nothing `init` loaded counts.
    static func freshFixture() throws -> WorkspaceFixture {
        let fixture = try WorkspaceFixture()
        try? FileManager.default.removeItem(atPath: try cacheDirectory(fixture))
        return fixture
    }

    static func cacheDirectory(_ fixture: WorkspaceFixture) throws -> String {
        try Repository.open(at: fixture.path).commonDirectory + "welltree/cache/" + LensCache.directoryName
    }

    /// The framework lens parsed from its file, as no cache is involved.
    static func parsedFramework(_ fixture: WorkspaceFixture) throws -> Lens {
        let bytes = try #require(try fixture.open().file(frameworkFile))
        return try LensLoader.load(bytes, file: frameworkFile, kind: .official).lens
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// Commits `bytes` as the file at `path` on top of main, bypassing every check.
    static func commit(_ bytes: [UInt8], at path: String, in fixture: WorkspaceFixture) throws {
        let repository = try Repository.open(at: fixture.path)
        let head = try #require(try repository.referenceTarget("refs/heads/main"))
        let tree = try repository.updatedTree(
            base: try repository.commit(head).tree, changes: [TreeChange(path: path, blob: try repository.writeBlob(bytes))])
        let signature = Signature(name: "Test", email: "test@example.com", time: 1_800_000_000)
        let commit = try repository.createCommit(tree: tree, parents: [head], message: "change", author: signature, committer: signature)
        try repository.setReference("refs/heads/main", to: commit, expected: head, message: "test")
    }

    @Test("the first load writes the cache file and a second workspace loads the lens from it")
    func secondWorkspaceReadsTheFile() throws {
        let fixture = try Self.freshFixture()
        let first = try fixture.open().loadLens(BuiltinLens.framework)
        #expect(first.lens == (try Self.parsedFramework(fixture)))
        let path = try fixture.open().lensCachePath(first.blob)
        #expect(path.hasPrefix(try Self.cacheDirectory(fixture) + "/"))
        let stored = try #require(FileManager.default.contents(atPath: path))
        #expect(LensArchive.decode([UInt8](stored), kind: .official, key: first.blob.bytes) == first.lens)

        let second = try fixture.open().loadLens(BuiltinLens.framework)
        #expect(second.lens == first.lens)
        #expect(second.blob == first.blob)

        // Proof that the file, not the JSON, is read: a well-formed archive of another lens
        // under the same key is believed.
        var other = first.lens
        other.name = "Read from the cache"
        try Self.write(LensArchive.encode(other, kind: .official, key: first.blob.bytes), to: path)
        #expect(try fixture.open().loadLens(BuiltinLens.framework).lens.name == "Read from the cache")
    }

    /// Ways a cache file can be wrong.
    enum Damage: CaseIterable {
        case empty, truncated, changedByte, foreign, anotherKind, anotherBlob

        /// The damaged form of `good`, the archive of the framework lens with blob id `blob`.
        func apply(to good: [UInt8], blob: ObjectID) -> [UInt8] {
            let lens = LensArchive.decode(good, kind: .official, key: blob.bytes)!
            switch self {
            case .empty: return []
            case .truncated: return Array(good.prefix(good.count / 2))
            case .changedByte:
                var bytes = good
                bytes[bytes.count / 3] ^= 0x40
                return bytes
            case .foreign: return Array("not a lens archive\n".utf8)
            case .anotherKind: return LensArchive.encode(lens, kind: .custom, key: blob.bytes)
            case .anotherBlob: return LensArchive.encode(lens, kind: .official, key: Array(blob.bytes.reversed()))
            }
        }
    }

    @Test("a damaged, foreign or mismatched cache file is ignored and rewritten", arguments: Damage.allCases)
    func damagedFile(_ damage: Damage) throws {
        let fixture = try Self.freshFixture()
        let blob = try fixture.open().loadLens(BuiltinLens.framework).blob
        let path = try fixture.open().lensCachePath(blob)
        let good = [UInt8](try #require(FileManager.default.contents(atPath: path)))
        try Self.write(damage.apply(to: good, blob: blob), to: path)

        let loaded = try fixture.open().loadLens(BuiltinLens.framework)
        #expect(loaded.lens == (try Self.parsedFramework(fixture)), "\(damage)")
        #expect(FileManager.default.contents(atPath: path).map([UInt8].init) == good, "\(damage): rewritten")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: try Self.cacheDirectory(fixture))
        #expect(leftovers.allSatisfy { $0.hasSuffix(".bin") }, "\(damage): no temporary files left")
    }

    @Test("a lens version that fails import is never cached, so its error is reported every time")
    func failingLensIsNotCached() throws {
        let fixture = try Self.freshFixture()
        let file = Layout.lensVersion("serverless", "1.1")
        try Self.commit(Array(#"{"schemaVersion": "2021-11-01", "name": "Broken"}"#.utf8), at: file, in: fixture)
        let blob = try #require(try fixture.open().entry(file)).id
        for _ in 0..<2 {
            #expect {
                _ = try fixture.open().loadLens("serverless")
            } throws: { error in
                guard let error = error as? WorkspaceError, case .refused(let message, .invalidLens, file) = error else { return false }
                return message.contains("\"pillars\" is missing")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: try fixture.open().lensCachePath(blob)))
    }

    @Test("a cache that cannot be written changes nothing")
    func unwritableCache() throws {
        let fixture = try Self.freshFixture()
        // A file where the cache directory belongs makes every write fail, whoever runs the test.
        let directory = try Self.cacheDirectory(fixture)
        try FileManager.default.createDirectory(
            atPath: (directory as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Self.write(Array("in the way".utf8), to: directory)
        let expected = try Self.parsedFramework(fixture)
        for _ in 0..<2 {
            #expect(try fixture.open().loadLens(BuiltinLens.framework).lens == expected)
        }
    }

    @Test("reviews are the same computed cold and from the cache")
    func reviewsAgree() throws {
        let fixture = try Self.freshFixture()
        _ = try fixture.open().createWorkload(WorkspaceFixture.retail, lenses: ["serverless"])
        _ = try fixture.open().updateAnswer(
            WorkspaceReviewTests.name, lens: nil, question: "backing-up-data",
            update: AnswerUpdate(select: ["rel_backing_up_data_identified_backups_data"]))
        func reviews() throws -> [LensReview] {
            let workspace = try fixture.open()
            let stored = try workspace.findWorkload(WorkspaceReviewTests.name)
            return try stored.workload.lenses.map { try workspace.review(of: stored, lens: $0).review }
        }
        try FileManager.default.removeItem(atPath: try Self.cacheDirectory(fixture))
        let cold = try reviews()
        #expect(try FileManager.default.contentsOfDirectory(atPath: try Self.cacheDirectory(fixture)).count == 2)
        #expect(try reviews() == cold)
        #expect(cold.count == 2)
    }
}
