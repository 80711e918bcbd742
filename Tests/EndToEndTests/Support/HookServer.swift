import Foundation
import Testing

/// One git server (git-http-backend over loopback) and one review repository prepared on it
/// once for the whole test run, with the server hook installed: the attack tests each start
/// from a copy of it (`world()`) and of a clone of it, so preparing the state costs once, not
/// once per attack.
///
/// The prepared repository (every setup push went through the hook):
/// - alice@example.com administers it; `access.json` puts erin@example.com in group `ops`
///   and in account `123456789012`; `allowed_signers` trusts alice's, victor's and
///   mallory's SSH keys for their own principals; `requireSignedMilestones` is true.
/// - victor@example.com owns "Victim Workload" (one answer) and shares it with bob
///   (CONTRIBUTOR, accepted), carol (READONLY, accepted), `group:ops` (CONTRIBUTOR, pending)
///   and account `123456789012` (CONTRIBUTOR, accepted by erin). He also owned "Retired
///   Workload", shared with bob, and deleted it; and he created the branch `victor/draft`.
/// - mallory@example.com, a stranger to victor's workload, owns "Mallory Workload".
/// - `group:ops` and `123456789012` are also user logins the server accepts (spoofing
///   attempts), and `anonymous` pushes without REMOTE_USER (identified only by a signed push).
final class HookServer: @unchecked Sendable {
    static let password = "secret"
    static let alice = "alice@example.com"
    static let victor = "victor@example.com"
    static let bob = "bob@example.com"
    static let carol = "carol@example.com"
    static let mallory = "mallory@example.com"
    static let erin = "erin@example.com"
    static let groupLogin = "group:ops"
    static let accountLogin = "123456789012"
    static let anonymous = "anonymous"
    static let logins = [alice, victor, bob, carol, mallory, erin, groupLogin, accountLogin, anonymous]

    static let victimName = "Victim Workload"
    static let victimDirectory = "victim-workload"
    static let victimPath = "workloads/vi/victim-workload"
    static let malloryName = "Mallory Workload"
    static let malloryPath = "workloads/ma/mallory-workload"
    static let retiredName = "Retired Workload"

    /// The prepared server, built on first use; tests are skipped without git-http-backend.
    private static let shared = Result { () throws -> HookServer in try HookServer() }
    static func get() throws -> HookServer { try shared.get() }

    let sandbox: Sandbox
    let server: GitServer
    let victimId: String
    let retiredId: String
    let malloryId: String

    /// Removed when the test process exits, since a static is never deinitialised.
    nonisolated(unsafe) private static var root: String?

    private init() throws {
        sandbox = try Sandbox()
        Self.root = sandbox.root
        atexit {
            if let root = HookServer.root { try? FileManager.default.removeItem(atPath: root) }
        }
        server = try GitServer(
            root: sandbox.root + "/server", users: Dictionary(uniqueKeysWithValues: Self.logins.map { ($0, Self.password) }),
            environment: sandbox.environment)
        for person in ["alice", "victor", "mallory"] {
            let key = sandbox.home + "/\(person)_ed25519"
            try #require(try Run.program("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", person, "-f", key]).status == 0)
        }
        let bare = server.root + "/template.git"
        try #require(try sandbox.git(["init", "-q", "--bare", "-b", "main", bare], in: sandbox.root).status == 0)
        let installed = try sandbox.welltree(["hooks", "install", "--server", bare, "--admin", Self.alice], in: sandbox.root)
        try #require(installed.status == 0, "\(installed)")

        // Everyone acts in one clone, taking turns: the remote's credentials and
        // WELLTREE_PRINCIPAL name who acts, so the clone always holds what the server has.
        let (sandbox, server, repo) = (sandbox, server, sandbox.repo)
        func person(_ login: String) throws -> SharesServerTests.Clone {
            let clone = SharesServerTests.Clone(sandbox: sandbox, principal: login, path: repo)
            try #require(
                try clone.git(["remote", "set-url", "origin", server.url("template.git", user: login, password: Self.password)]).status == 0
            )
            return clone
        }
        try #require(
            try sandbox.git(["remote", "add", "origin", server.url("template.git", user: Self.alice, password: Self.password)]).status == 0)
        try #require(try sandbox.git(["config", "--add", "remote.origin.fetch", "refs/welltree/*:refs/welltree/*"]).status == 0)
        try #require(try sandbox.git(["fetch", "-q", "origin"]).status == 0)

        // Alice: groups, signing keys, signed milestones required.
        let alice = try person(Self.alice)
        try #require(try alice.welltree(["share", "group", "add", "ops", Self.erin]).status == 0)
        try #require(try alice.welltree(["share", "group", "add", Self.accountLogin, Self.erin]).status == 0)
        var signers = ""
        for person in ["alice", "victor", "mallory"] {
            let key = try String(contentsOfFile: sandbox.home + "/\(person)_ed25519.pub", encoding: .utf8)
            signers += "\(person)@example.com namespaces=\"git\" \(key.trimmingCharacters(in: .whitespacesAndNewlines))\n"
        }
        try alice.writeOnShares("allowed_signers", signers)
        let settings = try sandbox.read("welltree.json").replacingOccurrences(
            of: "\"requireSignedMilestones\": false", with: "\"requireSignedMilestones\": true")
        try alice.commitByHand("welltree.json", settings, message: "Require signed milestones")
        try Self.expectPushed(alice.git(["push", "-u", "origin", "main", "refs/welltree/shares"]))

        // Victor: his workload, shared four ways; a workload he deletes; a branch of his.
        let victor = try person(Self.victor)
        try #require(try victor.welltree(Self.createArguments(Self.victimName)).status == 0)
        try #require(try victor.welltree(["answer", "update", Self.victimName, "priorities", "--none"]).status == 0)
        try #require(try victor.welltree(Self.createArguments(Self.retiredName)).status == 0)
        try Self.expectPushed(victor.push(["main"]))
        for (principal, permission) in [
            (Self.bob, "contributor"), (Self.carol, "readonly"), ("group:ops", "contributor"), (Self.accountLogin, "contributor"),
        ] {
            let shared = try victor.welltree(["share", "create", Self.victimName, "--principal", principal, "--permission", permission])
            try #require(shared.status == 0, "\(shared)")
        }
        try #require(
            try victor.welltree(["share", "create", Self.retiredName, "--principal", Self.bob, "--permission", "contributor"]).status == 0)
        try Self.expectPushed(victor.push(["refs/welltree/shares"]))
        retiredId = try Self.workloadId(Self.retiredName, in: victor)
        try #require(try victor.welltree(["workload", "delete", Self.retiredName, "--yes"]).status == 0)
        try Self.expectPushed(victor.push(["main", "refs/welltree/shares"]))
        try #require(try victor.git(["checkout", "-q", "-b", "victor/draft"]).status == 0)
        try #require(try victor.welltree(["answer", "update", Self.victimName, "ops-model", "--none"]).status == 0)
        try Self.expectPushed(victor.push(["victor/draft"]))
        try #require(try victor.git(["checkout", "-q", "main"]).status == 0)
        try #require(try victor.git(["branch", "-q", "-D", "victor/draft"]).status == 0)
        victimId = try Self.workloadId(Self.victimName, in: victor)

        // The invitees answer: bob and carol accept, erin accepts for account 123456789012.
        for (login, invitee) in [(Self.bob, Self.bob), (Self.carol, Self.carol), (Self.erin, Self.accountLogin)] {
            let clone = try person(login)
            let invitations = try clone.welltree(["share", "invitations", "--format", "json"])
            let list = try #require(try JSONSerialization.jsonObject(with: Data(invitations.stdout.utf8)) as? [String: Any])
            let summaries = try #require(list["ShareInvitationSummaries"] as? [[String: Any]], "\(invitations)")
            let invitation = try #require(
                summaries.first { $0["SharedWith"] as? String == invitee && $0["WorkloadName"] as? String == Self.victimName },
                "\(invitations)")
            let id = try #require(invitation["ShareInvitationId"] as? String)
            let accepted = try clone.welltree(["share", "accept", id])
            try #require(accepted.status == 0, "\(accepted)")
            try Self.expectPushed(clone.push(["refs/welltree/shares"]))
        }

        // Mallory: a workload of her own.
        let mallory = try person(Self.mallory)
        try #require(try mallory.welltree(Self.createArguments(Self.malloryName)).status == 0)
        try Self.expectPushed(mallory.push(["main"]))
        malloryId = try Self.workloadId(Self.malloryName, in: mallory)
        try #require(try sandbox.git(["fetch", "-q", "origin"]).status == 0)
    }

    /// The arguments of `welltree workload create` for a workload named `name`.
    static func createArguments(_ name: String) -> [String] {
        [
            "workload", "create", "--name", name, "--description", "A workload", "--review-owner", "Someone",
            "--environment", "production", "--aws-region", "eu-west-1",
        ]
    }

    /// A file-system-safe name for a login.
    static func slug(_ login: String) -> String {
        String(login.prefix { $0 != "@" }).replacingOccurrences(of: ":", with: "-")
    }

    static func expectPushed(_ result: RunResult, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try #require(result.status == 0, "\(result)", sourceLocation: sourceLocation)
    }

    static func workloadId(_ name: String, in clone: SharesServerTests.Clone) throws -> String {
        let shown = try clone.welltree(["workload", "show", name, "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any]
        return try #require((object?["Workload"] as? [String: Any])?["WorkloadId"] as? String, "\(shown)")
    }

    /// A fresh copy of the prepared repository on the server, for one test to attack.
    func world() throws -> World {
        let name = "w" + UUID().uuidString.prefix(8).lowercased()
        let bare = server.root + "/\(name).git"
        let copied = try Run.program("cp", ["-a", server.root + "/template.git", bare])
        try #require(copied.status == 0, "\(copied)")
        return World(hookServer: self, name: name, bare: bare)
    }
}

/// One test's copy of the prepared repository, and its people's clones of it.
final class World {
    let hookServer: HookServer
    let name: String
    /// The bare repository on the server.
    let bare: String
    private var clones: [String: SharesServerTests.Clone] = [:]

    init(hookServer: HookServer, name: String, bare: String) {
        self.hookServer = hookServer
        self.name = name
        self.bare = bare
    }

    var sandbox: Sandbox { hookServer.sandbox }
    var victimId: String { hookServer.victimId }

    /// `login`'s clone of this world's repository (a copy of their prepared clone).
    func clone(_ login: String) throws -> SharesServerTests.Clone {
        if let clone = clones[login] { return clone }
        let path = sandbox.root + "/worlds/\(name)/" + HookServer.slug(login)
        try FileManager.default.createDirectory(atPath: sandbox.root + "/worlds/\(name)", withIntermediateDirectories: true)
        let copied = try Run.program("cp", ["-a", sandbox.repo, path])
        try #require(copied.status == 0, "\(copied)")
        let clone = SharesServerTests.Clone(sandbox: sandbox, principal: login, path: path)
        try #require(try clone.git(["remote", "set-url", "origin", url(as: login)]).status == 0)
        clones[login] = clone
        return clone
    }

    /// The repository's URL with `login`'s credentials.
    func url(as login: String) -> String {
        hookServer.server.url("\(name).git", user: login, password: HookServer.password)
    }

    /// Runs git on the server's bare repository, as its administrator at the console would.
    @discardableResult
    func serverGit(_ arguments: [String]) throws -> RunResult {
        try Run.program("git", ["--git-dir", bare] + arguments, environment: sandbox.environment)
    }

    /// The commit (or tag object) `reference` has on the server, or nil.
    func serverRef(_ reference: String) throws -> String? {
        let result = try serverGit(["rev-parse", "--verify", "-q", reference])
        return result.status == 0 ? result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) : nil
    }

    /// Puts `source` of `clone` on the server as `destination` without the hook, as damage done
    /// before the hook was installed (or by hand on the server) would: a fetch into the bare
    /// repository runs no receive hooks.
    func plant(_ source: String, from clone: SharesServerTests.Clone, as destination: String) throws {
        let fetched = try serverGit(["fetch", "-q", clone.path, "+\(source):\(destination)"])
        try #require(fetched.status == 0, "\(fetched)")
    }
}

extension SharesServerTests.Clone {
    /// `git push --force origin refspecs...`.
    func forcePush(_ refspecs: [String], options: [String] = []) throws -> RunResult {
        try git(["push", "--force"] + options.flatMap { ["-o", $0] } + ["origin"] + refspecs)
    }

    /// The commit id `revision` names in this clone.
    func revParse(_ revision: String) throws -> String {
        try git(["rev-parse", revision]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Builds a tree from `entries` (`mode type id\tname` lines, as `git ls-tree` prints them)
    /// with `git mktree --missing`, which, unlike `git add`, writes names git would refuse.
    func makeTree(_ entries: [String]) throws -> String {
        let file = sandbox.root + "/tree-" + UUID().uuidString
        try (entries.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let made = try Run.program("sh", ["-c", "git mktree --missing < '\(file)'"], in: path, environment: sandbox.environment)
        try #require(made.status == 0, "\(made)")
        return made.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Writes a raw tree object with `git hash-object --literally`, entry names taken as they
    /// are (`..`, `.git`, `a/b`): what a hostile client can send though no git command makes it.
    func rawTree(_ entries: [(mode: String, name: String, id: String)]) throws -> String {
        var bytes = Data()
        for entry in entries {
            bytes.append(Data("\(entry.mode) \(entry.name)".utf8))
            bytes.append(0)
            var hex = entry.id[...]
            while hex.count >= 2 {
                bytes.append(UInt8(hex.prefix(2), radix: 16)!)
                hex = hex.dropFirst(2)
            }
        }
        let file = sandbox.root + "/rawtree-" + UUID().uuidString
        try bytes.write(to: URL(fileURLWithPath: file))
        let written = try git(["hash-object", "-t", "tree", "-w", "--literally", file])
        try #require(written.status == 0, "\(written)")
        return written.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Replaces the tree at `path` (a directory of HEAD's tree) with `tree`, commits that with
    /// git plumbing on top of HEAD and moves the current branch there (the work tree is left as
    /// it was: it may not be able to hold what the tree names).
    func commitReplacingDirectory(_ path: String, with tree: String, message: String) throws {
        var current = tree
        var components = path.split(separator: "/").map(String.init)
        while let name = components.popLast() {
            let parent = components.joined(separator: "/")
            let listing = try git(["ls-tree", "HEAD" + (parent.isEmpty ? "" : ":" + parent)]).stdout
            var entries = listing.split(separator: "\n").map(String.init).filter { !$0.hasSuffix("\t" + name) }
            entries.append("040000 tree \(current)\t\(name)")
            current = try makeTree(entries)
        }
        let commit = try git(["commit-tree", current, "-p", "HEAD", "-m", message]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try #require(try git(["update-ref", "HEAD", commit]).status == 0)
    }
}
