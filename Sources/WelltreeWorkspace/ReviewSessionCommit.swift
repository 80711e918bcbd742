import Git
import WelltreeCore

/// What a review session asks to commit: the answer files it wrote to the work tree.
package struct ReviewSessionRequest: Sendable, Equatable {
    /// The workload's id (or name).
    package var workload: String
    /// The alias of the reviewed lens.
    package var lens: String
    /// The questions whose answer files the session wrote; other changed files are left alone.
    package var questions: [String]
    /// The commit the session started from. An answer file committed since then by someone else
    /// is a conflict: committing the session's version would silently undo theirs.
    package var startedAt: ObjectID?

    package init(workload: String, lens: String, questions: [String], startedAt: ObjectID?) {
        self.workload = workload
        self.lens = lens
        self.questions = questions
        self.startedAt = startedAt
    }
}

/// The commit a review session made, with the numbers its message gives.
package struct ReviewSessionCommit: Sendable, Equatable {
    /// The new commit.
    package var commit: ObjectID
    /// The whole commit message: a subject line, then one line per changed question.
    package var message: String
    /// Questions whose committed answer changed and still has something recorded.
    package var answered: Int
    /// Questions whose answer was removed.
    package var cleared: Int
    /// High risks of the lens before and after the session.
    package var highRisksBefore: Int
    package var highRisksAfter: Int

    /// The first line of `message`.
    package var subject: String {
        message.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? message
    }

    /// "Review Retail Website - North America: 12 questions answered, HRIs 5 -> 3", with the lens
    /// alias after the name when it is not the framework lens, and the cleared count when some
    /// answers were removed.
    package static func subject(
        workload: String, lens: String, answered: Int, cleared: Int, highBefore: Int, highAfter: Int
    ) -> String {
        let name = lens == BuiltinLens.framework ? workload : "\(workload) (\(lens))"
        var parts = ["\(answered) question\(answered == 1 ? "" : "s") answered"]
        if cleared > 0 { parts.append("\(cleared) answer\(cleared == 1 ? "" : "s") cleared") }
        parts.append("HRIs \(highBefore) -> \(highAfter)")
        return "Review \(name): " + parts.joined(separator: ", ")
    }
}
