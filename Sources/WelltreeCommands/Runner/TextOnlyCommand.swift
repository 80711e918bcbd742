import ArgumentParser

/// A command that prints messages, not data (`init`, `workload delete`, `lens validate`, the
/// commands git runs): it takes `--format` as every command does, prints text, and refuses
/// `--format json` with exit status 2 before doing anything, naming the command that prints
/// what it shows or changes as JSON (`jsonInstead`).
///
/// The runner checks the refusal once (`WelltreeCommand.run(_:console:)`), so a command only
/// declares its option group and where its JSON is.
package protocol TextOnlyCommand: ConsoleCommand {
    /// `--format`, which takes `text` (the default) and refuses `json`.
    var format: TextFormatOptions { get }
    /// The command that prints, as JSON, what this one shows or changes: shown in the refusal,
    /// e.g. "welltree workload list --format json".
    static var jsonInstead: String { get }
}

/// The `--format` option of a command that prints messages only.
package struct TextFormatOptions: ParsableArguments {
    @Option(help: "Output format: text. This command prints messages only; json is refused, naming the command that prints its data as JSON.")
    package var format: OutputFormat = .text

    package init() {}
}

extension TextOnlyCommand {
    /// Throws the refusal of `--format json`, naming this command (`path`, as typed after
    /// `welltree`) and the one that would succeed.
    func refuseJSON(path: String) throws(CommandError) {
        guard format.format == .json else { return }
        throw .noJSON(command: path, instead: Self.jsonInstead)
    }
}

extension CommandError {
    /// The refusal of `--format json` by a command that prints no JSON (`path`, as typed after
    /// `welltree`), naming the command that prints its data as JSON (`instead`).
    static func noJSON(command path: String, instead: String) -> CommandError {
        .refused("welltree \(path) prints text only (--format json); for JSON use `\(instead)`")
    }
}

extension WelltreeCommand {
    /// The words that run `command` after `welltree` (`lens share delete`), found in the
    /// command tree; the command's own name when it is not in the tree.
    static func path(of command: any ParsableCommand.Type) -> String {
        func search(_ node: any ParsableCommand.Type, _ words: [String]) -> [String]? {
            if node == command { return words }
            for sub in node.configuration.subcommands {
                let name = sub.configuration.commandName ?? String(describing: sub).lowercased()
                if let found = search(sub, words + [name]) { return found }
            }
            return nil
        }
        let words = search(WelltreeCommand.self, []) ?? [command.configuration.commandName ?? String(describing: command)]
        return words.joined(separator: " ")
    }
}
