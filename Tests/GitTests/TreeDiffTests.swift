import Foundation
import TestSupport
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

    @Test func theWalkReportsTheDirectoriesItEnteredWithTheirTrees() throws {
        let repo = try TemporaryRepository()
        let first = try repo.commit(["w/a/x.json": "1", "w/b/y.json": "2", "w/c/z.json": "3"], parent: nil)
        let second = try repo.commit(["w/a/x.json": "changed", "w/c/z.json": nil, "w/d/n.json": "n"], parent: first)
        let old = try repo.repository.commit(first).tree
        let new = try repo.repository.commit(second).tree
        let comparison = try repo.repository.compareTrees(from: old, to: new)
        #expect(comparison.files.map(\.path) == ["w/a/x.json", "w/c/z.json", "w/d/n.json"])
        #expect(comparison.directories.map(\.path) == ["w", "w/a", "w/c", "w/d"])
        for directory in comparison.directories {
            #expect(directory.old == (try repo.repository.entry(at: directory.path, inTree: old)?.id))
            #expect(directory.new == (try repo.repository.entry(at: directory.path, inTree: new)?.id))
        }
        #expect(comparison.directories[2].new == nil && comparison.directories[3].old == nil)
    }

    @Test func aFileReplacedByADirectoryIsBoth() throws {
        let repo = try TemporaryRepository()
        let first = try repo.commit(["thing": "file"], parent: nil)
        let second = try repo.commit(["thing": nil, "thing/inner": "x"], parent: first)
        let deltas = try repo.repository.changedFiles(
            from: try repo.repository.commit(first).tree, to: try repo.repository.commit(second).tree)
        #expect(Set(deltas.map(\.path)) == ["thing", "thing/inner"])
    }

    /// Names that sort differently as files and as directories in git's order ("a" as a
    /// directory sorts as "a/", after "a-b" and "a.b" but before "a0"): the walk must pair the
    /// entries of both sides exactly as git orders them.
    @Test(arguments: 1...12) func reportsExactlyTheChangedFilesWhateverTheNames(seed: Int) throws {
        var generator = SeededGenerator(seed: UInt64(seed))
        let names = ["a", "a-b", "a.b", "a0", "a_", "ab", "b", "B", "é", "a b"]
        func randomFiles() -> [String: String] {
            var files: [String: String] = [:]
            for _ in 0..<12 {
                let first = names[Int(generator.next() % UInt64(names.count))]
                let second = names[Int(generator.next() % UInt64(names.count))]
                let path = generator.next() % 2 == 0 ? "d/\(first)" : "d/\(first)/\(second)"
                // A path cannot be both a file and a directory.
                if files.keys.contains(where: { $0.hasPrefix(path + "/") || path.hasPrefix($0 + "/") }) { continue }
                files[path] = "v\(generator.next() % 3)"
            }
            return files
        }
        let before = randomFiles()
        var after = before
        for (path, _) in before where generator.next() % 3 == 0 { after[path] = nil }
        for (path, value) in randomFiles() where !after.keys.contains(where: { $0.hasPrefix(path + "/") || path.hasPrefix($0 + "/") }) {
            after[path] = after[path] == nil ? value : (generator.next() % 2 == 0 ? value + "!" : after[path])
        }
        let repo = try TemporaryRepository()
        let first = try repo.commit(before.mapValues { Optional($0) }, parent: nil)
        var changes: [String: String?] = after.mapValues { Optional($0) }
        for path in before.keys where after[path] == nil { changes[path] = .some(nil) }
        let second = try repo.commit(changes, parent: first)
        let deltas = try repo.repository.changedFiles(
            from: try repo.repository.commit(first).tree, to: try repo.repository.commit(second).tree)
        let expected = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }
        #expect(Set(deltas.map(\.path)) == expected)
        #expect(deltas.count == expected.count)
    }

    @Test func mergeBaseFindsTheForkPoint() throws {
        let repo = try TemporaryRepository()
        let root = try repo.commit(["f": "0"], parent: nil)
        let left = try repo.commit(["f": "1"], parent: root)
        let right = try repo.commit(["g": "2"], parent: root)
        #expect(try repo.repository.mergeBase(left, right) == root)
    }
}
