import ArgumentParser
import WelltreeCore

/// `welltree answer ...`.
struct AnswerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "answer",
        abstract: "Answer a lens's questions for a workload and read the answers.",
        subcommands: [Update.self, Confirm.self, Show.self, List.self]
    )
}

extension AnswerReason: ExpressibleByArgument {
    /// Accepts `OUT_OF_SCOPE`, `out-of-scope` or `out of scope`.
    public init?(argument: String) {
        let key = argument.uppercased().replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
        self.init(rawValue: key)
    }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

/// The workload and lens an answer command addresses.
struct AnswerTarget: ParsableArguments {
    @Argument(help: "The workload: its name (spaces and case ignored) or its id.", completion: .custom(Completions.workloads))
    var workload: String

    @Option(help: "The lens alias (default: wellarchitected).", completion: .custom(Completions.lenses))
    var lens: String?
}
