import Foundation
import Testing

@testable import Git

/// The pruned tree walk behind `welltree diff` and `welltree check`.
@Suite("changedFiles")
struct TreeDiffTests {
    @Test func reportsAddedModifiedAndRemovedFiles() throws {
        let repo = try TemporaryRepository()
        let first = try repo.commit(["a/x.json": "1", "a/y.json": "2", "b/z.json": "3", "top": "t"], parent: nil)
        let second = try repo.commit(["a/x.json": "changed", "b/z.json": nil, "c/new.json": "n"], parent: first)
        let old = try repo.repository.commit(first).tree
        let new = try repo.repository.commit(second).tree
        let deltas = try repo.repository.changedFiles(from: old, to: new)
        #expect(deltas.map(\.path) == ["a/x.json", "b/z.json", "c/new.json"])
        #expect(deltas[1].new == nil && deltas[1].old != nil)
        #expect(deltas[2].old == nil && deltas[2].new != nil)
        #expect(try repo.repository.changedFiles(from: old, to: new, under: "a").map(\.path) == ["a/x.json"])
        #expect(try repo.repository.changedFiles(from: old, to: old).isEmpty)
        #expect(try repo.repository.changedFiles(from: nil, to: old).count == 4)
    }

    @Test func aFileReplacedByADirectoryIsBoth() throws {
        let repo = try TemporaryRepository()
        let first = try repo.commit(["thing": "file"], parent: nil)
        let second = try repo.commit(["thing": nil, "thing/inner": "x"], parent: first)
        let deltas = try repo.repository.changedFiles(
            from: try repo.repository.commit(first).tree, to: try repo.repository.commit(second).tree)
        #expect(Set(deltas.map(\.path)) == ["thing", "thing/inner"])
    }

    @Test func mergeBaseFindsTheForkPoint() throws {
        let repo = try TemporaryRepository()
        let root = try repo.commit(["f": "0"], parent: nil)
        let left = try repo.commit(["f": "1"], parent: root)
        let right = try repo.commit(["g": "2"], parent: root)
        #expect(try repo.repository.mergeBase(left, right) == root)
    }
}
