import Git
import WelltreeCore
import WelltreeWorkspace

/// The review session's link to the repository: what it starts from (committed answers, answers
/// an interrupted session left in the work tree) and where its changes go (each answer to the
/// work tree at once, all of them in one commit on save).
package final class ReviewRecorder {
    package let workspace: Workspace
    package let stored: StoredWorkload
    package let review: WorkloadLensReview
    /// The commit the session started from, for the conflict check on save.
    package let startedAt: ObjectID?
    /// Answer files of this workload and lens that differ from the commit, found at start.
    package private(set) var pending: [PendingAnswer]
    /// The lens and pillar notes of this lens review, as committed.
    package let notes: LensReviewNotes

    package init(workspace: Workspace, workload reference: String, lens alias: String?) throws(WorkspaceError) {
        self.workspace = workspace
        stored = try workspace.findWorkload(reference)
        review = try workspace.review(of: stored, lens: try workspace.appliedLens(stored, alias: alias))
        startedAt = workspace.base
        pending = try workspace.pendingAnswers(of: stored, lens: review.applied.alias)
        notes = try workspace.lensNotes(of: stored, lens: review.applied.alias)
    }

    package var lens: Lens { review.lens.lens }
    package var evaluator: LensEvaluator { review.lens.evaluator }
    package var alias: String { review.applied.alias }
    package var committed: [String: Answer] { review.answers.mapValues(\.answer) }

    /// The pending answers, as a session takes them over.
    package var pendingAnswers: [String: Answer?] {
        Dictionary(pending.map { ($0.questionId, $0.stored?.answer) }, uniquingKeysWith: { a, _ in a })
    }

    /// When each answer last changed, pending ones included: where the review left off.
    package var updatedAt: [String: String] {
        var result = review.answers.compactMapValues(\.updatedAt)
        for answer in pending { result[answer.questionId] = answer.stored?.updatedAt }
        return result
    }

    /// A session over this workload and lens, continuing the pending answers unless discarded.
    /// `first`: question ids walked before the others (the profile's prioritized questions).
    package func session(start: ReviewStart, continuing: Bool = true, first: Set<String> = []) throws(ReviewSessionError) -> ReviewSession {
        var session = try ReviewSession(
            lens: lens, evaluator: evaluator, committed: committed, pending: continuing ? pendingAnswers : [:],
            updatedAt: updatedAt, start: start, first: first)
        session.notes = notes
        return session
    }

    /// A new session over the committed answers, walking the questions in the same order as
    /// `session` (a profile's prioritized questions first, when it did): the review started
    /// again after `discardPending(also:)`.
    package func restarted(_ session: ReviewSession, start: ReviewStart) throws(ReviewSessionError) -> ReviewSession {
        try self.session(start: start, continuing: false, first: session.walkedFirst)
    }

    /// Writes the session's answer to `question` to the work tree.
    package func write(_ session: ReviewSession, question: String) throws(WorkspaceError) {
        try workspace.writePendingAnswer(session.answers[question], of: stored, lens: alias, question: question)
    }

    /// Puts the committed answers back over the pending ones, and over those of `also` (the
    /// questions a session changed since it started).
    package func discardPending(also touched: Set<String> = []) throws(WorkspaceError) {
        try workspace.discardPendingAnswers(of: stored, lens: alias, questions: touched.union(pending.map(\.questionId)).sorted())
        pending = []
    }

    /// Commits every answer the session touched, as one commit; nil when none differs from
    /// the commit. The repository is opened afresh, so commits made by others meanwhile are
    /// built upon (and a conflicting one refused), not lost.
    package func save(_ session: ReviewSession) throws(WorkspaceError) -> ReviewSessionCommit? {
        let current = try Workspace(headOf: workspace.repository, prefix: workspace.prefix)
        current.actingPrincipal = workspace.actingPrincipal
        return try current.commitReviewSession(
            ReviewSessionRequest(
                workload: stored.workload.id, lens: alias, questions: session.touched.sorted(), startedAt: startedAt))
    }
}
