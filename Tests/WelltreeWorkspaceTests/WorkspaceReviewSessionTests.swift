import Foundation
import Git
import Testing
import WelltreeCore

@testable import WelltreeWorkspace

@Suite("Workspace review sessions")
struct WorkspaceReviewSessionTests {
    static let name = "Retail Website - North America"

    /// A workspace with the tutorial workload and one committed answer (priorities: None of these).
    static func prepared() throws -> (WorkspaceFixture, Workspace, StoredWorkload) {
        let fixture = try WorkspaceFixture()
        let workspace = try fixture.open()
        _ = try workspace.createWorkload(WorkspaceFixture.retail, lenses: [])
        _ = try workspace.updateAnswer(name, lens: nil, question: "priorities", update: AnswerUpdate(none: true))
        return (fixture, workspace, try workspace.findWorkload(name))
    }

    static func answerPath(_ stored: StoredWorkload, _ question: String) -> String {
        Layout.answerFile(stored.directory, lens: "wellarchitected", question: question)
    }

    @Test func pendingAnswersAreWrittenToTheWorkTreeAndCommittedAsOne() throws {
        let (fixture, workspace, stored) = try Self.prepared()
        let commits = try fixture.commitCount()
        try workspace.writePendingAnswer(
            Answer(selectedChoices: ["ops_priorities_ext_cust_needs"]), of: stored, lens: "wellarchitected", question: "priorities")
        try workspace.writePendingAnswer(
            Answer(isApplicable: false, reason: .outOfScope), of: stored, lens: "wellarchitected", question: "ops-model")
        try workspace.writePendingAnswer(
            Answer(selectedChoices: ["ops_org_culture_executive_sponsor"]), of: stored, lens: "wellarchitected", question: "org-culture")
        try workspace.writePendingAnswer(nil, of: stored, lens: "wellarchitected", question: "org-culture")
        #expect(try fixture.commitCount() == commits)
        let pending = try workspace.pendingAnswers(of: stored, lens: "wellarchitected")
        #expect(pending.map(\.questionId) == ["ops-model", "priorities"])

        let result = try #require(
            try workspace.commitReviewSession(
                ReviewSessionRequest(
                    workload: stored.workload.id, lens: "wellarchitected", questions: ["priorities", "ops-model", "org-culture"],
                    startedAt: workspace.base)))
        #expect(result.subject == "Review Retail Website - North America: 2 questions answered, HRIs 1 -> 1")
        #expect(result.message.contains("ops-model: UNANSWERED -> NOT_APPLICABLE"))
        #expect(try fixture.commitCount() == commits + 1)
        #expect(try Repository.open(at: fixture.path).modifiedPaths(under: "").isEmpty)
        let reopened = try fixture.open()
        #expect(try reopened.pendingAnswers(of: try reopened.findWorkload(Self.name), lens: "wellarchitected").isEmpty)
    }

    @Test func anAnswerSetBackToTheCommittedOneIsCleanAgain() throws {
        let (fixture, workspace, stored) = try Self.prepared()
        let path = Self.answerPath(stored, "priorities")
        let committed = try fixture.read(path)
        try workspace.writePendingAnswer(
            Answer(selectedChoices: ["ops_priorities_eval_tradeoffs"]), of: stored, lens: "wellarchitected", question: "priorities")
        #expect(try fixture.read(path) != committed)
        try workspace.writePendingAnswer(
            Answer(selectedChoices: ["ops_priorities_no"]), of: stored, lens: "wellarchitected", question: "priorities")
        #expect(try fixture.read(path) == committed)
        #expect(try workspace.pendingAnswers(of: stored, lens: "wellarchitected").isEmpty)
        #expect(
            try workspace.commitReviewSession(
                ReviewSessionRequest(workload: Self.name, lens: "wellarchitected", questions: ["priorities"], startedAt: nil)) == nil)
    }

    @Test func otherDirtyFilesAreLeftAloneAndInvalidFilesRefused() throws {
        let (fixture, workspace, stored) = try Self.prepared()
        try fixture.write(Layout.workloadFile(stored.directory), "{}\n")
        try workspace.writePendingAnswer(Answer(notes: "kept"), of: stored, lens: "wellarchitected", question: "ops-model")
        let result = try workspace.commitReviewSession(
            ReviewSessionRequest(workload: Self.name, lens: "wellarchitected", questions: ["ops-model"], startedAt: workspace.base))
        #expect(result?.answered == 1)
        #expect(try Repository.open(at: fixture.path).modifiedPaths(under: "") == [Layout.workloadFile(stored.directory)])

        try fixture.write(Self.answerPath(stored, "org-culture"), #"{"selectedChoices": ["no_such_choice"]}"#)
        #expect(throws: WorkspaceError.self) {
            try workspace.commitReviewSession(
                ReviewSessionRequest(workload: Self.name, lens: "wellarchitected", questions: ["org-culture"], startedAt: workspace.base))
        }
    }

    @Test func anAnswerCommittedByOthersMeanwhileIsAConflict() throws {
        let (fixture, workspace, stored) = try Self.prepared()
        let start = workspace.base
        try workspace.writePendingAnswer(Answer(notes: "mine"), of: stored, lens: "wellarchitected", question: "ops-model")
        // Bob answers as a contributor: only the owner and accepted CONTRIBUTOR shares may.
        let (_, share) = try workspace.createWorkloadShare(Self.name, principal: "bob@example.com", permission: .contributor)
        let other = try fixture.open(as: "bob@example.com")
        _ = try other.respond(toInvitation: share.shareId, accept: true)
        try FileManager.default.removeItem(atPath: fixture.path + "/" + Self.answerPath(stored, "ops-model"))
        _ = try other.updateAnswer(Self.name, lens: nil, question: "ops-model", update: AnswerUpdate(notes: "theirs"))
        try workspace.writePendingAnswer(Answer(notes: "mine"), of: stored, lens: "wellarchitected", question: "ops-model")
        let current = try fixture.open()
        #expect(throws: WorkspaceError.self) {
            try current.commitReviewSession(
                ReviewSessionRequest(workload: Self.name, lens: "wellarchitected", questions: ["ops-model"], startedAt: start))
        }
    }

    // MARK: Writes never go through a symbolic link

    /// A file outside the repository, which a planted link points at: it must keep its bytes.
    static func victim() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("welltree-victim-\(UUID().uuidString)").path
        try Data("secret\n".utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func anAnswerFileThatIsASymlinkIsRefusedAndItsTargetUntouched() throws {
        let (fixture, workspace, stored) = try Self.prepared()
        let victim = try Self.victim()
        defer { try? FileManager.default.removeItem(atPath: victim) }
        let link = fixture.path + "/" + Self.answerPath(stored, "ops-model")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: victim)
        #expect(throws: WorkspaceError.self) {
            try workspace.writePendingAnswer(Answer(notes: "x"), of: stored, lens: "wellarchitected", question: "ops-model")
        }
        #expect(throws: WorkspaceError.self) {
            try workspace.writePendingAnswer(nil, of: stored, lens: "wellarchitected", question: "ops-model")
        }
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "secret\n")
        #expect(FileManager.default.fileExists(atPath: victim))
    }

    @Test func aPlantedTemporaryFileLinkIsNeverWrittenThrough() throws {
        let (fixture, workspace, stored) = try Self.prepared()
        let victim = try Self.victim()
        defer { try? FileManager.default.removeItem(atPath: victim) }
        // Every name a temporary file could take next to the answer file points at the victim.
        let answer = fixture.path + "/" + Self.answerPath(stored, "ops-model")
        let directory = (answer as NSString).deletingLastPathComponent
        let name = (answer as NSString).lastPathComponent
        for planted in [".welltree-\(getpid())-\(name).tmp", ".\(name).welltree-tmp"] {
            try FileManager.default.createSymbolicLink(atPath: directory + "/" + planted, withDestinationPath: victim)
        }
        try workspace.writePendingAnswer(Answer(notes: "mine"), of: stored, lens: "wellarchitected", question: "ops-model")
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "secret\n")
        #expect(try fixture.read(Self.answerPath(stored, "ops-model")).contains("mine"))
    }

    @Test func anAnswersDirectoryThatIsASymlinkIsRefused() throws {
        let (fixture, workspace, stored) = try Self.prepared()
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("welltree-outside-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: outside) }
        let directory = fixture.path + "/" + Layout.answersDirectory(stored.directory, lens: "wellarchitected")
        try FileManager.default.removeItem(atPath: directory)
        try FileManager.default.createSymbolicLink(atPath: directory, withDestinationPath: outside)
        #expect(throws: WorkspaceError.self) {
            try workspace.writePendingAnswer(Answer(notes: "x"), of: stored, lens: "wellarchitected", question: "ops-model")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty)
    }
}
