import Foundation
import Git
import WelltreeCore

/// An answer file that differs between the work tree and the base commit.
package struct PendingAnswer: Sendable, Equatable {
    /// The question it answers.
    package var questionId: String
    /// The path below the workspace's root.
    package var path: String
    /// The work tree's answer, or nil when the file was removed (the answer was cleared).
    package var stored: StoredAnswer?
}

extension Workspace {
    /// Answer files of one lens of a workload that differ from the base commit, in question-id
    /// order: what an interactive review wrote to the work tree and has not committed yet.
    ///
    /// A file whose bytes equal the committed ones is not pending, even if git lists it (it may
    /// only be staged). A file that does not decode is an error naming it.
    package func pendingAnswers(of stored: StoredWorkload, lens alias: String) throws(WorkspaceError) -> [PendingAnswer] {
        guard repository.workdir != nil else { return [] }
        // A review writes to the work tree before it commits: refuse before the first answer.
        try refuseUnsharded()
        let directory = Layout.answersDirectory(stored.directory, lens: alias) + "/"
        let paths = try git { () throws(GitError) in try repository.modifiedPaths(under: prefix + directory) }
        var result: [PendingAnswer] = []
        for path in Set(paths.compactMap { Layout.workspacePath(ofRepositoryPath: $0, prefix: prefix) }).sorted() {
            let name = String(path.dropFirst(directory.count))
            guard let question = Layout.question(ofAnswerFileName: name), !name.contains("/"), !name.hasPrefix(".") else { continue }
            let bytes = try workTreeFile(path)
            if bytes == (try file(path)) { continue }
            let answer = try bytes.map { bytes throws(WorkspaceError) in try decode(StoredAnswer.self, from: bytes, path: path) }
            result.append(PendingAnswer(questionId: question, path: path, stored: answer))
        }
        return result
    }

    /// Writes one answer to the work tree at once, without committing: the session's progress
    /// survives a crash or a killed terminal.
    ///
    /// An answer equal to the committed one puts the committed bytes back (so the file is clean
    /// again, timestamp and all); an empty answer removes the file. The write goes through a
    /// temporary file and a rename, so a file is never seen half written.
    package func writePendingAnswer(
        _ answer: Answer?, of stored: StoredWorkload, lens alias: String, question: String
    ) throws(WorkspaceError) {
        try refuseUnsharded()
        let path = Layout.answerFile(stored.directory, lens: alias, question: question)
        let committed = try file(path)
        let wanted = answer ?? Answer()
        if let committed, try decode(StoredAnswer.self, from: committed, path: path).answer == wanted {
            try writeAnswerFile(path, committed)
        } else if wanted.isEmpty {
            try removeAnswerFile(path)
        } else {
            do {
                try writeAnswerFile(path, try CanonicalJSON.encode(StoredAnswer(answer: wanted, updatedAt: isoNow())))
            } catch let error as WorkspaceError {
                throw error
            } catch {
                throw .io(path: path, message: "cannot encode: \(error)")
            }
        }
    }

    /// Puts the committed versions of these questions' answer files back in the work tree
    /// (removing files that are not committed): the "discard" answer to a session's offer to
    /// continue.
    package func discardPendingAnswers(of stored: StoredWorkload, lens alias: String, questions: [String]) throws(WorkspaceError) {
        for question in questions {
            let path = Layout.answerFile(stored.directory, lens: alias, question: question)
            if let committed = try file(path) {
                try writeAnswerFile(path, committed)
            } else {
                try removeAnswerFile(path)
            }
        }
    }

    /// Commits the answer files a review session wrote to the work tree, as one commit.
    ///
    /// Each listed file is read from the work tree, decoded and checked against its question
    /// (unknown choices, limits) and written canonically; a missing file removes the answer.
    /// The session's own files are dirty by design and do not block the commit; any other file
    /// is not touched. An answer file committed by someone else since `startedAt` is refused
    /// rather than overwritten. Returns nil when nothing differs from the base commit.
    package func commitReviewSession(_ request: ReviewSessionRequest) throws(WorkspaceError) -> ReviewSessionCommit? {
        guard repository.workdir != nil else { throw .bareRepository }
        let stored = try findWorkload(request.workload)
        try requireAnswerAccess(to: stored.workload)
        let applied = try appliedLens(stored, alias: request.lens)
        let before = try review(of: stored, lens: applied)
        let lens = before.lens.lens
        let startTree = try request.startedAt.map { id throws(WorkspaceError) in
            try git { () throws(GitError) in try workspaceSubtree(of: repository.commit(id).tree) }
        }
        var after = before.answers.mapValues(\.answer)
        var changes = ChangeSet()
        var sessionPaths: Set<String> = []
        var violations: [Violation] = []
        var conflicts: [String] = []
        var changed: [String] = []
        let order = lens.pillars.flatMap { $0.questions.map(\.id) }
        let wanted = Set(request.questions)
        for questionId in wanted.subtracting(order).sorted() {
            violations.append(Violation(field: "question", value: questionId, rule: "is not a question of lens \(applied.alias)"))
        }
        for questionId in order where wanted.contains(questionId) {
            let (_, question) = lens.question(id: questionId)!
            let path = Layout.answerFile(stored.directory, lens: applied.alias, question: questionId)
            let bytes = try workTreeFile(path)
            let committedEntry = try entry(path)
            if bytes == (try file(path)) { continue }
            if let startTree {
                let startEntry = try startTree.map { tree throws(WorkspaceError) in
                    try git { () throws(GitError) in try repository.entry(at: path, inTree: tree) }
                } ?? nil
                if startEntry?.id != committedEntry?.id { conflicts.append(questionId) }
            }
            if let bytes {
                let answer = try decode(StoredAnswer.self, from: bytes, path: path)
                violations += answer.answer.violations(against: question, field: path)
                try changes.write(path, json: answer)
                after[questionId] = answer.answer
            } else {
                changes.remove(path)
                after[questionId] = nil
            }
            sessionPaths.insert(path)
            changed.append(questionId)
        }
        if !conflicts.isEmpty {
            throw .refused(
                "answers to \(conflicts.joined(separator: ", ")) were committed by someone else while the session was open; "
                    + "nothing was committed and your answers are still in the work tree; compare them with `git diff` "
                    + "and commit again with `welltree review \(stored.workload.name)`", code: .concurrentChange)
        }
        if !violations.isEmpty { throw .invalid(ValidationError(violations)) }
        if changes.isEmpty { return nil }

        let evaluator = before.lens.evaluator
        let highBefore = before.review.riskCounts[.high]
        let highAfter = evaluator.riskCounts(answers: after)[.high]
        let answered = changed.filter { after[$0] != nil }.count
        let subject = ReviewSessionCommit.subject(
            workload: stored.workload.name, lens: applied.alias, answered: answered, cleared: changed.count - answered,
            highBefore: highBefore, highAfter: highAfter)
        let lines = changed.map { id in
            let old = evaluator.risk(questionId: id, answer: before.answers[id]?.answer)
            let new = evaluator.risk(questionId: id, answer: after[id])
            return old == new ? "\(id): \(new.rawValue)" : "\(id): \(old.rawValue) -> \(new.rawValue)"
        }
        let message = subject + "\n\n" + lines.joined(separator: "\n")
        guard let commit = try commit(changes, message: message, allowingDirty: sessionPaths) else { return nil }
        return ReviewSessionCommit(
            commit: commit, message: message, answered: answered, cleared: changed.count - answered,
            highRisksBefore: highBefore, highRisksAfter: highAfter)
    }

    // MARK: Work-tree files

    /// The bytes of a regular file in the work tree, or nil when there is none; never read
    /// through a symbolic link (the file's or a directory's on the way) nor over its size limit.
    func workTreeFile(_ relative: String) throws(WorkspaceError) -> [UInt8]? {
        guard let root else { throw .bareRepository }
        let path = prefix + relative
        var directories = WorkTreeDirectories(root: root)
        switch try workTreeEntry(path, root: root, directories: &directories) {
        case .file(let bytes):
            return bytes
        case .symlink:
            throw .notARegularFile(path: path, found: "a symbolic link")
        case .absent:
            var info = stat()
            if directories.isReal(parentOf: path), lstat(root + "/" + path, &info) == 0 {
                throw .notARegularFile(path: path, found: "a directory")
            }
            return nil
        }
    }

    /// Writes the workspace file `path` to the work tree, never through a symbolic link (the
    /// workspace's directory included).
    private func writeAnswerFile(_ path: String, _ bytes: [UInt8]) throws(WorkspaceError) {
        let workTree = try requireWorkTree()
        try workTree.refuseUnsafePath(prefix + path)
        try workTree.writeFile(prefix + path, bytes)
    }

    /// Removes the workspace file `path` from the work tree, never through a symbolic link.
    private func removeAnswerFile(_ path: String) throws(WorkspaceError) {
        let workTree = try requireWorkTree()
        try workTree.refuseUnsafePath(prefix + path)
        try workTree.removeFile(prefix + path)
    }

    /// The work tree a review session keeps its answers in until they are committed.
    private func requireWorkTree() throws(WorkspaceError) -> WorkTree {
        guard let workTree else { throw .bareRepository }
        return workTree
    }
}
