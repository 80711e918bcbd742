import ArgumentParser
import Foundation
import WelltreeCore
import WelltreeWorkspace

/// `welltree profile ...`.
struct ProfileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Profiles: a workload's business context, which prioritizes the framework lens's questions.",
        discussion: """
            The profile template (`profile-template.json`) and which choices prioritize which questions \
            (`profile-prioritization.json`) are Welltree's own and the workspace's: AWS has not published its own.
            """,
        subcommands: [
            Template.self, Create.self, List.self, Show.self, Update.self, Delete.self, Associate.self, Disassociate.self,
            Upgrade.self, Share.self,
        ]
    )
}

/// `--answer QUESTION=CHOICE[,CHOICE...]`, repeatable: a profile's answers as the workspace takes
/// them. `QUESTION=` (no choice) clears a question in an update.
struct ProfileAnswerOptions: ParsableArguments {
    @Option(
        name: .customLong("answer"),
        help: ArgumentHelp(
            "A profile question and the choices selected (repeatable): QUESTION=CHOICE[,CHOICE...]; `welltree profile template` lists them.",
            valueName: "question=choices"))
    var answers: [String] = []

    /// The answers by question id, or every malformed option listed (exit 2, nothing written).
    func parsed() throws(WorkspaceError) -> [String: [String]] {
        var result: [String: [String]] = [:]
        var violations: [Violation] = []
        for option in answers {
            guard let equals = option.firstIndex(of: "="), equals != option.startIndex else {
                violations.append(Violation(field: "--answer", value: option, rule: "must be QUESTION=CHOICE[,CHOICE...]"))
                continue
            }
            let question = String(option[..<equals])
            let choices = option[option.index(after: equals)...].split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            if choices.contains(where: \.isEmpty), choices != [""] {
                violations.append(Violation(field: "--answer", value: option, rule: "lists an empty choice id"))
                continue
            }
            if result[question] != nil {
                violations.append(Violation(field: "--answer", value: option, rule: "answers question \(question) a second time"))
                continue
            }
            result[question] = choices == [""] ? [] : choices
        }
        if !violations.isEmpty { throw .invalid(ValidationError(violations)) }
        return result
    }
}
