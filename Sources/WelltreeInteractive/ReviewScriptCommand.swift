import WelltreeCore

/// One line of a scripted review (standard input not a terminal). The grammar, also shown by
/// `welltree review --help`:
///
/// ```
/// show                          print the current question
/// toggle N [N ...]              select or clear best practices by number
/// none                          select "None of these"
/// na [REASON]                   the question does not apply (REASON default NONE)
/// applicable                    the question applies again
/// choice-na N [REASON [NOTES]]  best practice N does not apply, with up to 250 characters of notes
/// choice-applicable N           best practice N applies again
/// notes [TEXT]                  replace the notes (\n for a line break); no text clears them
/// next | prev                   move one question
/// goto QUESTION | pillar P      jump to a question id, or a pillar's number, id or name
/// unanswered                    the next unanswered question
/// progress                      answered questions per pillar
/// discard                       put the committed answers back over this review's and start again
/// save                          commit the session and stop
/// quit                          stop without committing (answers stay in the work tree)
/// ```
///
/// REASON is OUT_OF_SCOPE, BUSINESS_PRIORITIES, ARCHITECTURE_CONSTRAINTS, OTHER or NONE (any case,
/// `-` for `_`). Blank lines and lines starting with `#` are skipped.
package enum ReviewScriptCommand: Sendable, Equatable {
    case show
    case toggle([Int])
    case none
    case notApplicable(AnswerReason)
    case applicable
    case choiceNotApplicable(Int, AnswerReason, notes: String?)
    case choiceApplicable(Int)
    case notes(String)
    case next
    case previous
    case go(String)
    case pillar(String)
    case unanswered
    case progress
    case help
    case discard
    case save
    case quit

    /// The grammar, for `--help` and the `help` command.
    package static let grammar = """
        show                          print the current question
        toggle N [N ...]              select or clear best practices by number
        none                          select "None of these"
        na [REASON]                   the question does not apply (REASON default NONE)
        applicable                    the question applies again
        choice-na N [REASON [NOTES]]  best practice N does not apply, with up to 250 characters of notes
        choice-applicable N           best practice N applies again
        notes [TEXT]                  replace the notes (\\n for a line break); no text clears them
        next | prev                   move one question
        goto QUESTION | pillar P      jump to a question id, or a pillar's number, id or name
        unanswered                    the next unanswered question
        progress                      answered questions per pillar
        discard                       put the committed answers back over this review's and start again
        save                          commit the session and stop
        quit                          stop without committing (answers stay in the work tree)
        REASON: OUT_OF_SCOPE, BUSINESS_PRIORITIES, ARCHITECTURE_CONSTRAINTS, OTHER or NONE
        """

    /// The command on a line, nil for a blank or comment line, or why the line is not one.
    package static func parse(_ line: String) throws(ReviewScriptError) -> ReviewScriptCommand? {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return nil }
        let (verb, rest) = split(Substring(trimmed.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed()))
        let words = rest.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        func noArguments(_ command: ReviewScriptCommand) throws(ReviewScriptError) -> ReviewScriptCommand {
            guard words.isEmpty else { throw .usage(verb, "takes no arguments") }
            return command
        }
        switch verb.lowercased() {
        case "show": return try noArguments(.show)
        case "toggle":
            guard !words.isEmpty else { throw .usage(verb, "needs best-practice numbers: toggle 1 3") }
            var numbers: [Int] = []
            for word in words.flatMap({ $0.split(separator: ",") }) { numbers.append(try number(String(word), verb)) }
            return .toggle(numbers)
        case "none": return try noArguments(.none)
        case "na", "not-applicable":
            guard words.count <= 1 else { throw .usage(verb, "takes one REASON at most") }
            return .notApplicable(try words.first.map { word throws(ReviewScriptError) in try reason(word, verb) } ?? .none)
        case "applicable": return try noArguments(.applicable)
        case "choice-na":
            guard let first = words.first else { throw .usage(verb, "needs a best-practice number: choice-na 3 OUT_OF_SCOPE notes") }
            let n = try number(first, verb)
            let (_, afterNumber) = split(rest)
            let (reasonWord, notes) = split(afterNumber)
            let why = reasonWord.isEmpty ? AnswerReason.none : try reason(reasonWord, verb)
            return .choiceNotApplicable(n, why, notes: notes.isEmpty ? nil : unescape(notes))
        case "choice-applicable":
            guard words.count == 1 else { throw .usage(verb, "needs one best-practice number") }
            return .choiceApplicable(try number(words[0], verb))
        case "notes": return .notes(unescape(rest))
        case "next": return try noArguments(.next)
        case "prev", "previous": return try noArguments(.previous)
        case "goto", "question":
            guard words.count == 1 else { throw .usage(verb, "needs one question id") }
            return .go(words[0])
        case "pillar":
            guard !words.isEmpty else { throw .usage(verb, "needs a pillar number, id or name") }
            return .pillar(words.joined(separator: " "))
        case "unanswered": return try noArguments(.unanswered)
        case "progress": return try noArguments(.progress)
        case "help", "?": return try noArguments(.help)
        case "discard": return try noArguments(.discard)
        case "save": return try noArguments(.save)
        case "quit", "exit": return try noArguments(.quit)
        default: throw .unknown(verb)
        }
    }

    /// The first word and the text after it (its leading blanks removed).
    private static func split(_ text: Substring) -> (String, Substring) {
        let text = text.drop { $0 == " " || $0 == "\t" }
        guard let end = text.firstIndex(where: { $0 == " " || $0 == "\t" }) else { return (String(text), "") }
        return (String(text[..<end]), text[end...].drop { $0 == " " || $0 == "\t" })
    }

    private static func number(_ word: String, _ verb: String) throws(ReviewScriptError) -> Int {
        guard let value = Int(word), value > 0 else { throw .usage(verb, "\"\(word)\" is not a best-practice number") }
        return value
    }

    private static func reason(_ word: String, _ verb: String) throws(ReviewScriptError) -> AnswerReason {
        let key = word.uppercased().map { $0 == "-" ? "_" : $0 }
        guard let reason = AnswerReason(rawValue: String(key)) else {
            throw .usage(verb, "\"\(word)\" is not a reason; use one of \(AnswerReason.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return reason
    }

    /// `\n` is a line break and `\\` a backslash.
    private static func unescape(_ text: Substring) -> String {
        var result = ""
        var escaped = false
        for character in text {
            if escaped {
                result.append(character == "n" ? "\n" : character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        if escaped { result.append("\\") }
        return result
    }
}

/// A scripted line that is not a command.
package enum ReviewScriptError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknown(String)
    case usage(String, String)

    package var description: String {
        switch self {
        case .unknown(let verb): "unknown command \"\(verb)\" (help lists the commands)"
        case .usage(let verb, let problem): "\(verb): \(problem)"
        }
    }
}
