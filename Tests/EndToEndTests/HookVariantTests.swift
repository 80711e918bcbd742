import Foundation
import Testing

/// Every other rule of docs/shares.md, tried the way a stranger, a contributor or another
/// workload's owner would get around it: through a branch instead of main, an orphan history,
/// the settings, the shares ref's own files, or a reference the rules do not name.
@Suite(
    "Server hook: the other rules, from the attacker's side",
    .enabled(if: GitServer.isAvailable, "needs git-http-backend and python3 (Debian packages git and python3)"),
    .timeLimit(.minutes(5)))
struct HookVariantTests {
    @Test func aNewWorkloadMustNameItsCreatorAsOwner() throws {
        let world = try HookServer.get().world()
        let mallory = try world.clone(HookServer.mallory)
        try #require(try mallory.welltree(HookServer.createArguments("Framed Workload")).status == 0)
        let file = "workloads/fr/framed-workload/workload.json"
        let text = try String(contentsOfFile: mallory.path + "/" + file, encoding: .utf8).replacingOccurrences(
            of: HookServer.mallory, with: HookServer.victor)
        try mallory.commitByHand(file, text, message: "Victor's, says the file")
        let pushed = try mallory.push(["main"])
        #expect(pushed.status != 0)
        #expect(
            pushed.stderr.contains(
                "a new workload must record its creator as owner; it names victor@example.com, the pusher is mallory@example.com"),
            "\(pushed)")
    }

    @Test func onlyAdministratorsChangeTheSettings() throws {
        let world = try HookServer.get().world()
        let mallory = try world.clone(HookServer.mallory)
        let settings = try String(contentsOfFile: mallory.path + "/welltree.json", encoding: .utf8).replacingOccurrences(
            of: "\"requireSignedMilestones\": true", with: "\"requireSignedMilestones\": false")
        try mallory.commitByHand("welltree.json", settings, message: "No more signatures")
        let pushed = try mallory.push(["main"])
        #expect(pushed.status != 0)
        #expect(pushed.stderr.contains("may not change welltree.json: files outside workload directories"), "\(pushed)")
    }

    @Test func aContributorCannotDeleteTheWorkload() throws {
        let world = try HookServer.get().world()
        let bob = try world.clone(HookServer.bob)
        try #require(try bob.git(["rm", "-rq", HookServer.victimPath]).status == 0)
        try #require(try bob.git(["commit", "-qm", "Delete it"]).status == 0)
        let pushed = try bob.push(["main"])
        #expect(pushed.status != 0)
        #expect(
            pushed.stderr.contains(
                "only the owner victor@example.com edits properties, applies or upgrades lenses, or deletes the workload"), "\(pushed)")
    }

    @Test func aBranchIsJudgedAsMainWouldBe() throws {
        let world = try HookServer.get().world()
        let mallory = try world.clone(HookServer.mallory)
        try #require(try mallory.git(["checkout", "-q", "-b", "mallory/edit"]).status == 0)
        try mallory.commitByHand(HookContentTests.answers + "/ops-model.json", HookPrincipalTests.answer, message: "Answer on a branch")
        let pushed = try mallory.push(["mallory/edit"])
        #expect(pushed.status != 0)
        #expect(
            pushed.stderr.contains(
                "refs/heads/mallory/edit: mallory@example.com may not change \(HookContentTests.answers)/ops-model.json"), "\(pushed)")

        // An orphan history shares nothing with main: everything in it counts as changed.
        try #require(try mallory.git(["checkout", "-q", "--orphan", "mallory/orphan", "main"]).status == 0)
        try mallory.commitByHand(HookContentTests.answers + "/ops-model.json", HookPrincipalTests.answer, message: "A history of my own")
        let orphan = try mallory.push(["mallory/orphan"])
        #expect(orphan.status != 0)
        #expect(
            orphan.stderr.contains("refs/heads/mallory/orphan: mallory@example.com may not change \(HookServer.victimPath)/workload.json"),
            "\(orphan)")
    }

    @Test func theSharesRefOnlyMovesForwardEvenForAnAdministrator() throws {
        let world = try HookServer.get().world()
        for (login, options) in [(HookServer.mallory, [String]()), (HookServer.alice, ["welltree.override=Undo a share"])] {
            let clone = try world.clone(login)
            let pushed = try clone.forcePush(["refs/welltree/shares~1:refs/welltree/shares"], options: options)
            #expect(pushed.status != 0)
            #expect(pushed.stderr.contains("refs/welltree/shares only moves forward"), "\(pushed)")
        }
    }

    @Test func onlyAdministratorsNameAdministratorsAndTrustKeys() throws {
        let world = try HookServer.get().world()
        let mallory = try world.clone(HookServer.mallory)
        try mallory.editShares("access.json") { file in
            file["administrators"] = [HookServer.alice, HookServer.mallory]
        }
        let promoted = try mallory.push(["refs/welltree/shares"])
        #expect(promoted.status != 0)
        #expect(promoted.stderr.contains("may not change refs/welltree/shares:access.json"), "\(promoted)")

        // Her key, trusted as victor's, would sign milestones in his name.
        try #require(try mallory.git(["fetch", "-q", "origin", "+refs/welltree/shares:refs/welltree/shares"]).status == 0)
        let signers = try mallory.git(["show", "refs/welltree/shares:allowed_signers"]).stdout
        let key = try String(contentsOfFile: world.sandbox.home + "/mallory_ed25519.pub", encoding: .utf8).trimmed
        try mallory.writeOnShares("allowed_signers", signers + "victor@example.com namespaces=\"git\" \(key)\n")
        let trusted = try mallory.push(["refs/welltree/shares"])
        #expect(trusted.status != 0)
        #expect(trusted.stderr.contains("may not change refs/welltree/shares:allowed_signers"), "\(trusted)")
    }

    @Test func referencesTheRulesDoNotNameAreAdministrators() throws {
        let world = try HookServer.get().world()
        let mallory = try world.clone(HookServer.mallory)
        for reference in ["refs/tags/v1.0", "refs/notes/commits", "refs/pull/1/head"] {
            let pushed = try mallory.push(["HEAD:\(reference)"])
            #expect(pushed.status != 0)
            #expect(pushed.stderr.contains("only administrators (alice@example.com) may push to references other than"), "\(pushed)")
        }
    }

    @Test func administratorsAreHeldToTheContentRulesToo() throws {
        let world = try HookServer.get().world()
        let alice = try world.clone(HookServer.alice)
        try FileManager.default.createSymbolicLink(atPath: alice.path + "/NOTES.md", withDestinationPath: "/etc/passwd")
        try #require(try alice.git(["add", "NOTES.md"]).status == 0)
        try #require(try alice.git(["commit", "-qm", "A link"]).status == 0)
        let pushed = try alice.push(["main"])
        #expect(pushed.status != 0)
        #expect(pushed.stderr.contains("NOTES.md is a symbolic link"), "\(pushed)")
    }
}
