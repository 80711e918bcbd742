import Foundation
import ArgumentParser
import WelltreeCore

/// The options of `answer update`, shared with `template answer update` so a template answer is
/// written exactly as a workload's is.
struct AnswerUpdateOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Best practices to select, comma separated; replaces the selection.", valueName: "c1,c2"))
    var select: String?
    @Flag(help: "Select \"None of these\" (clears the other selections).")
    var none = false
    @Option(name: .customLong("choice-na"), help: ArgumentHelp("Mark a best practice not applicable (repeatable).", valueName: "choice[:reason[:notes]]"))
    var choiceNotApplicable: [String] = []
    @Option(name: .customLong("choice-applicable"), help: ArgumentHelp("Mark a best practice applicable again (repeatable).", valueName: "choice"))
    var choiceApplicable: [String] = []
    @Flag(help: "Mark the question as not applicable.")
    var notApplicable = false
    @Option(help: "Why the question does not apply: OUT_OF_SCOPE, BUSINESS_PRIORITIES, ARCHITECTURE_CONSTRAINTS, OTHER or NONE.")
    var reason: AnswerReason?
    @Flag(help: "Mark the question as applicable again.")
    var applicable = false
    @Option(help: "Question notes (at most 2084 characters; empty clears them).")
    var notes: String?

    /// What the options ask for, shared by `answer update` and `template answer update`.
    static let discussion = """
        --select replaces the selected best practices; --none selects the question's "None of these" \
        choice and clears the others. --choice-na marks a best practice not applicable: \
        CHOICE[:REASON[:NOTES]] with REASON one of OUT_OF_SCOPE, BUSINESS_PRIORITIES, \
        ARCHITECTURE_CONSTRAINTS, OTHER, NONE. --not-applicable marks the whole question as not \
        applying (its selections are kept and return with --applicable).
        """

    func validate() throws {
        if notApplicable && applicable { throw ValidationError("--not-applicable and --applicable exclude each other") }
        if reason != nil && !notApplicable { throw ValidationError("--reason goes with --not-applicable") }
    }

    /// The update these options describe; every malformed --choice-na is listed.
    func update() throws -> AnswerUpdate {
        var marks: [AnswerUpdate.ChoiceMark] = []
        var violations: [Violation] = []
        for text in choiceNotApplicable {
            let parts = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            var mark = AnswerUpdate.ChoiceMark(choiceId: parts[0])
            if parts.count > 1, !parts[1].isEmpty {
                if let reason = AnswerReason(argument: parts[1]) {
                    mark.reason = reason
                } else {
                    violations.append(
                        Violation(
                            field: "--choice-na", value: text,
                            rule: "has an unknown reason \"\(parts[1])\"; use one of \(AnswerReason.allValueStrings.joined(separator: ", "))"))
                }
            }
            if parts.count > 2 { mark.notes = parts[2] }
            marks.append(mark)
        }
        if !violations.isEmpty { throw WelltreeCore.ValidationError(violations) }
        return AnswerUpdate(
            select: select.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } },
            none: none, choiceNotApplicable: marks, choiceApplicable: choiceApplicable,
            notApplicable: notApplicable ? (reason ?? AnswerReason.none) : nil, applicable: applicable, notes: notes)
    }
}
