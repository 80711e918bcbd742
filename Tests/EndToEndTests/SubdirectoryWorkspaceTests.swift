import Foundation
import Testing

/// A review beside the code: `welltree init architecture` in a code repository makes
/// `architecture/` the repository's workspace, with no repository of its own. Commands work
/// from anywhere in the repository, commits touch only the workspace, and the server hook
/// judges only the workspace's files while refusing pushes that move, duplicate or redirect it.
@Suite("A workspace in a subdirectory of a code repository", .timeLimit(.minutes(5)))
struct SubdirectoryWorkspaceTests {
    static let name = "Payments"

    /// A code repository (`infra/backup.tf` on `main`) with its review under `architecture/`
    /// and one workload answered to a high risk.
    static func codeRepository() throws -> Sandbox {
        let sandbox = try Sandbox(initialise: false)
        try FileManager.default.createDirectory(atPath: sandbox.repo + "/infra", withIntermediateDirectories: true)
        try #require(try sandbox.git(["init", "-q", "-b", "main", sandbox.repo], in: sandbox.root).status == 0)
        try "resource \"aws_backup_plan\" \"nightly\" {}\n".write(toFile: sandbox.repo + "/infra/backup.tf", atomically: true, encoding: .utf8)
        try #require(try sandbox.git(["add", "."]).status == 0)
        try #require(try sandbox.git(["commit", "-qm", "Code"]).status == 0)
        let initialised = try sandbox.welltree(["init", "architecture"])
        try #require(initialised.status == 0, "\(initialised)")
        let created = try sandbox.welltree(
            [
                "workload", "create", "--name", name, "--description", "Payments API", "--review-owner", "Jane Doe",
                "--environment", "production", "--aws-region", "us-east-1",
            ], in: sandbox.repo + "/infra")
        try #require(created.status == 0, "\(created)")
        return sandbox
    }

    /// The paths a commit changes.
    static func changedPaths(_ sandbox: Sandbox, _ revision: String = "HEAD") throws -> [String] {
        try sandbox.git(["show", "--name-only", "--format=", revision]).stdout.split(separator: "\n").map(String.init)
    }

    @Test func initMakesTheDirectoryAWorkspaceOfTheRepositoryWithoutANestedOne() throws {
        let sandbox = try Self.codeRepository()
        #expect(!FileManager.default.fileExists(atPath: sandbox.repo + "/architecture/.git"))
        let initCommit = try Self.changedPaths(sandbox, "HEAD~1")
        #expect(initCommit.contains("architecture/welltree.json"))
        #expect(initCommit.allSatisfy { $0.hasPrefix("architecture/") }, "\(initCommit)")
        // CI files belong at the repository's root, which the workspace does not own.
        #expect(!initCommit.contains { $0.contains(".github/") || $0.hasSuffix(".gitlab-ci.yml") })
        #expect(try Self.changedPaths(sandbox) == ["architecture/workloads/pa/payments/workload.json"])
        #expect(try sandbox.porcelainStatus().isEmpty)
        // Found from the root, from the code and from inside the workspace.
        for directory in [sandbox.repo, sandbox.repo + "/infra", sandbox.repo + "/architecture/workloads"] {
            let listed = try sandbox.welltree(["workload", "list"], in: directory)
            #expect(listed.status == 0 && listed.stdout.contains(Self.name), "\(directory): \(listed)")
        }
        let viaC = try sandbox.welltree(["-C", "infra", "status", Self.name])
        #expect(viaC.status == 0, "\(viaC)")
    }

    @Test func aRepositoryHoldsOneWorkspace() throws {
        let sandbox = try Self.codeRepository()
        let before = try sandbox.commit()
        let second = try sandbox.welltree(["init", "docs"])
        #expect(second.status == 2)
        #expect(second.stderr.contains("this repository's workspace is architecture/"), "\(second)")
        let atRoot = try sandbox.welltree(["init"])
        #expect(atRoot.status == 2, "\(atRoot)")
        let deep = try sandbox.welltree(["init", "a/b/c"])
        #expect(deep.status == 2)
        #expect(deep.stderr.contains("at most 2 directories below the repository's root"), "\(deep)")
        #expect(try sandbox.commit() == before)
        let again = try sandbox.welltree(["init"], in: sandbox.repo + "/architecture")
        #expect(again.status == 0 && again.stdout.contains("is up to date"), "\(again)")
    }

    @Test func uncommittedCodeDoesNotBlockAnswersAndAWorkspaceFileDoes() throws {
        let sandbox = try Self.codeRepository()
        try "edited\n".write(toFile: sandbox.repo + "/infra/backup.tf", atomically: true, encoding: .utf8)
        let answered = try sandbox.welltree(["answer", "update", Self.name, "backing-up-data", "--none"])
        #expect(answered.status == 0, "\(answered)")
        #expect(try Self.changedPaths(sandbox) == ["architecture/workloads/pa/payments/answers/wellarchitected/backing-up-data.json"])
        #expect(try sandbox.porcelainStatus().contains("infra/backup.tf"))
        let file = sandbox.repo + "/architecture/workloads/pa/payments/answers/wellarchitected/backing-up-data.json"
        try "{}\n".write(toFile: file, atomically: true, encoding: .utf8)
        let refused = try sandbox.welltree(["answer", "update", Self.name, "backing-up-data", "--select", "rel_backing_up_data_identified_backups_data"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("architecture/workloads/pa/payments/answers/wellarchitected/backing-up-data.json"), "\(refused)")
    }

    @Test func aSymlinkedWorkspaceDirectoryIsNeverWrittenThrough() throws {
        let sandbox = try Self.codeRepository()
        let elsewhere = sandbox.root + "/elsewhere"
        try #require(try Run.program("cp", ["-a", sandbox.repo + "/architecture", elsewhere]).status == 0)
        try FileManager.default.removeItem(atPath: sandbox.repo + "/architecture")
        try FileManager.default.createSymbolicLink(atPath: sandbox.repo + "/architecture", withDestinationPath: elsewhere)
        let before = try sandbox.commit()
        let refused = try sandbox.welltree(["answer", "update", Self.name, "backing-up-data", "--none"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("architecture is a symbolic link") || refused.stderr.contains("symbolic link"), "\(refused)")
        #expect(try sandbox.commit() == before)
        #expect(!FileManager.default.fileExists(atPath: elsewhere + "/workloads/pa/payments/answers"))
    }

    @Test func theGateComparesOnlyTheWorkspaceAndLocatesFindingsFromTheRoot() throws {
        let sandbox = try Self.codeRepository()
        try #require(try sandbox.git(["checkout", "-q", "-b", "code-only"]).status == 0)
        try "changed\n".write(toFile: sandbox.repo + "/infra/backup.tf", atomically: true, encoding: .utf8)
        try #require(try sandbox.git(["commit", "-qam", "Change code"]).status == 0)
        let codeOnly = try sandbox.welltree(["check", "--base", "main", "--format", "json"])
        #expect(codeOnly.status == 0, "\(codeOnly)")
        let json = try #require(try sandbox.json(codeOnly) as? [String: Any])
        #expect((json["checked"] as? [Any])?.isEmpty == true, "\(codeOnly.stdout)")

        let answered = try sandbox.welltree(["answer", "update", Self.name, "backing-up-data", "--none"])
        try #require(answered.status == 0, "\(answered)")
        let sarif = try sandbox.welltree(["check", "--base", "main", "--format", "sarif"])
        #expect(sarif.status == 1, "\(sarif)")
        let uris = sarif.stdout.split(separator: "\n").filter { $0.contains("\"uri\"") }
        #expect(uris.contains { $0.contains("\"architecture/workloads/pa/payments/answers/wellarchitected/backing-up-data.json\"") }, "\(uris)")
    }

    @Test func milestonesTagTheRepository() throws {
        let sandbox = try Self.codeRepository()
        let saved = try sandbox.welltree(["milestone", "create", Self.name, "Version 1", "--no-sign"], in: sandbox.repo + "/infra")
        #expect(saved.status == 0, "\(saved)")
        let listed = try sandbox.welltree(["milestone", "list", Self.name])
        #expect(listed.status == 0 && listed.stdout.contains("Version 1"), "\(listed)")
        #expect(try sandbox.git(["tag", "--list", "welltree/*"]).stdout.split(separator: "\n").count == 1)
    }
}

/// The server hook in a repository whose workspace is `architecture/`: code is the host's,
/// the workspace is judged, and it cannot be moved, duplicated or redirected by a push.
@Suite(
    "Server hook: a workspace in a subdirectory",
    .enabled(if: GitServer.isAvailable, "needs git-http-backend and python3 (Debian packages git and python3)"),
    .timeLimit(.minutes(5)))
struct SubdirectoryWorkspaceHookTests {
    static let alice = "alice@example.com"
    static let bob = "bob@example.com"
    static let password = "secret"

    /// A server holding the code repository (its workspace under `architecture/`) with the hook,
    /// alice its administrator, and bob's clone of it.
    struct Server {
        let sandbox: Sandbox
        let server: GitServer
        let bob: SharesServerTests.Clone
    }

    static func server() throws -> Server {
        let sandbox = try SubdirectoryWorkspaceTests.codeRepository()
        let server = try GitServer(
            root: sandbox.root + "/server", users: [alice: password, bob: password], environment: sandbox.environment)
        let bare = server.root + "/code.git"
        try #require(try sandbox.git(["init", "-q", "--bare", "-b", "main", bare], in: sandbox.root).status == 0)
        let installed = try sandbox.welltree(["hooks", "install", "--server", bare, "--admin", alice], in: sandbox.root)
        try #require(installed.status == 0, "\(installed)")
        let alice = SharesServerTests.Clone(sandbox: sandbox, principal: alice, path: sandbox.repo)
        try #require(try alice.git(["remote", "add", "origin", server.url("code.git", user: Self.alice, password: password)]).status == 0)
        let pushed = try alice.push(["main"])
        try #require(pushed.status == 0, "\(pushed)")
        let path = sandbox.root + "/bob"
        try #require(try Run.program("cp", ["-a", sandbox.repo, path]).status == 0)
        let bob = SharesServerTests.Clone(sandbox: sandbox, principal: Self.bob, path: path)
        try #require(try bob.git(["remote", "set-url", "origin", server.url("code.git", user: Self.bob, password: password)]).status == 0)
        return Server(sandbox: sandbox, server: server, bob: bob)
    }

    @Test func codeOutsideTheWorkspaceIsLeftToTheHost() throws {
        let world = try Self.server()
        let bob = world.bob
        try bob.commitByHand("infra/backup.tf", "changed by bob\n", message: "Change code")
        try bob.commitByHand("README.md", "a file of the code\n", message: "Add a readme")
        let pushed = try bob.push(["main"])
        #expect(pushed.status == 0, "\(pushed)")
        withExtendedLifetime(world) {}
    }

    @Test func theWorkspaceIsStillJudged() throws {
        let world = try Self.server()
        let bob = world.bob
        try bob.commitByHand("architecture/welltree.json", "{\"format\": 2, \"protectedBranches\": []}\n", message: "Settings")
        let pushed = try bob.push(["main"])
        withExtendedLifetime(world) {}
        #expect(pushed.status != 0)
        #expect(pushed.stderr.contains("only administrators"), "\(pushed)")
    }

    @Test func movingTheWorkspaceIsRefused() throws {
        let world = try Self.server()
        let bob = world.bob
        try #require(try bob.git(["mv", "architecture", "docs"]).status == 0)
        try #require(try bob.git(["commit", "-qm", "Move the review"]).status == 0)
        let pushed = try bob.push(["main"])
        withExtendedLifetime(world) {}
        #expect(pushed.status != 0)
        #expect(pushed.stderr.contains("the workspace stays at architecture/"), "\(pushed)")
    }

    @Test func aSecondWorkspaceIsRefused() throws {
        let world = try Self.server()
        let (sandbox, bob) = (world.sandbox, world.bob)
        let settings = try sandbox.read("architecture/welltree.json")
        try bob.commitByHand("infra/welltree.json", settings, message: "A second review")
        let pushed = try bob.push(["main"])
        withExtendedLifetime(world) {}
        #expect(pushed.status != 0)
        #expect(pushed.stderr.contains("a repository holds one workspace, at architecture/"), "\(pushed)")
    }

    @Test func aSymlinkedWorkspaceDirectoryIsRefused() throws {
        let world = try Self.server()
        let bob = world.bob
        try #require(try bob.git(["mv", "architecture", "elsewhere"]).status == 0)
        try FileManager.default.createSymbolicLink(atPath: bob.path + "/architecture", withDestinationPath: "elsewhere")
        try #require(try bob.git(["add", "architecture"]).status == 0)
        try #require(try bob.git(["commit", "-qm", "Redirect the review"]).status == 0)
        let pushed = try bob.push(["main"])
        withExtendedLifetime(world) {}
        #expect(pushed.status != 0)
        #expect(pushed.stderr.contains("the workspace's directory architecture must be a directory (found a symbolic link)"), "\(pushed)")
    }
}
