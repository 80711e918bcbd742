import Foundation
import TestSupport
import Testing

/// Issue 16, item 8: the smaller holes. Each test states the attack and the rule that now stops it.
@Suite("Smaller holes of the review record")
struct SmallHolesTests {
    static let directory = "workloads/re/retail-website-north-america"

    static func workloadFile(_ sandbox: Sandbox) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: sandbox.repo + "/" + directory + "/workload.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func writeWorkloadFile(_ sandbox: Sandbox, _ object: [String: Any]) throws {
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])
            .write(to: URL(fileURLWithPath: sandbox.repo + "/" + directory + "/workload.json"))
    }

    /// A workload that applies a lens the repository does not have passed `validate` (it was only
    /// looked up for answers) while `dashboard` failed on it. Now `validate` names it.
    @Test func validateRefusesAWorkloadApplyingAnUnknownLens() throws {
        let sandbox = try Sandbox()
        try #require(try sandbox.createTutorialWorkload().status == 0)
        var workload = try Self.workloadFile(sandbox)
        var lenses = try #require(workload["lenses"] as? [[String: Any]])
        lenses.append(["alias": "nosuchlens", "version": "1.0"])
        workload["lenses"] = lenses
        try Self.writeWorkloadFile(sandbox, workload)
        try #require(try sandbox.git(["commit", "-qam", "Apply a lens that does not exist", "--no-verify"]).status == 0)
        let dashboard = try sandbox.welltree(["dashboard"])
        #expect(dashboard.status == 2, "\(dashboard)")
        for arguments in [["validate"], ["validate", "--revision", "HEAD"]] {
            let validate = try sandbox.welltree(arguments)
            #expect(validate.status == 2, "\(validate)")
            #expect(validate.stderr.contains(Self.directory + "/workload.json:"), "\(validate)")
            #expect(validate.stderr.contains("lenses[1]: lens nosuchlens 1.0"), "\(validate)")
        }
        ReliabilityLog.record(
            "Smaller holes", columns: ["Attack", "Outcome"],
            ["workload.json applying an unknown lens alias", "validate exits 2 naming lenses[1] (dashboard fails on it too)"])
    }

    /// `group:../x` was accepted as a share principal (and so written to the shares file).
    @Test(arguments: ["group:../x", "group:", "group:a b", "group:ops/admins", "group:\u{202E}ops", "bob\u{1B}[2J@example.com"])
    func sharePrincipalsAreWellFormed(_ principal: String) throws {
        let sandbox = try Sandbox()
        try #require(try sandbox.createTutorialWorkload().status == 0)
        let before = try sandbox.git(["rev-parse", "-q", "--verify", "refs/welltree/shares"]).stdout
        let result = try sandbox.welltree(["share", "create", Sandbox.tutorialName, "--principal", principal, "--permission", "readonly"])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("--principal"), "\(result)")
        #expect(try sandbox.git(["rev-parse", "-q", "--verify", "refs/welltree/shares"]).stdout == before, "nothing written")
        ReliabilityLog.record(
            "Smaller holes", columns: ["Attack", "Outcome"],
            ["share create --principal \(HostileInputTests.visible(principal))", "refused, exit 2, nothing written"])
    }

    @Test func wellFormedGroupPrincipalsStillWork() throws {
        let sandbox = try Sandbox()
        try #require(try sandbox.createTutorialWorkload().status == 0)
        for principal in ["group:ops", "group:platform.team_1-a", "123456789012"] {
            let result = try sandbox.welltree(["share", "create", Sandbox.tutorialName, "--principal", principal, "--permission", "readonly"])
            #expect(result.status == 0, "\(result)")
        }
    }

    /// Deleting a workload left its pending invitations in the invitee's list, acceptable.
    @Test func deletingAWorkloadRevokesItsShares() throws {
        let sandbox = try Sandbox()
        try #require(try sandbox.createTutorialWorkload().status == 0)
        for principal in ["bob@example.com", "carol@example.com"] {
            try #require(try sandbox.welltree(["share", "create", Sandbox.tutorialName, "--principal", principal, "--permission", "readonly"]).status == 0)
        }
        sandbox.principal = "carol@example.com"
        let carolsInvitation = try #require(
            ((try sandbox.json(try sandbox.welltree(["share", "invitations", "--format", "json"])) as? [String: Any])?[
                "ShareInvitationSummaries"] as? [[String: Any]])?.first?["ShareInvitationId"] as? String)
        try #require(try sandbox.welltree(["share", "accept", carolsInvitation]).status == 0)
        sandbox.principal = "alice@example.com"
        let deleted = try sandbox.welltree(["workload", "delete", Sandbox.tutorialName, "--yes"])
        #expect(deleted.status == 0, "\(deleted)")
        #expect(deleted.stdout.contains("Revoked 2 shares (bob@example.com, carol@example.com)"), "\(deleted)")
        sandbox.principal = "bob@example.com"
        let invitations = try sandbox.welltree(["share", "invitations"])
        #expect(invitations.stdout.contains("No pending invitations."), "\(invitations)")
        let shares = try sandbox.git(["show", "refs/welltree/shares:workloads/\(try Self.deletedId(sandbox)).json"]).stdout
        #expect(!shares.contains("\"PENDING\"") && !shares.contains("\"ACCEPTED\""), "\(shares)")
        #expect(shares.components(separatedBy: "\"REVOKED\"").count == 3, "\(shares)")
        ReliabilityLog.record(
            "Smaller holes", columns: ["Attack", "Outcome"],
            ["accept an invitation to a deleted workload", "deleting revokes every pending and accepted share; nothing left to accept"])
    }

    static func deletedId(_ sandbox: Sandbox) throws -> String {
        let listing = try sandbox.git(["ls-tree", "--name-only", "refs/welltree/shares", "workloads/"]).stdout
        let name = try #require(listing.split(separator: "\n").first.map { String($0.dropFirst("workloads/".count).dropLast(5)) })
        return name
    }

    /// An invitee accepting wrote any `updatedAt` (a date years ahead, or before the invitation);
    /// the server hook, judging with the same core rule, refuses such a push, names the rule, and
    /// accepts the invitation answered by the command line.
    @Test(.enabled(if: GitServer.isAvailable, "needs git-http-backend and python3"), .timeLimit(.minutes(5)))
    func theServerBoundsTheTimeOfAnAnswer() throws {
        let sandbox = try Sandbox()
        let users = ["alice@example.com": "secret", "bob@example.com": "secret"]
        let server = try GitServer(root: sandbox.root + "/server", users: users, environment: sandbox.environment)
        let bare = server.root + "/reviews.git"
        try #require(try sandbox.git(["init", "-q", "--bare", "-b", "main", bare], in: sandbox.root).status == 0)
        try #require(try sandbox.welltree(["hooks", "install", "--server", bare, "--admin", "alice@example.com"], in: sandbox.root).status == 0)
        let alice = SharesServerTests.Clone(sandbox: sandbox, principal: "alice@example.com", path: sandbox.repo)
        try alice.git(["remote", "add", "origin", server.url("reviews.git", user: "alice@example.com", password: "secret")])
        try #require(try alice.git(["fetch", "-q", "origin", "refs/welltree/shares:refs/welltree/shares"]).status == 0)
        try #require(try sandbox.createTutorialWorkload().status == 0)
        try #require(try alice.push(["main"]).status == 0)
        try #require(try alice.welltree(["share", "create", Sandbox.tutorialName, "--principal", "bob@example.com", "--permission", "contributor"]).status == 0)
        let first = try alice.push(["refs/welltree/shares"])
        try #require(first.status == 0, "\(first)")
        let id = try Self.deletedId(sandbox)

        let path = sandbox.root + "/bob"
        try #require(try Run.program(
            "git", ["clone", "-q", server.url("reviews.git", user: "bob@example.com", password: "secret"), path],
            environment: sandbox.environment.merging(["GIT_TERMINAL_PROMPT": "0"]) { $1 }).status == 0)
        let bob = SharesServerTests.Clone(sandbox: sandbox, principal: "bob@example.com", path: path)
        try #require(try bob.git(["fetch", "-q", "origin", "refs/welltree/shares:refs/welltree/shares"]).status == 0)
        for (updatedAt, rule) in [("2099-01-01T00:00:00Z", "is in the future"), ("2001-01-01T00:00:00Z", "is before the invitation")] {
            try bob.editShares("workloads/\(id).json") { file in
                var shares = file["shares"] as? [[String: Any]] ?? []
                shares[0]["status"] = "ACCEPTED"
                shares[0]["updatedAt"] = updatedAt
                file["shares"] = shares
            }
            let push = try bob.push(["refs/welltree/shares"])
            #expect(push.status != 0, "\(push)")
            #expect(push.stderr.contains("updatedAt \(updatedAt) \(rule)"), "\(push)")
            try #require(try bob.git(["update-ref", "refs/welltree/shares", "origin/refs/welltree/shares"]).status == 0 ||
                bob.git(["fetch", "-q", "-f", "origin", "refs/welltree/shares:refs/welltree/shares"]).status == 0)
            ReliabilityLog.record(
                "Smaller holes", columns: ["Attack", "Outcome"],
                ["invitee pushes an acceptance dated \(updatedAt)", "push refused: updatedAt \(rule)"])
        }
        try #require(try bob.git(["fetch", "-q", "-f", "origin", "refs/welltree/shares:refs/welltree/shares"]).status == 0)
        let invitation = try #require(
            ((try sandbox.json(try bob.welltree(["share", "invitations", "--format", "json"])) as? [String: Any])?[
                "ShareInvitationSummaries"] as? [[String: Any]])?.first?["ShareInvitationId"] as? String)
        try #require(try bob.welltree(["share", "accept", invitation]).status == 0)
        let honest = try bob.push(["refs/welltree/shares"])
        #expect(honest.status == 0, "\(honest)")
    }

    /// Refusals and hints name commands; each must exist. Every "`welltree ...`" in the sources
    /// is run with `--help`, its words up to the first argument.
    @Test func everyCommandNamedInAMessageExists() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let sources = root.appendingPathComponent("Sources").path
        var commands: Set<[String]> = []
        let enumerator = try #require(FileManager.default.enumerator(atPath: sources))
        for case let path as String in enumerator where path.hasSuffix(".swift") {
            let text = try String(contentsOfFile: sources + "/" + path, encoding: .utf8)
            for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).hasPrefix("///") {
                var rest = Substring(line)
                while let start = rest.range(of: "`welltree ") {
                    let after = rest[start.upperBound...]
                    guard let end = after.firstIndex(of: "`") else { break }
                    let words = after[..<end].split(separator: " ").prefix { word in
                        word.allSatisfy { $0.isLowercase || $0 == "-" } && !word.hasPrefix("-")
                    }.map(String.init)
                    if !words.isEmpty { commands.insert(words) }
                    rest = after[after.index(after: end)...]
                }
            }
        }
        #expect(commands.contains(["milestone", "create"]))
        let sandbox = try Sandbox(initialise: false)
        for words in commands.sorted(by: { $0.joined(separator: " ") < $1.joined(separator: " ") }) {
            // Descend while the next word is a subcommand; a command without subcommands takes
            // the remaining words as arguments (`welltree review shop`).
            var path: [String] = []
            var help = try sandbox.welltree(["--help"]).stdout
            for word in words {
                let subcommands = Self.subcommands(of: help)
                if subcommands.isEmpty && !path.isEmpty { break }
                #expect(
                    subcommands.contains(word),
                    "`welltree \(words.joined(separator: " "))` is named in a message, but \(word) is no subcommand of `welltree \(path.joined(separator: " "))`")
                guard subcommands.contains(word) else { break }
                path.append(word)
                let result = try sandbox.welltree(path + ["--help"])
                #expect(result.status == 0, "\(result)")
                help = result.stdout
            }
        }
    }

    /// The subcommands a help text lists (empty for a command without any).
    static func subcommands(of help: String) -> [String] {
        guard let section = help.range(of: "SUBCOMMANDS:") else { return [] }
        var names: [String] = []
        for line in help[section.upperBound...].split(separator: "\n", omittingEmptySubsequences: false).dropFirst() {
            if line.isEmpty { break }
            if line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first { names.append(String(name)) }
        }
        return names
    }
}
