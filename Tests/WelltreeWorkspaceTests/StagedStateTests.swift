import Foundation
import Testing

@testable import WelltreeWorkspace

/// Which index `--staged` reads: the one git names in `GIT_INDEX_FILE` while it runs a commit's
/// hooks (the end-to-end tests commit through the installed hook with `git commit -a` and
/// `git commit PATH`), else the repository's own.
@Suite("The staged state")
struct StagedStateTests {
    @Test func gitIndexFileIsReadAsGitReadsIt() throws {
        let fixture = try WorkspaceFixture()
        let workspace = try fixture.open()
        let root = try #require(workspace.root)
        #expect(try workspace.indexFile(environment: [:]) == nil)
        #expect(try workspace.indexFile(environment: ["GIT_INDEX_FILE": ""]) == nil)
        // Relative to the work tree's root, where git runs hooks, whatever the current directory.
        #expect(try workspace.indexFile(environment: ["GIT_INDEX_FILE": ".git/index"]) == root + "/.git/index")
        #expect(try workspace.indexFile(environment: ["GIT_INDEX_FILE": root + "/.git/index"]) == root + "/.git/index")
    }

    @Test func anIndexFileThatDoesNotExistIsRefusedNotReadAsEmpty() throws {
        let fixture = try WorkspaceFixture()
        let workspace = try fixture.open()
        #expect {
            try workspace.indexFile(environment: ["GIT_INDEX_FILE": ".git/next-index-404.lock"])
        } throws: { error in
            "\(error)".contains("GIT_INDEX_FILE names no index file")
        }
    }
}
