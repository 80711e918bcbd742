import Foundation
import Git
import Testing
import WelltreeCore
@testable import WelltreeWorkspace

/// `Workspace.commit` keeps the evidence index in step with every answer file a change writes,
/// copies (a moved workload) or removes (alone or with its directory), whoever built the change.
@Suite("The evidence index, kept by every commit")
struct EvidenceIndexCommitTests {
    static let answer = "workloads/sh/shop/answers/wellarchitected/q1.json"

    static func citing(_ paths: [String]) -> [UInt8] {
        let list = paths.map { "{\"confirmedId\": \"\(String(repeating: "a", count: 40))\", \"path\": \"\($0)\"}" }
        return Array("{\"evidence\": [\(list.joined(separator: ", "))], \"selectedChoices\": []}\n".utf8)
    }

    /// Every marker of the index at HEAD, with its contents.
    static func markers(_ fixture: WorkspaceFixture) throws -> [String: String] {
        let workspace = try fixture.open()
        var result: [String: String] = [:]
        func walk(_ path: String) throws {
            for entry in try workspace.directory(path) {
                let child = path + "/" + entry.name
                if entry.kind == .tree { try walk(child) } else { result[child] = String(decoding: try workspace.file(child) ?? [], as: UTF8.self) }
            }
        }
        try walk(Layout.evidenceIndex)
        return result
    }

    static func marker(_ fixture: WorkspaceFixture, _ cited: String, directory: String) throws -> String {
        let hash = try Repository.open(at: fixture.path).blobID(of: Array(cited.utf8)).hex
        return Layout.evidenceMarker(hash: hash, directory: directory, lens: "wellarchitected", question: "q1")
    }

    @Test func writesMovesAndRemovalsCarryTheirMarkers() throws {
        let fixture = try WorkspaceFixture()
        var changes = ChangeSet()
        changes.write(Self.answer, Self.citing(["infra/a.tf", "docs"]))
        try fixture.open().commit(changes, message: "Cite")
        let a = try Self.marker(fixture, "infra/a.tf", directory: "shop")
        let docs = try Self.marker(fixture, "docs", directory: "shop")
        #expect(try Self.markers(fixture) == [a: "infra/a.tf\n", docs: "docs\n"])

        changes = ChangeSet()
        changes.write(Self.answer, Self.citing(["docs"]))
        try fixture.open().commit(changes, message: "Cite less")
        #expect(try Self.markers(fixture) == [docs: "docs\n"])

        // A workload directory moved unchanged (its files copied as blobs): the markers follow.
        let workspace = try fixture.open()
        let blob = try #require(try workspace.entry(Self.answer)).id
        changes = ChangeSet()
        changes.moveDirectory("workloads/sh/shop", to: "workloads/sh/shop2", files: [("answers/wellarchitected/q1.json", blob)])
        try workspace.commit(changes, message: "Move")
        #expect(try Self.markers(fixture) == [try Self.marker(fixture, "docs", directory: "shop2"): "docs\n"])

        changes = ChangeSet()
        changes.removeDirectory("workloads/sh/shop2")
        try fixture.open().commit(changes, message: "Delete")
        #expect(try Self.markers(fixture).isEmpty)
        #expect(try fixture.open().entry(Layout.evidenceIndex) == nil, "an empty index leaves no directory")
    }

    /// A marker missing from an index (a hand edit) is written again by the next commit of its
    /// answer, even one that changes no citation.
    @Test func aCommitOfAnAnswerHealsItsMissingMarkers() throws {
        let fixture = try WorkspaceFixture()
        var changes = ChangeSet()
        changes.write(Self.answer, Self.citing(["infra/a.tf"]))
        try fixture.open().commit(changes, message: "Cite")
        let marker = try Self.marker(fixture, "infra/a.tf", directory: "shop")
        changes = ChangeSet()
        changes.remove(marker)
        try fixture.open().commit(changes, message: "Lose the marker")
        #expect(try Self.markers(fixture).isEmpty)
        changes = ChangeSet()
        changes.write(Self.answer, Self.citing(["infra/a.tf"]) + Array(" ".utf8))
        try fixture.open().commit(changes, message: "Touch the answer")
        #expect(try Self.markers(fixture) == [marker: "infra/a.tf\n"])
    }

    @Test func markerPathsAreReadStrictly() {
        let hash = "ce" + String(repeating: "0", count: 38)
        let path = "evidence-index/ce/\(hash.dropFirst(2))/shop/wellarchitected/q1"
        #expect(Layout.evidenceMarker(ofPath: path) == EvidenceMarker(hash: hash, directory: "shop", lens: "wellarchitected", question: "q1"))
        #expect(Layout.evidenceMarker(ofPath: path)?.answerFile == Self.answer)
        #expect(Layout.evidenceMarker(hash: hash, answerFile: Self.answer) == path)
        for bad in [
            "evidence-index/CE/\(hash.dropFirst(2))/shop/wellarchitected/q1", "evidence-index/ce/short/shop/wellarchitected/q1",
            "evidence-index/ce/\(hash.dropFirst(2))/shop/wellarchitected", "evidence-index/ce/\(hash.dropFirst(2))/../wellarchitected/q1",
            "evidence-index/ce/\(hash.dropFirst(2))/shop/wellarchitected/q1/more", "workloads/ce/\(hash.dropFirst(2))/shop/wellarchitected/q1",
        ] {
            #expect(Layout.evidenceMarker(ofPath: bad) == nil, "\(bad)")
        }
        #expect(Layout.answerFileParts("workloads/sh/shop/notes/wellarchitected.json") == nil)
        #expect(Layout.answerFileParts("workloads/xx/shop/answers/wellarchitected/q1.json") == nil, "the wrong shard is no workload")
    }

    /// A kill while libgit2 creates the repository can leave its symlink probe in the work
    /// tree; the next `welltree init` removes exactly that, never a file of the user's.
    @Test func initRemovesOnlyLibgit2sProbeLeftovers() throws {
        let directory = NSTemporaryDirectory() + "welltree-probe-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(FileManager.default.createFile(atPath: directory + "/_git2_a1B2c3", contents: Data()))
        try FileManager.default.createSymbolicLink(atPath: directory + "/_git2_Zz9yY8", withDestinationPath: "testing")
        #expect(FileManager.default.createFile(atPath: directory + "/_git2_keepme", contents: Data("mine\n".utf8)))
        try FileManager.default.createSymbolicLink(atPath: directory + "/_git2_other1", withDestinationPath: "elsewhere")
        #expect(FileManager.default.createFile(atPath: directory + "/_git2_toolongname", contents: Data()))
        Workspace.removeInitProbes(in: directory)
        let left = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(left == ["_git2_keepme", "_git2_other1", "_git2_toolongname"])
    }
}
