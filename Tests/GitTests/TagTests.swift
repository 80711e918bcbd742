import Foundation
import Testing

@testable import Git

@Suite("Tags")
struct TagTests {
    private let signature = "-----BEGIN SSH SIGNATURE-----\nU1NIU0lH\n-----END SSH SIGNATURE-----\n"

    @Test func payloadIsWhatGitTagWrites() throws {
        let temp = try TemporaryRepository()
        let commit = try temp.commit(["a.txt": "a"], parent: nil)
        try temp.repository.setReference("refs/heads/main", to: commit, expected: nil, message: "test")
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "-C", temp.path, "tag", "-a", "release/one", "-m", "Line one\n\nTrailer: x", commit.hex]
        git.environment = ["GIT_COMMITTER_NAME": "Test User", "GIT_COMMITTER_EMAIL": "test@example.com",
                           "GIT_COMMITTER_DATE": "1700000000 +0000", "HOME": temp.path, "GIT_CONFIG_NOSYSTEM": "1"]
        try git.run()
        git.waitUntilExit()
        try #require(git.terminationStatus == 0)
        let gitTag = try #require(try temp.repository.referenceTarget("refs/tags/release/one"))

        let payload = TagObject.payload(target: commit, name: "release/two", tagger: temp.signature, message: "Line one\n\nTrailer: x")
        let ours = try temp.repository.createTag(bytes: payload)
        let theirs = try temp.repository.tagObject(gitTag)
        #expect(try temp.repository.tagObject(ours).signedPayload == payload)
        #expect(theirs.message == "Line one\n\nTrailer: x\n")
        #expect(theirs.signedPayload == Array(String(decoding: payload, as: UTF8.self).replacingOccurrences(of: "release/two", with: "release/one").utf8))
    }

    @Test func signatureIsSplitOffAtTheLastBeginLine() throws {
        let temp = try TemporaryRepository()
        let commit = try temp.commit(["a.txt": "a"], parent: nil)
        let message = "Quoting -----BEGIN PGP SIGNATURE----- inline\n-----BEGIN not a signature\n"
        let payload = TagObject.payload(target: commit, name: "welltree/w-1/001-x", tagger: temp.signature, message: message)
        let id = try temp.repository.createTag(bytes: payload + Array(signature.utf8))
        let tag = try temp.repository.tagObject(id)
        #expect(tag.signature == signature)
        #expect(tag.message == message)
        #expect(tag.signedPayload == payload)
        #expect(tag.name == "welltree/w-1/001-x")
        #expect(tag.taggerTime == 1_700_000_000)
        #expect(try temp.repository.peelToCommit(id) == commit)
        #expect(try temp.repository.referenceNames(matching: "refs/tags/welltree/*-1/*") == ["refs/tags/welltree/w-1/001-x"])
    }

    @Test func anExistingTagIsNeverReplaced() throws {
        let temp = try TemporaryRepository()
        let first = try temp.commit(["a.txt": "a"], parent: nil)
        let second = try temp.commit(["a.txt": "b"], parent: first)
        let original = try temp.repository.createTag(bytes: TagObject.payload(target: first, name: "m", tagger: temp.signature, message: "one"))
        #expect {
            _ = try temp.repository.createTag(bytes: TagObject.payload(target: second, name: "m", tagger: temp.signature, message: "two"))
        } throws: { error in
            (error as? GitError)?.isExists == true
        }
        #expect(try temp.repository.referenceTarget("refs/tags/m") == original)
    }
}
