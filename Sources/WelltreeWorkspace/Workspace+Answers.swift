import Git
import WelltreeCore

/// A lens applied to a workload, with every answer and the computed review.
package struct WorkloadLensReview {
    package var applied: WorkloadLens
    package var lens: LoadedLens
    package var answers: [String: StoredAnswer]
    package var review: LensReview
    /// For each answer, the line of its file its risk follows from (`Answer.riskLine`), read
    /// with the answer: findings point there without reading the file again.
    package var lines: [String: Int]

    /// This review as the core's findings and risk diff read it, for the workload stored in
    /// the directory `directory` (`<dir>`).
    package func judged(directory: String) -> JudgedLens {
        let alias = applied.alias
        return JudgedLens(
            alias: alias, name: lens.record.name, version: lens.version, lens: lens.lens, answers: answers.mapValues(\.answer),
            review: review, lines: lines, answerFile: { Layout.answerFile(directory, lens: alias, question: $0) })
    }
}

/// An answer file as read: what it holds, and the line its risk follows from.
struct ParsedAnswer: Sendable {
    var stored: StoredAnswer
    var line: Int
}

extension WorkloadLensReview {
    /// The question `id` of the lens with its pillar, or an error listing the lens's questions.
    package func question(_ id: String) throws(WorkspaceError) -> (LensPillar, LensQuestion) {
        if let found = lens.lens.question(id: id) { return found }
        let ids = lens.lens.pillars.flatMap { $0.questions.map(\.id) }
        throw .notFound(what: "question", name: id, hint: "lens \(applied.alias) has questions: \(ids.joined(separator: ", "))")
    }

    /// The computed risk of question `id`.
    package func risk(of id: String) -> Risk {
        review.questions.first { $0.questionId == id }?.risk ?? .unanswered
    }
}

extension Workspace {
    /// The stored answers of one lens of a workload, keyed by question id.
    package func answers(of stored: StoredWorkload, lens alias: String) throws(WorkspaceError) -> [String: StoredAnswer] {
        try parsedAnswers(of: stored, lens: alias).mapValues(\.stored)
    }

    /// The answer files of one lens of a workload, keyed by question id, each parsed once (and
    /// remembered by blob id for the other side of a comparison).
    func parsedAnswers(of stored: StoredWorkload, lens alias: String) throws(WorkspaceError) -> [String: ParsedAnswer] {
        let directoryPath = Layout.answersDirectory(stored.directory, lens: alias)
        if let answers = try git({ () throws(GitError) in try repository.entry(at: Layout.answersDirectoryName, inTree: stored.tree) }),
            answers.kind != .tree
        {
            throw .notADirectory(
                path: Layout.workloadDirectory(stored.directory) + "/" + Layout.answersDirectoryName, found: WorkspaceValidator.kindName(answers.kind))
        }
        guard let entry = try git({ () throws(GitError) in
            try repository.entry(at: "\(Layout.answersDirectoryName)/\(alias)", inTree: stored.tree)
        }) else { return [:] }
        guard entry.kind == .tree else { throw .notADirectory(path: directoryPath, found: WorkspaceValidator.kindName(entry.kind)) }
        var result: [String: ParsedAnswer] = [:]
        for file in try git({ () throws(GitError) in try repository.treeEntries(entry.id) }) {
            let path = "\(directoryPath)/\(file.name)"
            guard let question = Layout.question(ofAnswerFileName: file.name) else { continue }
            if let known = parsed.answers[file.id], file.kind == .blob {
                result[question] = known
                continue
            }
            let answer = try parseAnswer(try read(file, path: path), path: path)
            if file.kind == .blob { parsed.remember(answer, blob: file.id) }
            result[question] = answer
        }
        return result
    }

    /// Decodes an answer file and finds the line its risk follows from, in one parse.
    func parseAnswer(_ bytes: [UInt8], path: String) throws(WorkspaceError) -> ParsedAnswer {
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw .invalidFile(path: path, JSONDocumentError(path: .root, position: error.position, message: error.message))
        }
        do {
            let stored = try JSONNodeDecoder().decode(StoredAnswer.self, from: root, source: bytes)
            return ParsedAnswer(stored: stored, line: Answer.riskLine(of: root, in: bytes))
        } catch {
            throw .invalidFile(path: path, error)
        }
    }

    /// The review of one applied lens: answers evaluated against the lens version in effect.
    package func review(of stored: StoredWorkload, lens applied: WorkloadLens) throws(WorkspaceError) -> WorkloadLensReview {
        try review(of: stored, lens: applied, judgedBy: try effectiveLens(applied))
    }

    /// The answers of the applied lens `applied` evaluated against `lens`, a version of it
    /// (the one in effect, or another state's, as the gate judges after a lens-rules change).
    func review(of stored: StoredWorkload, lens applied: WorkloadLens, judgedBy lens: LoadedLens) throws(WorkspaceError)
        -> WorkloadLensReview
    {
        let parsed = try parsedAnswers(of: stored, lens: applied.alias)
        let answers = parsed.mapValues(\.stored)
        let review = lens.evaluator.review(answers: answers.mapValues(\.answer))
        return WorkloadLensReview(applied: applied, lens: lens, answers: answers, review: review, lines: parsed.mapValues(\.line))
    }

    /// A workload with every lens it applies judged: what the gate's findings and the risk
    /// diff are computed from (see `JudgedWorkload`).
    package func judged(_ stored: StoredWorkload) throws(WorkspaceError) -> JudgedWorkload {
        JudgedWorkload(
            workload: stored.workload, directory: Layout.workloadDirectory(stored.directory), file: Layout.workloadFile(stored.directory),
            lenses: try reviews(of: stored).map { $0.judged(directory: stored.directory) })
    }

    /// The applied lens named `alias` (default: the framework lens), or an error naming the
    /// lenses the workload does have.
    package func appliedLens(_ stored: StoredWorkload, alias: String?) throws(WorkspaceError) -> WorkloadLens {
        let wanted = alias ?? BuiltinLens.framework
        guard let applied = stored.workload.lenses.first(where: { $0.alias == wanted }) else {
            throw .notFound(
                what: "lens", name: wanted,
                hint: "workload \"\(stored.workload.name)\" has \(stored.workload.lenses.map(\.alias).joined(separator: ", "))")
        }
        return applied
    }

    /// Finds a workload and reviews one of its applied lenses (the framework lens by default).
    package func review(of reference: String, lens alias: String?) throws(WorkspaceError) -> (StoredWorkload, WorkloadLensReview) {
        let stored = try findWorkload(reference)
        return (stored, try review(of: stored, lens: try appliedLens(stored, alias: alias)))
    }

    /// Reviews of every lens applied to a workload, in the workload's order.
    package func reviews(of stored: StoredWorkload) throws(WorkspaceError) -> [WorkloadLensReview] {
        var result: [WorkloadLensReview] = []
        for applied in stored.workload.lenses { result.append(try review(of: stored, lens: applied)) }
        return result
    }

    /// How often an answer update is built again on a branch that moved under it.
    package static let answerUpdateAttempts = 3

    /// Changes one answer in one commit. Only the owner and accepted CONTRIBUTOR shares may; the
    /// lens must be applied to the workload; the update is checked against the question
    /// (unknown choices, limits) before anything is written.
    ///
    /// When another commit lands between reading and writing, the update is applied again to
    /// the new HEAD, holding the write lock so no other welltree process can commit in between.
    /// That is safe because an update says what the answer becomes (selections, marks and notes
    /// replace what was there), never how to change it relative to what the user saw: applying
    /// it to the newer answer is exactly what running the command a moment later would do.
    /// Only a writer outside welltree (git itself) can make the retries fail; then the error
    /// asks to run the command again.
    package func updateAnswer(
        _ reference: String, lens alias: String?, question questionId: String, update: AnswerUpdate
    ) throws(WorkspaceError) -> (StoredWorkload, WorkloadLensReview, changed: Bool) {
        do {
            return try updateAnswerOnce(reference, lens: alias, question: questionId, update: update)
        } catch {
            guard case .branchMoved = error else { throw error }
        }
        var attempt = 1
        while true {
            do {
                return try withWriteLock { () throws(WorkspaceError) in
                    try reload()
                    return try updateAnswerOnce(reference, lens: alias, question: questionId, update: update)
                }
            } catch {
                attempt += 1
                guard case .branchMoved = error, attempt < Self.answerUpdateAttempts else { throw error }
            }
        }
    }

    /// The `--evidence` of an answer update (of a workload or a template) checked and confirmed:
    /// a cited path records the id it has in the commit the answer is built on; the review's own
    /// files are no evidence (`Evidence.reviewFilesRule`), refused with the other rules.
    func confirmingCitations(_ evidence: [Evidence], question: LensQuestion) throws(WorkspaceError) -> [Evidence] {
        let reviewFiles = evidence.compactMap { citation in
            citation.path.flatMap { path in
                Evidence.reviewFilesRule(path, workspacePrefix: prefix).map { Violation(field: "--evidence", value: path, rule: $0) }
            }
        }
        let confirmed: [Evidence]
        do {
            confirmed = try confirming(evidence, field: "--evidence", question: question)
        } catch .invalid(let error) where !reviewFiles.isEmpty {
            throw .invalid(ValidationError(error.violations + reviewFiles))
        }
        if !reviewFiles.isEmpty { throw .invalid(ValidationError(reviewFiles)) }
        return confirmed
    }

    private func updateAnswerOnce(
        _ reference: String, lens alias: String?, question questionId: String, update: AnswerUpdate
    ) throws(WorkspaceError) -> (StoredWorkload, WorkloadLensReview, changed: Bool) {
        let (stored, before) = try review(of: reference, lens: alias)
        try requireAnswerAccess(to: stored.workload)
        let applied = before.applied
        let (_, question) = try before.question(questionId)
        let previous = before.answers[questionId]
        var update = update
        update.evidence = try confirmingCitations(update.evidence, question: question)
        let answer: Answer
        do {
            answer = try update.apply(to: previous?.answer, question: question)
        } catch {
            throw .invalid(error)
        }
        if answer == previous?.answer ?? Answer() { return (stored, before, false) }
        let path = Layout.answerFile(stored.directory, lens: applied.alias, question: questionId)
        var changes = ChangeSet()
        if answer.isEmpty {
            changes.remove(path)
        } else {
            try changes.write(path, json: StoredAnswer(answer: answer, updatedAt: isoNow()))
        }
        let oldRisk = before.lens.evaluator.risk(questionId: questionId, answer: previous?.answer)
        let newRisk = before.lens.evaluator.risk(questionId: questionId, answer: answer)
        var message = "Answer \(questionId) of \(stored.workload.name) (\(applied.alias))"
        if oldRisk != newRisk { message += ": \(oldRisk.rawValue) -> \(newRisk.rawValue)" }
        try commit(changes, message: message)
        let after = try reloadWorkload(directory: stored.directory)
        return (after, try review(of: after, lens: applied), true)
    }
}
