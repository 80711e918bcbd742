import WelltreeCore
import WelltreeWorkspace

/// How a review ended.
package enum ReviewOutcome: Sendable, Equatable {
    /// "save" made this commit.
    case committed(ReviewSessionCommit)
    /// "save" found no answer that differs from the commit.
    case nothingToCommit
    /// The review ended without saving; this many answers wait in the work tree.
    case left(pending: Int)
}

/// The review without a terminal: one command per line from standard input (see
/// `ReviewScriptCommand`), the question page and each risk change on standard output, refused
/// lines on standard error. A refused line is skipped and the rest still run, so one typo does
/// not throw away a script's other answers; `failures` tells the command to exit with status 2.
package struct ScriptedReview {
    package var readLine: () -> String?
    package var output: (String) -> Void
    package var diagnostic: (String) -> Void
    package private(set) var failures = 0

    package init(readLine: @escaping () -> String?, output: @escaping (String) -> Void, diagnostic: @escaping (String) -> Void) {
        self.readLine = readLine
        self.output = output
        self.diagnostic = diagnostic
    }

    /// Runs the script to `save`, `quit` or the end of input. `restart` is where `discard`
    /// starts the review again (where the review was asked to start).
    package mutating func run(_ recorder: ReviewRecorder, session start: ReviewSession, restart: ReviewStart = .resume) -> ReviewOutcome {
        var session = start
        if !recorder.pending.isEmpty {
            diagnostic(
                "note: continuing with \(recorder.pending.count) uncommitted answer(s) of an earlier review "
                    + "(\(recorder.pending.map(\.questionId).joined(separator: ", "))); save commits them, --discard-pending drops them")
        }
        output(ReviewPageText.render(session))
        var lineNumber = 0
        while let line = readLine() {
            lineNumber += 1
            let command: ReviewScriptCommand
            do {
                guard let parsed = try ReviewScriptCommand.parse(line) else { continue }
                command = parsed
            } catch {
                fail(lineNumber, error.description)
                continue
            }
            let question = session.question.id
            let before = session.risk
            let answerBefore = session.answer
            do {
                switch command {
                case .show:
                    output(ReviewPageText.render(session))
                case .toggle(let numbers):
                    var copy = session
                    for number in numbers { try copy.toggle(number) }
                    session = copy
                case .none: try session.toggleNoneOn()
                case .notApplicable(let reason): try session.setNotApplicable(reason)
                case .applicable: try session.setNotApplicable(nil)
                case .choiceNotApplicable(let number, let reason, let notes):
                    try session.markNotApplicable(number, reason: reason, notes: notes)
                case .choiceApplicable(let number): try session.markApplicable(number)
                case .notes(let text): try session.setNotes(text)
                case .next:
                    if session.next() { output(ReviewPageText.render(session)) } else { fail(lineNumber, "this is the last question") }
                case .previous:
                    if session.previous() { output(ReviewPageText.render(session)) } else { fail(lineNumber, "this is the first question") }
                case .go(let id):
                    try session.go(toQuestion: id)
                    output(ReviewPageText.render(session))
                case .pillar(let name):
                    try session.go(toPillar: try session.pillarIndex(name))
                    output(ReviewPageText.render(session))
                case .unanswered:
                    if session.nextUnanswered() {
                        output(ReviewPageText.render(session))
                    } else {
                        output("Every other question is answered.\n")
                    }
                case .progress:
                    output(ReviewPageText.progress(session))
                case .help:
                    output(ReviewScriptCommand.grammar + "\n")
                case .discard:
                    do {
                        try recorder.discardPending(also: session.touched)
                    } catch {
                        fail(lineNumber, error.description)
                        continue
                    }
                    session = try recorder.restarted(session, start: restart)
                    output("Discarded; the committed answers are back\n")
                    output(ReviewPageText.render(session))
                    continue
                case .save:
                    do {
                        guard let commit = try recorder.save(session) else { return .nothingToCommit }
                        return .committed(commit)
                    } catch {
                        fail(lineNumber, error.description)
                        continue
                    }
                case .quit:
                    return .left(pending: session.pendingQuestions.count)
                }
            } catch {
                fail(lineNumber, error.description)
                continue
            }
            if session.question.id == question, session.answer != answerBefore {
                record(recorder, session, before: before, line: lineNumber)
            }
        }
        return .left(pending: session.pendingQuestions.count)
    }

    /// Writes the answer file when the command changed the answer, and reports the risk.
    private mutating func record(_ recorder: ReviewRecorder, _ session: ReviewSession, before: Risk, line: Int) {
        let question = session.question.id
        do {
            try recorder.write(session, question: question)
        } catch {
            fail(line, error.description)
            return
        }
        let after = session.risk
        output(before == after ? "\(question): risk \(after.rawValue)\n" : "\(question): risk \(before.rawValue) -> \(after.rawValue)\n")
    }

    private mutating func fail(_ line: Int, _ message: String) {
        failures += 1
        diagnostic("error: line \(line): \(message)")
    }
}

extension ReviewSession {
    /// Selects "None of these" (a script's `none` selects; it never clears).
    mutating func toggleNoneOn() throws(ReviewSessionError) {
        guard let none = question.noneOfTheseChoice else { throw .noNoneOfThese(question: question.id) }
        if answer?.selectedChoices.contains(none.id) == true { return }
        try toggleNone()
    }
}
