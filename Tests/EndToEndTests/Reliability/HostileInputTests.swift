import Foundation
import TestSupport
import Testing

/// Hostile input: names, notes, tags and lens texts with path separators, `..`, control and
/// right-to-left characters, huge strings and deep nesting; lenses either side of the 500 KB
/// limit; symlinks and submodules where workspace files belong; detached, shallow and bare
/// repositories. Each must end in a precise refusal or correct behaviour: never a crash, a write
/// outside the workspace, a corrupted file or a raw control character echoed to the terminal.
@Suite("Hostile input")
struct HostileInputTests {
    static let w = Sandbox.tutorialName
    static let columns = ["Input", "Expected", "Observed"]

    /// Runs `arguments` and checks the invariants every hostile input must keep.
    @discardableResult
    func attempt(
        _ sandbox: Sandbox, _ input: String, _ arguments: [String], refusal: String?, expected: String,
        in directory: String? = nil, checkRepository: Bool = true
    ) throws -> RunResult {
        let outside = sandbox.root + "/outside"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        let result = try sandbox.welltree(arguments, in: directory)
        #expect(result.status == 0 || result.status == 2, "\(input): no crash: \(result)")
        if let refusal {
            #expect(result.status == 2 && result.stderr.contains(refusal), "\(input): \(result)")
        } else {
            #expect(result.status == 0, "\(input): \(result)")
        }
        let controls = (result.stdout + result.stderr).unicodeScalars.filter {
            ($0.properties.generalCategory == .control && $0 != "\n") || $0 == "\u{202E}" && result.status != 0
        }
        #expect(controls.isEmpty, "\(input): raw control characters in the output")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty, "\(input): wrote outside the workspace")
        if checkRepository {
            #expect(try sandbox.fsckIsClean(), "\(input): fsck")
            #expect(try sandbox.porcelainStatus() == "", "\(input): work tree must equal HEAD")
        }
        let firstLine = (result.status == 0 ? result.stdout : result.stderr).split(separator: "\n").first.map(String.init) ?? ""
        let shown = firstLine.replacingOccurrences(of: sandbox.root + "/", with: "")
        let observed = "exit \(result.status): " + (shown.count > 150 ? String(shown.prefix(150)) + "…" : shown)
        ReliabilityLog.record("Hostile input", columns: Self.columns, [Self.visible(input), expected, Self.visible(observed)])
        return result
    }

    /// Text for the report: control and format characters as `\u{XXXX}`, so a right-to-left
    /// override in a case name cannot reorder the table.
    static func visible(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if [.control, .format].contains(scalar.properties.generalCategory) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static func createArguments(_ name: String, _ extra: [String] = []) -> [String] {
        [
            "workload", "create", "--name", name, "--description", "A shop", "--review-owner", "Jane Doe",
            "--environment", "production", "--aws-region", "us-east-1",
        ] + extra
    }

    @Test func workloadNamesTagsAndNotes() throws {
        let sandbox = try Sandbox()
        for (name, directory) in [
            ("../../outside/evil", "outside-evil"), ("a/b\\c", "a-b-c"), ("...", "workload"), ("rtl\u{202E}live", "rtl-live"),
        ] {
            try attempt(
                sandbox, "workload name \(name.debugDescription)", Self.createArguments(name), refusal: nil,
                expected: "accepted as data; directory workloads/\(directory.prefix(2))/\(directory)")
            #expect(FileManager.default.fileExists(atPath: sandbox.repo + "/workloads/\(directory.prefix(2))/\(directory)/workload.json"))
        }
        try attempt(
            sandbox, "workload name with ESC [31m", Self.createArguments("bad\u{1B}[31mred"),
            refusal: "must not contain control characters (found U+001B)", expected: "refused, value shown escaped")
        try attempt(
            sandbox, "workload name of 100,000 characters", Self.createArguments(String(repeating: "x", count: 100_000)),
            refusal: "must be 3 to 100 characters, not 100000", expected: "refused, value shortened")
        try attempt(
            sandbox, "notes with BEL and an RTL override", Self.createArguments("Notes shop", ["--notes", "x\u{202E}y\u{7}"]),
            refusal: "found U+0007", expected: "refused")
        try attempt(
            sandbox, "notes of 2085 characters", Self.createArguments("Long notes", ["--notes", String(repeating: "n", count: 2085)]),
            refusal: "--notes", expected: "refused (limit 2084)")
        try attempt(
            sandbox, "tag key \"../k\"", Self.createArguments("Tagged shop", ["--tag", "../k=v"]), refusal: nil,
            expected: "accepted as data (tags are never paths)")
        try attempt(
            sandbox, "workload reference \"../../etc\"", ["workload", "show", "../../etc"],
            refusal: "no workload", expected: "not found")
        try attempt(
            sandbox, "question id \"../../welltree\"", ["answer", "update", "a/b\\c", "../../welltree", "--none"],
            refusal: "no question", expected: "not found, nothing written")
        try attempt(
            sandbox, "answer notes of 100,000 characters",
            ["answer", "update", "a/b\\c", "priorities", "--none", "--notes", String(repeating: "n", count: 100_000)],
            refusal: "2084", expected: "refused")
        let base = sandbox.repo + "/workloads"
        var entries: [String] = []
        for shard in try FileManager.default.contentsOfDirectory(atPath: base) {
            entries += try FileManager.default.contentsOfDirectory(atPath: base + "/" + shard).map { shard + "/" + $0 }
        }
        #expect(entries.sorted() == ["a-/a-b-c", "ou/outside-evil", "rt/rtl-live", "ta/tagged-shop", "wo/workload"])
    }

    static func lensText(condition: String = "team_oncall_rota", questionId: String = "team_oncall", name: String = "Team Practices")
        -> String
    {
        Fixtures.teamLens.replacingOccurrences(of: "\"team_oncall_rota\", \"risk\"", with: "\(Self.json(condition)), \"risk\"")
            .replacingOccurrences(of: "\"id\": \"team_oncall\"", with: "\"id\": \(Self.json(questionId))")
            .replacingOccurrences(of: "\"Team Practices\"", with: Self.json(name))
    }

    static func json(_ text: String) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: text, options: [.fragmentsAllowed]), as: UTF8.self)
    }

    @Test func lensTexts() throws {
        let sandbox = try Sandbox()
        func importing(_ label: String, _ text: String, refusal: String?, expected: String) throws {
            let file = sandbox.root + "/" + label.filter { $0.isLetter || $0.isNumber }.prefix(40) + ".json"
            try text.write(toFile: file, atomically: true, encoding: .utf8)
            try attempt(sandbox, label, ["lens", "import", file], refusal: refusal, expected: expected)
        }
        try importing(
            "lens question id \"../evil\"", Self.lensText(questionId: "../evil"), refusal: "error", expected: "refused: invalid id")
        try importing(
            "lens condition nested 10,000 levels",
            Self.lensText(condition: String(repeating: "(", count: 10_000) + "team_oncall_rota" + String(repeating: ")", count: 10_000)),
            refusal: "nested deeper than 64 levels", expected: "refused")
        try importing(
            "lens condition of 200,000 `!`", Self.lensText(condition: String(repeating: "!", count: 200_000) + "team_oncall_rota"),
            refusal: "nested deeper than 64 levels", expected: "refused")
        try importing(
            "lens JSON nested 100,000 arrays",
            "{\"pillars\": " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}",
            refusal: "nesting deeper than 256 levels", expected: "refused")
        try importing(
            "lens name with NUL, ESC and an RTL override", Self.lensText(name: "Team\u{0}\u{1B}\u{202E}Practices"),
            refusal: "error", expected: "refused: restricted characters named as U+XXXX")
        let base = Self.lensText()
        try importing(
            "lens of 501 KB", base + String(repeating: " ", count: 501 * 1024 - base.utf8.count),
            refusal: "cannot exceed 500 KB", expected: "refused with the size")
        try importing(
            "lens of 499 KB", base + String(repeating: " ", count: 499 * 1024 - base.utf8.count),
            refusal: nil, expected: "imported")
        #expect(FileManager.default.fileExists(atPath: sandbox.repo + "/lenses/team-practices/draft.json"))
    }

    @Test func symlinksAndSubmodulesWhereWorkspaceFilesBelong() throws {
        let sandbox = try Sandbox()
        _ = try sandbox.createTutorialWorkload()
        let directory = "workloads/re/retail-website-north-america"
        // A symlink committed where the workload file belongs.
        let copy = try sandbox.copy()
        try FileManager.default.removeItem(atPath: copy.repo + "/\(directory)/workload.json")
        try FileManager.default.createSymbolicLink(atPath: copy.repo + "/\(directory)/workload.json", withDestinationPath: "/etc/passwd")
        try copy.git(["add", "-A"])
        try copy.git(["commit", "-qm", "plant a symlink"])
        try attempt(
            copy, "symlink committed as workload.json", ["workload", "list"],
            refusal: "expected a regular file, found a symbolic link", expected: "refused, the link is never followed")
        // A submodule (gitlink) committed where an answer file belongs.
        let head = try #require(try sandbox.commit())
        try sandbox.git(["update-index", "--add", "--cacheinfo", "160000,\(head),\(directory)/answers/wellarchitected/priorities.json"])
        try sandbox.git(["commit", "-qm", "plant a submodule"])
        try attempt(
            sandbox, "submodule committed as an answer file", ["status", Self.w],
            refusal: "expected a regular file, found a submodule", expected: "refused", checkRepository: false)
        // A symlink in the work tree where a directory of answers will be written.
        let fresh = try Sandbox()
        _ = try fresh.createTutorialWorkload()
        try FileManager.default.createDirectory(atPath: fresh.root + "/outside", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: fresh.repo + "/\(directory)/answers", withDestinationPath: fresh.root + "/outside")
        try attempt(
            fresh, "work-tree symlink to outside as the answers directory", ["answer", "update", Self.w, "priorities", "--none"],
            refusal: "is a symbolic link", expected: "refused before writing", checkRepository: false)
        #expect(try fresh.git(["rev-list", "--count", "HEAD"]).stdout.hasPrefix("2"))
    }

    @Test func detachedShallowAndBareRepositories() throws {
        let sandbox = try Sandbox()
        _ = try sandbox.createTutorialWorkload()
        #expect(try sandbox.welltree(["answer", "update", Self.w, "priorities", "--none"]).status == 0)
        // Detached HEAD: reading works, writing is refused.
        let detached = try sandbox.copy()
        try detached.git(["checkout", "-q", "--detach"])
        try attempt(detached, "detached HEAD: status", ["status", Self.w], refusal: nil, expected: "reads the checked-out commit")
        try attempt(
            detached, "detached HEAD: answer update", ["answer", "update", Self.w, "identities", "--none"],
            refusal: "HEAD is detached", expected: "refused")
        // Shallow clone: reads and writes work on the shallow history.
        let shallow = try Sandbox(initialise: false)
        try shallow.git(["clone", "-q", "--depth", "1", "file://" + sandbox.repo, shallow.repo], in: shallow.root)
        #expect(try shallow.git(["rev-parse", "--is-shallow-repository"]).stdout.hasPrefix("true"))
        try attempt(
            shallow, "shallow clone: answer update", ["answer", "update", Self.w, "identities", "--none"],
            refusal: nil, expected: "one commit on the shallow history")
        // Bare repository: nothing to update but the branch; reads and writes work.
        let bare = try Sandbox(initialise: false)
        let bareRepo = bare.root + "/bare.git"
        try bare.git(["clone", "-q", "--bare", sandbox.repo, bareRepo], in: bare.root)
        try attempt(
            bare, "bare repository: status", ["-C", bareRepo, "status", Self.w], refusal: nil,
            expected: "reads the branch", in: bare.root, checkRepository: false)
        try attempt(
            bare, "bare repository: answer update", ["-C", bareRepo, "answer", "update", Self.w, "identities", "--none"],
            refusal: nil, expected: "commits on the branch (no work tree to update)", in: bare.root, checkRepository: false)
        #expect(try bare.git(["fsck", "--no-dangling"], in: bareRepo).status == 0)
        #expect(try bare.git(["rev-list", "--count", "main"], in: bareRepo).stdout.hasPrefix("4"))
    }

    @Test func corruptedCommittedFiles() throws {
        let sandbox = try Sandbox()
        _ = try sandbox.createTutorialWorkload()
        let path = "workloads/re/retail-website-north-america/workload.json"
        let deep = String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000)
        for (label, content, refusal) in [
            ("workload.json nested 50,000 levels", deep, "nesting deeper than 256 levels"),
            ("workload.json truncated", "{\"name\": \"Ret", "unterminated string"),
            ("workload.json with invalid UTF-8", "{\"name\": \"\u{FFFD}\"}", "workload.json"),
        ] {
            let copy = try sandbox.copy()
            var bytes = Array(content.utf8)
            if label.contains("UTF-8") { bytes = Array("{\"name\": \"".utf8) + [0xC3, 0x28] + Array("\"}".utf8) }
            try Data(bytes).write(to: URL(fileURLWithPath: copy.repo + "/" + path))
            try copy.git(["commit", "-qam", "corrupt"])
            try attempt(copy, label, ["workload", "show", Self.w], refusal: refusal, expected: "refused naming the file and position")
        }
    }
}
