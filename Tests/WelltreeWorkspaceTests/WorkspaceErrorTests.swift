import Foundation
import Git
import Testing
import WelltreeCore
@testable import WelltreeWorkspace

/// A `WorkspaceError` carries a code, a message, its subject and its cause, and the messages
/// users read did not change when it gained them.
@Suite("WorkspaceError: code, message, subject, cause")
struct WorkspaceErrorTests {
    @Test("a git failure crosses the one bridge as .git, with libgit2's error as its cause")
    func gitFailuresCrossTheBridge() throws {
        let failure = GitError(code: -3, function: "git_reference_lookup", subject: "refs/heads/nowhere", message: "reference not found")
        #expect {
            try git { () throws(GitError) in throw failure }
        } throws: { error in
            guard let error = error as? WorkspaceError, case .git(failure) = error else { return false }
            return error.code == .git && error.subject == "refs/heads/nowhere" && (error.cause as? GitError) == failure
                && error.message == failure.description
        }
    }

    @Test("opening a directory outside any repository names the directory")
    func notARepository() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("welltree-no-repo-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect {
            _ = try Workspace(at: directory)
        } throws: { error in
            guard let error = error as? WorkspaceError else { return false }
            return error.code == .notARepository && error.subject == directory
                && error.message == "not a git repository (or any parent up to /): \(directory)"
        }
    }

    @Test("a refusal of the domain's rules carries its code and subject; its message is unchanged")
    func refusalsCarryCodeAndSubject() throws {
        let fixture = try WorkspaceFixture()
        _ = try fixture.open().createWorkload(WorkspaceFixture.retail, lenses: [])
        #expect {
            _ = try fixture.open().disassociateLenses("Retail Website - North America", aliases: ["wellarchitected"])
        } throws: { error in
            guard let error = error as? WorkspaceError else { return false }
            return error.code == .builtinLens && error.subject == "wellarchitected" && error.cause == nil
                && error.message == "the wellarchitected lens is applied to every workload and cannot be removed"
        }
    }

    @Test("a file that is not valid JSON names the file and keeps the parser's error as its cause")
    func invalidFileKeepsItsCause() throws {
        let fixture = try WorkspaceFixture()
        let workspace = try fixture.open()
        #expect {
            _ = try workspace.decode(WorkspaceSettings.self, from: Array("{".utf8), path: "settings.json")
        } throws: { error in
            guard let error = error as? WorkspaceError else { return false }
            return error.code == .invalidFile && error.subject == "settings.json" && error.cause is JSONDocumentError
                && error.message.hasPrefix("settings.json: ")
        }
    }

    @Test("codes are stable, distinct strings")
    func codesAreDistinct() {
        let raw = WorkspaceError.Code.allCases.map(\.rawValue)
        #expect(Set(raw).count == raw.count)
        #expect(WorkspaceError.Code(rawValue: "concurrent-change") == .concurrentChange)
    }
}
