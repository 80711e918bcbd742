import ArgumentParser
import Foundation
import WelltreeCore
import WelltreeReports
import WelltreeWorkspace

/// `welltree textconv FILE`: git's `diff=welltree` textconv (hidden). Renders an answer file
/// with its question and best-practice titles and a workload file as labelled properties;
/// anything it cannot interpret is printed as it is, escaped for the terminal like everything else.
struct TextconvCommand: ConsoleCommand, TextOnlyCommand {
    static let configuration = CommandConfiguration(
        commandName: "textconv", abstract: "Render a workspace file for git diff (used by diff=welltree).",
        shouldDisplay: false)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var format: TextFormatOptions
    static let jsonInstead = "welltree answer show WORKLOAD QUESTION --format json"
    @Argument(help: "The file git hands over (a temporary copy of a blob, or the work-tree file).")
    var file: String

    func run(_ console: Console) throws {
        guard let data = FileManager.default.contents(atPath: global.file(file, console)) else {
            throw CommandError.refused("cannot read \(file)")
        }
        let bytes = Array(data)
        console.write(render(bytes, console) ?? TerminalText.block(String(decoding: bytes, as: UTF8.self)))
    }

    private func render(_ bytes: [UInt8], _ console: Console) -> String? {
        let name = (file as NSString).lastPathComponent
        if name.hasSuffix(Layout.workloadFileName), let workload = try? JSONNodeDecoder().decode(Workload.self, from: bytes) {
            return TextconvText.workload(workload)
        }
        guard name.hasSuffix(".json"), let stored = try? JSONNodeDecoder().decode(StoredAnswer.self, from: bytes) else { return nil }
        let (alias, questionId) = Self.answerIdentity(file)
        let view = StoredAnswerView(answer: stored.answer, updatedAt: stored.updatedAt)
        let (foundAlias, question) = lookUp(alias: alias, questionId: questionId, in: global.path(console))
        return TextconvText.answer(view, question: question, lensAlias: foundAlias ?? alias, questionId: questionId)
    }

    /// The lens alias (when the path shows it) and the question id of an answer file. git hands
    /// blobs over as temporary files named `XXXXXX_<question>.json`, keeping only the base name.
    static func answerIdentity(_ path: String) -> (alias: String?, question: String) {
        let parts = path.split(separator: "/").map(String.init)
        var name = String((parts.last ?? path).dropLast(5))
        if parts.count >= 3, parts[parts.count - 3] == Layout.answersDirectoryName {
            return (parts[parts.count - 2], name)
        }
        let prefix = name.prefix(7)
        if prefix.count == 7, prefix.last == "_", prefix.dropLast().allSatisfy({ $0.isLetter || $0.isNumber }) {
            name = String(name.dropFirst(7))
        }
        return (nil, name)
    }

    /// The question in the lens named by the path, else in the first lens that has it (the
    /// framework lens first). Lenses come from HEAD of the repository git runs in.
    private func lookUp(alias: String?, questionId: String, in directory: String) -> (String?, LensQuestion?) {
        guard let workspace = try? Workspace(at: directory) else { return (nil, nil) }
        var aliases = alias.map { [$0] } ?? []
        if alias == nil {
            let records = (try? workspace.allLensRecords()) ?? []
            aliases = [BuiltinLens.framework] + records.map(\.alias).filter { $0 != BuiltinLens.framework }
        }
        for candidate in aliases {
            if let lens = try? workspace.loadLens(candidate), let (_, question) = lens.lens.question(id: questionId) {
                return (candidate, question)
            }
        }
        return (nil, nil)
    }
}
