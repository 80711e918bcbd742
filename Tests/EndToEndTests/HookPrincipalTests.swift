import Foundation
import Testing

/// Who the pusher is, against a server with the hook: a user login never stands for a group or
/// an account (only the members `access.json` lists receive their shares), and a pusher named
/// only by a signed push certificate needs a good signature by a trusted key and a nonce the
/// server issued for this push, so a recorded certificate cannot be replayed.
@Suite(
    "Server hook: principals cannot be spoofed",
    .enabled(if: GitServer.isAvailable, "needs git-http-backend and python3 (Debian packages git and python3)"),
    .timeLimit(.minutes(5)))
struct HookPrincipalTests {
    /// An answer to question ops-model.
    static let answer = "{\n  \"selectedChoices\": [\n    \"ops_ops_model_no\"\n  ]\n}\n"

    /// The id of the victim's share with `principal`.
    static func shareId(of principal: String, in world: World) throws -> String {
        let listed = try world.clone(HookServer.victor).welltree(["share", "list", HookServer.victimName, "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [String: Any]
        let summaries = try #require(object?["WorkloadShareSummaries"] as? [[String: Any]], "\(listed)")
        return try #require(summaries.first { $0["SharedWith"] as? String == principal }?["ShareId"] as? String, "\(listed)")
    }

    @Test func aLoginSpelledLikeTheGroupCannotAcceptItsInvitation() throws {
        let world = try HookServer.get().world()
        let spoof = try world.clone(HookServer.groupLogin)
        let id = try Self.shareId(of: "group:ops", in: world)

        let invitations = try spoof.welltree(["share", "invitations", "--format", "json"])
        #expect(invitations.status == 0, "\(invitations)")
        #expect(!invitations.stdout.contains(id), "\(invitations)")
        let accepted = try spoof.welltree(["share", "accept", id])
        #expect(accepted.status == 2)
        #expect(accepted.stderr.contains("group:ops may not answer invitation \(id): it is addressed to group:ops"), "\(accepted)")

        try spoof.editShares("workloads/\(world.victimId).json") { file in
            var shares = file["shares"] as? [[String: Any]] ?? []
            for i in shares.indices where shares[i]["principal"] as? String == "group:ops" { shares[i]["status"] = "ACCEPTED" }
            file["shares"] = shares
        }
        let pushed = try spoof.push(["refs/welltree/shares"])
        #expect(pushed.status != 0)
        #expect(pushed.stderr.contains("share \(id) is addressed to group:ops, not to group:ops"), "\(pushed)")
    }

    @Test func aLoginSpelledLikeTheAccountGetsNothingFromItsShare() throws {
        let world = try HookServer.get().world()
        let spoof = try world.clone(HookServer.accountLogin)
        let cli = try spoof.welltree(["answer", "update", HookServer.victimName, "ops-model", "--none"])
        #expect(cli.status == 2)
        #expect(cli.stderr.contains("123456789012 has no share"), "\(cli)")

        try spoof.commitByHand(HookContentTests.answers + "/ops-model.json", Self.answer, message: "Answer as the account")
        let pushed = try spoof.push(["main"])
        #expect(pushed.status != 0)
        #expect(
            pushed.stderr.contains("answers need the owner or an accepted CONTRIBUTOR share; 123456789012 has no share"), "\(pushed)")
    }

    @Test func aMemberTheAccessFileListsActsForTheGroup() throws {
        let world = try HookServer.get().world()
        let erin = try world.clone(HookServer.erin)
        let accepted = try erin.welltree(["share", "accept", try Self.shareId(of: "group:ops", in: world)])
        #expect(accepted.status == 0, "\(accepted)")
        #expect(try erin.push(["refs/welltree/shares"]).status == 0)
        try erin.commitByHand(HookContentTests.answers + "/ops-model.json", Self.answer, message: "Answer as a member of ops")
        let pushed = try erin.push(["main"])
        #expect(pushed.status == 0, "\(pushed)")
    }

    /// A world that accepts anonymous pushes (identified by their push certificate only),
    /// verifying SSH-signed certificates against alice's key, and keeping request bodies.
    static func signedPushWorld() throws -> World {
        let world = try HookServer.get().world()
        let signers = world.sandbox.root + "/\(world.name)-push-signers"
        let key = try String(contentsOfFile: world.sandbox.home + "/alice_ed25519.pub", encoding: .utf8).trimmed
        try "\(HookServer.alice) namespaces=\"git\" \(key)\n".write(toFile: signers, atomically: true, encoding: .utf8)
        try #require(try world.serverGit(["config", "http.receivepack", "true"]).status == 0)
        try #require(try world.serverGit(["config", "gpg.ssh.allowedSignersFile", signers]).status == 0)
        try FileManager.default.createDirectory(
            atPath: world.hookServer.server.root + "/\(world.name).requests", withIntermediateDirectories: true)
        return world
    }

    /// The anonymous clone, signing pushes with the SSH key at `key`.
    static func signingClone(_ world: World, key: String) throws -> SharesServerTests.Clone {
        let clone = try world.clone(HookServer.anonymous)
        try #require(try clone.git(["config", "gpg.format", "ssh"]).status == 0)
        try #require(try clone.git(["config", "user.signingkey", key]).status == 0)
        return clone
    }

    /// Sends the last recorded push to `world`'s repository again, byte for byte.
    static func replayLastPush(from recorded: World, to target: World) throws {
        let directory = recorded.hookServer.server.root + "/\(recorded.name).requests"
        let last = try #require(
            try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".body") }.sorted().last)
        let headers = try String(
            contentsOfFile: directory + "/" + last.replacingOccurrences(of: ".body", with: ".headers"), encoding: .utf8)
        var arguments = [
            "-s", "-o", "/dev/null", "-u", "\(HookServer.anonymous):\(HookServer.password)", "--data-binary", "@" + directory + "/" + last,
        ]
        for line in headers.split(separator: "\n") { arguments += ["-H", String(line)] }
        arguments.append("http://127.0.0.1:\(target.hookServer.server.port)/\(target.name).git/git-receive-pack")
        let sent = try Run.program("curl", arguments)
        try #require(sent.status == 0, "\(sent)")
    }

    @Test func aSignedPushIsIdentifiedByItsCertificateAndCannotBeReplayed() throws {
        let world = try Self.signedPushWorld()
        let alice = try Self.signingClone(world, key: world.sandbox.home + "/alice_ed25519")
        let signed = try alice.git(["push", "--signed", "origin", "HEAD:refs/heads/alice/signed"])
        #expect(signed.status == 0, "\(signed)")
        #expect(try world.serverRef("refs/heads/alice/signed") != nil)
        let audit = try world.clone(HookServer.alice)
        try #require(try audit.git(["fetch", "-q", "origin"]).status == 0)
        let record = try audit.welltree(["audit", "--format", "json"])
        let pushes = (try? JSONSerialization.jsonObject(with: Data(record.stdout.utf8)) as? [String: Any])?["Pushes"] as? [[String: Any]]
        #expect(pushes?.last?["Pusher"] as? String == HookServer.alice, "\(record)")
        #expect(pushes?.last?["IdentifiedBy"] as? String == "signed push certificate", "\(record)")

        // An administrator deletes the branch; the recorded push, sent again once the nonce's
        // time has passed, must not bring it back.
        try #require(try world.serverGit(["update-ref", "-d", "refs/heads/alice/signed"]).status == 0)
        try #require(try world.serverGit(["config", "receive.certNonceSlop", "1"]).status == 0)
        Thread.sleep(forTimeInterval: 3)
        try Self.replayLastPush(from: world, to: world)
        #expect(try world.serverRef("refs/heads/alice/signed") == nil)

        // Nor does it land in another repository (its own installation, so its own nonce seed).
        let other = try Self.signedPushWorld()
        try #require(try other.serverGit(["config", "receive.certNonceSeed", "0123456789abcdef0123456789abcdef"]).status == 0)
        try Self.replayLastPush(from: world, to: other)
        #expect(try other.serverRef("refs/heads/alice/signed") == nil)
    }

    @Test func aPushSignedWithAnUntrustedKeyIsRefused() throws {
        let world = try Self.signedPushWorld()
        let key = world.sandbox.root + "/\(world.name)-stranger_ed25519"
        try #require(try Run.program("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "stranger", "-f", key]).status == 0)
        let stranger = try Self.signingClone(world, key: key)
        let pushed = try stranger.git(["push", "--signed", "origin", "HEAD:refs/heads/stranger"])
        #expect(pushed.status != 0)
        #expect(pushed.stderr.contains("the push certificate is signed by a key the server does not trust"), "\(pushed)")
        #expect(try world.serverRef("refs/heads/stranger") == nil)
    }

    @Test func aSignedPushMustBeSignedByTheAuthenticatedUser() throws {
        let world = try Self.signedPushWorld()
        let mallory = try world.clone(HookServer.mallory)
        try #require(try mallory.git(["config", "gpg.format", "ssh"]).status == 0)
        try #require(try mallory.git(["config", "user.signingkey", world.sandbox.home + "/alice_ed25519"]).status == 0)
        let pushed = try mallory.git(["push", "--signed", "origin", "HEAD:refs/heads/mallory/signed"])
        #expect(pushed.status != 0)
        #expect(
            pushed.stderr.contains("the push is authenticated as mallory@example.com but its certificate is signed by alice@example.com"),
            "\(pushed)")
    }

    @Test func serverInstallationSetsUpSignedPushes() throws {
        let world = try HookServer.get().world()
        #expect(try world.serverGit(["config", "--get", "receive.certNonceSeed"]).stdout.trimmed.count == 32)
        #expect(try world.serverGit(["config", "--get", "receive.certNonceSlop"]).stdout.trimmed == "30")
    }
}
