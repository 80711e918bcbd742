import Foundation
import Testing

/// Milestones as annotated tags, run through the built binary against real git, ssh-keygen and gpg.
@Suite("Milestones (end to end)")
struct MilestoneEndToEndTests {
    static let workload = Sandbox.tutorialName

    /// A sandbox with the tutorial workload and one answered question.
    private func sandboxWithWorkload() throws -> Sandbox {
        let sandbox = try Sandbox()
        try #require(try sandbox.createTutorialWorkload().status == 0)
        let answer = try sandbox.welltree(["answer", "update", Self.workload, "priorities", "--select", "ops_priorities_ext_cust_needs"])
        try #require(answer.status == 0, "\(answer)")
        return sandbox
    }

    /// The milestone tags of the repository, with the objects they point at.
    private func tags(_ sandbox: Sandbox) throws -> [String: String] {
        let listing = try sandbox.git(["for-each-ref", "--format=%(refname:short) %(objectname)", "refs/tags/welltree/"])
        var result: [String: String] = [:]
        for line in listing.stdout.split(separator: "\n") {
            let parts = line.split(separator: " ")
            result[String(parts[0])] = String(parts[1])
        }
        return result
    }

    /// Generates an ed25519 key and configures SSH signing the way a user would for `git tag -s`.
    private func configureSSHSigning(_ sandbox: Sandbox, signByDefault: Bool = false) throws {
        let key = sandbox.home + "/.ssh/id_ed25519"
        try FileManager.default.createDirectory(atPath: sandbox.home + "/.ssh", withIntermediateDirectories: true)
        try #require(try Run.program("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "alice", "-f", key]).status == 0)
        let publicKey = try String(contentsOfFile: key + ".pub", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        try "alice@example.com namespaces=\"git\" \(publicKey)\n".write(toFile: sandbox.home + "/allowed_signers", atomically: true, encoding: .utf8)
        try sandbox.git(["config", "--global", "gpg.format", "ssh"])
        try sandbox.git(["config", "--global", "user.signingkey", key + ".pub"])
        try sandbox.git(["config", "--global", "gpg.ssh.allowedSignersFile", "~/allowed_signers"])
        if signByDefault { try sandbox.git(["config", "--global", "tag.gpgSign", "true"]) }
    }

    @Test func milestonesRecordTheStateAndAreNumberedPerWorkload() throws {
        let sandbox = try sandboxWithWorkload()
        let first = try sandbox.welltree(["milestone", "create", Self.workload, "Version 1.0 - initial review"])
        #expect(first.status == 0, "\(first)")
        try #require(try sandbox.welltree(["answer", "update", Self.workload, "ops-model", "--none"]).status == 0)
        let second = try sandbox.welltree(["milestone", "create", Self.workload, "After / improvements: ünïcode & *?[]~^:"])
        #expect(second.status == 0, "\(second)")

        let names = try tags(sandbox).keys.sorted()
        #expect(names.count == 2)
        #expect(names[0].hasPrefix("welltree/retail-website-north-america-"))
        #expect(names[0].hasSuffix("/001-version-1-0-initial-review"))
        #expect(names[1].hasSuffix("/002-after-improvements-n-code"))
        let message = try sandbox.git(["cat-file", "tag", names[0]]).stdout
        #expect(message.contains("Welltree-Milestone: 1\n"))
        #expect(message.contains("Welltree-Milestone-Name: Version 1.0 - initial review\n"))
        #expect(message.contains("HIGH=1"))
        #expect(try sandbox.git(["rev-parse", names[0] + "^{commit}"]).stdout != (try sandbox.git(["rev-parse", "HEAD"]).stdout))

        let list = try sandbox.welltree(["milestone", "list", Self.workload, "--format", "json"])
        let summaries = try #require((try sandbox.json(list) as? [String: Any])?["MilestoneSummaries"] as? [[String: Any]])
        #expect(summaries.map { $0["MilestoneNumber"] as? Int } == [1, 2])
        #expect(summaries.allSatisfy { ($0["Signature"] as? [String: Any])?["Status"] as? String == "UNSIGNED" })

        // The first milestone shows the workload as it was: one question answered, not two.
        let shown = try sandbox.welltree(["milestone", "show", Self.workload, "version 1.0 - INITIAL review", "--format", "json"])
        let milestone = try #require((try sandbox.json(shown) as? [String: Any])?["Milestone"] as? [String: Any])
        let counts = try #require((milestone["Workload"] as? [String: Any])?["RiskCounts"] as? [String: Int])
        #expect(counts["UNANSWERED"] == 56)
        #expect(milestone["TagName"] as? String == names[0])
        let now = try sandbox.welltree(["milestone", "show", Self.workload, "2"])
        #expect(now.stdout.contains("Questions answered  2/57"), "\(now)")
    }

    @Test func namesFollowTheServiceRules() throws {
        let sandbox = try sandboxWithWorkload()
        for bad in ["ab", "  a b  ", String(repeating: "x", count: 101), "two\nlines"] {
            let result = try sandbox.welltree(["milestone", "create", Self.workload, bad])
            #expect(result.status == 2, "\(bad): \(result)")
        }
        #expect(try tags(sandbox).isEmpty)
    }

    @Test func milestonesAreNeverMoved() throws {
        let sandbox = try sandboxWithWorkload()
        try #require(try sandbox.welltree(["milestone", "create", Self.workload, "Launch review"]).status == 0)
        let before = try tags(sandbox)
        try #require(try sandbox.welltree(["answer", "update", Self.workload, "ops-model", "--none"]).status == 0)
        let again = try sandbox.welltree(["milestone", "create", Self.workload, "launch REVIEW"])
        #expect(again.status == 2, "\(again)")
        #expect(again.stderr.contains("already the name of milestone 1"))
        #expect(try tags(sandbox) == before)
    }

    @Test func onlyTheOwnerSavesMilestones() throws {
        let sandbox = try sandboxWithWorkload()
        sandbox.principal = "bob@example.com"
        let result = try sandbox.welltree(["milestone", "create", Self.workload, "Not mine"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("only its owner"))
    }

    @Test func deletingTheWorkloadLeavesItsMilestones() throws {
        let sandbox = try sandboxWithWorkload()
        try #require(try sandbox.welltree(["milestone", "create", Self.workload, "Before retirement"]).status == 0)
        let before = try tags(sandbox)
        try #require(try sandbox.welltree(["workload", "delete", Self.workload, "--yes"]).status == 0)
        #expect(try tags(sandbox) == before)
        let list = try sandbox.welltree(["milestone", "list", Self.workload])
        #expect(list.status == 0, "\(list)")
        #expect(list.stdout.contains("Before retirement"))
        let show = try sandbox.welltree(["milestone", "show", Self.workload, "1"])
        #expect(show.status == 0, "\(show)")
        #expect(show.stdout.contains("Online retail storefront"))
    }

    @Test func sshSignedMilestoneVerifiesAndATamperedOneDoesNot() throws {
        let sandbox = try sandboxWithWorkload()
        try configureSSHSigning(sandbox)
        let created = try sandbox.welltree(["milestone", "create", Self.workload, "Signed review", "--sign"])
        #expect(created.status == 0, "\(created)")
        let (name, id) = try #require(try tags(sandbox).first)

        let gitVerify = try sandbox.git(["tag", "-v", name])
        #expect(gitVerify.status == 0, "\(gitVerify)")
        #expect(gitVerify.stderr.contains("Good \"git\" signature for alice@example.com"))
        let verify = try sandbox.welltree(["milestone", "verify", Self.workload, "1"])
        #expect(verify.status == 0, "\(verify)")
        #expect(verify.stdout.contains("alice@example.com"))
        let shown = try sandbox.welltree(["milestone", "list", Self.workload, "--format", "json"])
        #expect(shown.stdout.contains("\"Status\": \"GOOD\""))

        // Change the recorded risk counts, keep the signature, and point the tag at the forgery.
        let original = try sandbox.git(["cat-file", "tag", id]).stdout
        let forged = original.replacingOccurrences(of: "HIGH=1", with: "HIGH=0")
        #expect(forged != original)
        let forgery = sandbox.root + "/forged-tag"
        try forged.write(toFile: forgery, atomically: true, encoding: .utf8)
        let written = try sandbox.git(["hash-object", "-t", "tag", "-w", forgery])
        try #require(written.status == 0, "\(written)")
        try #require(try sandbox.git(["update-ref", "refs/tags/" + name, written.stdout.trimmingCharacters(in: .whitespacesAndNewlines)]).status == 0)

        #expect(try sandbox.git(["tag", "-v", name]).status != 0)
        let tampered = try sandbox.welltree(["milestone", "verify", Self.workload, "1"])
        #expect(tampered.status == 1, "\(tampered)")
        #expect(tampered.stderr.contains("BAD"))
    }

    @Test func signatureByAKeyNobodyAllowedFails() throws {
        let sandbox = try sandboxWithWorkload()
        try configureSSHSigning(sandbox, signByDefault: true)
        try "".write(toFile: sandbox.home + "/allowed_signers", atomically: true, encoding: .utf8)
        #expect(try sandbox.welltree(["milestone", "create", Self.workload, "Signed by default"]).status == 0)
        let verify = try sandbox.welltree(["milestone", "verify", Self.workload, "1"])
        #expect(verify.status == 1)
        #expect(verify.stderr.contains("unknown key"), "\(verify)")
        #expect(try sandbox.welltree(["milestone", "create", Self.workload, "Explicitly unsigned", "--no-sign"]).status == 0)
        let unsigned = try sandbox.welltree(["milestone", "verify", Self.workload, "2"])
        #expect(unsigned.status == 1)
        #expect(unsigned.stderr.contains("not signed"))
    }

    @Test func signingFailureLeavesNoTag() throws {
        let sandbox = try sandboxWithWorkload()
        try sandbox.git(["config", "--global", "gpg.format", "ssh"])
        try sandbox.git(["config", "--global", "user.signingkey", sandbox.home + "/no-such-key"])
        let result = try sandbox.welltree(["milestone", "create", Self.workload, "Cannot sign", "--sign"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no tag was created"))
        #expect(try tags(sandbox).isEmpty)
    }

    @Test(.enabled(if: (try? Run.program("gpg", ["--version"]).status) == 0))
    func gpgSignedByDefaultWhenTagGpgSignIsSet() throws {
        let sandbox = try sandboxWithWorkload()
        let gnupg = sandbox.root + "/gnupg"
        try FileManager.default.createDirectory(atPath: gnupg, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        sandbox.extraEnvironment["GNUPGHOME"] = gnupg
        let generated = try Run.program(
            "gpg", ["--batch", "--passphrase", "", "--quick-gen-key", "Alice Example <alice@example.com>", "ed25519", "sign", "0"],
            environment: sandbox.environment)
        try #require(generated.status == 0, "\(generated)")
        try sandbox.git(["config", "--global", "tag.gpgSign", "true"])

        let created = try sandbox.welltree(["milestone", "create", Self.workload, "GPG signed"])
        #expect(created.status == 0, "\(created)")
        let (name, _) = try #require(try tags(sandbox).first)
        let gitVerify = try sandbox.git(["tag", "-v", name])
        #expect(gitVerify.status == 0, "\(gitVerify)")
        let verify = try sandbox.welltree(["milestone", "verify", Self.workload, "GPG signed", "--format", "json"])
        #expect(verify.status == 0, "\(verify)")
        #expect(verify.stdout.contains("\"Format\": \"openpgp\""))
        #expect(verify.stdout.contains("Alice Example <alice@example.com>"))
    }
}
