import Testing
@testable import Git

@Suite("Changed paths between trees")
struct ChangedPathsTests {
    @Test func onlyDifferingFilesAreListedWithTheirBlobs() throws {
        let directory = "/tmp/welltree-changed-" + String(UInt64.random(in: 0...UInt64.max), radix: 16)
        let repository = try Repository.create(at: directory)
        let a = try repository.writeBlob(Array("a\n".utf8))
        let b = try repository.writeBlob(Array("b\n".utf8))
        let base = try repository.updatedTree(base: nil, changes: [
            TreeChange(path: "workloads/one/workload.json", blob: a),
            TreeChange(path: "workloads/two/workload.json", blob: a),
            TreeChange(path: "welltree.json", blob: a),
        ])
        let next = try repository.updatedTree(base: base, changes: [
            TreeChange(path: "workloads/one/answers/x/q.json", blob: b),
            TreeChange(path: "workloads/two/workload.json", blob: nil),
            TreeChange(path: "welltree.json", blob: b),
        ])
        let changes = try repository.changedPaths(from: base, to: next)
        #expect(changes == [
            ChangedPath(path: "welltree.json", old: a, new: b),
            ChangedPath(path: "workloads/one/answers/x/q.json", old: nil, new: b),
            ChangedPath(path: "workloads/two/workload.json", old: a, new: nil),
        ])
        #expect(try repository.changedPaths(from: next, to: next).isEmpty)
        #expect(try repository.changedPaths(from: nil, to: base).count == 3)
    }
}
