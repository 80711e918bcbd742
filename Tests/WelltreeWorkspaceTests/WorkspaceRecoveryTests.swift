import Foundation
import Git
import Testing
import WelltreeCore

@testable import WelltreeWorkspace

/// The write path's defences, in process: retries of answer updates, the journal of an
/// interrupted write, git's lock files, symlinks in the work tree and unsafe paths.
@Suite("Workspace write recovery")
struct WorkspaceRecoveryTests {
    static let name = "Retail Website - North America"
    static let answerPath = "workloads/re/retail-website-north-america/answers/wellarchitected/priorities.json"

    @Test func anAnswerUpdateOnAMovedBranchIsAppliedAgainOnTheNewHead() throws {
        let fixture = try WorkspaceFixture()
        _ = try fixture.open().createWorkload(WorkspaceFixture.retail, lenses: [])
        let slow = try fixture.open()
        let fast = try fixture.open()
        _ = try fast.updateAnswer(Self.name, lens: nil, question: "identities", update: AnswerUpdate(none: true))
        let (_, review, changed) = try slow.updateAnswer(Self.name, lens: nil, question: "priorities", update: AnswerUpdate(none: true))
        #expect(changed)
        // Both answers survive: the retry was built on the commit the other workspace made.
        #expect(review.answers.keys.sorted() == ["identities", "priorities"])
        #expect(try fixture.commitCount() == 4)
        let repository = try Repository.open(at: fixture.path)
        #expect(try repository.modifiedPaths(under: "").isEmpty)
    }

    /// Simulates a process killed right after moving the branch: the commit is made through
    /// one workspace, then the work tree and index are put back to the old content and the
    /// journal is left as the killed process would have left it.
    private func interruptedAnswer(_ fixture: WorkspaceFixture) throws -> String {
        _ = try fixture.open().createWorkload(WorkspaceFixture.retail, lenses: [])
        let workspace = try fixture.open()
        let base = try #require(try fixture.head())
        _ = try workspace.updateAnswer(Self.name, lens: nil, question: "priorities", update: AnswerUpdate(none: true))
        let commit = try #require(try fixture.head())
        try FileManager.default.removeItem(atPath: fixture.path + "/" + Self.answerPath)
        let repository = try Repository.open(at: fixture.path)
        let index = try Index(of: repository)
        try index.remove(Self.answerPath)
        try index.write()
        let journal = WriteJournal(
            branch: "refs/heads/main", base: base.hex, commit: commit.hex, paths: [Self.answerPath], removedDirectories: [])
        let journalPath = WriteJournal.path(gitDirectory: repository.gitDirectory)
        try journal.write(to: journalPath)
        return journalPath
    }

    @Test func openingTheWorkspaceFinishesAnInterruptedWrite() throws {
        let fixture = try WorkspaceFixture()
        let journal = try interruptedAnswer(fixture)
        _ = try fixture.open()
        #expect(!FileManager.default.fileExists(atPath: journal))
        #expect(FileManager.default.fileExists(atPath: fixture.path + "/" + Self.answerPath))
        #expect(try Repository.open(at: fixture.path).modifiedPaths(under: "").isEmpty)
    }

    @Test func anEditedFileIsNeverOverwrittenByRecovery() throws {
        let fixture = try WorkspaceFixture()
        let journal = try interruptedAnswer(fixture)
        try fixture.write(Self.answerPath, "{\"mine\": true}\n")
        let workspace = try fixture.open()
        #expect {
            _ = try workspace.updateWorkload(Self.name, WorkloadProperties(notes: "x"))
        } throws: { error in
            guard case WorkspaceError.interruptedWrite(let path, _, let conflicts) = error else { return false }
            return path == journal && conflicts == [Self.answerPath]
        }
        #expect(try fixture.read(Self.answerPath) == "{\"mine\": true}\n")
        #expect(FileManager.default.fileExists(atPath: journal))
    }

    @Test func aJournalWhoseCommitNeverLandedIsDropped() throws {
        let fixture = try WorkspaceFixture()
        let repository = try Repository.open(at: fixture.path)
        let head = try #require(try fixture.head())
        let journalPath = WriteJournal.path(gitDirectory: repository.gitDirectory)
        let unrelated = String(repeating: "ab", count: 20)
        try WriteJournal(branch: "refs/heads/main", base: head.hex, commit: unrelated, paths: ["welltree.json"], removedDirectories: [])
            .write(to: journalPath)
        _ = try fixture.open().createWorkload(WorkspaceFixture.retail, lenses: [])
        #expect(!FileManager.default.fileExists(atPath: journalPath))
    }

    @Test(arguments: ["index.lock", "refs/heads/main.lock"])
    func aStaleGitLockIsNamedWithHowToRemoveItAndNothingIsWritten(_ lock: String) throws {
        let fixture = try WorkspaceFixture()
        let repository = try Repository.open(at: fixture.path)
        let path = repository.gitDirectory + lock
        try Data().write(to: URL(fileURLWithPath: path))
        let head = try fixture.head()
        #expect {
            _ = try fixture.open().createWorkload(WorkspaceFixture.retail, lenses: [])
        } throws: { error in
            guard let error = error as? WorkspaceError, case .staleLock(let named, nil) = error else { return false }
            return named == path && error.description.contains("rm '\(path)'")
        }
        #expect(try fixture.head() == head)
        #expect(FileManager.default.fileExists(atPath: path), "the lock is never removed silently")
    }

    @Test func aSymlinkInTheWorkTreeIsNeverWrittenThrough() throws {
        let fixture = try WorkspaceFixture()
        _ = try fixture.open().createWorkload(WorkspaceFixture.retail, lenses: [])
        let outside = NSTemporaryDirectory() + "welltree-outside-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: outside) }
        try FileManager.default.createSymbolicLink(
            atPath: fixture.path + "/workloads/re/retail-website-north-america/answers", withDestinationPath: outside)
        let head = try fixture.head()
        #expect {
            _ = try fixture.open().updateAnswer(Self.name, lens: nil, question: "priorities", update: AnswerUpdate(none: true))
        } throws: { error in
            guard case WorkspaceError.unsafeWorkTree(let path, let found) = error else { return false }
            return path == "workloads/re/retail-website-north-america/answers" && found == "a symbolic link"
        }
        #expect(try fixture.head() == head)
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty)
    }

    @Test(arguments: ["../outside.json", "workloads/../../x", "/etc/passwd", "a//b", "a/./b", "a\\b", ""])
    func pathsLeavingTheWorkspaceAreRefused(_ path: String) throws {
        let fixture = try WorkspaceFixture()
        var changes = ChangeSet()
        changes.write(path, Array("{}\n".utf8))
        #expect(throws: WorkspaceError.self) { try fixture.open().commit(changes, message: "hostile") }
    }
}
