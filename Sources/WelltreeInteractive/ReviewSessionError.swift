import WelltreeCore

/// Why a review session refused a request. The session is unchanged when one is thrown, so an
/// interactive review shows the message and carries on.
package enum ReviewSessionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A best-practice number outside 1...count.
    case noSuchChoice(number: Int, count: Int)
    /// The question has no "None of these" choice.
    case noNoneOfThese(question: String)
    /// Best practices cannot be toggled while the whole question is marked not applicable.
    case questionNotApplicable(question: String)
    /// "None of these" cannot itself be marked not applicable.
    case noneOfTheseNotApplicable
    /// Notes longer than the limit (question notes 2084, best-practice notes 250).
    case notesTooLong(length: Int, limit: Int)
    /// No pillar with that number, id or name.
    case unknownPillar(String, known: [String])
    /// No question with that id in the lens.
    case unknownQuestion(String)
    /// The core refused the change (unknown choice and the like).
    case invalid(ValidationError)

    package var description: String {
        switch self {
        case .noSuchChoice(let number, let count):
            return "no best practice \(number); this question has \(count) (1-\(count))"
        case .noNoneOfThese(let question):
            return "question \(question) has no \"None of these\" choice"
        case .questionNotApplicable(let question):
            return "question \(question) is marked not applicable; mark it applicable again first"
        case .noneOfTheseNotApplicable:
            return "\"None of these\" cannot be marked not applicable"
        case .notesTooLong(let length, let limit):
            return "notes are \(length) characters; at most \(limit) are allowed"
        case .unknownPillar(let name, let known):
            return "no pillar \"\(name)\"; pillars: \(known.joined(separator: ", "))"
        case .unknownQuestion(let id):
            return "no question \"\(id)\" in this lens"
        case .invalid(let error):
            return error.violations.map { "\"\($0.value)\" \($0.rule)" }.joined(separator: "; ")
        }
    }
}
