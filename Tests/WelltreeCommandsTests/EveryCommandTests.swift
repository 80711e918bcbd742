import Foundation
import Testing
import WelltreeCommands

/// Every command takes `-C DIR` and `--format`. The commands are found by walking the command
/// tree as ArgumentParser describes it (`--experimental-dump-help`), so a command added later is
/// covered without being listed here.
@Suite("Every command takes -C and --format")
struct EveryCommandTests {
    /// One runnable command of the tree, with placeholder values for what it requires.
    struct Leaf: CustomStringConvertible, Sendable {
        var words: [String]
        /// Placeholders for its required arguments and options.
        var required: [String]
        /// The values its `--format` accepts (empty when it has no `--format`).
        var formats: [String]
        var takesC: Bool

        var description: String { (["welltree"] + words).joined(separator: " ") }
    }

    /// The leaves of the command tree: every command that runs (ArgumentParser's own `help` aside).
    static let leaves: [Leaf] = {
        let sandbox = try! Sandbox(initialise: false)
        let dump = try! sandbox.welltree(["--experimental-dump-help"])
        precondition(dump.status == 0, "\(dump)")
        let root = try! JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as! [String: Any]
        var leaves: [Leaf] = []
        func walk(_ command: [String: Any], _ words: [String]) {
            let subcommands = command["subcommands"] as? [[String: Any]] ?? []
            if subcommands.isEmpty, words != ["help"] {
                var leaf = Leaf(words: words, required: [], formats: [], takesC: false)
                for argument in command["arguments"] as? [[String: Any]] ?? [] {
                    let names = (argument["names"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
                    let values = argument["allValues"] as? [String] ?? []
                    if names.contains("C") { leaf.takesC = true }
                    if names.contains("format") { leaf.formats = values }
                    guard argument["isOptional"] as? Bool != true, !names.contains("format") else { continue }
                    let value = values.first ?? "x"
                    if argument["kind"] as? String == "positional" {
                        leaf.required.append(value)
                    } else if let long = names.first(where: { $0.count > 1 }) {
                        leaf.required += ["--" + long, value]
                    }
                }
                leaves.append(leaf)
            }
            for sub in subcommands { walk(sub, words + [sub["commandName"] as! String]) }
        }
        walk(root["command"] as! [String: Any], [])
        return leaves
    }()

    @Test func theWalkFindsTheCommandTree() {
        let names = Set(Self.leaves.map(\.description))
        #expect(Self.leaves.count > 60, "\(Self.leaves.count) commands")
        for known in ["welltree lens validate", "welltree share admin add", "welltree hook pre-receive", "welltree dashboard"] {
            #expect(names.contains(known), "\(known) missing from \(names.sorted())")
        }
    }

    /// `-C DIR` and every value of `--format` parse for every command, and `-C` is honoured: run
    /// from outside the repository, no command says it is not in one. A command that prints no
    /// JSON refuses `--format json` with status 2 before doing anything, naming a command of the
    /// tree that does print it.
    @Test(arguments: leaves)
    func takesDirectoryAndFormat(_ leaf: Leaf) throws {
        #expect(leaf.takesC, "\(leaf) has no -C")
        #expect(!leaf.formats.isEmpty, "\(leaf) has no --format")
        let sandbox = try Sandbox()
        for format in leaf.formats {
            let result = try sandbox.welltree(leaf.words + leaf.required + ["-C", "reviews", "--format", format], in: sandbox.root)
            // A usage error may remain (a command's own rule between its options, such as
            // `lens diff`'s --base-version), but never about -C or --format.
            for refusal in ["Unknown option", "is invalid for '--format", "Missing expected argument", "not a git repository"] {
                #expect(!result.stderr.contains(refusal), "\(leaf) --format \(format): \(result)")
            }
        }
        if !leaf.formats.contains("json") {
            let refused = try sandbox.welltree(leaf.words + leaf.required + ["-C", "reviews", "--format", "json"], in: sandbox.root)
            #expect(refused.status == 2 && refused.stdout.isEmpty, "\(leaf): \(refused)")
            let prefix = "error: \(leaf) prints text only (--format json); for JSON use `welltree "
            #expect(refused.stderr.hasPrefix(prefix) && refused.stderr.hasSuffix(" --format json`\n"), "\(leaf): \(refused)")
            let named = refused.stderr.dropFirst(prefix.count).split(separator: " ").prefix { $0.first?.isLowercase == true }
            let target = Self.leaves.first { $0.words == named.map(String.init) }
            #expect(target?.formats.contains("json") == true, "\(leaf) names \(named), which prints no JSON")
        }
    }

    /// `lens export --format json` is ExportLens's response: the lens file, byte for byte, as
    /// the `LensJSON` string; `share export --format json` is refused before anything is read.
    @Test func lensExportJSONIsExportLensAndShareExportPointsAtShareList() throws {
        let sandbox = try Sandbox()
        let file = try sandbox.welltree(["lens", "export", "wellarchitected"])
        let json = try sandbox.welltree(["lens", "export", "wellarchitected", "--format", "json"])
        #expect(file.status == 0 && json.status == 0, "\(json)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["LensJSON"] && object["LensJSON"] as? String == file.stdout)
        let checker = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/tools/awsshape.py").path
        if FileManager.default.fileExists(atPath: checker) {
            let path = sandbox.root + "/export-lens.json"
            try json.stdout.write(toFile: path, atomically: true, encoding: .utf8)
            let check = try Run.program(checker, ["ExportLens", path])
            #expect(check.status == 0, "\(check)")
        }
        let share = try sandbox.welltree(["share", "export", "--format", "json"])
        #expect(share.status == 2 && share.stdout.isEmpty, "\(share)")
        #expect(share.stderr == "error: welltree share export prints text only (--format json); for JSON use `welltree share list WORKLOAD --format json`\n")
    }
}
