import Foundation
import TestSupport
import Testing
import WelltreeCommands

/// The root runner: one place turns what a command throws into messages and an exit status, and
/// commands print only through the console they are given.
@Suite("Command runner")
struct RunnerTests {
    @Test func versionAndHelpGoToStandardOutputWithStatusZero() throws {
        let sandbox = try Sandbox(initialise: false)
        let version = try sandbox.welltree(["--version"])
        #expect(version.status == 0 && version.stdout.hasPrefix(BuildInfo.version) && version.stderr.isEmpty, "\(version)")
        let help = try sandbox.welltree(["workload", "--help"])
        #expect(help.status == 0 && help.stdout.contains("SUBCOMMANDS:") && help.stderr.isEmpty, "\(help)")
        // A command group without its subcommand shows its help, as ArgumentParser's main does.
        let group = try sandbox.welltree(["workload"])
        #expect(group.status == 0 && group.stdout.contains("USAGE: welltree workload"), "\(group)")
    }

    @Test func usageErrorsAreArgumentParsersOnStandardError() throws {
        let sandbox = try Sandbox(initialise: false)
        let unknown = try sandbox.welltree(["workload", "list", "--no-such-option"])
        #expect(unknown.status == 64, "\(unknown)")
        #expect(unknown.stdout.isEmpty && unknown.stderr.contains("Unknown option '--no-such-option'"), "\(unknown)")
        let excluded = try sandbox.welltree(["validate", "--staged", "--revision", "HEAD"])
        #expect(excluded.status == 64 && excluded.stderr.contains("--staged and --revision exclude each other"), "\(excluded)")
    }

    /// `workload delete` without `--yes` ended the process with `exit(2)` from inside the
    /// library, so running it in-process ended the test run; now it throws and the runner maps it.
    @Test func aRefusalIsAnErrorLineAndStatusTwoWithNothingWritten() throws {
        let sandbox = try Sandbox()
        try #require(try sandbox.createTutorialWorkload().status == 0)
        let head = try sandbox.commit()
        let refused = try sandbox.welltree(["workload", "delete", Sandbox.tutorialName])
        #expect(refused.status == 2, "\(refused)")
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr == "error: deleting a workload removes its data from the branch; add --yes to confirm\n", "\(refused)")
        #expect(try sandbox.commit() == head)
    }

    @Test func workspaceErrorsAndViolationsAreListedOnePerLine() throws {
        let sandbox = try Sandbox()
        let missing = try sandbox.welltree(["workload", "show", "nothing here"])
        #expect(missing.status == 2 && missing.stderr.hasPrefix("error: no workload \"nothing here\""), "\(missing)")
        let invalid = try sandbox.welltree([
            "workload", "create", "--name", "ab", "--description", "x", "--review-owner", "Jane Doe", "--environment", "production",
        ])
        #expect(invalid.status == 2, "\(invalid)")
        let lines = invalid.stderr.split(separator: "\n")
        #expect(lines.count == 2 && lines.allSatisfy { $0.hasPrefix("error: ") }, "\(invalid)")
    }

    @Test func outsideARepositoryTheDirectoryIsNamed() throws {
        let sandbox = try Sandbox(initialise: false)
        let result = try sandbox.welltree(["-C", sandbox.root, "status", "x"])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr == "error: not a git repository (or any parent up to /): \(sandbox.root)\n", "\(result)")
    }

    /// The check's "found what it looks for" is status 1, thrown as `ExitCode(1)`.
    @Test func aFindingIsStatusOne() throws {
        let sandbox = try Sandbox()
        try #require(try sandbox.createTutorialWorkload().status == 0)
        try #require(try sandbox.welltree(["answer", "update", Sandbox.tutorialName, "identities", "--none"]).status == 0)
        let check = try sandbox.welltree(["check"])
        #expect(check.status == 1, "\(check)")
        #expect(check.stdout.contains("identities"), "\(check)")
    }

    /// Each command acts as the principal its console's environment names, so commands running
    /// side by side in one process keep their principals apart.
    @Test func thePrincipalComesFromTheConsole() throws {
        let sandbox = try Sandbox()
        try #require(try sandbox.createTutorialWorkload().status == 0)
        sandbox.principal = "mallory@example.com"
        let refused = try sandbox.welltree(["workload", "update", Sandbox.tutorialName, "--notes", "mine now"])
        #expect(refused.status == 2 && refused.stderr.contains("only its owner alice@example.com"), "\(refused)")
        sandbox.principal = "alice@example.com"
        #expect(try sandbox.welltree(["workload", "update", Sandbox.tutorialName, "--notes", "ours"]).status == 0)
    }

    /// As with `git -C`, a relative path on the command line starts from `-C DIR`. It started
    /// from the process's directory, so `welltree -C repo lens import team.json` could not find
    /// the file that sits in `repo`.
    @Test func relativePathsStartFromDashC() throws {
        let sandbox = try Sandbox()
        try sandbox.write("team.json", Fixtures.teamLens)
        let imported = try sandbox.welltree(["-C", "reviews", "lens", "import", "team.json"], in: sandbox.root)
        #expect(imported.status == 0, "\(imported)")
        let validated = try sandbox.welltree(["lens", "validate", "-C", sandbox.repo, "team.json"], in: sandbox.root)
        #expect(validated.status == 0 && validated.stdout.hasPrefix("ok  team.json"), "\(validated)")
        let report = try sandbox.welltree(["-C", "reviews", "report", "consolidated", "--output", "all.md"], in: sandbox.root)
        #expect(report.status == 0, "\(report)")
        #expect(FileManager.default.fileExists(atPath: sandbox.repo + "/all.md"))
    }
}

/// The console: the last line of defence against repository text acting on a terminal, and
/// progress only where a person watches.
@Suite("Console")
struct ConsoleTests {
    @Test func textIsEscapedOnTheWayOut() {
        let (console, captured) = Console.capturing(environment: [:], workingDirectory: "/")
        console.write("name\u{1B}]52;c;aGk=\u{07} and\tmore\nnext line\n")
        console.line("one\nline \u{202E}reversed")
        console.diagnostic("warning: \u{1B}[2J cleared")
        #expect(captured.stdout == "name\\u{1B}]52;c;aGk=\\u{7} and\tmore\nnext line\none\\u{A}line \\u{202E}reversed\n")
        #expect(captured.stderr == "warning: \\u{1B}[2J cleared\n")
    }

    @Test func documentsAndBinaryPassAsTheyAre() {
        let (console, captured) = Console.capturing(environment: [:], workingDirectory: "/")
        console.writeBytes([0x25, 0x50, 0x44, 0x46, 0x1B, 0x00])
        #expect(captured.stdoutBytes == [0x25, 0x50, 0x44, 0x46, 0x1B, 0x00])
    }

    @Test func progressIsDrawnOnlyOnATerminal() throws {
        for terminal in [false, true] {
            let (console, captured) = Console.capturing(environment: [:], workingDirectory: "/", terminal: terminal)
            var progress = console.progress("reading workloads", total: 10)
            Thread.sleep(forTimeInterval: 0.15)
            progress.update(5)
            progress.finish()
            #expect(captured.stderr == (terminal ? "\rreading workloads: 5/10\r\u{1B}[K" : ""))
        }
    }

    @Test func colourFollowsNoColorAndTerm() {
        #expect(Console.capturing(environment: [:], workingDirectory: "/").0.allowsColour)
        #expect(!Console.capturing(environment: ["NO_COLOR": "1"], workingDirectory: "/").0.allowsColour)
        #expect(!Console.capturing(environment: ["TERM": "dumb"], workingDirectory: "/").0.allowsColour)
    }
}
