import Foundation
import Testing

/// Hostile tree content against a server with the hook: every file a push adds or changes is
/// held to `welltree validate`'s rules (regular files only, valid names, valid documents);
/// git itself checks pushed objects (`receive.fsckObjects`); and an administrator can repair
/// or remove a workload that was damaged before.
@Suite(
    "Server hook: pushed content is validated",
    .enabled(if: GitServer.isAvailable, "needs git-http-backend and python3 (Debian packages git and python3)"),
    .timeLimit(.minutes(5)))
struct HookContentTests {
    static let answers = HookServer.victimPath + "/answers/wellarchitected"
    static let malloryAnswers = HookServer.malloryPath + "/answers/wellarchitected"

    @Test func serverInstallationChecksPushedObjects() throws {
        let world = try HookServer.get().world()
        for (key, value) in [
            ("receive.fsckObjects", "true"), ("receive.fsck.hasDotgit", "error"), ("receive.fsck.hasDotdot", "error"),
            ("receive.fsck.fullPathname", "error"), ("receive.advertisePushOptions", "true"),
        ] {
            #expect(try world.serverGit(["config", "--get", key]).stdout.trimmed == value, "\(key)")
        }
    }

    @Test func aContributorCannotReplaceAnAnswerWithASymlink() throws {
        let world = try HookServer.get().world()
        let bob = try world.clone(HookServer.bob)
        let file = Self.answers + "/priorities.json"
        try FileManager.default.removeItem(atPath: bob.path + "/" + file)
        try FileManager.default.createSymbolicLink(atPath: bob.path + "/" + file, withDestinationPath: "/etc/passwd")
        try #require(try bob.git(["commit", "-qam", "Answer by link"]).status == 0)
        let pushed = try bob.push(["main"])
        #expect(pushed.status != 0)
        #expect(pushed.stderr.contains("\(file) is a symbolic link; a review repository holds only regular files"), "\(pushed)")
    }

    @Test func aContributorCannotAddAGitlink() throws {
        let world = try HookServer.get().world()
        let bob = try world.clone(HookServer.bob)
        let head = try bob.revParse("HEAD")
        let file = Self.answers + "/vendored"
        try #require(try bob.git(["update-index", "--add", "--cacheinfo", "160000,\(head),\(file)"]).status == 0)
        try #require(try bob.git(["commit", "-qm", "Add a submodule"]).status == 0)
        let pushed = try bob.push(["main"])
        #expect(pushed.status != 0)
        #expect(pushed.stderr.contains("\(file) is a submodule (gitlink); a review repository holds only regular files"), "\(pushed)")
    }

    /// Pushes a commit of mallory's own workload whose answers directory holds an entry named
    /// `name`, as a hostile client can write it.
    static func pushCraftedName(_ name: String, in world: World) throws -> RunResult {
        let mallory = try world.clone(HookServer.mallory)
        let blob = try mallory.git(["hash-object", "-w", "--stdin"]).stdout.trimmed
        let inner = try mallory.rawTree([(mode: "100644", name: "x.json", id: blob)])
        let answers = try mallory.rawTree([(mode: "40000", name: name, id: inner)])
        let workload = try mallory.git(["rev-parse", "HEAD:\(HookServer.malloryPath)/workload.json"]).stdout.trimmed
        let directory = try mallory.rawTree([
            (mode: "40000", name: "answers", id: answers), (mode: "100644", name: "workload.json", id: workload),
        ])
        try mallory.commitReplacingDirectory(HookServer.malloryPath, with: directory, message: "Crafted \(name)")
        return try mallory.push(["main"])
    }

    @Test(arguments: ["..", ".git", "a/b", "."])
    func craftedTreeEntryNamesAreRefusedByGit(_ name: String) throws {
        let world = try HookServer.get().world()
        let before = try world.serverRef("refs/heads/main")
        let pushed = try Self.pushCraftedName(name, in: world)
        #expect(pushed.status != 0, "\(pushed)")
        #expect(try world.serverRef("refs/heads/main") == before)
    }

    @Test(arguments: ["..", ".git", ".GIT", "a/b", "."])
    func craftedTreeEntryNamesAreRefusedByTheHookWithoutFsck(_ name: String) throws {
        let world = try HookServer.get().world()
        try #require(try world.serverGit(["config", "receive.fsckObjects", "false"]).status == 0)
        let before = try world.serverRef("refs/heads/main")
        let pushed = try Self.pushCraftedName(name, in: world)
        #expect(pushed.status != 0, "\(pushed)")
        #expect(pushed.stderr.contains("tree entry \"\(name)\""), "\(pushed)")
        #expect(try world.serverRef("refs/heads/main") == before)
    }

    @Test func invalidJSONInOnesOwnWorkloadIsRefused() throws {
        let world = try HookServer.get().world()
        let mallory = try world.clone(HookServer.mallory)
        let file = Self.malloryAnswers + "/priorities.json"
        try mallory.commitByHand(file, "{\"selectedChoices\": [", message: "Broken answer")
        let pushed = try mallory.push(["main"])
        #expect(pushed.status != 0)
        #expect(pushed.stderr.contains("mallory@example.com may not change \(file)"), "\(pushed)")
        #expect(pushed.stderr.contains("\(file):1:"), "\(pushed)")
    }

    @Test func anAnswerWithAnUnknownChoiceIsRefused() throws {
        let world = try HookServer.get().world()
        let bob = try world.clone(HookServer.bob)
        let file = Self.answers + "/ops-model.json"
        try bob.commitByHand(file, "{\n  \"selectedChoices\": [\n    \"no_such_choice\"\n  ]\n}\n", message: "Answer by hand")
        let pushed = try bob.push(["main"])
        #expect(pushed.status != 0)
        #expect(pushed.stderr.contains("\"no_such_choice\" is not a choice of question ops-model"), "\(pushed)")
    }

    /// Damages the victim's workload on the server, bypassing the hook: an invalid
    /// `workload.json` and an answer that is a symlink.
    static func plantDamage(in world: World) throws -> SharesServerTests.Clone {
        let victor = try world.clone(HookServer.victor)
        try victor.commitByHand(HookServer.victimPath + "/workload.json", "{ not json", message: "Damage")
        let file = answers + "/priorities.json"
        try FileManager.default.removeItem(atPath: victor.path + "/" + file)
        try FileManager.default.createSymbolicLink(atPath: victor.path + "/" + file, withDestinationPath: "/etc/passwd")
        try #require(try victor.git(["commit", "-qam", "Link"]).status == 0)
        try world.plant("refs/heads/main", from: victor, as: "refs/heads/main")
        return victor
    }

    @Test func anAdministratorRemovesADamagedWorkload() throws {
        let world = try HookServer.get().world()
        _ = try Self.plantDamage(in: world)
        let alice = try world.clone(HookServer.alice)
        try #require(try alice.git(["pull", "-q", "--ff-only"]).status == 0)
        try #require(try alice.git(["rm", "-rq", HookServer.victimPath]).status == 0)
        try #require(try alice.git(["commit", "-qm", "Remove the damaged workload"]).status == 0)
        let pushed = try alice.push(["main"])
        #expect(pushed.status == 0, "\(pushed)")
        #expect(try world.serverRef("refs/heads/main") == (try alice.revParse("HEAD")))
    }

    @Test func anAdministratorRepairsAnotherOwnersWorkload() throws {
        let world = try HookServer.get().world()
        let victor = try world.clone(HookServer.victor)
        let file = Self.answers + "/priorities.json"
        let good = try String(contentsOfFile: victor.path + "/" + file, encoding: .utf8)
        try FileManager.default.removeItem(atPath: victor.path + "/" + file)
        try FileManager.default.createSymbolicLink(atPath: victor.path + "/" + file, withDestinationPath: "/etc/passwd")
        try #require(try victor.git(["commit", "-qam", "Link"]).status == 0)
        try world.plant("refs/heads/main", from: victor, as: "refs/heads/main")

        let alice = try world.clone(HookServer.alice)
        try #require(try alice.git(["pull", "-q", "--ff-only"]).status == 0)
        try FileManager.default.removeItem(atPath: alice.path + "/" + file)
        try alice.commitByHand(file, good, message: "Repair the answer")
        let pushed = try alice.push(["main"])
        #expect(pushed.status == 0, "\(pushed)")
    }

    /// Two workloads named alike on the server (planted, bypassing the hook): the owner of one
    /// edits its `workload.json` without touching the name. The name was in that directory
    /// before the push, so the push brings no clash and is judged by look-up in the state it
    /// changed, not by comparing the name with every workload.
    @Test func anEditKeepingANameIsNotBlamedForAnOlderClash() throws {
        let world = try HookServer.get().world()
        let victor = try world.clone(HookServer.victor)
        let twin = try String(contentsOfFile: victor.path + "/" + HookServer.malloryPath + "/workload.json", encoding: .utf8)
            .replacingOccurrences(of: world.hookServer.malloryId, with: "0123456789abcdef0123456789abcdef")
            .replacingOccurrences(of: HookServer.mallory, with: HookServer.victor)
        try victor.commitByHand("workloads/ma/mallory-workload-2/workload.json", twin, message: "A twin")
        try world.plant("refs/heads/main", from: victor, as: "refs/heads/main")

        let mallory = try world.clone(HookServer.mallory)
        try #require(try mallory.git(["pull", "-q", "--ff-only"]).status == 0)
        let file = HookServer.malloryPath + "/workload.json"
        let own = try String(contentsOfFile: mallory.path + "/" + file, encoding: .utf8)
        try mallory.commitByHand(
            file, own.replacingOccurrences(of: "\"A workload\"", with: "\"A workload of mine\""), message: "Describe it")
        let pushed = try mallory.push(["main"])
        #expect(pushed.status == 0, "\(pushed)")
    }

    @Test func aDamagedWorkloadBlocksOnlyItself() throws {
        let world = try HookServer.get().world()
        _ = try Self.plantDamage(in: world)
        let mallory = try world.clone(HookServer.mallory)
        try #require(try mallory.git(["pull", "-q", "--ff-only"]).status == 0)
        try mallory.commitByHand(
            Self.malloryAnswers + "/priorities.json", "{\n  \"selectedChoices\": [\n    \"ops_priorities_no\"\n  ]\n}\n", message: "Answer")
        let own = try mallory.push(["main"])
        #expect(own.status == 0, "\(own)")

        let bob = try world.clone(HookServer.bob)
        try #require(try bob.git(["pull", "-q", "--ff-only"]).status == 0)
        try bob.commitByHand(Self.answers + "/ops-model.json", "{\n  \"selectedChoices\": []\n}\n", message: "Answer")
        let refused = try bob.push(["main"])
        #expect(refused.status != 0)
        #expect(
            refused.stderr.contains(
                "the server cannot read \(HookServer.victimPath)/workload.json, so it cannot tell who owns the workload; only administrators (alice@example.com) repair or remove it"
            ), "\(refused)")
    }
}
