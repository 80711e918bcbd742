import Foundation
import TestSupport
import Testing

/// Reading a repository that a push or a hand edit has damaged: one workload's files broken,
/// two directories claiming one workload id, symlinks in the work tree, files far over their
/// size limit. Reads that show every workload report the damaged one and show the rest (exit
/// 2, since the result is incomplete); lookups never resolve an ambiguous id or name to
/// whichever directory sorts first; nothing is ever read through a symlink.
@Suite("Damaged workspaces")
struct DamagedWorkspaceTests {
    static let retail = Sandbox.tutorialName
    static let retailDirectory = "workloads/re/retail-website-north-america"
    static let paymentsDirectory = "workloads/pa/payments"
    static let columns = ["Damage", "Expected", "Observed"]

    /// Two workloads, Retail (answered) and Payments, committed on main.
    static func twoWorkloads() throws -> Sandbox {
        let sandbox = try Sandbox()
        try #require(try sandbox.createTutorialWorkload().status == 0)
        try #require(try sandbox.welltree(["answer", "update", retail, "priorities", "--none"]).status == 0)
        let payments = try sandbox.welltree([
            "workload", "create", "--name", "Payments", "--description", "Card payments", "--review-owner", "Jane Doe",
            "--environment", "production",
        ])
        try #require(payments.status == 0, "\(payments)")
        return sandbox
    }

    static func record(_ damage: String, _ expected: String, _ result: RunResult) {
        let first = (result.stderr.split(separator: "\n").first.map(String.init) ?? "")
        ReliabilityLog.record("Damaged workspaces", columns: columns, [damage, expected, "exit \(result.status): \(first.prefix(160))"])
    }

    // MARK: One damaged workload

    /// Each way of damaging Payments' files; the committed damage is read by every command.
    static let damages: [(name: String, file: String, damage: @Sendable (Sandbox) throws -> Void)] = [
        (
            "answer file replaced by a symlink", paymentsDirectory + "/answers/wellarchitected/priorities.json",
            { sandbox in
                let path = sandbox.repo + "/" + paymentsDirectory + "/answers/wellarchitected"
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
                try FileManager.default.createSymbolicLink(atPath: path + "/priorities.json", withDestinationPath: "/etc/hostname")
                try sandbox.git(["add", "-A"])
            }
        ),
        (
            "answer file replaced by a gitlink", paymentsDirectory + "/answers/wellarchitected/priorities.json",
            { sandbox in
                let head = try sandbox.git(["rev-parse", "HEAD"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
                try sandbox.git([
                    "update-index", "--add", "--cacheinfo", "160000,\(head),\(paymentsDirectory)/answers/wellarchitected/priorities.json",
                ])
            }
        ),
        (
            "answer file that is not JSON", paymentsDirectory + "/answers/wellarchitected/priorities.json",
            { sandbox in
                try sandbox.writeData(paymentsDirectory + "/answers/wellarchitected/priorities.json", Data("{\"selectedChoices\": [".utf8))
                try sandbox.git(["add", "-A"])
            }
        ),
        (
            "workload.json that is not JSON", paymentsDirectory + "/workload.json",
            { sandbox in
                try sandbox.writeData(paymentsDirectory + "/workload.json", Data("{ not json".utf8))
                try sandbox.git(["add", "-A"])
            }
        ),
        (
            "workload.json without the framework lens", paymentsDirectory + "/workload.json",
            { sandbox in
                try sandbox.editJSON(paymentsDirectory + "/workload.json") { $0["lenses"] = [["alias": "serverless", "version": "1.0"]] }
                try sandbox.git(["add", "-A"])
            }
        ),
        (
            "answer file of 300 KB", paymentsDirectory + "/answers/wellarchitected/priorities.json",
            { sandbox in
                let notes = String(repeating: "x", count: 300_000)
                try sandbox.writeData(
                    paymentsDirectory + "/answers/wellarchitected/priorities.json",
                    Data("{\"selectedChoices\": [], \"notes\": \"\(notes)\"}".utf8))
                try sandbox.git(["add", "-A"])
            }
        ),
        (
            "workload directory moved into another shard", "workloads/zz/payments",
            { sandbox in
                try FileManager.default.createDirectory(atPath: sandbox.repo + "/workloads/zz", withIntermediateDirectories: true)
                try sandbox.git(["mv", paymentsDirectory, "workloads/zz/payments"])
            }
        ),
    ]

    @Test(arguments: damages.indices)
    func readsReportTheDamagedWorkloadAndShowTheRest(_ index: Int) throws {
        let (name, file, damage) = Self.damages[index]
        let sandbox = try Self.twoWorkloads()
        try damage(sandbox)
        try #require(try sandbox.git(["commit", "-qm", "Damage"]).status == 0)
        for arguments in [
            ["dashboard"], ["workload", "list"], ["report", "consolidated", "--format", "markdown"],
            ["dashboard", "--format", "json"], ["report", "consolidated", "--format", "json"],
        ] {
            let result = try sandbox.welltree(arguments)
            Self.record("\(name): welltree \(arguments.joined(separator: " "))", "exit 2 naming the file; the other workload shown", result)
            #expect(result.status == 2, "\(arguments): \(result)")
            #expect(result.stderr.contains(file), "\(arguments): \(result)")
            #expect(result.stderr.contains("left out"), "\(arguments): \(result)")
            #expect(result.stdout.contains(Self.retail), "\(arguments): \(result)")
            #expect(!result.stdout.contains("Payments") || arguments.contains("consolidated"), "\(arguments): \(result)")
            #expect(!(result.stdout + result.stderr).contains(try Self.hostname()), "never the symlink's target")
        }
        let report = try sandbox.welltree(["report", "consolidated", "--format", "markdown"])
        #expect(report.stdout.contains("**Incomplete:** 1 workload could not be read"), "\(report)")
        // The undamaged workload is still reachable by every command that names it.
        #expect(try sandbox.welltree(["status", Self.retail]).status == 0)
        let validate = try sandbox.welltree(["validate", "--revision", "HEAD"])
        #expect(validate.status == 2, "\(validate)")
        #expect(validate.stderr.contains(file), "\(validate)")
    }

    static func hostname() throws -> String {
        let text = (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8)) ?? ""
        let name = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return name.isEmpty ? "\u{0}never" : name
    }

    // MARK: Hostile entry names

    /// Adds an entry named `name` to `directory` of HEAD's tree and commits it, writing the tree
    /// objects byte by byte as a hostile push could (git's own commands refuse such names).
    static func craftEntry(_ sandbox: Sandbox, in directory: String, named name: String) throws {
        let script = """
            import subprocess, sys
            repo, directory, name = sys.argv[1:4]
            def git(*args, data=None):
                return subprocess.run(["git", "-C", repo, *args], input=data, capture_output=True, check=True).stdout
            def tree_at(path):
                return git("rev-parse", f"HEAD:{path}" if path else "HEAD^{tree}").strip().decode()
            def entries(sha):
                data, result, i = git("cat-file", "tree", sha), [], 0
                while i < len(data):
                    space = data.index(b" ", i); nul = data.index(b"\\0", space)
                    result.append((data[i:space], data[space + 1:nul], data[nul + 1:nul + 21])); i = nul + 21
                return result
            def write(items):
                key = lambda item: item[1] + (b"/" if item[0] == b"40000" else b"")
                body = b"".join(m + b" " + n + b"\\0" + h for m, n, h in sorted(items, key=key))
                return git("hash-object", "-w", "-t", "tree", "--literally", "--stdin", data=body).strip().decode()
            blob = git("hash-object", "-w", "--stdin", data=b"{}\\n").strip().decode()
            parts = directory.split("/")
            sha = write(entries(tree_at(directory)) + [(b"100644", name.encode(), bytes.fromhex(blob))])
            for depth in range(len(parts) - 1, -1, -1):
                parent = "/".join(parts[:depth])
                kept = [e for e in entries(tree_at(parent)) if e[1] != parts[depth].encode()]
                sha = write(kept + [(b"40000", parts[depth].encode(), bytes.fromhex(sha))])
            commit = git("commit-tree", sha, "-p", "HEAD", "-m", "crafted").strip().decode()
            git("update-ref", "HEAD", commit)
            """
        let result = try Run.program("python3", ["-c", script, sandbox.repo, directory, name])
        try #require(result.status == 0, "\(result)")
    }

    @Test(arguments: ["..", ".git", ".GIT", "a/b.json", "bell\u{7}.json", "back\\slash.json"])
    func hostileEntryNamesAreReported(_ name: String) throws {
        let sandbox = try Self.twoWorkloads()
        try sandbox.git(["checkout", "-q", "-b", "change"])
        try Self.craftEntry(sandbox, in: Self.retailDirectory + "/answers/wellarchitected", named: name)
        let validate = try sandbox.welltree(["validate", "--revision", "HEAD"])
        Self.record(
            "tree entry named \(name.debugDescription) among answer files: welltree validate --revision HEAD",
            "exit 2 naming the entry", validate)
        #expect(validate.status == 2, "\(validate)")
        #expect(validate.stderr.contains("has a tree entry") || validate.stderr.contains("holds a backslash"), "\(validate)")
        #expect(!validate.stderr.unicodeScalars.contains("\u{7}"), "control characters are shown escaped")
        let check = try sandbox.welltree(["check", "--base", "main"])
        #expect(check.status == 2, "\(check)")
    }

    // MARK: Two directories, one id

    /// A copy of Retail's directory under another name, holding Retail's id.
    static func duplicated() throws -> (Sandbox, id: String) {
        let sandbox = try twoWorkloads()
        let copy = "workloads/zz/zz-copy"
        try FileManager.default.createDirectory(atPath: sandbox.repo + "/" + copy, withIntermediateDirectories: true)
        _ = try Run.program("cp", ["-R", sandbox.repo + "/" + retailDirectory + "/.", sandbox.repo + "/" + copy])
        try sandbox.editJSON(copy + "/workload.json") {
            $0["name"] = "Impostor"
            $0["owner"] = "mallory@example.com"
        }
        try sandbox.commitAll("Copy")
        let id = try sandbox.readJSON(retailDirectory + "/workload.json")["id"] as! String
        return (sandbox, id)
    }

    @Test func aDuplicatedIdIsNeverResolvedToOneDirectory() throws {
        let (sandbox, id) = try Self.duplicated()
        let dashboard = try sandbox.welltree(["dashboard"])
        Self.record(
            "second directory with a workload's id: welltree dashboard", "exit 2; both directories named; Payments shown", dashboard)
        #expect(dashboard.status == 2, "\(dashboard)")
        #expect(dashboard.stderr.contains("workloads/zz/zz-copy") && dashboard.stderr.contains(Self.retailDirectory), "\(dashboard)")
        #expect(dashboard.stdout.contains("Payments"))
        #expect(!dashboard.stdout.contains("Impostor"))
        for arguments in [["workload", "show", id], ["share", "list", id], ["milestone", "list", id], ["status", id]] {
            let result = try sandbox.welltree(arguments)
            Self.record(
                "second directory with a workload's id: welltree \(arguments.prefix(2).joined(separator: " ")) ID",
                "exit 2: id used by two directories", result)
            #expect(result.status == 2, "\(arguments): \(result)")
            #expect(result.stderr.contains("is used by 2 workload directories"), "\(arguments): \(result)")
        }
        sandbox.principal = "mallory@example.com"
        let share = try sandbox.welltree(["share", "create", id, "--principal", "mallory@example.com", "--permission", "contributor"])
        #expect(share.status == 2, "\(share)")
        let validate = try sandbox.welltree(["validate", "--revision", "HEAD"])
        #expect(validate.status == 2 && validate.stderr.contains("is already used by"), "\(validate)")
        #expect(try sandbox.welltree(["check"]).status == 2)
    }

    /// The pre-commit check (`validate --staged --changed`) finds a copied id without
    /// reading every workload when nothing arrived, and by one listing when one did.
    @Test func validateOfChangedFilesFindsACopiedIdAndName() throws {
        let sandbox = try Self.twoWorkloads()
        let copy = "workloads/pa/payments-2"
        try FileManager.default.createDirectory(atPath: sandbox.repo + "/" + copy, withIntermediateDirectories: true)
        _ = try Run.program(
            "cp", [sandbox.repo + "/" + Self.paymentsDirectory + "/workload.json", sandbox.repo + "/" + copy + "/workload.json"])
        try sandbox.git(["add", "-A"])
        let staged = try sandbox.welltree(["validate", "--staged", "--changed"])
        #expect(staged.status == 2, "\(staged)")
        #expect(staged.stderr.contains("\(copy)/workload.json: error: id "), "\(staged)")
        #expect(staged.stderr.contains("name \"Payments\" (spaces and case ignored) is already used by"), "\(staged)")
    }

    // MARK: Symlinks in the work tree

    @Test(arguments: ["json-target", "text-target", "directory"])
    func workTreeReadsNeverFollowSymlinks(_ variant: String) throws {
        let sandbox = try Self.twoWorkloads()
        let secret = sandbox.root + "/secret"
        try FileManager.default.createDirectory(atPath: secret + "/wellarchitected", withIntermediateDirectories: true)
        let content =
            variant == "text-target"
            ? "TOP-SECRET-TOKEN 12345\n" : "{\"selectedChoices\": [\"ops_priorities_no\"], \"notes\": \"TOP-SECRET-TOKEN\"}\n"
        try content.write(toFile: secret + "/wellarchitected/priorities.json", atomically: true, encoding: .utf8)
        let answers = sandbox.repo + "/" + Self.retailDirectory + "/answers"
        if variant == "directory" {
            try FileManager.default.removeItem(atPath: answers)
            try FileManager.default.createSymbolicLink(atPath: answers, withDestinationPath: secret)
        } else {
            try FileManager.default.removeItem(atPath: answers + "/wellarchitected/priorities.json")
            try FileManager.default.createSymbolicLink(
                atPath: answers + "/wellarchitected/priorities.json", withDestinationPath: secret + "/wellarchitected/priorities.json")
        }
        let validate = try sandbox.welltree(["validate"])
        Self.record(
            "answer \(variant == "directory" ? "directory" : "file") symlinked outside the repository (\(variant)): welltree validate",
            "exit 2: a symbolic link; the target never read", validate)
        #expect(validate.status == 2, "\(validate)")
        #expect(validate.stderr.contains("symbolic link"), "\(validate)")
        let diff = try sandbox.welltree(["diff"])
        #expect(diff.status == 2 || !diff.stdout.contains("ops_priorities_no"), "\(diff)")
        for result in [validate, diff, try sandbox.welltree(["diff", "--format", "json"])] {
            #expect(!(result.stdout + result.stderr).contains("TOP-SECRET"), "\(result)")
            #expect(!(result.stdout + result.stderr).contains("12345"), "\(result)")
        }
    }

    // MARK: Size limits

    @Test func oversizedFilesAreRefusedBeforeTheyAreParsed() throws {
        let sandbox = try Self.twoWorkloads()
        try sandbox.git(["checkout", "-q", "-b", "change"])
        let notes = String(repeating: "n", count: 2_000_000)
        let answer = "{\n  \"notes\": \"\(notes)\",\n  \"selectedChoices\": [\n    \"ops_priorities_no\"\n  ]\n}\n"
        try sandbox.writeData(Self.retailDirectory + "/answers/wellarchitected/priorities.json", Data(answer.utf8))
        let workTree = try sandbox.welltree(["validate"])
        Self.record("answer file of 2 MB in the work tree: welltree validate", "exit 2: over the limit, not read", workTree)
        #expect(workTree.status == 2, "\(workTree)")
        #expect(workTree.stderr.contains("over the limit of 262144 bytes"), "\(workTree)")
        try sandbox.commitAll("Big notes")
        let check = try sandbox.welltree(["check", "--base", "main"])
        Self.record("answer file of 2 MB on a branch: welltree check --base main", "exit 2: over the limit, not read", check)
        #expect(check.status == 2, "\(check)")
        #expect(check.stderr.contains("over the limit of 262144 bytes"), "\(check)")
        #expect(try sandbox.welltree(["answer", "show", Self.retail, "priorities"]).status == 2)
        #expect(try sandbox.welltree(["dashboard"]).status == 2)
    }

    /// A file just inside its limit is read as usual: the limits leave room for any valid file.
    @Test func aLongValidAnswerIsWithinTheLimit() throws {
        let sandbox = try Self.twoWorkloads()
        // 2,084 characters outside the Basic Multilingual Plane, each escaped as a surrogate pair.
        let notes = String(repeating: "\\ud83d\\ude00", count: 2084)
        let answer = "{\n  \"notes\": \"\(notes)\",\n  \"selectedChoices\": [\n    \"ops_priorities_no\"\n  ]\n}\n"
        try sandbox.writeData(Self.retailDirectory + "/answers/wellarchitected/priorities.json", Data(answer.utf8))
        try sandbox.commitAll("Escaped notes")
        let validate = try sandbox.welltree(["validate", "--revision", "HEAD"])
        #expect(validate.status == 0, "\(validate)")
        #expect(try sandbox.welltree(["dashboard"]).status == 0)
    }
}
