import Git
import WelltreeCore

extension Workspace {
    /// The object id (blob or tree) at `path` of the repository's whole tree in this state, or
    /// nil when nothing is there. `path` is relative to the repository's root; one that breaks
    /// `Evidence.pathRule` names nothing.
    package func evidenceId(_ path: String) throws(WorkspaceError) -> String? {
        guard let rootTree, Evidence.pathRule(path) == nil else { return nil }
        return try git { () throws(GitError) in try repository.entry(at: path, inTree: rootTree) }?.id.hex
    }

    /// The citations with each path's current object id recorded as its confirmed state;
    /// a path that is not in this state's tree is refused (nothing can be confirmed about it),
    /// together with every rule the citations break against `question` when it is given.
    func confirming(_ evidence: [Evidence], field: String, question: LensQuestion? = nil) throws(WorkspaceError) -> [Evidence] {
        var result: [Evidence] = []
        var violations = question.map { Answer.evidenceViolations(evidence, question: $0, field: field, requireIds: false) } ?? []
        for var citation in evidence {
            if let path = citation.path, Evidence.pathRule(path) == nil {
                if let id = try evidenceId(path) {
                    citation.confirmedId = id
                } else {
                    violations.append(
                        Violation(
                            field: field, value: path,
                            rule: "is not in the repository at \(base.map { String($0.hex.prefix(12)) } ?? "its first commit") "
                                + "(cite files and directories that are committed, by their path from the repository's root)"))
                }
            }
            result.append(citation)
        }
        if !violations.isEmpty { throw .invalid(ValidationError(violations)) }
        return result
    }

    /// Every citation of a workload's answers, in every applied lens, with its state here.
    package func citations(of stored: StoredWorkload) throws(WorkspaceError) -> [CitedEvidence] {
        var result: [CitedEvidence] = []
        for review in try reviews(of: stored) {
            result += try citations(of: stored, lens: review.applied.alias, answers: review.answers.mapValues(\.answer))
        }
        return result
    }

    /// The citations of one lens's answers, by question id order.
    package func citations(of stored: StoredWorkload, lens alias: String, answers: [String: Answer]) throws(WorkspaceError) -> [CitedEvidence] {
        var result: [CitedEvidence] = []
        for (question, answer) in answers.sorted(by: { $0.key < $1.key }) {
            for citation in answer.evidence {
                result.append(
                    CitedEvidence(
                        workloadId: stored.workload.id, workloadName: stored.workload.name, lens: alias, questionId: question,
                        answerFile: Layout.answerFile(stored.directory, lens: alias, question: question), evidence: citation,
                        currentId: try citation.path.flatMap { path throws(WorkspaceError) in try evidenceId(path) }))
            }
        }
        return result
    }

    /// The citations of one question's answer with their states (for `answer show`).
    package func citations(of stored: StoredWorkload, review: WorkloadLensReview, question: String) throws(WorkspaceError) -> [CitedEvidence] {
        guard let answer = review.answers[question]?.answer else { return [] }
        return try citations(of: stored, lens: review.applied.alias, answers: [question: answer])
    }

    /// Records, in one commit, the object id every path the answer cites has now: a reviewer
    /// looked at the evidence as it is and the answer stands. Refused when a cited path is
    /// gone (cite what replaced it, or clear the citation); no commit when every citation is
    /// already current.
    package func confirmAnswer(
        _ reference: String, lens alias: String?, question questionId: String
    ) throws(WorkspaceError) -> (StoredWorkload, WorkloadLensReview, confirmed: [CitedEvidence], changed: Bool) {
        let (stored, review) = try self.review(of: reference, lens: alias)
        try requireAnswerAccess(to: stored.workload)
        _ = try review.question(questionId)
        guard let previous = review.answers[questionId], !previous.answer.evidence.isEmpty else {
            throw .refused(
                "\(questionId) of \(stored.workload.name) cites no evidence; cite some with "
                    + "`welltree answer update \(reference) \(questionId) --evidence PATH`", subject: questionId)
        }
        let before = try citations(of: stored, review: review, question: questionId)
        let missing = before.filter { $0.state == .missing }
        if !missing.isEmpty {
            throw .invalid(
                ValidationError(
                    missing.map {
                        Violation(
                            field: "evidence", value: $0.evidence.location,
                            rule: "is not in the repository any more; cite what replaced it (--clear-evidence, then --evidence) "
                                + "before confirming")
                    }))
        }
        guard before.contains(where: { $0.state == .changed }) else { return (stored, review, before, false) }
        var answer = previous.answer
        answer.evidence = try confirming(answer.evidence, field: "evidence")
        var changes = ChangeSet()
        try changes.write(
            Layout.answerFile(stored.directory, lens: review.applied.alias, question: questionId),
            json: StoredAnswer(answer: answer, updatedAt: isoNow()))
        let changed = before.filter { $0.state == .changed }.map(\.evidence.location)
        try commit(changes, message: "Confirm the evidence of \(questionId) of \(stored.workload.name): \(changed.joined(separator: ", "))")
        let after = try reloadWorkload(directory: stored.directory)
        let afterReview = try self.review(of: after, lens: review.applied)
        return (after, afterReview, try citations(of: after, review: afterReview, question: questionId), true)
    }
}

extension Workspace {
    /// Every citation of every workload's answers in the lenses it applies, with its state here.
    ///
    /// Reads only the answer files that can cite: a file whose bytes hold neither `evidence`
    /// nor a `\u` escape (which could spell the key) cites nothing and is not parsed, so a
    /// workspace without evidence costs a listing of its answer directories and a byte search
    /// per answer file.
    package func allCitations(workloads directories: Set<String>? = nil) throws(WorkspaceError) -> [CitedEvidence] {
        var result: [CitedEvidence] = []
        for entry in try workloadDirectories() where directories?.contains(entry.name) ?? true {
            guard let answers = try git({ () throws(GitError) in try repository.entry(at: Layout.answersDirectoryName, inTree: entry.id) }),
                answers.kind == .tree
            else { continue }
            var citing: [String: Set<String>] = [:]
            for lens in try git({ () throws(GitError) in try repository.treeEntries(answers.id) }) where lens.kind == .tree {
                for file in try git({ () throws(GitError) in try repository.treeEntries(lens.id) }) {
                    guard Layout.question(ofAnswerFileName: file.name) != nil else { continue }
                    // Anything but a plain file is left to the full read, which refuses it.
                    var mayCite = file.kind != .blob
                    if !mayCite { mayCite = try git { () throws(GitError) in try repository.withBlob(file.id) { Self.mayCite($0) } } }
                    if mayCite { citing[lens.name, default: []].insert(file.name) }
                }
            }
            if citing.isEmpty { continue }
            let stored = try loadWorkload(entry)
            for applied in stored.workload.lenses where citing[applied.alias] != nil {
                let parsed = try parsedAnswers(of: stored, lens: applied.alias)
                result += try citations(of: stored, lens: applied.alias, answers: parsed.mapValues(\.stored.answer))
            }
        }
        return result
    }

    /// Whether an answer file's bytes can hold citations: they contain `evidence` or a `\u` escape.
    static func mayCite(_ buffer: UnsafeRawBufferPointer) -> Bool {
        let key = Array("evidence".utf8)
        let count = buffer.count
        var index = 0
        while index < count {
            let byte = buffer[index]
            if byte == UInt8(ascii: "\\"), index + 1 < count, buffer[index + 1] == UInt8(ascii: "u") { return true }
            if byte == key[0], index + key.count <= count {
                var matched = true
                for offset in 1..<key.count where buffer[index + offset] != key[offset] {
                    matched = false
                    break
                }
                if matched { return true }
            }
            index += 1
        }
        return false
    }
}
