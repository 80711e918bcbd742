import Foundation
import TestSupport
import Testing

/// Issue 16, items 3 (display side) and 11: a milestone tag's message is written by whoever made
/// the tag, so `milestone list`, `show`, `verify` and reports compute every figure from the tagged
/// tree and attribute a tag to a workload only when the repository shows its owner made it.
@Suite("Milestone integrity")
struct MilestoneIntegrityTests {
    static let workload = Sandbox.tutorialName
    static let directory = "retail-website-north-america"
    static let file = "workloads/re/retail-website-north-america/workload.json"

    /// The tutorial workload with one high risk (priorities answered with one practice) and a
    /// milestone saved by its owner, alice.
    static func sandbox() throws -> (Sandbox, id: String) {
        let sandbox = try Sandbox()
        try #require(try sandbox.createTutorialWorkload().status == 0)
        try #require(try sandbox.welltree(["answer", "update", workload, "priorities", "--select", "ops_priorities_ext_cust_needs"]).status == 0)
        try #require(try sandbox.welltree(["milestone", "create", workload, "Initial review"]).status == 0)
        let id = try #require(
            ((try sandbox.json(try sandbox.welltree(["workload", "show", workload, "--format", "json"])) as? [String: Any])?["Workload"]
                as? [String: Any])?["WorkloadId"] as? String)
        return (sandbox, id)
    }

    /// A milestone tag message as Welltree writes it, with `high` high risks claimed.
    static func message(id: String, number: Int, name: String, high: Int) -> String {
        """
        Milestone \(number) of \(workload): \(name)

        57 of 57 questions answered, \(high) high risks, 0 medium risks.

        Welltree-Milestone: \(number)
        Welltree-Milestone-Name: \(name)
        Welltree-Workload-Id: \(id)
        Welltree-Workload-Name: \(workload)
        Welltree-Recorded-At: 2026-12-01T10:00:00Z
        Welltree-Risk-Counts: HIGH=\(high) MEDIUM=0 NONE=57 NOT_APPLICABLE=0 UNANSWERED=0
        Welltree-Lens: wellarchitected 1.0

        """
    }

    /// Makes an annotated tag with git, as `identity` (`Name <email>`), optionally signed with
    /// the SSH key `key`.
    static func tag(
        _ sandbox: Sandbox, _ name: String, message: String, at commit: String = "HEAD", identity: (String, String),
        key: String? = nil
    ) throws {
        let path = sandbox.root + "/tag-message-" + UUID().uuidString
        try message.write(toFile: path, atomically: true, encoding: .utf8)
        var arguments = ["-c", "user.name=\(identity.0)", "-c", "user.email=\(identity.1)"]
        if let key { arguments += ["-c", "gpg.format=ssh", "-c", "user.signingkey=\(key).pub"] }
        arguments += ["tag", key == nil ? "-a" : "-s", name, "-F", path, commit]
        let result = try sandbox.git(arguments)
        try #require(result.status == 0, "\(result)")
    }

    static func sshKey(_ sandbox: Sandbox, _ name: String) throws -> String {
        let key = sandbox.home + "/" + name
        try #require(try Run.program("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", name, "-f", key]).status == 0)
        return key
    }

    static func summaries(_ result: RunResult, _ sandbox: Sandbox) throws -> [[String: Any]] {
        try #require((try sandbox.json(result) as? [String: Any])?["MilestoneSummaries"] as? [[String: Any]])
    }

    static func log(_ attack: String, _ outcome: String) {
        ReliabilityLog.record("Milestone integrity", columns: ["Attack", "Outcome"], [attack, outcome])
    }

    /// Item 11: a tag whose message claims HIGH=0 on a commit with a high risk.
    /// The owner's own milestone is theirs even when git's user.email is another address than
    /// the principal (`WELLTREE_PRINCIPAL` set, a shared machine's git identity): the tag names
    /// the principal as the tagger's e-mail.
    @Test func theOwnersMilestoneIsAttributedWhateverGitsEmail() throws {
        let sandbox = try Sandbox()
        try #require(try sandbox.createTutorialWorkload().status == 0)
        try #require(try sandbox.git(["config", "user.email", "build-bot@ci.example"]).status == 0)
        let created = try sandbox.welltree(["milestone", "create", Self.workload, "Initial review"])
        try #require(created.status == 0, "\(created)")
        let list = try sandbox.welltree(["milestone", "list", Self.workload])
        #expect(list.status == 0, "\(list)")
        #expect(list.stdout.contains("Initial review"), "\(list)")
        #expect(!list.stderr.contains("not listed"), "\(list)")
        let tagger = try sandbox.git(["for-each-ref", "--format=%(taggeremail)", "refs/tags/welltree/"]).stdout.trimmed
        #expect(tagger == "<\(sandbox.principal)>")
    }

    @Test func figuresComeFromTheTaggedTreeNotTheMessage() throws {
        let (sandbox, id) = try Self.sandbox()
        try Self.tag(
            sandbox, "welltree/\(Self.directory)-\(id.prefix(8))/002-all-clear", message: Self.message(id: id, number: 2, name: "All clear", high: 0),
            identity: ("Alice Example", "alice@example.com"))
        let list = try sandbox.welltree(["milestone", "list", Self.workload])
        #expect(list.status == 0, "\(list)")
        let row = try #require(list.stdout.split(separator: "\n").first { $0.contains("All clear") }.map(String.init))
        let columns = row.split(separator: " ", omittingEmptySubsequences: true)
        let answered = try #require(columns.firstIndex(of: "1/57"), "answered computed from the tree: \(row)")
        #expect(columns[answered + 1] == "1", "HRIs computed from the tree: \(row)")
        #expect(list.stderr.contains("warning: milestone 2 \"All clear\": the tag message records HIGH=0"), "\(list)")
        #expect(list.stderr.contains("the tagged tree has HIGH=1"))
        let json = try Self.summaries(try sandbox.welltree(["milestone", "list", Self.workload, "--format", "json"]), sandbox)
        let forged = try #require(json.first { $0["MilestoneNumber"] as? Int == 2 })
        #expect(((forged["WorkloadSummary"] as? [String: Any])?["RiskCounts"] as? [String: Int])?["HIGH"] == 1)
        #expect((forged["Discrepancies"] as? [String])?.count == 1)
        let show = try sandbox.welltree(["milestone", "show", Self.workload, "2"])
        #expect(show.stdout.contains("Risks               1 high"), "\(show)")
        #expect(show.stderr.contains("the tag message records HIGH=0"))
        Self.log("tag message claims HIGH=0 on a commit with one HRI", "list, show and JSON show 1 HRI, computed from the tree; a warning names the claim")
    }

    /// Item 3: a tag in the victim's namespace pointing at a commit on no branch, where
    /// workload.json carries the victim's id and the forger as owner.
    @Test func aForgedCommitOffTheBranchIsNotAttributed() throws {
        let (sandbox, id) = try Self.sandbox()
        try #require(try sandbox.git(["checkout", "-q", "--detach"]).status == 0)
        let text = try sandbox.read(Self.file).replacingOccurrences(of: "\"owner\": \"alice@example.com\"", with: "\"owner\": \"mallory@example.com\"")
        try text.write(toFile: sandbox.repo + "/" + Self.file, atomically: true, encoding: .utf8)
        try #require(try sandbox.git(["-c", "user.email=mallory@example.com", "commit", "-q", "--no-verify", "-am", "Mine now"]).status == 0)
        let forgedCommit = try #require(try sandbox.commit(of: "HEAD"))
        try Self.tag(
            sandbox, "welltree/\(Self.directory)-\(id.prefix(8))/002-signed-off", message: Self.message(id: id, number: 2, name: "Signed off", high: 0),
            at: forgedCommit, identity: ("Mallory", "mallory@example.com"))
        try #require(try sandbox.git(["checkout", "-q", "main"]).status == 0)

        let list = try sandbox.welltree(["milestone", "list", Self.workload])
        #expect(list.status == 0, "\(list)")
        #expect(!list.stdout.contains("Signed off"), "\(list)")
        #expect(list.stderr.contains("is not listed as a milestone of \(Self.workload)"), "\(list)")
        #expect(list.stderr.contains("is not on the history of main"))
        #expect(list.stderr.contains("names owner mallory@example.com, not the owner alice@example.com"))
        #expect(list.stderr.contains("tagged by Mallory <mallory@example.com>, not by the owner alice@example.com"))
        let json = try sandbox.welltree(["milestone", "list", Self.workload, "--format", "json"])
        #expect(try Self.summaries(json, sandbox).map { $0["MilestoneNumber"] as? Int } == [1])
        #expect(json.stdout.contains("\"UnattributedTags\""))
        for command in ["show", "verify"] {
            let result = try sandbox.welltree(["milestone", command, Self.workload, "Signed off"])
            #expect(result.status == 2, "\(command): \(result)")
            #expect(result.stderr.contains("is not attributed to its owner"), "\(command): \(result)")
        }
        let report = try sandbox.welltree(["report", Self.workload, "--milestone", "2", "--format", "markdown"])
        #expect(report.status == 2, "\(report)")
        Self.log(
            "tag in the victim's namespace on a commit off the branch, workload.json owner replaced",
            "not listed; list warns (off the history, other owner, other tagger); show, verify, report refuse")
    }

    /// Item 3: a tag on a real commit of the branch, but made by someone else.
    @Test func aTagByAnotherTaggerIsNotAttributed() throws {
        let (sandbox, id) = try Self.sandbox()
        try Self.tag(
            sandbox, "welltree/\(Self.directory)-\(id.prefix(8))/001-initial-review-2", message: Self.message(id: id, number: 1, name: "Initial review", high: 1),
            identity: ("Mallory", "mallory@example.com"))
        let list = try sandbox.welltree(["milestone", "list", Self.workload, "--format", "json"])
        #expect(try Self.summaries(list, sandbox).count == 1, "\(list)")
        #expect(list.stderr.contains("tagged by Mallory <mallory@example.com>"), "\(list)")
        // Two tags claim milestone 1: the owner's is the one shown.
        let show = try sandbox.welltree(["milestone", "show", Self.workload, "1", "--format", "json"])
        #expect(show.status == 0, "\(show)")
        #expect(show.stdout.contains("/001-initial-review\""), "\(show)")
        Self.log("second tag numbered 1 on a branch commit, tagged by another principal", "not listed; show picks the owner's milestone 1")
    }

    /// Item 3: a tag named after another workload directory, or on a commit off the branch by
    /// the owner, is not attributed either.
    @Test func aTagNamedForAnotherDirectoryOrOffTheBranchIsNotAttributed() throws {
        let (sandbox, id) = try Self.sandbox()
        try Self.tag(
            sandbox, "welltree/elsewhere-\(id.prefix(8))/002-moved", message: Self.message(id: id, number: 2, name: "Moved", high: 1),
            identity: ("Alice Example", "alice@example.com"))
        try #require(try sandbox.git(["checkout", "-q", "-b", "side"]).status == 0)
        try #require(try sandbox.welltree(["answer", "update", Self.workload, "ops-model", "--none"]).status == 0)
        try Self.tag(
            sandbox, "welltree/\(Self.directory)-\(id.prefix(8))/003-side", message: Self.message(id: id, number: 3, name: "Side", high: 2),
            identity: ("Alice Example", "alice@example.com"))
        try #require(try sandbox.git(["checkout", "-q", "main"]).status == 0)
        let list = try sandbox.welltree(["milestone", "list", Self.workload])
        #expect(!list.stdout.contains("Moved") && !list.stdout.contains("Side"), "\(list)")
        #expect(list.stderr.contains("does not begin with welltree/\(Self.directory)-\(id.prefix(8))/"), "\(list)")
        #expect(list.stderr.contains("003-side is not listed"), "\(list)")
        Self.log("tag named for another directory; owner's tag on an unmerged branch", "neither listed, each warned with its reason")
    }

    /// Item 3: with the forger's key in allowed_signers, `verify` printed a good signature. A good
    /// signature counts only when its signer is the owner, and list and verify say who signed.
    @Test func aGoodSignatureByAnotherPrincipalIsNotTheOwnersMilestone() throws {
        let (sandbox, id) = try Self.sandbox()
        let alice = try Self.sshKey(sandbox, "alice_key")
        let mallory = try Self.sshKey(sandbox, "mallory_key")
        var signers = ""
        for (principal, key) in [("alice@example.com", alice), ("mallory@example.com", mallory)] {
            signers += "\(principal) namespaces=\"git\" \(try String(contentsOfFile: key + ".pub", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines))\n"
        }
        try signers.write(toFile: sandbox.home + "/allowed_signers", atomically: true, encoding: .utf8)
        try sandbox.git(["config", "--global", "gpg.ssh.allowedSignersFile", "~/allowed_signers"])
        try Self.tag(
            sandbox, "welltree/\(Self.directory)-\(id.prefix(8))/002-approved", message: Self.message(id: id, number: 2, name: "Approved", high: 1),
            identity: ("Alice Example", "alice@example.com"), key: mallory)
        try Self.tag(
            sandbox, "welltree/\(Self.directory)-\(id.prefix(8))/003-signed", message: Self.message(id: id, number: 3, name: "Signed", high: 1),
            identity: ("Alice Example", "alice@example.com"), key: alice)

        let forged = try sandbox.welltree(["milestone", "verify", Self.workload, "2"])
        #expect(forged.status == 2, "\(forged)")
        #expect(forged.stderr.contains("it is signed by mallory@example.com, not by the owner alice@example.com"), "\(forged)")
        #expect(!forged.stdout.contains("Good signature"))
        let genuine = try sandbox.welltree(["milestone", "verify", Self.workload, "3"])
        #expect(genuine.status == 0, "\(genuine)")
        #expect(genuine.stdout.contains("Good signature on milestone 3 \"Signed\" by alice@example.com"), "\(genuine)")
        let list = try sandbox.welltree(["milestone", "list", Self.workload])
        #expect(!list.stdout.contains("Approved"), "\(list)")
        #expect(list.stdout.contains("good (alice@example.com)"), "the signer is shown: \(list)")
        Self.log(
            "tag signed with the forger's key, listed in allowed_signers, tagger set to the owner",
            "verify exits 2 naming signer and owner; not listed; the owner's signed milestone shows good (alice@example.com)")
    }

    /// Item 10: a milestone's name and message fields reach the terminal escaped.
    @Test func aHostileTagMessageIsPrintedEscaped() throws {
        let (sandbox, id) = try Self.sandbox()
        let name = "Done\u{1B}]0;retitled\u{7}\u{1B}[2J"
        let message = Self.message(id: id, number: 2, name: name, high: 1)
            .replacingOccurrences(of: "Welltree-Recorded-At: 2026-12-01T10:00:00Z", with: "Welltree-Recorded-At: 2026\u{1B}[31m")
        try Self.tag(
            sandbox, "welltree/\(Self.directory)-\(id.prefix(8))/002-done", message: message, identity: ("Alice Example", "alice@example.com"))
        for arguments in [["milestone", "list", Self.workload], ["milestone", "show", Self.workload, "2"], ["milestone", "list", Self.workload, "--format", "json"]] {
            let result = try sandbox.welltree(arguments)
            #expect(result.status == 0, "\(arguments): \(HostileInputTests.visible(result.description))")
            #expect(OutputInjectionTests.rawControls(result.stdout + result.stderr).isEmpty, "\(arguments): raw control characters")
            #expect(result.stdout.contains("Done\\u{1B}]0;retitled") || result.stdout.contains("Done\\u001b]0;retitled"), "\(arguments)")
        }
        Self.log("Welltree-Milestone-Name and Recorded-At with escape sequences", "list, show and JSON print them escaped")
    }
}

