import Git
import WelltreeCore

/// One workload created from a template, compared with the template lens by lens.
package struct TemplateWorkloadComparison: Sendable {
    package var workload: StoredWorkload
    package var reference: TemplateReference
    /// For each lens both apply, in the workload's order: its answers and its lens and pillar
    /// notes compared, and the workload's notes as they are (what `apply` starts from).
    package var lenses: [(alias: String, comparisons: [TemplateAnswerComparison], notes: [TemplateNotesComparison], workloadNotes: LensReviewNotes)]
}

/// What `template apply` wrote and skipped.
package struct TemplateApplyOutcome: Sendable {
    /// The workloads as compared before the write.
    package var compared: [TemplateWorkloadComparison]
    /// Per workload id, the questions written (`lens/question`).
    package var written: [String: [String]]
    /// Per workload id, the notes written (`lens/notes`, `lens/notes/<pillar id>`).
    package var notesWritten: [String: [String]] = [:]
    /// Whether a commit was made.
    package var committed: Bool
}

/// What `template upgrade` changed.
package struct TemplateUpgradeOutcome: Sendable {
    package var template: StoredTemplate
    /// Per lens upgraded: from and to version and the answers migrated.
    package var lenses: [(alias: String, from: String, to: String, upgrade: LensUpgrade)]
}

extension Workspace {
    // MARK: Upgrade

    /// UpgradeReviewTemplateLensReview: moves lens `alias` of the template (every lens that is
    /// not current when nil) to its current version, migrating the template's answers as a
    /// workload's lens upgrade does (answers to remaining questions kept, selections of removed
    /// choices dropped) and dropping notes of pillars the new version lacks. One commit that
    /// raises the template's version. Owner or administrator; refused when nothing is behind.
    package func upgradeTemplate(_ reference: String, lens alias: String?) throws(WorkspaceError) -> TemplateUpgradeOutcome {
        try requireInitialised()
        let stored = try findTemplate(reference)
        try requireTemplateOwner(stored.template, to: "upgrade a lens")
        var template = stored.template
        let candidates = alias.map { [$0] } ?? template.lenses.map(\.alias)
        var changes = ChangeSet()
        var upgraded: [(alias: String, from: String, to: String, upgrade: LensUpgrade)] = []
        let now = isoNow()
        for candidate in candidates {
            let applied = try templateLensApplied(stored, alias: candidate)
            let record = try requireLensRecord(candidate)
            switch record.status(ofVersionInUse: applied.version) {
            case .current, .deleted:
                if alias == nil { continue }
                throw .refused(
                    "template \"\(stored.template.name)\" already uses the current version \(record.latestMinor(after: applied.version)) of lens \(candidate)"
                        + (record.deletedAt != nil ? " (the lens was deleted; there is nothing to upgrade to)" : ""),
                    code: .alreadyDone, subject: candidate)
            case .unshared:
                if alias == nil { continue }
                throw .refused(
                    "lens \(candidate) of template \"\(stored.template.name)\" is no longer shared with its owner; nothing of it can be upgraded",
                    code: .lensUnavailable, subject: candidate)
            case .notCurrent, .deprecated:
                break
            }
            let from = try effectiveLens(applied)
            let to = try loadLens(candidate)
            let answers = try templateAnswers(of: stored, lens: candidate)
            let upgrade = LensUpgrade(from: from.lens, to: to.lens, answers: answers.mapValues(\.answer))
            for (question, answer) in upgrade.answers where answers[question]?.answer != answer {
                try changes.write(
                    Layout.templateAnswerFile(stored.directory, lens: candidate, question: question),
                    json: StoredAnswer(answer: answer, updatedAt: now))
            }
            for question in upgrade.removedAnswers {
                changes.remove(Layout.templateAnswerFile(stored.directory, lens: candidate, question: question))
            }
            let notes = try templateNotes(of: stored, lens: candidate)
            var kept = notes
            let pillars = Set(to.lens.pillars.map(\.id))
            kept.pillarNotes = notes.pillarNotes.filter { pillars.contains($0.key) }
            if kept != notes {
                let path = Layout.templateNotesFile(stored.directory, lens: candidate)
                if kept.isEmpty { changes.remove(path) } else { try changes.write(path, json: kept) }
            }
            do {
                template = try template.upgraded(lens: candidate, to: to.version, now: now)
            } catch {
                throw .invalid(error)
            }
            upgraded.append((candidate, from.version, to.version, upgrade))
        }
        guard !upgraded.isEmpty else {
            throw .refused(
                "every lens of template \"\(stored.template.name)\" is at its current version", code: .alreadyDone, subject: stored.template.id)
        }
        try changes.write(Layout.templateFile(stored.directory), json: template)
        let summary = upgraded.map { "\($0.alias) \($0.from) -> \($0.to)" }.joined(separator: ", ")
        try commit(changes, message: "Upgrade review template \(stored.template.name): \(summary), version \(template.version)")
        return TemplateUpgradeOutcome(template: try reloadTemplate(directory: stored.directory), lenses: upgraded)
    }

    // MARK: Status

    /// `template status`: every workload created from the template (or those of `only`),
    /// compared with it. A workload whose template version the history cannot show is refused,
    /// named with its version: nothing is guessed.
    package func templateStatus(_ reference: String, only: [String]? = nil) throws(WorkspaceError)
        -> (StoredTemplate, [TemplateWorkloadComparison])
    {
        try requireInitialised()
        let stored = try findTemplate(reference)
        var workloads: [StoredWorkload] = []
        if let only {
            for name in only {
                let workload = try findWorkload(name)
                guard workload.workload.template?.id == stored.template.id else {
                    throw .refused(
                        "workload \"\(workload.workload.name)\" was not created from template \"\(stored.template.name)\"",
                        code: .refused, subject: workload.workload.id)
                }
                if !workloads.contains(where: { $0.workload.id == workload.workload.id }) { workloads.append(workload) }
            }
        } else {
            workloads = try allWorkloads().filter { $0.workload.template?.id == stored.template.id }
        }
        guard let oldest = workloads.compactMap(\.workload.template?.version).min() else { return (stored, []) }
        let history = try templateHistory(stored, since: oldest)
        var missing: [String] = []
        for workload in workloads where !history.seen.contains(workload.workload.template!.version) {
            missing.append("\"\(workload.workload.name)\" (template version \(workload.workload.template!.version))")
        }
        if !missing.isEmpty {
            throw .refused(
                "the history of this branch does not show template \"\(stored.template.name)\" at the version "
                    + "\(missing.count == 1 ? "a workload was" : "these workloads were") created from, so its old answers are unknown: "
                    + missing.joined(separator: ", ") + " (a shallow clone? fetch the full history)",
                code: .refused, subject: stored.template.id)
        }
        var result: [TemplateWorkloadComparison] = []
        for workload in workloads {
            let reference = workload.workload.template!
            var lenses: [(alias: String, comparisons: [TemplateAnswerComparison], notes: [TemplateNotesComparison], workloadNotes: LensReviewNotes)] = []
            for applied in workload.workload.lenses where stored.template.lensVersion(applied.alias) != nil {
                let lens = try effectiveLens(applied)
                let workloadAnswers = try answers(of: workload, lens: applied.alias).mapValues(\.answer)
                let current = try templateAnswers(of: stored, lens: applied.alias).mapValues(\.answer)
                let held = history.held(lens: applied.alias, since: reference.version)
                let workloadNotes = try lensNotes(of: workload, lens: applied.alias)
                let notes = TemplateStatus.compareNotes(
                    pillars: lens.lens.pillars.map(\.id), workload: workloadNotes, template: try templateNotes(of: stored, lens: applied.alias),
                    held: history.heldNotes(lens: applied.alias, since: reference.version))
                lenses.append(
                    (applied.alias,
                     TemplateStatus.compare(lens: lens.lens, workloadAnswers: workloadAnswers, templateAnswers: current, history: held),
                     notes, workloadNotes))
            }
            result.append(TemplateWorkloadComparison(workload: workload, reference: reference, lenses: lenses))
        }
        return (stored, result)
    }

    /// `template apply`: writes the template's current answer into each OUTDATED question of the
    /// workloads named (created from the template) that their lens version can take, as one
    /// commit; OVERRIDDEN answers are never touched. The acting principal needs answer access
    /// (owner or CONTRIBUTOR) to every workload written.
    package func applyTemplate(_ reference: String, workloads names: [String]) throws(WorkspaceError) -> TemplateApplyOutcome {
        let (stored, compared) = try templateStatus(reference, only: names)
        var changes = ChangeSet()
        var written: [String: [String]] = [:]
        var notesWritten: [String: [String]] = [:]
        let now = isoNow()
        for workload in compared {
            var questions: [String] = []
            var notesPlaces: [String] = []
            for (alias, comparisons, notes, workloadNotes) in workload.lenses {
                // Lens and pillar notes nobody on the workload changed follow the template too;
                // overridden ones keep the workload's text.
                let outdated = notes.filter { $0.state == .outdated }
                if !outdated.isEmpty {
                    let path = Layout.lensNotesFile(workload.workload.directory, lens: alias)
                    let applied = TemplateStatus.applying(outdated, to: workloadNotes)
                    if applied.isEmpty { changes.remove(path) } else { try changes.write(path, json: applied) }
                    notesPlaces += outdated.map { "\(alias)/\($0.place)" }
                }
                for comparison in comparisons where comparison.isApplicable {
                    let path = Layout.answerFile(workload.workload.directory, lens: alias, question: comparison.questionId)
                    if let proposal = comparison.proposal {
                        try changes.write(path, json: StoredAnswer(answer: proposal, updatedAt: now))
                    } else {
                        changes.remove(path)
                    }
                    questions.append("\(alias)/\(comparison.questionId)")
                }
            }
            if !questions.isEmpty || !notesPlaces.isEmpty {
                try requireAnswerAccess(to: workload.workload.workload)
            }
            if !questions.isEmpty { written[workload.workload.workload.id] = questions }
            if !notesPlaces.isEmpty { notesWritten[workload.workload.workload.id] = notesPlaces }
        }
        guard !changes.isEmpty else { return TemplateApplyOutcome(compared: compared, written: [:], committed: false) }
        let lines = compared.compactMap { workload -> String? in
            let id = workload.workload.workload.id
            let places = (written[id] ?? []) + (notesWritten[id] ?? [])
            guard !places.isEmpty else { return nil }
            return "\(workload.workload.workload.name): \(places.joined(separator: ", "))"
        }
        let count = written.values.reduce(0) { $0 + $1.count }
        let notesCount = notesWritten.values.reduce(0) { $0 + $1.count }
        let workloadCount = Set(written.keys).union(notesWritten.keys).count
        try commit(
            changes,
            message: """
                Apply review template \(stored.template.name) version \(stored.template.version) to \(workloadCount) workload\(workloadCount == 1 ? "" : "s") (\(count) answer\(count == 1 ? "" : "s")\(notesCount > 0 ? ", \(notesCount) notes" : ""))

                \(lines.joined(separator: "\n"))
                """)
        return TemplateApplyOutcome(compared: compared, written: written, notesWritten: notesWritten, committed: true)
    }

    // MARK: History

    /// What a template's answer files held in every commit reachable from the base commit whose
    /// template version is at least `since` (see docs/profiles-and-templates.md, "How the old
    /// answer is known"). The walk does not go past a commit whose template is older or absent.
    /// Answer directories are read only when their tree changed, and each blob once.
    func templateHistory(_ stored: StoredTemplate, since: Int) throws(WorkspaceError) -> TemplateHistory {
        var history = TemplateHistory()
        guard let base else { return history }
        let templatePath = Layout.templateFile(stored.directory)
        let answersPath = Layout.templateDirectory(stored.directory) + "/" + Layout.answersDirectoryName
        var queue = [base]
        var visited: Set<ObjectID> = [base]
        var versionsByBlob: [ObjectID: Int?] = [:]
        var seenAnswerTrees: Set<ObjectID> = []
        var answersByBlob: [ObjectID: Answer?] = [:]
        let notesPath = Layout.templateDirectory(stored.directory) + "/" + Layout.notesDirectoryName
        var seenNotesTrees: Set<ObjectID> = []
        while let id = queue.popLast() {
            let commit = try git { () throws(GitError) in try repository.commit(id) }
            guard let tree = try git({ () throws(GitError) in try workspaceSubtree(of: commit.tree) }),
                let file = try git({ () throws(GitError) in try repository.entry(at: templatePath, inTree: tree) })
            else { continue }
            let version: Int?
            if let known = versionsByBlob[file.id] {
                version = known
            } else {
                let template = try? decode(ReviewTemplate.self, from: try read(file, path: templatePath), path: templatePath)
                version = template?.id == stored.template.id ? template?.version : nil
                versionsByBlob[file.id] = version
            }
            guard let version, version >= since else { continue }
            history.seen.insert(version)
            let notesEntry = try git { () throws(GitError) in try repository.entry(at: notesPath, inTree: tree) }
            let notesTree = notesEntry?.kind == .tree ? notesEntry?.id : nil
            history.recordNotes(version: version, notesTree: notesTree)
            if let notesTree, seenNotesTrees.insert(notesTree).inserted {
                for file in try git({ () throws(GitError) in try repository.treeEntries(notesTree) }) where file.kind == .blob {
                    guard file.name.hasSuffix(".json") else { continue }
                    let path = "\(notesPath)/\(file.name)"
                    let notes = (try? read(file, path: path)).flatMap { try? decode(LensReviewNotes.self, from: $0, path: path) }
                    history.addNotes(tree: notesTree, lens: String(file.name.dropLast(5)), notes: notes ?? LensReviewNotes())
                }
            }
            let answers = try git { () throws(GitError) in try repository.entry(at: answersPath, inTree: tree) }
            let answersTree = answers?.kind == .tree ? answers?.id : nil
            // The same answers tree at another version holds the same answers; only its version
            // range grows.
            history.record(version: version, answersTree: answersTree)
            if let answersTree, seenAnswerTrees.insert(answersTree).inserted {
                for lens in try git({ () throws(GitError) in try repository.treeEntries(answersTree) }) where lens.kind == .tree {
                    for file in try git({ () throws(GitError) in try repository.treeEntries(lens.id) }) {
                        guard let question = Layout.question(ofAnswerFileName: file.name) else { continue }
                        if answersByBlob[file.id] == nil {
                            let path = "\(answersPath)/\(lens.name)/\(file.name)"
                            let bytes = try? read(file, path: path)
                            answersByBlob[file.id] = .some(bytes.flatMap { try? parseAnswer($0, path: path).stored.answer })
                        }
                        history.add(tree: answersTree, lens: lens.name, question: question, answer: answersByBlob[file.id] ?? nil)
                    }
                }
            }
            for parent in commit.parents where visited.insert(parent).inserted { queue.append(parent) }
        }
        return history
    }
}

/// The answers a template's files held, by answers tree, and the versions each tree was seen at.
struct TemplateHistory {
    /// The template versions seen in the walk.
    var seen: Set<Int> = []
    /// Per answers tree (nil key: no answers directory), the versions it was seen at.
    private var versions: [ObjectID?: Set<Int>] = [:]
    /// Per answers tree, lens and question, the answer its file held.
    private var answers: [ObjectID: [String: [String: Answer?]]] = [:]

    mutating func record(version: Int, answersTree: ObjectID?) {
        versions[answersTree, default: []].insert(version)
    }

    mutating func add(tree: ObjectID, lens: String, question: String, answer: Answer?) {
        answers[tree, default: [:]][lens, default: [:]][question] = answer
    }

    /// Per notes tree (nil key: no notes directory), the versions it was seen at.
    private var notesVersions: [ObjectID?: Set<Int>] = [:]
    /// Per notes tree, the notes file of each lens.
    private var notes: [ObjectID: [String: LensReviewNotes]] = [:]

    mutating func recordNotes(version: Int, notesTree: ObjectID?) {
        notesVersions[notesTree, default: []].insert(version)
    }

    mutating func addNotes(tree: ObjectID, lens: String, notes value: LensReviewNotes) {
        notes[tree, default: [:]][lens] = value
    }

    /// For lens `alias`, every distinct notes file the template held at a version of at least
    /// `since` (no file: empty notes).
    func heldNotes(lens alias: String, since: Int) -> [LensReviewNotes] {
        var result: [LensReviewNotes] = []
        for (tree, seen) in notesVersions where seen.contains(where: { $0 >= since }) {
            let value = tree.flatMap { notes[$0]?[alias] } ?? LensReviewNotes()
            if !result.contains(value) { result.append(value) }
        }
        return result
    }

    /// For lens `alias`, every answer each question held at a version of at least `since`; a
    /// question without a file in some such state held nil there.
    func held(lens alias: String, since: Int) -> TemplateAnswerHistory {
        let trees = versions.filter { $0.value.contains { $0 >= since } }.map(\.key)
        var questions: Set<String> = []
        for tree in trees.compactMap({ $0 }) { if let keys = answers[tree]?[alias]?.keys { questions.formUnion(keys) } }
        var held: [String: [Answer?]] = [:]
        for question in questions {
            var values: [Answer?] = []
            for tree in trees {
                let value: Answer? = tree.flatMap { answers[$0]?[alias]?[question] ?? nil }
                if !values.contains(value) { values.append(value) }
            }
            held[question] = values
        }
        return TemplateAnswerHistory(held)
    }
}
