import Foundation
import Testing

@testable import Git

/// A fresh repository in a temporary directory with a pinned identity, removed afterwards.
final class TemporaryRepository {
    let path: String
    let repository: Repository

    init() throws {
        path = NSTemporaryDirectory() + "welltree-git-" + UUID().uuidString
        repository = try Repository.create(at: path)
        try repository.setConfigString("user.name", "Test User")
        try repository.setConfigString("user.email", "test@example.com")
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    var signature: Signature { Signature(name: "Test User", email: "test@example.com", time: 1_700_000_000) }

    /// Commits `files` (path -> text; nil removes) on top of `parent`.
    func commit(_ files: [String: String?], parent: ObjectID?) throws -> ObjectID {
        let base = try parent.map { try repository.commit($0).tree }
        let changes = try files.map { path, text in
            TreeChange(path: path, blob: try text.map { try repository.writeBlob(Array($0.utf8)) })
        }
        let tree = try repository.updatedTree(base: base, changes: changes)
        return try repository.createCommit(
            tree: tree, parents: parent.map { [$0] } ?? [], message: "test", author: signature, committer: signature)
    }
}

@Suite("Repository")
struct RepositoryTests {
    @Test func newRepositoryHasUnbornMainBranch() throws {
        let temp = try TemporaryRepository()
        #expect(try temp.repository.head() == .branch(name: "refs/heads/main", commit: nil))
        #expect(temp.repository.workdir?.hasSuffix("/") == true)
    }

    @Test func blobsRoundTripAndDeduplicate() throws {
        let temp = try TemporaryRepository()
        let bytes: [UInt8] = Array("{\n  \"a\": 1\n}\n".utf8)
        let id = try temp.repository.writeBlob(bytes)
        #expect(try temp.repository.writeBlob(bytes) == id)
        #expect(try temp.repository.blob(id) == bytes)
    }

    @Test func updatedTreeAddsNestedPathsAndRemovesEmptyDirectories() throws {
        let temp = try TemporaryRepository()
        let first = try temp.commit(["a/b/c.json": "1", "a/d.json": "2", "top.json": "3"], parent: nil)
        let tree = try temp.repository.commit(first).tree
        #expect(try temp.repository.entry(at: "a/b/c.json", inTree: tree)?.kind == .blob)
        let second = try temp.commit(["a/b/c.json": nil, "a/e.json": "4"], parent: first)
        let secondTree = try temp.repository.commit(second).tree
        #expect(try temp.repository.entry(at: "a/b", inTree: secondTree) == nil)
        #expect(try temp.repository.entry(at: "a/e.json", inTree: secondTree) != nil)
        #expect(try temp.repository.entry(at: "a/d.json", inTree: secondTree) != nil)
        #expect(try temp.repository.treeEntries(secondTree).map(\.name) == ["a", "top.json"])
    }

    @Test func removingADirectoryRemovesEverythingBelowIt() throws {
        let temp = try TemporaryRepository()
        let first = try temp.commit(["w/a/x.json": "1", "w/a/sub/y.json": "2", "w/b/z.json": "3"], parent: nil)
        let tree = try temp.repository.commit(first).tree
        let updated = try temp.repository.updatedTree(base: tree, changes: [TreeChange(path: "w/a", blob: nil)])
        #expect(try temp.repository.entry(at: "w/a", inTree: updated) == nil)
        #expect(try temp.repository.entry(at: "w/b/z.json", inTree: updated) != nil)
    }

    @Test func removingAMissingPathChangesNothing() throws {
        let temp = try TemporaryRepository()
        let first = try temp.commit(["x.json": "1"], parent: nil)
        let tree = try temp.repository.commit(first).tree
        let same = try temp.repository.updatedTree(base: tree, changes: [TreeChange(path: "nope/y.json", blob: nil)])
        #expect(same == tree)
    }

    @Test func compareAndSwapRefusesAMovedBranch() throws {
        let temp = try TemporaryRepository()
        let first = try temp.commit(["x.json": "1"], parent: nil)
        try temp.repository.setReference("refs/heads/main", to: first, expected: nil, message: "first")
        let second = try temp.commit(["x.json": "2"], parent: first)
        let rival = try temp.commit(["x.json": "3"], parent: first)
        try temp.repository.setReference("refs/heads/main", to: rival, expected: first, message: "rival")
        let error = #expect(throws: GitError.self) {
            try temp.repository.setReference("refs/heads/main", to: second, expected: first, message: "late")
        }
        #expect(error?.isModified == true)
        #expect(try temp.repository.referenceTarget("refs/heads/main") == rival)
    }

    @Test func creatingAnExistingBranchCountsAsMoved() throws {
        let temp = try TemporaryRepository()
        let first = try temp.commit(["x.json": "1"], parent: nil)
        try temp.repository.setReference("refs/heads/main", to: first, expected: nil, message: "first")
        let error = #expect(throws: GitError.self) {
            try temp.repository.setReference("refs/heads/main", to: first, expected: nil, message: "again")
        }
        #expect(error?.isModified == true)
    }

    @Test func resolvesRevisionsLikeGit() throws {
        let temp = try TemporaryRepository()
        let first = try temp.commit(["x.json": "1"], parent: nil)
        let second = try temp.commit(["x.json": "2"], parent: first)
        try temp.repository.setReference("refs/heads/main", to: second, expected: nil, message: "init")
        #expect(try temp.repository.resolveCommit("HEAD") == second)
        #expect(try temp.repository.resolveCommit("HEAD~1") == first)
        #expect(try temp.repository.resolveCommit(first.hex) == first)
        #expect(throws: GitError.self) { try temp.repository.resolveCommit("no-such-branch") }
    }

    @Test func objectIDParsesAndPrintsHex() throws {
        let hex = "0123456789abcdef0123456789abcdef01234567"
        let id = try #require(ObjectID(hex: hex))
        #expect(id.hex == hex)
        #expect(ObjectID(hex: "xyz") == nil)
        #expect(ObjectID(bytes: id.bytes) == id)
    }
}
