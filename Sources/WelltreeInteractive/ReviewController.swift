import WelltreeCore

/// What the driver must do after a key: the controller itself touches no files and no terminal.
package enum ReviewEffect: Sendable, Equatable {
    case none
    /// The answer to this question changed: write its file to the work tree now.
    case write(question: String)
    /// Commit the session and leave.
    case save
    /// Leave without committing; answers written so far stay in the work tree.
    case quit
    /// Put the committed answers back over the ones an interrupted session left, and start again.
    case discardPending
}

/// A line for the status area: what just happened, or why a key was refused.
package struct ReviewMessage: Sendable, Equatable {
    package var text: String
    package var isError: Bool

    package init(_ text: String, isError: Bool = false) {
        self.text = text
        self.isError = isError
    }
}

/// The interactive review's state machine: keys in, session changes and effects out.
///
/// Modes are the console's panels and dialogs: browsing a question, help, choosing a reason,
/// typing a best practice's notes, editing the question notes, choosing a pillar, and the offer
/// to continue an interrupted session. Tests drive it key by key without a terminal.
package struct ReviewController: Sendable {
    /// What a reason being chosen is for.
    package enum ReasonTarget: Sendable, Equatable {
        case question
        case choice(Int)
    }

    package enum Mode: Sendable, Equatable {
        case browse
        case help
        case resumeOffer(count: Int)
        case reason(ReasonTarget)
        case choiceNotes(number: Int, reason: AnswerReason, buffer: TextBuffer)
        case notes(TextBuffer)
        case pillar
    }

    /// The reasons in the order the pickers number them (1-5).
    package static let reasons: [AnswerReason] = [.outOfScope, .businessPriorities, .architectureConstraints, .other, .none]

    package private(set) var session: ReviewSession
    package private(set) var mode: Mode
    /// The highlighted best practice, from 0.
    package private(set) var focus = 0
    /// The first body line shown; the screen keeps the highlighted practice in view.
    package var scroll = 0
    /// False after PgUp or PgDn, until the highlight moves: the screen then leaves the scroll alone.
    package private(set) var followsFocus = true
    /// Digits typed towards a two-digit practice number.
    package private(set) var digits = ""
    package var message: ReviewMessage?
    /// Whether every practice's helpful-resource link is listed, not only the highlighted one's.
    package private(set) var showLinks: Bool
    /// Effects of a key that also ended a practice number, carried out before its own.
    private var queued: [ReviewEffect] = []

    /// `pendingCount` answers left by an interrupted session open the offer to continue with them.
    package init(session: ReviewSession, pendingCount: Int = 0, showLinks: Bool = true) {
        self.session = session
        self.showLinks = showLinks
        mode = pendingCount > 0 ? .resumeOffer(count: pendingCount) : .browse
    }

    /// Replaces the session (after discarding an interrupted session's answers) and browses it.
    package mutating func restart(with session: ReviewSession) {
        self.session = session
        mode = .browse
        moved()
    }

    /// Handles one key; the effects are to be carried out in order (a pending practice number
    /// is toggled before the key that ended it acts).
    package mutating func handle(_ key: Key) -> [ReviewEffect] {
        let effect = dispatch(key)
        let result = (queued + [effect]).filter { $0 != .none }
        queued = []
        return result
    }

    private mutating func dispatch(_ key: Key) -> ReviewEffect {
        if key == .control("l") { return .none }
        switch mode {
        case .browse: return browse(key)
        case .help:
            switch key {
            case .up, .pageUp: scroll = max(0, scroll - (key == .up ? 1 : 10))
            case .down, .pageDown: scroll += key == .down ? 1 : 10
            default:
                mode = .browse
                scroll = 0
                followsFocus = true
            }
            return .none
        case .resumeOffer: return resumeOffer(key)
        case .reason(let target): return reason(key, for: target)
        case .choiceNotes(let number, let reason, var buffer):
            if key == .enter {
                mode = .browse
                return change { (session: inout ReviewSession) throws(ReviewSessionError) in
                    try session.markNotApplicable(number, reason: reason, notes: buffer.text)
                }
            }
            if key == .escape {
                mode = .browse
                message = ReviewMessage("Not marked")
                return .none
            }
            edit(&buffer, key)
            mode = .choiceNotes(number: number, reason: reason, buffer: buffer)
            return .none
        case .notes(var buffer):
            switch key {
            case .control("d"), .control("s"):
                mode = .browse
                return change { (session: inout ReviewSession) throws(ReviewSessionError) in try session.setNotes(buffer.text) }
            case .escape:
                mode = .browse
                message = ReviewMessage("Notes unchanged")
                return .none
            case .enter:
                if !buffer.insert("\n") { message = limitMessage(buffer) }
            default:
                edit(&buffer, key)
            }
            mode = .notes(buffer)
            return .none
        case .pillar:
            mode = .browse
            if case .character(let c) = key, let digit = c.wholeNumberValue {
                do {
                    try session.go(toPillar: digit == 0 ? 9 : digit - 1)
                    moved()
                } catch {
                    message = ReviewMessage(error.description, isError: true)
                }
            }
            return .none
        }
    }

    // MARK: Browsing

    private mutating func browse(_ key: Key) -> ReviewEffect {
        if case .character(let c) = key, let digit = c.wholeNumberValue, c.isASCII {
            return typeDigit(digit)
        }
        if !digits.isEmpty {
            let effect = flushDigits()
            if key == .enter || key == .character(" ") { return effect }
            queued.append(effect)
            return browse(key)
        }
        let count = session.question.choices.count
        switch key {
        case .up, .character("k"):
            focus = max(0, focus - 1)
            followsFocus = true
        case .down, .character("j"):
            focus = min(count - 1, focus + 1)
            followsFocus = true
        case .pageUp:
            scroll = max(0, scroll - 10)
            followsFocus = false
        case .pageDown:
            scroll += 10
            followsFocus = false
        case .character(" "):
            return change { [focus] (session: inout ReviewSession) throws(ReviewSessionError) in try session.toggle(focus + 1) }
        case .character("n"):
            return change { (session: inout ReviewSession) throws(ReviewSessionError) in try session.toggleNone() }
        case .character("a"):
            if session.answer?.isApplicable == false {
                return change { (session: inout ReviewSession) throws(ReviewSessionError) in try session.setNotApplicable(nil) }
            }
            mode = .reason(.question)
            message = nil
        case .character("x"):
            let choice = session.question.choices[focus]
            if session.answer?.notApplicableChoices[choice.id] != nil {
                return change { [focus] (session: inout ReviewSession) throws(ReviewSessionError) in try session.markApplicable(focus + 1) }
            }
            if choice.isNoneOfThese {
                message = ReviewMessage(ReviewSessionError.noneOfTheseNotApplicable.description, isError: true)
            } else {
                mode = .reason(.choice(focus + 1))
                message = nil
            }
        case .character("e"):
            mode = .notes(TextBuffer(session.answer?.notes ?? "", limit: LensLimits.answerNotesLength, multiline: true))
            message = nil
        case .right, .enter, .character("]"):
            if session.next() { moved() } else { message = ReviewMessage("This is the last question; s saves and exits") }
        case .left, .character("["):
            if session.previous() { moved() } else { message = ReviewMessage("This is the first question") }
        case .character("u"):
            if session.nextUnanswered() { moved() } else { message = ReviewMessage("Every other question is answered") }
        case .character("p"):
            mode = .pillar
            message = nil
        case .character("l"): showLinks.toggle()
        case .character("?"), .character("h"):
            mode = .help
            scroll = 0
        case .character("s"): return .save
        case .character("q"), .control("c"): return .quit
        default: break
        }
        return .none
    }

    /// Two-digit numbers for questions with ten or more practices: a digit that could begin a
    /// longer number waits for the next key.
    private mutating func typeDigit(_ digit: Int) -> ReviewEffect {
        if digits.isEmpty && digit == 0 { return .none }
        digits += String(digit)
        let value = Int(digits) ?? 0
        if value * 10 > session.question.choices.count { return flushDigits() }
        message = ReviewMessage("Practice \(digits)…: type the next digit, or Enter")
        return .none
    }

    private mutating func flushDigits() -> ReviewEffect {
        let number = Int(digits) ?? 0
        digits = ""
        message = nil
        if (1...session.question.choices.count).contains(number) {
            focus = number - 1
            followsFocus = true
        }
        return change { (session: inout ReviewSession) throws(ReviewSessionError) in try session.toggle(number) }
    }

    private mutating func resumeOffer(_ key: Key) -> ReviewEffect {
        switch key {
        case .character("c"), .enter:
            mode = .browse
            message = ReviewMessage("Continuing; s commits these answers with the session's")
        case .character("d"): return .discardPending
        case .character("q"), .control("c"): return .quit
        default: break
        }
        return .none
    }

    private mutating func reason(_ key: Key, for target: ReasonTarget) -> ReviewEffect {
        let chosen: AnswerReason
        switch key {
        case .character(let c) where (1...Self.reasons.count).contains(c.wholeNumberValue ?? 0):
            chosen = Self.reasons[(c.wholeNumberValue ?? 1) - 1]
        case .enter: chosen = .none
        case .escape, .character("q"):
            mode = .browse
            message = ReviewMessage("Cancelled")
            return .none
        default: return .none
        }
        switch target {
        case .question:
            mode = .browse
            return change { (session: inout ReviewSession) throws(ReviewSessionError) in try session.setNotApplicable(chosen) }
        case .choice(let number):
            let existing = session.answer?.notApplicableChoices[session.question.choices[number - 1].id]?.notes ?? ""
            mode = .choiceNotes(
                number: number, reason: chosen, buffer: TextBuffer(existing, limit: LensLimits.choiceNotesLength, multiline: false))
            return .none
        }
    }

    // MARK: Helpers

    /// Applies a session change; the effect asks for the answer file to be written when it changed.
    private mutating func change(_ body: (inout ReviewSession) throws(ReviewSessionError) -> Bool) -> ReviewEffect {
        let question = session.question.id
        let before = session.risk
        do {
            guard try body(&session) else {
                message = ReviewMessage("No change")
                return .none
            }
        } catch {
            message = ReviewMessage(error.description, isError: true)
            return .none
        }
        let after = session.risk
        message = ReviewMessage(
            before == after
                ? "Saved to the work tree; risk \(after.label)" : "Saved to the work tree; risk \(before.label) → \(after.label)")
        return .write(question: question)
    }

    private mutating func moved() {
        focus = 0
        followsFocus = true
        scroll = 0
        digits = ""
        message = nil
    }

    private mutating func edit(_ buffer: inout TextBuffer, _ key: Key) {
        switch key {
        case .character(let c):
            if !buffer.insert(c) { message = limitMessage(buffer) }
        case .backspace: buffer.backspace()
        case .delete: buffer.deleteForward()
        case .left: buffer.left()
        case .right: buffer.right()
        case .up: buffer.up()
        case .down: buffer.down()
        case .home, .control("a"): buffer.lineStart()
        case .end, .control("e"): buffer.lineEnd()
        case .control("u"): buffer.clear()
        default: break
        }
    }

    private func limitMessage(_ buffer: TextBuffer) -> ReviewMessage {
        ReviewMessage("At most \(buffer.limit) characters", isError: true)
    }
}

extension Risk {
    /// How the review screen names a risk.
    package var label: String {
        switch self {
        case .unanswered: "unanswered"
        case .high: "high"
        case .medium: "medium"
        case .none: "none"
        case .notApplicable: "not applicable"
        }
    }
}

extension AnswerReason {
    /// How the pickers and the page name a reason.
    package var label: String {
        switch self {
        case .outOfScope: "Out of scope"
        case .businessPriorities: "Business priorities"
        case .architectureConstraints: "Architecture constraints"
        case .other: "Other"
        case .none: "No reason"
        }
    }
}
