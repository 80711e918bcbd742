import Foundation
import Testing

@testable import Git

/// Trees kept in memory for read-only views: readable like any object, never written.
@Suite("Scratch trees")
struct ScratchTreeTests {
    @Test func aScratchTreeHasGitsIdAndIsReadableButNeverStored() throws {
        let temporary = try TemporaryRepository()
        let repository = temporary.repository
        let blob = try repository.writeBlob(Array("{}\n".utf8))
        let inner = try repository.writeTree([TreeEntry(name: "x.json", id: blob, kind: .blob)])
        // Names whose order differs between plain byte order and git's (a directory sorts as if
        // its name ended in "/": "a.json" < "a/" < "a0").
        let entries = [
            TreeEntry(name: "a0", id: blob, kind: .blob),
            TreeEntry(name: "a", id: inner, kind: .tree),
            TreeEntry(name: "a.json", id: blob, kind: .blob),
            TreeEntry(name: "run", id: blob, kind: .executable),
            TreeEntry(name: "link", id: blob, kind: .symlink),
        ]
        let scratch = try repository.scratchTree(entries)
        // The same objects written to disk in another repository have the same ids.
        let stored = try TemporaryRepository()
        _ = try stored.repository.writeBlob(Array("{}\n".utf8))
        _ = try stored.repository.writeTree([TreeEntry(name: "x.json", id: blob, kind: .blob)])
        let same = try stored.repository.writeTree(entries)
        #expect(scratch == same, "the scratch tree's bytes are exactly the tree git writes")
        #expect(try repository.treeEntries(scratch).map(\.name) == ["a.json", "a", "a0", "link", "run"])
        #expect(try repository.entry(at: "a/x.json", inTree: scratch)?.id == blob)

        // Another handle on the same repository (or the same one after release) never sees it.
        let reopened = try Repository.open(at: temporary.path)
        #expect(throws: GitError.self) { try reopened.treeEntries(scratch) }
        // Ordinary writes still go to disk.
        let written = try repository.writeBlob(Array("after\n".utf8))
        #expect(try reopened.blob(written) == Array("after\n".utf8))
    }
}
