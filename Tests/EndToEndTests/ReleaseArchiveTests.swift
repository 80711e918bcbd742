import Foundation
import Testing

/// The release archive built by `scripts/release`, unpacked and used as a team would, with
/// nothing from the build machine: PATH without a Swift toolchain, an empty HOME.
///
/// Building a release takes minutes the first time (a release build with the Swift runtime
/// linked in), so these tests run when `WELLTREE_RELEASE_TEST=1`, as `scripts/test` (and so
/// CI) sets after building the release binary once; scripts/release then only relinks and
/// packs it.
@Suite("the release archive", .serialized, .enabled(if: ReleaseArchive.isRequested, ReleaseArchive.skipMessage))
struct ReleaseArchiveTests {
    @Test func archiveHoldsWhatItPromisesAndMatchesItsChecksums() throws {
        let archive = try ReleaseArchive.shared.get()
        let sums = try Run.program("sha256sum", ["--check", "SHA256SUMS"], in: archive.directory)
        #expect(sums.status == 0 && sums.stdout.contains("\(archive.fileName): OK"), "\(sums)")

        let unpacked = try ReleaseArchive.unpack(archive, into: NSTemporaryDirectory() + "welltree-layout-" + UUID().uuidString)
        defer { try? FileManager.default.removeItem(atPath: unpacked.root) }
        let prefix = unpacked.prefix
        for path in [
            "bin/welltree", "share/welltree/workspace-template/welltree.json",
            "share/welltree/workspace-template/lenses/wellarchitected/versions/1.0.json",
            "share/welltree/workspace-template/.github/workflows/welltree.yml", "share/welltree/workspace-template/.gitlab-ci.yml",
            "share/welltree/hooks/pre-commit", "share/welltree/hooks/pre-receive", "share/welltree/hooks/update",
            "share/doc/welltree/README.md", "share/doc/welltree/LICENSE",
        ] {
            #expect(FileManager.default.fileExists(atPath: prefix + "/" + path), "missing \(path)")
        }
        #expect(FileManager.default.isExecutableFile(atPath: prefix + "/share/welltree/hooks/pre-commit"))
        #expect(try String(contentsOfFile: prefix + "/share/doc/welltree/LICENSE", encoding: .utf8).contains("Apache License"))

        // The version of the sources and the commit they were built from.
        let version = try String(contentsOfFile: ReleaseArchive.sourceRoot + "/VERSION", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(archive.fileName == "welltree-\(version)-linux-\(ReleaseArchive.architecture).tar.gz")
        let head = try Run.program("git", ["rev-parse", "HEAD"], in: ReleaseArchive.sourceRoot).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let printed = try Run.program(prefix + "/bin/welltree", ["--version"]).stdout
        #expect(printed == "\(version) (commit \(head))\n" || printed == "\(version) (commit \(head)+modified)\n", "\(printed)")

        // A manual page for every command, and the three shells' completions.
        let dump = try Run.program(prefix + "/bin/welltree", ["--experimental-dump-help"])
        let tool = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        let pages = try FileManager.default.contentsOfDirectory(atPath: prefix + "/share/man/man1")
        var missing: [String] = []
        func visit(_ command: [String: Any], path: [String]) {
            let name = path + [command["commandName"] as? String ?? "?"]
            if !pages.contains(name.joined(separator: ".") + ".1") { missing.append(name.joined(separator: " ")) }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] { visit(sub, path: name) }
        }
        visit(try #require(tool["command"] as? [String: Any]), path: [])
        #expect(missing.isEmpty, "no manual page for \(missing)")
        #expect(pages.contains("welltree.check.1") && pages.count > 40)
        #expect(try String(contentsOfFile: prefix + "/share/bash-completion/completions/welltree", encoding: .utf8).contains("complete -"))
        #expect(try String(contentsOfFile: prefix + "/share/zsh/site-functions/_welltree", encoding: .utf8).hasPrefix("#compdef welltree"))
        #expect(
            try String(contentsOfFile: prefix + "/share/fish/vendor_completions.d/welltree.fish", encoding: .utf8).contains(
                "complete -c 'welltree'"))

        // Run-time libraries: the C and C++ runtimes and GSSAPI, as README lists; neither
        // libgit2 nor any Swift library.
        let needed = try Run.program("readelf", ["-d", prefix + "/bin/welltree"]).stdout
            .split(separator: "\n").filter { $0.contains("(NEEDED)") }
            .compactMap { $0.split(separator: "[").last?.dropLast() }.map(String.init).sorted()
        #expect(!needed.isEmpty)
        let allowed = ["libc.so.6", "libm.so.6", "libstdc++.so.6", "libgcc_s.so.1", "libgssapi_krb5.so.2"]
        #expect(needed.allSatisfy { allowed.contains($0) || $0.hasPrefix("ld-linux") }, "\(needed)")
    }

    /// The path a team takes, from the unpacked archive alone: init, a workload answered, a
    /// signed milestone git verifies, the gate failing a branch with a new HRI, the client hook
    /// refusing an invalid commit, and the server hook installed from the archive refusing a
    /// push on a real git server.
    @Test(.timeLimit(.minutes(5)))
    func aTeamWorksFromTheUnpackedArchiveWithoutSwift() throws {
        let archive = try ReleaseArchive.shared.get()
        let root = NSTemporaryDirectory() + "welltree-release-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let unpacked = try ReleaseArchive.unpack(archive, into: root + "/opt")
        let home = root + "/home"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: home).isEmpty)
        let environment = [
            "PATH": unpacked.prefix + "/bin:/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8", "TMPDIR": root,
        ]
        func run(_ program: String, _ arguments: [String], in directory: String? = nil, as principal: String? = nil) throws -> RunResult {
            var env = environment
            if let principal { env["WELLTREE_PRINCIPAL"] = principal }
            env["GIT_TERMINAL_PROMPT"] = "0"
            return try Run.program(program, arguments, in: directory ?? root, environment: env, inheritingEnvironment: false)
        }
        let noSwift = try run("sh", ["-c", "command -v swift swiftc || ldconfig -p 2>/dev/null | grep -c libswiftCore"])
        #expect(noSwift.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || noSwift.stdout == "0\n", "\(noSwift)")
        #expect(try run("which", ["welltree"]).stdout == unpacked.prefix + "/bin/welltree\n")

        for (key, value) in [
            ("user.name", "Alice Example"), ("user.email", "alice@example.com"), ("init.defaultBranch", "main"),
            ("gpg.format", "ssh"), ("user.signingkey", home + "/alice_ed25519.pub"),
            ("gpg.ssh.allowedSignersFile", home + "/allowed_signers"),
        ] {
            try #require(try run("git", ["config", "--global", key, value]).status == 0)
        }
        try #require(try run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "alice", "-f", home + "/alice_ed25519"]).status == 0)
        let publicKey = try String(contentsOfFile: home + "/alice_ed25519.pub", encoding: .utf8)
        try "alice@example.com namespaces=\"git\" \(publicKey)".write(toFile: home + "/allowed_signers", atomically: true, encoding: .utf8)

        // init and a workload, answered.
        let repo = root + "/reviews"
        let initialised = try run("welltree", ["init", repo])
        try #require(initialised.status == 0, "\(initialised)")
        let w = Sandbox.tutorialName
        let created = try run(
            "welltree",
            [
                "workload", "create", "--name", w, "--description", "Online retail storefront", "--review-owner", "Jane Doe",
                "--environment", "production", "--aws-region", "us-east-1",
            ], in: repo)
        try #require(created.status == 0, "\(created)")
        for (question, choices) in [
            (
                "backing-up-data",
                "rel_backing_up_data_identified_backups_data,rel_backing_up_data_secured_backups_data,rel_backing_up_data_automated_backups_data"
            ),
            ("priorities", "ops_priorities_ext_cust_needs"),
        ] {
            let answered = try run("welltree", ["answer", "update", w, question, "--select", choices], in: repo)
            try #require(answered.status == 0, "\(answered)")
        }

        // A signed milestone that git itself verifies.
        let milestone = try run("welltree", ["milestone", "create", w, "Version 1.0 - initial review", "--sign"], in: repo)
        try #require(milestone.status == 0, "\(milestone)")
        let tag = try run("git", ["tag", "--list", "welltree/*"], in: repo).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let verified = try run("git", ["tag", "-v", tag], in: repo)
        #expect(verified.status == 0 && verified.stderr.contains("Good \"git\" signature for alice@example.com"), "\(verified)")

        // The client hooks from the archive: an invalid answer file cannot be committed.
        let hooks = try run("welltree", ["hooks", "install"], in: repo)
        #expect(hooks.status == 0, "\(hooks)")
        #expect(
            FileManager.default.contents(atPath: repo + "/.git/hooks/pre-commit")
                == FileManager.default.contents(atPath: unpacked.prefix + "/share/welltree/hooks/pre-commit"))
        let answers = repo + "/workloads/re/retail-website-north-america/answers/wellarchitected/"
        try "{\"selectedChoices\": [\"no_such_choice\"]}\n".write(toFile: answers + "priorities.json", atomically: true, encoding: .utf8)
        try #require(try run("git", ["add", "-A"], in: repo).status == 0)
        let invalidCommit = try run("git", ["commit", "-qm", "Break an answer"], in: repo)
        #expect(invalidCommit.status != 0 && invalidCommit.stderr.contains("no_such_choice"), "\(invalidCommit)")
        try #require(try run("git", ["reset", "-q", "--hard"], in: repo).status == 0)

        // The gate fails a branch that stops backing up data.
        try #require(try run("git", ["checkout", "-q", "-b", "stop-backups"], in: repo).status == 0)
        try #require(try run("welltree", ["answer", "update", w, "backing-up-data", "--none"], in: repo).status == 0)
        let gate = try run("welltree", ["check", "--base", "main"], in: repo)
        #expect(gate.status == 1 && gate.stdout.contains("FAILED: 1 new high-risk issue"), "\(gate)")
        try #require(try run("git", ["checkout", "-q", "main"], in: repo).status == 0)

        // The server hook installed from the archive, on a git server with the same bare
        // environment, refuses a push by someone the workload is not shared with.
        try #require(GitServer.isAvailable, "needs git-http-backend and python3 (Debian packages git and python3)")
        let server = try GitServer(
            root: root + "/server", users: ["alice@example.com": "secret", "mallory@example.com": "secret"],
            environment: environment, inheritingEnvironment: false)
        let bare = server.root + "/reviews.git"
        try #require(try run("git", ["init", "-q", "--bare", "-b", "main", bare]).status == 0)
        let installed = try run("welltree", ["hooks", "install", "--server", bare, "--admin", "alice@example.com"])
        try #require(installed.status == 0, "\(installed)")
        #expect(try String(contentsOfFile: bare + "/hooks/pre-receive", encoding: .utf8).contains(unpacked.prefix + "/bin/welltree"))
        let aliceURL = server.url("reviews.git", user: "alice@example.com", password: "secret")
        try #require(try run("git", ["remote", "add", "origin", aliceURL], in: repo).status == 0)
        try #require(try run("git", ["fetch", "-q", "origin", "refs/welltree/shares:refs/welltree/shares"], in: repo).status == 0)
        let accepted = try run("git", ["push", "origin", "main", "--tags"], in: repo, as: "alice@example.com")
        #expect(accepted.status == 0, "\(accepted)")

        let mallory = root + "/mallory"
        let malloryURL = server.url("reviews.git", user: "mallory@example.com", password: "secret")
        try #require(try run("git", ["clone", "-q", malloryURL, mallory]).status == 0)
        try #require(try run("git", ["config", "user.email", "mallory@example.com"], in: mallory).status == 0)
        // She edits the answer by hand, as nothing on her side stops her.
        try "{\n  \"selectedChoices\": [\n    \"rel_backing_up_data_no\"\n  ]\n}\n".write(
            toFile: mallory + "/workloads/re/retail-website-north-america/answers/wellarchitected/backing-up-data.json",
            atomically: true, encoding: .utf8)
        try #require(try run("git", ["commit", "-qam", "No more backups"], in: mallory).status == 0)
        let refused = try run("git", ["push", "origin", "main"], in: mallory, as: "mallory@example.com")
        #expect(refused.status != 0, "\(refused)")
        #expect(refused.stderr.contains("mallory@example.com") && refused.stderr.contains("backing-up-data"), "\(refused)")
    }
}

extension ReleaseArchiveTests {
    /// The two ways README.md installs Welltree, run as written: its download command (with the
    /// release location pointed at the archive built here, through file://) into an empty HOME,
    /// and `scripts/install PREFIX` from this source tree; `welltree init` then works by name.
    @Test(.timeLimit(.minutes(5)))
    func theDocumentedInstallationsWork() throws {
        let archive = try ReleaseArchive.shared.get()
        let root = NSTemporaryDirectory() + "welltree-install-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let home = root + "/home"
        let downloads = root + "/downloads"
        for directory in [home, downloads] { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }

        let readme = try String(contentsOfFile: ReleaseArchive.sourceRoot + "/README.md", encoding: .utf8).split(separator: "\n")
        let assignment = try #require(readme.first { $0.hasPrefix("V=") }).replacingOccurrences(
            of: "https://github.com/OWNER/welltree/releases/download/v$V", with: "file://" + archive.directory)
        let download = try #require(readme.first { $0.hasPrefix("curl -fsSLO") })
        let version = try String(contentsOfFile: ReleaseArchive.sourceRoot + "/VERSION", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(assignment.hasPrefix("V=\(version) "), "README installs another version than VERSION: \(assignment)")
        #expect(assignment.contains("file://"), "README's release location changed: \(assignment)")
        let environment = ["PATH": "/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8"]
        let installed = try Run.program(
            "bash", ["-c", "set -e\n" + assignment + "\n" + download], in: downloads, environment: environment, inheritingEnvironment: false
        )
        #expect(installed.status == 0 && installed.stdout.contains(": OK"), "\(installed)")
        try "[user]\n\tname = Alice Example\n\temail = alice@example.com\n".write(
            toFile: home + "/.gitconfig", atomically: true, encoding: .utf8)
        var onPath = environment
        onPath["PATH"] = home + "/.local/bin:/usr/bin:/bin"
        let initialised = try Run.program("welltree", ["init", root + "/reviews"], environment: onPath, inheritingEnvironment: false)
        #expect(initialised.status == 0, "\(initialised)")
        #expect(FileManager.default.fileExists(atPath: root + "/reviews/lenses/wellarchitected/versions/1.0.json"))

        // A tampered download is refused before anything is unpacked.
        let tampered = root + "/tampered"
        try FileManager.default.createDirectory(atPath: tampered, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: archive.directory + "/SHA256SUMS", toPath: tampered + "/SHA256SUMS")
        try Data(repeating: 0x1F, count: 1024).write(to: URL(fileURLWithPath: tampered + "/" + archive.fileName))
        let refusedHome = root + "/refused-home"
        try FileManager.default.createDirectory(atPath: refusedHome, withIntermediateDirectories: true)
        let refused = try Run.program(
            "bash",
            [
                "-c",
                "set -e\n" + assignment.replacingOccurrences(of: "file://" + archive.directory, with: "file://" + tampered) + "\n"
                    + download,
            ],
            in: downloads, environment: ["PATH": "/usr/bin:/bin", "HOME": refusedHome], inheritingEnvironment: false)
        #expect(refused.status != 0 && (refused.stdout + refused.stderr).contains("FAILED"), "\(refused)")
        #expect(!FileManager.default.fileExists(atPath: refusedHome + "/.local/bin/welltree"))

        // scripts/install PREFIX from this source tree.
        let prefix = root + "/prefix"
        let fromSource = try Run.program(ReleaseArchive.sourceRoot + "/scripts/install", [prefix], in: ReleaseArchive.sourceRoot)
        #expect(fromSource.status == 0, "\(fromSource)")
        let printed = try Run.program(prefix + "/bin/welltree", ["--version"]).stdout
        #expect(printed.hasPrefix("\(version) (commit "), "\(printed)")
        #expect(FileManager.default.fileExists(atPath: prefix + "/share/welltree/workspace-template/welltree.json"))
        #expect(FileManager.default.fileExists(atPath: prefix + "/share/man/man1/welltree.init.1"))
    }
}

/// Builds the release archive once for the tests that need it, with `scripts/release`.
enum ReleaseArchive {
    static let sourceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let isRequested = ProcessInfo.processInfo.environment["WELLTREE_RELEASE_TEST"] == "1"
    static let skipMessage: Comment =
        "the release archive is built and tested when WELLTREE_RELEASE_TEST=1 (scripts/test sets it; a first release build takes minutes)"
    static var architecture: String {
        var name = utsname()
        uname(&name)
        let machine = withUnsafeBytes(of: name.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        return machine == "arm64" ? "aarch64" : machine
    }

    struct Built: Sendable {
        var directory: String
        var fileName: String
    }

    struct Unpacked {
        var root: String
        var prefix: String
    }

    /// scripts/release run once, into a temporary directory kept for the whole test run.
    static let shared: Result<Built, ReleaseError> = {
        let output = NSTemporaryDirectory() + "welltree-dist-" + UUID().uuidString
        do {
            let result = try Run.program(sourceRoot + "/scripts/release", ["--output", output, "--allow-dirty"], in: sourceRoot)
            guard result.status == 0 else { return .failure(ReleaseError(message: "scripts/release failed: \(result)")) }
            let names = try FileManager.default.contentsOfDirectory(atPath: output).filter { $0.hasSuffix(".tar.gz") }
            guard names.count == 1, let name = names.first else {
                return .failure(ReleaseError(message: "scripts/release wrote \(names), not one archive"))
            }
            return .success(Built(directory: output, fileName: name))
        } catch {
            return .failure(ReleaseError(message: "scripts/release could not run: \(error)"))
        }
    }()

    /// Unpacks `archive` below `directory`; the prefix is the archive's one top directory.
    static func unpack(_ archive: Built, into directory: String) throws -> Unpacked {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let result = try Run.program("tar", ["-xzf", archive.directory + "/" + archive.fileName, "-C", directory])
        try #require(result.status == 0, "\(result)")
        let top = try FileManager.default.contentsOfDirectory(atPath: directory)
        try #require(top == [String(archive.fileName.dropLast(".tar.gz".count))], "\(top)")
        return Unpacked(root: directory, prefix: directory + "/" + top[0])
    }

    struct ReleaseError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
