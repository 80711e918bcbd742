import Foundation
import Git
import Testing
import WelltreeCore

@testable import WelltreeWorkspace

/// The validator at scale and on subsets: every answer file of a large directory is judged once,
/// a subset of paths reads only the directories holding them, and the other workloads are
/// listed only when a changed workload.json brings an id or name its directory did not hold.
@Suite("Workspace validator")
struct WorkspaceValidatorTests {
    /// Commits `files` (path -> bytes) on top of main, bypassing every check.
    static func commit(_ files: [String: [UInt8]], in fixture: WorkspaceFixture) throws {
        let repository = try Repository.open(at: fixture.path)
        let head = try #require(try repository.referenceTarget("refs/heads/main"))
        var changes: [TreeChange] = []
        for (path, bytes) in files { changes.append(TreeChange(path: path, blob: try repository.writeBlob(bytes))) }
        let tree = try repository.updatedTree(base: try repository.commit(head).tree, changes: changes)
        let signature = Signature(name: "Test", email: "test@example.com", time: 1_800_000_000)
        let commit = try repository.createCommit(tree: tree, parents: [head], message: "change", author: signature, committer: signature)
        try repository.setReference("refs/heads/main", to: commit, expected: head, message: "test")
    }

    static func fixtureWithRetail() throws -> (WorkspaceFixture, StoredWorkload) {
        let fixture = try WorkspaceFixture()
        let stored = try fixture.open().createWorkload(WorkspaceFixture.retail, lenses: [])
        return (fixture, stored)
    }

    /// 3,000 answer files in one lens directory, three of them wrong in different ways: each is
    /// reported once, with its own message, and nothing else is.
    @Test func aLargeAnswerDirectoryIsJudgedFileByFile() throws {
        let (fixture, stored) = try Self.fixtureWithRetail()
        let directory = Layout.answersDirectory(stored.directory, lens: "wellarchitected")
        var files: [String: [UInt8]] = [:]
        for index in 0..<3_000 {
            files["\(directory)/unknown_question_\(index).json"] = Array("{\"selectedChoices\": []}\n".utf8)
        }
        files["\(directory)/priorities.json"] = Array("{\"selectedChoices\": [\"no_such_choice\"]}\n".utf8)
        files["\(directory)/security.json"] = Array("{\"selectedChoices\": [".utf8)
        try Self.commit(files, in: fixture)
        var validator = WorkspaceValidator(try fixture.open())
        let problems = try validator.validate()
        #expect(problems.count == 3_002)
        #expect(problems.filter { $0.message.hasPrefix("lens wellarchitected has no question unknown_question_") }.count == 3_000)
        #expect(
            problems.contains { $0.path == "\(directory)/priorities.json" && $0.message.contains("\"no_such_choice\" is not a choice") })
        #expect(problems.contains { $0.path == "\(directory)/security.json" && $0.position != nil })
    }

    /// With a subset of paths, a broken workload elsewhere is not read at all.
    @Test func aSubsetReadsOnlyTheDirectoriesHoldingItsPaths() throws {
        let (fixture, stored) = try Self.fixtureWithRetail()
        try Self.commit(["workloads/br/broken/workload.json": Array("{ not json".utf8)], in: fixture)
        let answer = Layout.answerFile(stored.directory, lens: "wellarchitected", question: "priorities")
        try Self.commit([answer: Array("{\"selectedChoices\": [\"ops_priorities_no\"]}\n".utf8)], in: fixture)
        let workspace = try fixture.open()
        var validator = WorkspaceValidator(workspace)
        #expect(try validator.validate(only: [answer], reference: workspace).isEmpty)
        #expect(workspace.claimsMemo == nil, "no listing of the workloads for an answer")
        var complete = WorkspaceValidator(workspace)
        #expect(try complete.validate().map(\.path) == ["workloads/br/broken/workload.json"])
    }

    /// A workload.json whose id and name its directory held in the reference costs no listing;
    /// one that brings a new id or name is compared with every other workload.
    @Test func otherWorkloadsAreListedOnlyWhenAnIdOrNameArrives() throws {
        let (fixture, stored) = try Self.fixtureWithRetail()
        let reference = try fixture.open()
        let file = Layout.workloadFile(stored.directory)
        var edited = stored.workload
        edited.description = "Edited by hand"
        try Self.commit([file: try CanonicalJSON.encode(edited)], in: fixture)
        let head = try fixture.open()
        var validator = WorkspaceValidator(head)
        #expect(try validator.validate(only: [file], reference: reference).isEmpty)
        #expect(head.claimsMemo == nil)

        var copy = stored.workload
        copy.name = "RETAIL  WEBSITE - NORTH AMERICA"
        let copyFile = Layout.workloadFile("retail-copy")
        try Self.commit([copyFile: try CanonicalJSON.encode(copy)], in: fixture)
        let later = try fixture.open()
        var second = WorkspaceValidator(later)
        let problems = try second.validate(only: [copyFile], reference: head)
        #expect(later.claimsMemo != nil)
        #expect(
            problems.map(\.message).sorted() == [
                "id \(stored.workload.id) is already used by \(file)",
                "name \"Retail Website - North America\" (spaces and case ignored) is already used by \(file)",
            ])
    }
}
