import Foundation
import Git
import Testing
import WelltreeCore

@testable import WelltreeBenchmark
@testable import WelltreeWorkspace

/// A generated review repository in a temporary directory, removed afterwards.
final class GeneratedFixture {
    let root: String
    let result: GeneratedRepository

    init(workloads: Int = 40) throws {
        root = NSTemporaryDirectory() + "welltree-bench-test-" + UUID().uuidString
        var generator = ReviewRepositoryGenerator(path: root + "/reviews.git", workloads: workloads)
        generator.template = WorkspaceTemplate(root: Self.templateRoot)
        result = try generator.generate()
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }

    static var templateRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("workspace-template").path
    }

    var path: String { result.path }

    /// Overviews computed the way Welltree did before the scanner and the cache: every answer
    /// decoded and every lens review built.
    func reference() throws -> [WorkloadOverview] {
        let workspace = try Workspace(at: path)
        return try workspace.allWorkloads().map { stored in
            var counts = RiskCounts()
            var updatedAt = stored.workload.updatedAt
            var cites = false
            for review in try workspace.reviews(of: stored) {
                counts.add(review.review.riskCounts)
                for answer in review.answers.values {
                    if let time = answer.updatedAt, time > updatedAt { updatedAt = time }
                    if !answer.answer.evidence.isEmpty { cites = true }
                }
            }
            return WorkloadOverview(
                id: stored.workload.id, name: stored.workload.name, owner: stored.workload.owner,
                improvementStatus: stored.workload.improvementStatus.rawValue, lenses: stored.workload.lenses.map(\.alias),
                summary: WorkloadRiskSummary(riskCounts: counts, updatedAt: updatedAt, citesEvidence: cites))
        }
    }

    /// Commits `changes` (path -> new bytes) on top of main.
    func commit(_ changes: [String: [UInt8]]) throws {
        let repository = try Repository.open(at: path)
        let head = try #require(try repository.referenceTarget("refs/heads/main"))
        let tree = try repository.updatedTree(
            base: try repository.commit(head).tree,
            changes: try changes.map { TreeChange(path: $0.key, blob: try repository.writeBlob($0.value)) })
        let signature = Signature(name: "Test", email: "test@example.com", time: 1_800_000_000)
        let commit = try repository.createCommit(tree: tree, parents: [head], message: "change", author: signature, committer: signature)
        try repository.setReference("refs/heads/main", to: commit, expected: head, message: "test")
    }

    func file(_ path: String) throws -> [UInt8] {
        try #require(try Workspace(at: self.path).file(path))
    }
}

@Suite("Workload overviews and the summary cache")
struct OverviewCacheTests {
    @Test("cold, warm and uncached overviews equal the decoded reference")
    func coldWarmReference() throws {
        let fixture = try GeneratedFixture()
        let reference = try fixture.reference()
        let uncached = try Workspace(at: fixture.path).overviews(useCache: false)
        #expect(uncached == reference)
        let cachePath = try Workspace(at: fixture.path).summaryCachePath
        #expect(!FileManager.default.fileExists(atPath: cachePath))
        let cold = try Workspace(at: fixture.path).overviews()
        #expect(cold == reference)
        #expect(SummaryCache.load(from: cachePath).count == reference.count)
        let warm = try Workspace(at: fixture.path).overviews()
        #expect(warm == reference)
    }

    @Test("a deleted, emptied, truncated or garbled cache is ignored and rebuilt")
    func damagedCache() throws {
        let fixture = try GeneratedFixture(workloads: 20)
        let reference = try fixture.reference()
        let cachePath = try Workspace(at: fixture.path).summaryCachePath
        _ = try Workspace(at: fixture.path).overviews()
        let good = try Data(contentsOf: URL(fileURLWithPath: cachePath))
        let damages: [Data?] = [
            nil, Data(), good.prefix(good.count / 2), Data(good.reversed()),
            Data(repeating: 0xFF, count: good.count),
        ]
        for damage in damages {
            if let damage {
                try damage.write(to: URL(fileURLWithPath: cachePath))
            } else {
                try FileManager.default.removeItem(atPath: cachePath)
            }
            #expect(try Workspace(at: fixture.path).overviews() == reference)
            #expect(SummaryCache.load(from: cachePath).count == reference.count, "the cache was not rebuilt")
        }
    }

    @Test("a changed answer changes only that workload's entry, and the result matches a cold run")
    func changedAnswer() throws {
        let fixture = try GeneratedFixture(workloads: 20)
        _ = try Workspace(at: fixture.path).overviews()
        let path = fixture.result.changedPath
        let changed = Array(#"{"isApplicable": false, "reason": "OUT_OF_SCOPE", "updatedAt": "2030-01-01T00:00:00Z"}"#.utf8) + [0x0A]
        try fixture.commit([path: changed])
        let warm = try Workspace(at: fixture.path).overviews()
        #expect(warm == (try fixture.reference()))
        #expect(warm.contains { $0.summary.updatedAt == "2030-01-01T00:00:00Z" })
    }

    @Test("a changed lens version invalidates every workload that uses it")
    func changedLens() throws {
        let fixture = try GeneratedFixture(workloads: 20)
        let before = try Workspace(at: fixture.path).overviews()
        let current = try #require(try Workspace(at: fixture.path).lensRecord(BuiltinLens.framework)?.currentVersion).version
        let lensPath = Layout.lensVersion(BuiltinLens.framework, current)
        let text = String(decoding: try fixture.file(lensPath), as: UTF8.self)
            .replacingOccurrences(of: "\"HIGH_RISK\"", with: "\"MEDIUM_RISK\"")
        try fixture.commit([lensPath: Array(text.utf8)])
        let after = try Workspace(at: fixture.path).overviews()
        #expect(after == (try fixture.reference()))
        #expect(after != before)
        #expect(after.allSatisfy { $0.summary.riskCounts[.high] == 0 || $0.lenses.count > 1 })
    }

    @Test("an answer file the scanner does not take is decoded, and a broken one names its path")
    func fallbackAndErrors() throws {
        let fixture = try GeneratedFixture(workloads: 10)
        let path = fixture.result.changedPath
        let unusual = Array("{\"notes\": \"caf\\u00e9\", \"selectedChoices\": [], \"comment\": 1}\n".utf8)
        try fixture.commit([path: unusual])
        #expect(try Workspace(at: fixture.path).overviews(useCache: false) == (try fixture.reference()))
        try fixture.commit([path: Array("{\"selectedChoices\": [1]}\n".utf8)])
        #expect {
            try Workspace(at: fixture.path).overviews()
        } throws: { error in
            "\(error)".contains(path) && "\(error)".contains("selectedChoices")
        }
    }
}

@Suite("Benchmark repository generator")
struct GeneratorTests {
    @Test("the repository passes git fsck, and HEAD changes exactly one workload")
    func validRepository() throws {
        let fixture = try GeneratedFixture(workloads: 25)
        #expect(fixture.result.answerFiles > 25 * 10)
        let fsck = try ChildProcess.run(["git", "-C", fixture.path, "fsck", "--strict", "--no-progress"])
        #expect(fsck.status == 0, "\(fsck.errorText)")
        let diff = try ChildProcess.run(["git", "-C", fixture.path, "diff", "--name-only", "HEAD~1", "HEAD"], captureOutput: true)
        #expect(String(decoding: diff.output, as: UTF8.self) == fixture.result.changedPath + "\n")
        let overviews = try Workspace(at: fixture.path).overviews(useCache: false)
        #expect(overviews.count == 25)
    }

    @Test("the same seed gives the same repository")
    func deterministic() throws {
        let first = try GeneratedFixture(workloads: 5)
        let second = try GeneratedFixture(workloads: 5)
        let a = try Repository.open(at: first.path).referenceTarget("refs/heads/main")
        let b = try Repository.open(at: second.path).referenceTarget("refs/heads/main")
        #expect(a == b)
    }
}
