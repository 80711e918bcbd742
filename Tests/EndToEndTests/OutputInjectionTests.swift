import Foundation
import TestSupport
import Testing

/// Issue 16, items 6 and 10: text someone else pushed (a hand-written workload.json, an answer
/// file, a share file, a milestone tag) reaches every reader's terminal, Markdown comment and
/// HTML page escaped for that medium, never raw.
///
/// The repository is prepared as an attacker with push access would leave it: files written by
/// hand and committed with `git commit --no-verify` (no client hook stops them). Every output is
/// then read as a victim would read it.
@Suite("Output injection")
struct OutputInjectionTests {
    /// OSC 52: writes the reader's clipboard.
    static let osc52 = "\u{1B}]52;c;cm0gLXJmIH4=\u{7}"
    /// CSI 2J and cursor home: clears the screen.
    static let clear = "\u{1B}[2J\u{1B}[H"
    /// OSC 0: retitles the window; then a carriage return and an erased line.
    static let retitle = "\u{1B}]0;retitled\u{7}\r\u{1B}[2K"
    static let markdown = "\n# Injected heading\n- injected item\n[link](http://evil.example/x) ![img](http://evil.example/t.png) <script>alert(1)</script>"
    static let name = "Shop" + osc52 + clear + markdown
    static let notes = "Backups nightly" + retitle + "\u{202E}txt.exe\u{9B}31m" + markdown

    static let directory = "workloads/re/retail-website-north-america"
    static let answers = directory + "/answers/wellarchitected"

    /// A repository whose last commit, by an attacker, put hostile text everywhere: the
    /// workload's name, description, review owner, tags and notes, an answer's notes and a
    /// best practice's notes. The answer also adds a high risk, so `check` reports it.
    static func hostileRepository() throws -> (Sandbox, id: String) {
        let sandbox = try Sandbox()
        try #require(try sandbox.createTutorialWorkload().status == 0)
        try #require(try sandbox.welltree(["hooks", "install"]).status == 0)
        let path = sandbox.repo + "/" + directory + "/workload.json"
        var workload = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        let id = try #require(workload["id"] as? String)
        workload["name"] = name
        workload["description"] = "Storefront" + clear + markdown
        workload["reviewOwner"] = "Jane" + osc52
        workload["notes"] = notes
        workload["tags"] = ["team\u{1B}[31m": "red" + retitle]
        try write(workload, to: path)
        try FileManager.default.createDirectory(atPath: sandbox.repo + "/" + answers, withIntermediateDirectories: true)
        try write(
            [
                "selectedChoices": ["ops_priorities_no"], "notes": notes,
                "notApplicableChoices": ["ops_priorities_ext_cust_needs": ["reason": "OTHER", "notes": "n/a" + osc52 + markdown]],
            ], to: sandbox.repo + "/" + answers + "/priorities.json")
        try #require(try sandbox.git(["add", "-A"]).status == 0)
        let commit = try sandbox.git(["-c", "user.name=Mallory", "-c", "user.email=mallory@example.com", "commit", "-q", "--no-verify", "-m", "Tidy up"])
        try #require(commit.status == 0, "\(commit)")
        return (sandbox, id)
    }

    static func write(_ object: Any, to path: String) throws {
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted]).write(to: URL(fileURLWithPath: path))
    }

    /// The unsafe characters in `text` other than newline and tab.
    static func rawControls(_ text: String) -> [String] {
        text.unicodeScalars.filter { scalar in
            switch scalar.value {
            case 0x0A, 0x09: false
            case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: true
            default: false
            }
        }.map { "U+" + String($0.value, radix: 16, uppercase: true) }
    }

    /// Runs `arguments` and expects nothing raw on either stream; `shows` must appear in the
    /// output, proving the hostile text was printed (escaped) rather than left out.
    @discardableResult
    static func expectEscaped(
        _ sandbox: Sandbox, _ arguments: [String], shows: [String] = ["\\u{1B}"], status: Int32 = 0,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> RunResult {
        let result = try sandbox.welltree(arguments)
        let label = arguments.joined(separator: " ")
        #expect(result.status == status, "\(label): \(HostileInputTests.visible(result.description))", sourceLocation: sourceLocation)
        #expect(rawControls(result.stdout).isEmpty, "\(label): raw \(rawControls(result.stdout)) on stdout", sourceLocation: sourceLocation)
        #expect(rawControls(result.stderr).isEmpty, "\(label): raw \(rawControls(result.stderr)) on stderr", sourceLocation: sourceLocation)
        for text in shows {
            #expect((result.stdout + result.stderr).contains(text), "\(label) does not show \(text)", sourceLocation: sourceLocation)
        }
        ReliabilityLog.record(
            "Output injection", columns: ["Output", "Observed"],
            ["welltree " + HostileInputTests.visible(label), "exit \(result.status), no raw control character, shown as \\u{XXXX}"])
        return result
    }

    @Test("workload list, workload show, dashboard, status, improvements, answer show and list")
    func terminalOutputs() throws {
        let (sandbox, id) = try Self.hostileRepository()
        try Self.expectEscaped(sandbox, ["workload", "list"])
        let show = try Self.expectEscaped(sandbox, ["workload", "show", id], shows: ["Shop\\u{1B}]52;c;", "\\u{202E}txt.exe\\u{9B}31m"])
        // A line break in a one-line property is shown, not obeyed: no line of its own.
        #expect(!show.stdout.split(separator: "\n").contains { $0.hasPrefix("# Injected") })
        try Self.expectEscaped(sandbox, ["dashboard"])
        try Self.expectEscaped(sandbox, ["status", id], shows: ["Shop\\u{1B}"])
        try Self.expectEscaped(sandbox, ["improvements", id], shows: [])
        let answer = try Self.expectEscaped(sandbox, ["answer", "show", id, "priorities"], shows: ["Backups nightly\\u{1B}]0;retitled\\u{7}\\u{D}"])
        #expect(answer.stdout.contains("n/a\\u{1B}]52;c;"))
        try Self.expectEscaped(sandbox, ["answer", "list", id], shows: [])
        // Scripted review: the question page with the notes.
        try Self.expectEscaped(sandbox, ["review", id, "--question", "priorities"], shows: ["\\u{202E}txt.exe"])
    }

    @Test("JSON stays valid and carries the exact text, escaped")
    func jsonOutputs() throws {
        let (sandbox, id) = try Self.hostileRepository()
        let list = try Self.expectEscaped(sandbox, ["workload", "list", "--format", "json"], shows: ["\\u001b]52;c;"])
        let parsed = try #require(try sandbox.json(list) as? [String: Any])
        let summaries = try #require(parsed["WorkloadSummaries"] as? [[String: Any]])
        #expect(summaries.first?["WorkloadName"] as? String == Self.name)
        try Self.expectEscaped(sandbox, ["answer", "show", id, "priorities", "--format", "json"], shows: ["\\u202e", "\\u009b"])
    }

    @Test("diff: text, Markdown for a pull-request comment, and git's textconv")
    func diffOutputs() throws {
        let (sandbox, _) = try Self.hostileRepository()
        try Self.expectEscaped(sandbox, ["diff", "HEAD~1", "HEAD"], shows: ["Shop\\u{1B}]52;c;", "notes: (none) -> \"Backups nightly\\u{1B}"])
        let markdown = try Self.expectEscaped(sandbox, ["diff", "HEAD~1", "HEAD", "--format", "markdown"])
        try Self.expectRendersWithoutInjection(markdown.stdout, ownHeadings: 3)
        // git diff and git log -p run `welltree textconv` on workload and answer files.
        for arguments in [["log", "-p", "-1"], ["diff", "HEAD~1", "HEAD"]] {
            let git = try sandbox.git(arguments)
            #expect(git.status == 0, "\(git)")
            #expect(Self.rawControls(git.stdout).isEmpty, "git \(arguments.joined(separator: " ")): raw \(Self.rawControls(git.stdout))")
            #expect(git.stdout.contains("+Name: Shop\\u{1B}]52;c;"), "\(HostileInputTests.visible(git.stdout))")
            #expect(git.stdout.contains("+  Backups nightly\\u{1B}]0;retitled"))
            // The line break in the name cannot forge a line of its own.
            #expect(!git.stdout.contains("\n+# Injected heading"))
            ReliabilityLog.record(
                "Output injection", columns: ["Output", "Observed"],
                ["git " + arguments.joined(separator: " ") + " (textconv)", "no raw control character; no forged line"])
        }
    }

    @Test("check: text, Markdown, GitHub annotations and JUnit")
    func checkOutputs() throws {
        let (sandbox, _) = try Self.hostileRepository()
        // The gate validates the branch's changed files first: control characters in them are
        // refused (exit 2), the refusal escaped like everything else.
        try Self.expectEscaped(sandbox, ["check", "--base", "HEAD~1", "--head", "HEAD"], status: 2)
        // Judging HEAD alone reports the risks of every workload, hostile names included.
        try Self.expectEscaped(sandbox, ["check"], status: 1)
        let markdown = try Self.expectEscaped(sandbox, ["check", "--format", "markdown"], status: 1)
        try Self.expectRendersWithoutInjection(markdown.stdout, ownHeadings: 1)
        let github = try Self.expectEscaped(sandbox, ["check", "--format", "github"], status: 1)
        // One workflow command per line: nothing in a name can start another.
        #expect(github.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("::") }, "\(github.stdout)")
        try Self.expectEscaped(sandbox, ["check", "--format", "junit"], status: 1)
    }

    @Test("reports and the dashboard page in Markdown and HTML")
    func reports() throws {
        let (sandbox, id) = try Self.hostileRepository()
        let markdown = try Self.expectEscaped(sandbox, ["report", "workload", id, "--format", "markdown"])
        try Self.expectRendersWithoutInjection(markdown.stdout, ownHeadings: nil)
        for arguments in [["report", "workload", id, "--format", "html"], ["dashboard", "--format", "html"]] {
            let html = try Self.expectEscaped(sandbox, arguments)
            #expect(!html.stdout.contains("<script>") && !html.stdout.contains("<img"), "\(arguments)")
            #expect(html.stdout.contains("&lt;script&gt;"))
        }
    }

    @Test("the interactive review draws the hostile notes and name as text")
    func interactiveReview() throws {
        let (sandbox, id) = try Self.hostileRepository()
        let terminal = try TmuxTerminal(sandbox, ["review", id, "--question", "priorities"], width: 160, height: 50, colour: true)
        let screen = try terminal.waitFor("Backups nightly")
        #expect(screen.contains("Backups nightly\\u{1B}]0;retitled\\u{7}\\u{D}\\u{1B}[2K"))
        #expect(screen.contains("Shop\\u{1B}]52;c;"))
        let title = try terminal.tmux(["display-message", "-p", "#{pane_title}"]).stdout
        #expect(!title.contains("retitled"), "the review retitled the terminal: \(title)")
        // Welltree's own styling still reaches the terminal.
        #expect(try terminal.screen(escapes: true).contains("\u{1B}["))
        try terminal.press("q")
        ReliabilityLog.record(
            "Output injection", columns: ["Output", "Observed"],
            ["welltree review (tmux)", "notes and name drawn as \\u{XXXX} text; window title unchanged; own colours kept"])
    }

    @Test("error messages that quote the repository")
    func errors() throws {
        let (sandbox, id) = try Self.hostileRepository()
        sandbox.principal = "bob@example.com"
        try Self.expectEscaped(sandbox, ["answer", "update", id, "priorities", "--none"], shows: ["Shop\\u{1B}]52;c;"], status: 2)
        try Self.expectEscaped(sandbox, ["workload", "update", id, "--notes", "x"], shows: [], status: 2)
        // validate names the hostile values escaped.
        try Self.expectEscaped(sandbox, ["validate"], shows: ["found U+001B", "Shop\\u{1B}"], status: 2)
    }

    /// The rule the command line applies to notes, `validate` (and so the server hook, which runs
    /// the same validator) applies to answer files: no control character but newline and tab.
    @Test("answer notes with control characters: refused on the command line and by validate")
    func notesRules() throws {
        let (sandbox, id) = try Self.hostileRepository()
        let validate = try Self.expectEscaped(sandbox, ["validate"], shows: [], status: 2)
        #expect(validate.stderr.contains(Self.answers + "/priorities.json:"), "\(validate)")
        #expect(validate.stderr.contains("notes: must not contain control characters other than newline and tab (found U+001B)"))
        #expect(validate.stderr.contains("notApplicableChoices[\"ops_priorities_ext_cust_needs\"].notes: must not contain control characters"))
        let typed = try Self.expectEscaped(
            sandbox, ["answer", "update", id, "ops-model", "--none", "--notes", "ok" + Self.osc52],
            shows: ["--notes: \"ok\\u{1B}]52;c;", "found U+001B"], status: 2)
        #expect(!FileManager.default.fileExists(atPath: sandbox.repo + "/" + Self.answers + "/ops-model.json"), "\(typed)")
        try Self.expectEscaped(
            sandbox, ["answer", "update", id, "priorities", "--choice-na", "ops_priorities_int_cust_needs:OTHER:bad\u{7}"],
            shows: ["--choice-na notes", "found U+0007"], status: 2)
        // Newline and tab stay allowed.
        let fine = try sandbox.welltree(["answer", "update", id, "org-culture", "--none", "--notes", "line one\n\tline two"])
        #expect(fine.status == 0, "\(fine)")
    }

    /// Renders `markdown` as GitHub would and expects no heading, list item, link, image or
    /// script the hostile text asked for; `ownHeadings` is how many headings Welltree writes.
    static func expectRendersWithoutInjection(
        _ markdown: String, ownHeadings: Int?, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let html = try renderMarkdown(markdown)
        for tag in ["<img", "<script", "href=\"http://evil.example"] {
            #expect(!html.contains(tag), "Markdown made \(tag): \(html)", sourceLocation: sourceLocation)
        }
        #expect(!html.contains("<h1>Injected heading"), sourceLocation: sourceLocation)
        #expect(!html.contains("<li>injected item"), sourceLocation: sourceLocation)
        #expect(html.contains("# Injected heading") || html.contains("\\u{A}# Injected heading"), sourceLocation: sourceLocation)
        if let ownHeadings {
            let headings = html.components(separatedBy: "<h").count - 1
            #expect(headings == ownHeadings, "\(headings) headings: \(html)", sourceLocation: sourceLocation)
        }
        ReliabilityLog.record(
            "Output injection", columns: ["Output", "Observed"],
            ["Markdown rendered by cmark-gfm", "no injected heading, list item, link, image or script"])
    }

    /// cmark-gfm with GitHub's extensions, raw HTML allowed as GitHub allows some.
    static func renderMarkdown(_ markdown: String) throws -> String {
        let path = NSTemporaryDirectory() + "welltree-md-" + UUID().uuidString + ".md"
        try markdown.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try Run.program(
            "cmark-gfm", ["--unsafe", "--extension", "table", "--extension", "autolink", "--extension", "strikethrough", path])
        try #require(result.status == 0, "cmark-gfm: \(result)")
        return result.stdout
    }
}
