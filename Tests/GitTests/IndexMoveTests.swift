import CLibGit2
import Foundation
import Testing

@testable import Git

/// Index entries of a directory renamed in the work tree move with their stat data.
@Suite("Index moves")
struct IndexMoveTests {
    @Test func movedEntriesKeepTheirBlobsAndStayClean() throws {
        let temporary = try TemporaryRepository()
        let repository = temporary.repository
        let files = ["a/x.json": "{}\n", "a/sub/y.json": "[]\n", "ab/z.json": "1\n", "b0/w.json": "2\n", "top.json": "3\n"]
        for (path, text) in files {
            let full = temporary.path + "/" + path
            try FileManager.default.createDirectory(
                atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
        let index = try Index(of: repository)
        for path in files.keys.sorted() { try index.addFromWorkdir(path) }
        try index.write()
        let tree = try index.writeTree()
        let commit = try repository.createCommit(
            tree: tree, parents: [], message: "files", author: temporary.signature, committer: temporary.signature)
        try repository.setReference("refs/heads/main", to: commit, expected: nil, message: "test")
        #expect(try repository.modifiedPaths(under: "").isEmpty)

        // "a" moves below "b" (between "ab" and "b0" in git's order, so the index must re-sort).
        try FileManager.default.createDirectory(atPath: temporary.path + "/b", withIntermediateDirectories: true)
        #expect(rename(temporary.path + "/a", temporary.path + "/b/a") == 0)
        let before = try #require(git_index_get_bypath(index.handle, "a/sub/y.json", 0)?.pointee)
        let moved = try Index(of: repository)
        try moved.moveDirectories([(from: "a", to: "b/a")])
        // The entry keeps what git compares the file with: no rehash on the next status.
        let after = try #require(git_index_get_bypath(moved.handle, "b/a/sub/y.json", 0)?.pointee)
        #expect(after.ino == before.ino && after.mtime.seconds == before.mtime.seconds && after.mtime.nanoseconds == before.mtime.nanoseconds)
        #expect(after.file_size == before.file_size && ObjectID(after.id) == ObjectID(before.id))
        #expect(git_index_get_bypath(moved.handle, "a/sub/y.json", 0) == nil)
        try moved.write()
        let expected = try repository.updatedTree(
            base: tree,
            changes: [
                TreeChange(path: "a", blob: nil),
                TreeChange(path: "b/a/x.json", blob: try repository.entry(at: "a/x.json", inTree: tree)!.id),
                TreeChange(path: "b/a/sub/y.json", blob: try repository.entry(at: "a/sub/y.json", inTree: tree)!.id),
            ])
        #expect(try Index(of: repository).writeTree() == expected)
        // Only the move itself shows against HEAD: every moved file is clean in the work tree.
        let status = try repository.modifiedPaths(under: "").sorted()
        #expect(status == ["a/sub/y.json", "a/x.json", "b/a/sub/y.json", "b/a/x.json"])
        #expect(try repository.isPathModified("b/a/x.json"))
        var flags: UInt32 = 0
        #expect(git_status_file(&flags, repository.handle, "b/a/x.json") == 0)
        #expect(flags & GIT_STATUS_WT_MODIFIED.rawValue == 0, "the work-tree file matches its index entry")
    }
}
