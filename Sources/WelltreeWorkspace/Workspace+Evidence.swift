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
        let (_, question) = try review.question(questionId)
        guard let previous = review.answers[questionId], !previous.answer.evidence.isEmpty else {
            throw .refused(
                "\(questionId) of \(stored.workload.name) cites no evidence; cite some with "
                    + "`welltree answer update \(reference) \(questionId) --evidence PATH`", subject: questionId)
        }
        // The answer file may have been written by hand: confirming never commits what
        // `validate` would refuse (a citation breaking the rules, an unknown choice).
        let path = Layout.answerFile(stored.directory, lens: review.applied.alias, question: questionId)
        let problems = previous.answer.violations(against: question, field: path)
        if !problems.isEmpty { throw .invalid(ValidationError(problems)) }
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
    /// Where the evidence cache of this repository lives (`EvidenceCache`).
    var evidenceCachePath: String {
        Layout.cache(EvidenceCache.fileName, commonDirectory: repository.commonDirectory)
    }

    /// Every citation of every workload's answers in the lenses it applies, with its state here.
    /// With `skippingDamaged`, a workload that cannot be read is left out (the dashboard reports
    /// it anyway) instead of failing the whole index.
    package func allCitations(skippingDamaged: Bool = false) throws(WorkspaceError) -> [CitedEvidence] {
        let all =
            skippingDamaged
            ? try workloadDirectories { _, _ throws(WorkspaceError) in } : try workloadDirectories()
        return try citations(inWorkloads: all, cache: .rebuild, skippingDamaged: skippingDamaged)
    }

    /// The citations of the workloads in the directories named `names` (each `<dir>`), with
    /// their states: looked up by path, so the cost follows the names, not the workspace's size.
    package func citations(inWorkloadsNamed names: Set<String>) throws(WorkspaceError) -> [CitedEvidence] {
        var entries: [TreeEntry] = []
        for name in names.sorted() {
            let path = Layout.workloadDirectory(name)
            guard let entry = try entry(path) else { continue }
            guard entry.kind == .tree else { throw .notADirectory(path: path, found: WorkspaceValidator.kindName(entry.kind)) }
            entries.append(TreeEntry(name: name, id: entry.id, kind: entry.kind))
        }
        return try citations(inWorkloads: entries, cache: .none, skippingDamaged: false)
    }

    /// How `citations(inWorkloads:cache:skippingDamaged:)` uses `EvidenceCache`.
    enum CitationCacheUse {
        /// Neither read nor written.
        case none
        /// Read, then replaced by exactly the entries of this run (the workloads given are all
        /// there are).
        case rebuild
        /// Read, then this run's entries added to it, keeping at most `limit` entries.
        case merge(limit: Int)
    }

    /// The citations of the workloads in `entries`, with their states here.
    ///
    /// Reads only the answer files that can cite: a file whose bytes hold neither `evidence`
    /// nor a `\u` escape (which could spell the key) cites nothing and is not parsed. With a
    /// cache, each workload's citations are kept by its tree id in `EvidenceCache`, so a run
    /// after another reads only the workloads that changed, then looks up each cited path.
    func citations(
        inWorkloads entries: [TreeEntry], cache: CitationCacheUse, skippingDamaged: Bool
    ) throws(WorkspaceError) -> [CitedEvidence] {
        var useCache = true
        if case .none = cache { useCache = false }
        let previous = useCache ? EvidenceCache.load(from: evidenceCachePath) : EvidenceCache()
        var current = EvidenceCache()
        var computed = false
        var result: [CitedEvidence] = []
        var lookup = EvidenceLookup(self)
        for entry in entries {
            let cited: [CitedEvidence]
            // A tree id names content, not the directory holding it: a workload copied or moved
            // to another directory has the same tree, and its files other paths.
            let directory = Layout.workloadDirectory(entry.name) + "/"
            if let known = previous.entries[entry.id], known.allSatisfy({ $0.answerFile.hasPrefix(directory) }) {
                cited = known
            } else {
                do {
                    cited = try workloadCitations(entry)
                } catch {
                    if skippingDamaged { continue }
                    throw error
                }
                computed = true
            }
            current.entries[entry.id] = cited
            for citation in cited {
                let currentId = try citation.evidence.path.flatMap { path throws(WorkspaceError) in try lookup.id(path) }
                result.append(
                    CitedEvidence(
                        workloadId: citation.workloadId, workloadName: citation.workloadName, lens: citation.lens,
                        questionId: citation.questionId, answerFile: citation.answerFile, evidence: citation.evidence, currentId: currentId))
            }
        }
        // The cache only accelerates: a repository we cannot write to still works.
        if useCache && computed {
            if case .merge(let limit) = cache { current.retain(from: previous, limit: limit) }
            try? current.write(to: evidenceCachePath)
        }
        return result
    }

    /// The citations of the workload in the directory `entry` (states not looked up), reading
    /// and decoding only answer files that can cite, of the lenses the workload applies.
    private func workloadCitations(_ entry: TreeEntry) throws(WorkspaceError) -> [CitedEvidence] {
        guard let answers = try git({ () throws(GitError) in try repository.entry(at: Layout.answersDirectoryName, inTree: entry.id) }),
            answers.kind == .tree
        else { return [] }
        var citing: [String: [(question: String, file: TreeEntry)]] = [:]
        for lens in try git({ () throws(GitError) in try repository.treeEntries(answers.id) }) where lens.kind == .tree {
            for file in try git({ () throws(GitError) in try repository.treeEntries(lens.id) }) {
                guard let question = Layout.question(ofAnswerFileName: file.name) else { continue }
                // Anything but a plain file is left to the full read, which refuses it.
                var mayCite = file.kind != .blob
                if !mayCite { mayCite = try git { () throws(GitError) in try repository.withBlob(file.id) { Self.mayCite($0) } } }
                if mayCite { citing[lens.name, default: []].append((question, file)) }
            }
        }
        if citing.isEmpty { return [] }
        let stored = try loadWorkload(entry)
        var result: [CitedEvidence] = []
        for applied in stored.workload.lenses {
            guard let files = citing[applied.alias] else { continue }
            for (question, file) in files.sorted(by: { $0.question < $1.question }) {
                let path = Layout.answerFile(stored.directory, lens: applied.alias, question: question)
                let answer = try parseAnswer(try read(file, path: path), path: path).stored.answer
                for citation in answer.evidence {
                    result.append(
                        CitedEvidence(
                            workloadId: stored.workload.id, workloadName: stored.workload.name, lens: applied.alias, questionId: question,
                            answerFile: path, evidence: citation, currentId: nil))
                }
            }
        }
        return result
    }

    /// How many answers of each workload (by id) cite evidence that is changed or missing here:
    /// the dashboard's count, over the workloads `read` found citing (`WorkloadOverviews.citing`),
    /// so a workspace where nothing cites reads nothing more. Workloads that cannot be read are
    /// left out (the dashboard reports them).
    package func staleEvidenceAnswers(_ read: WorkloadOverviews) throws(WorkspaceError) -> [String: Int] {
        guard !read.citing.isEmpty else { return [:] }
        return Self.staleAnswers(
            try citations(inWorkloads: read.citing, cache: .merge(limit: 2 * read.total + 1000), skippingDamaged: true))
    }

    /// How many answers of each workload (by id) hold a stale citation among `cited`.
    private static func staleAnswers(_ cited: [CitedEvidence]) -> [String: Int] {
        var answers: [String: Set<String>] = [:]
        for cited in cited where cited.state.isStale {
            answers[cited.workloadId, default: []].insert(cited.answerFile)
        }
        return answers.mapValues(\.count)
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

/// Looks cited paths up in the whole tree of one state (`Workspace.evidenceId`), listing each
/// directory once: many citations share their directories (`services/<dir>/runbook.md` of a
/// thousand workloads), and looking each path up from the root would read and inflate the
/// directories on the way again for every one.
struct EvidenceLookup {
    let workspace: Workspace
    /// The entries of every directory listed, by its tree id.
    private var listings: [ObjectID: [String: TreeEntry]] = [:]
    /// Every path looked up, with its object id (nil: nothing there).
    private var ids: [String: String?] = [:]

    init(_ workspace: Workspace) {
        self.workspace = workspace
    }

    /// The object id at `path` (from the repository's root), or nil when nothing is there or
    /// the path breaks `Evidence.pathRule`.
    mutating func id(_ path: String) throws(WorkspaceError) -> String? {
        if let known = ids[path] { return known }
        var found: String?
        if let root = workspace.rootTree, Evidence.pathRule(path) == nil {
            var current: TreeEntry? = TreeEntry(name: "", id: root, kind: .tree)
            for component in path.split(separator: "/") {
                guard let directory = current, directory.kind == .tree else {
                    current = nil
                    break
                }
                current = try listing(directory.id)[String(component)]
            }
            found = current?.id.hex
        }
        ids[path] = .some(found)
        return found
    }

    private mutating func listing(_ tree: ObjectID) throws(WorkspaceError) -> [String: TreeEntry] {
        if let known = listings[tree] { return known }
        let entries = try git { () throws(GitError) in try workspace.repository.treeEntries(tree) }
        let listing = Dictionary(entries.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        listings[tree] = listing
        return listing
    }
}
