import ArgumentParser
import Foundation
import WelltreeCore

/// `welltree merge-driver %O %A %B %L %P`: git's `merge=welltree` driver (hidden).
///
/// Merges the two edits of a workspace file member by member (`DocumentMerge`), writes the
/// result into %A and exits 0; on a conflict it names the question or properties on stderr,
/// writes both versions between conflict markers into %A and exits 1, as git expects.
struct MergeDriverCommand: ConsoleCommand, TextOnlyCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-driver", abstract: "git merge driver for workspace files (used by merge=welltree).",
        shouldDisplay: false)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var format: TextFormatOptions
    static let jsonInstead = "welltree diff --format json"
    @Argument(help: "%O: the common ancestor's version.") var base: String
    @Argument(help: "%A: our version, which receives the result.") var ours: String
    @Argument(help: "%B: their version.") var theirs: String
    @Argument(help: "%L: conflict marker size.") var markerSize: Int = 7
    @Argument(help: "%P: the path in the repository.") var path: String = ""

    func run(_ console: Console) throws {
        func read(_ file: String) -> [UInt8] { FileManager.default.contents(atPath: global.file(file, console)).map { Array($0) } ?? [] }
        let outcome = DocumentMerge.merge(base: read(base), ours: read(ours), theirs: read(theirs))
        let subject = Self.subject(of: path.isEmpty ? ours : path)
        let result: [UInt8]
        var conflicted = true
        switch outcome {
        case .merged(let bytes):
            result = bytes
            conflicted = false
        case .conflict(let keys, let oursText, let theirsText):
            console.diagnostic("welltree merge: conflict in \(subject): both sides changed \(keys.joined(separator: ", ")) differently")
            result = DocumentMerge.conflictText(ours: oursText, theirs: theirsText, size: markerSize, oursLabel: "ours", theirsLabel: "theirs")
        case .unmergeable(let reason):
            console.diagnostic("welltree merge: conflict in \(subject): \(reason)")
            result = DocumentMerge.conflictText(ours: read(ours), theirs: read(theirs), size: markerSize, oursLabel: "ours", theirsLabel: "theirs")
        }
        do {
            try Data(result).write(to: URL(fileURLWithPath: global.file(ours, console)))
        } catch {
            throw CommandError.refused("cannot write the merge result to \(ours): \(error.localizedDescription)")
        }
        if conflicted { throw ExitCode(1) }
    }

    /// "question priorities of lens wellarchitected (workload retail)" or "workload retail".
    static func subject(of path: String) -> String {
        let parts = path.split(separator: "/").map(String.init)
        if let index = parts.lastIndex(of: "answers"), index >= 1, parts.count == index + 3 {
            let question = parts[index + 2].hasSuffix(".json") ? String(parts[index + 2].dropLast(5)) : parts[index + 2]
            return "question \(question) of lens \(parts[index + 1]) (workload \(parts[index - 1]))"
        }
        if parts.last == "workload.json", parts.count >= 2 { return "the properties of workload \(parts[parts.count - 2])" }
        return path
    }
}
