import Git
import WelltreeCore

extension Workspace {
    /// Risk counts and last update of one workload.
    ///
    /// Gives the same result as evaluating `reviews(of:)`, without decoding answers into values:
    /// each answer file is scanned in place by `AnswerScanner` straight into choice bit masks,
    /// and only a file the scanner does not accept goes through the general decoder (which
    /// names the file, JSON path, line and column of any error).
    package func summary(of stored: StoredWorkload) throws(WorkspaceError) -> WorkloadRiskSummary {
        var dependencies: [SummaryCache.LensDependency] = []
        return try summary(of: stored, dependencies: &dependencies)
    }

    /// `summary(of:)`, also listing the lens version blobs it was computed against.
    func summary(
        of stored: StoredWorkload, dependencies: inout [SummaryCache.LensDependency]
    ) throws(WorkspaceError) -> WorkloadRiskSummary {
        let answers = try git { () throws(GitError) in try repository.entry(at: Layout.answersDirectoryName, inTree: stored.tree) }
        return try summary(of: stored, answers: answers, dependencies: &dependencies)
    }

    /// `summary(of:dependencies:)` given the workload's `answers` entry (nil when it has none), for
    /// callers that have already listed the workload's directory. With `prioritizing`, a
    /// workload that uses a profile also gets its prioritized risk counts, added up in the same
    /// pass over its answers (`prioritizedMask`): no answer is read twice.
    func summary(
        of stored: StoredWorkload, answers: TreeEntry?, dependencies: inout [SummaryCache.LensDependency],
        prioritizing: Bool = false
    ) throws(WorkspaceError) -> WorkloadRiskSummary {
        var counts = RiskCounts()
        var prioritized: RiskCounts?
        var latest = Array(stored.workload.updatedAt.utf8)
        var citesEvidence = false
        var lensDirectories: [String: TreeEntry] = [:]
        if let answers {
            // A symlink or submodule planted where the answers belong is damage, not "no answers".
            guard answers.kind == .tree else {
                throw .notADirectory(
                    path: Layout.workloadDirectory(stored.directory) + "/" + Layout.answersDirectoryName,
                    found: WorkspaceValidator.kindName(answers.kind))
            }
            for entry in try git({ () throws(GitError) in try repository.treeEntries(answers.id) }) {
                lensDirectories[entry.name] = entry
            }
        }
        for applied in stored.workload.lenses {
            let lens = try cachedEffectiveLens(applied)
            dependencies.append(SummaryCache.LensDependency(lens: applied, blob: lens.blob))
            let mask = prioritizing ? try prioritizedMask(of: stored.workload, applied: applied, lens: lens) : nil
            var lensPrioritized = RiskCounts()
            var prioritizedAnswered = 0
            var answered = 0
            if let directory = lensDirectories[applied.alias] {
                guard directory.kind == .tree else {
                    throw .notADirectory(
                        path: Layout.answersDirectory(stored.directory, lens: applied.alias), found: WorkspaceValidator.kindName(directory.kind))
                }
                let fileIndex = answerFileIndex(lens)
                let directoryPath = Layout.answersDirectory(stored.directory, lens: applied.alias)
                for file in try git({ () throws(GitError) in try repository.treeEntries(directory.id) }) {
                    guard Layout.question(ofAnswerFileName: file.name) != nil else { continue }
                    let question = fileIndex[file.name]
                    if question != nil { answered += 1 }
                    let risk = try risk(
                        of: file, path: "\(directoryPath)/\(file.name)", question: question, evaluator: lens.evaluator,
                        latest: &latest, citesEvidence: &citesEvidence)
                    if let question {
                        counts.add(risk)
                        if let mask, mask[question] {
                            lensPrioritized.add(risk)
                            prioritizedAnswered += 1
                        }
                    }
                }
            }
            counts.add(.unanswered, count: lens.evaluator.questionIds.count - answered)
            if let mask {
                lensPrioritized.add(.unanswered, count: mask.count { $0 } - prioritizedAnswered)
                var sum = prioritized ?? RiskCounts()
                sum.add(lensPrioritized)
                prioritized = sum
            }
        }
        return WorkloadRiskSummary(
            riskCounts: counts, updatedAt: String(decoding: latest, as: UTF8.self), citesEvidence: citesEvidence,
            prioritizedRiskCounts: prioritized)
    }

    /// The risk of one answer file (UNANSWERED when `question` is nil, a file for a question the
    /// lens does not have), raising `latest` to the file's update time when that is newer and
    /// setting `citesEvidence` when the answer cites evidence.
    ///
    /// `AnswerScanner` knows no `evidence` key and gives up on any file that has one, so every
    /// citing answer goes through the general decoder, which reads its citations: the summary
    /// notices citations without a second read of any file.
    private func risk(
        of file: TreeEntry, path: String, question: Int?, evaluator: LensEvaluator, latest: inout [UInt8],
        citesEvidence: inout Bool
    ) throws(WorkspaceError) -> Risk {
        switch file.kind {
        case .blob, .executable:
            let choices = question.map { evaluator.choices(ofQuestion: $0) }
            let scanned = try git { () throws(GitError) in
                try repository.withBlob(file.id) { buffer -> Risk? in
                    // An oversized file goes to `read`, which refuses it with its size.
                    guard buffer.count <= FileLimits.answer, let answer = AnswerScanner.scan(buffer, choices: choices) else { return nil }
                    if let range = answer.updatedAt { Self.keepNewer(UnsafeRawBufferPointer(rebasing: buffer[range]), in: &latest) }
                    guard let question else { return .unanswered }
                    return evaluator.risk(
                        questionAt: question, selected: answer.selected, notApplicable: answer.notApplicable,
                        isApplicable: answer.isApplicable)
                }
            }
            if let scanned { return scanned }
        case .symlink, .tree, .submodule:
            break
        }
        // Anything unusual: the general decoder decides, and names the place of any error.
        let stored = try decode(StoredAnswer.self, from: try read(file, path: path), path: path)
        if let time = stored.updatedAt { Self.keepNewer(time.utf8, in: &latest) }
        if !stored.answer.evidence.isEmpty { citesEvidence = true }
        guard let question else { return .unanswered }
        return evaluator.risk(questionId: evaluator.questionIds[question], answer: stored.answer)
    }

    /// Replaces `latest` by `time` when `time` sorts after it (ISO 8601 times in UTC sort as text).
    private static func keepNewer(_ time: some Collection<UInt8>, in latest: inout [UInt8]) {
        if latest.lexicographicallyPrecedes(time) { latest = Array(time) }
    }

    /// `effectiveLens(_:)`, resolved once per applied lens and base commit.
    func cachedEffectiveLens(_ applied: WorkloadLens) throws(WorkspaceError) -> LoadedLens {
        if let cached = effectiveLensCache[applied] { return cached }
        let lens = try effectiveLens(applied)
        effectiveLensCache[applied] = lens
        effectiveBlobCache[applied] = lens.blob
        return lens
    }

    /// The blob id of the lens version `applied` resolves to, without parsing the lens; nil when
    /// it does not resolve (the full evaluation then reports why).
    func effectiveLensBlob(_ applied: WorkloadLens) -> ObjectID? {
        if let cached = effectiveBlobCache[applied] { return cached }
        var blob: ObjectID?
        if let record = try? lensRecord(applied.alias) {
            let version = record.latestMinor(after: applied.version)
            if record.versions.contains(where: { $0.version == version }),
                let entry = try? entry(Layout.lensVersion(applied.alias, version)), entry.kind == .blob
            {
                blob = entry.id
            }
        }
        effectiveBlobCache[applied] = .some(blob)
        return blob
    }

    /// `<question>.json` -> question index for a lens version, built once per version.
    private func answerFileIndex(_ lens: LoadedLens) -> [String: Int] {
        if let index = parsed.answerFileIndex[lens.blob] { return index }
        var index: [String: Int] = [:]
        for (position, id) in lens.evaluator.questionIds.enumerated() where index[Layout.answerFileName(id)] == nil {
            index[Layout.answerFileName(id)] = position
        }
        parsed.answerFileIndex[lens.blob] = index
        return index
    }
}

/// A profile version and a lens version: what decides which questions are prioritized, with the
/// workspace's mapping and profile template at the workspace's base.
struct PrioritizedMaskKey: Hashable {
    var profile: ProfileReference
    var lens: String
    var blob: ObjectID
}

extension Workspace {
    /// For each question of `lens` (its evaluator's `questionIds`, in order), whether the
    /// workload's profile prioritizes it: nil when the workload uses no profile or the mapping
    /// does not cover the lens (`questionPriorities`). Computed once per profile version and
    /// lens version, so the profile files are read once however many workloads use them.
    func prioritizedMask(of workload: Workload, applied: WorkloadLens, lens: LoadedLens) throws(WorkspaceError) -> [Bool]? {
        guard let profile = workload.profile else { return nil }
        let key = PrioritizedMaskKey(profile: profile, lens: applied.alias, blob: lens.blob)
        if let known = prioritizedMasks[key] { return known }
        let mask = try questionPriorities(of: workload, lensAlias: applied.alias, lens: lens.lens)
            .map { $0.prioritizedMask(questionIds: lens.evaluator.questionIds) }
        prioritizedMasks[key] = .some(mask)
        return mask
    }

    /// The ids of what prioritization reads besides the workload and its lenses, at `base`:
    /// the summary cache's key for the prioritized counts of workloads with a profile.
    func profileDependency() throws(WorkspaceError) -> SummaryCache.ProfileDependency {
        if let known = profileDependencyMemo { return known }
        let dependency = SummaryCache.ProfileDependency(
            profiles: try entry(Layout.profiles)?.id, mapping: try entry(Layout.profilePrioritization)?.id,
            template: try entry(Layout.profileTemplate)?.id)
        profileDependencyMemo = dependency
        return dependency
    }
}
