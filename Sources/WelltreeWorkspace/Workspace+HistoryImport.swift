import Foundation
import Git
import WelltreeCore

/// A workload's history brought in from elsewhere (`welltree import aws`): its custom lenses with
/// the versions it used, its states (one per milestone in number order, then the present) and the
/// invitations to send.
package struct ImportedHistory: Sendable {
    /// One version of a custom lens: its file's bytes, checked again as `lens import` checks them.
    package struct LensVersion: Sendable {
        package var version: String
        package var bytes: [UInt8]

        package init(version: String, bytes: [UInt8]) {
            self.version = version
            self.bytes = bytes
        }
    }

    /// A custom lens created by the import, every version published as major.
    package struct CustomLens: Sendable {
        package var alias: String
        package var name: String
        package var versions: [LensVersion]

        package init(alias: String, name: String, versions: [LensVersion]) {
            self.alias = alias
            self.name = name
            self.versions = versions
        }
    }

    /// The workload in one state: a milestone (number, name, time) or the present (nil).
    package struct State: Sendable {
        package var milestone: (number: Int, name: String, recordedAt: String)?
        package var workload: Workload
        /// Answer files by lens alias and question id.
        package var answers: [String: [String: StoredAnswer]]
        /// Lens and pillar notes by lens alias (`notes/<alias>.json`); lenses without notes have none.
        package var notes: [String: LensReviewNotes]

        package init(
            milestone: (number: Int, name: String, recordedAt: String)?, workload: Workload, answers: [String: [String: StoredAnswer]],
            notes: [String: LensReviewNotes] = [:]
        ) {
            self.milestone = milestone
            self.workload = workload
            self.answers = answers
            self.notes = notes
        }
    }

    /// An invitation to send (the principal accepts it here).
    package struct Invitation: Sendable {
        package var shareId: String
        package var principal: String
        package var permission: SharePermission

        package init(shareId: String, principal: String, permission: SharePermission) {
            self.shareId = shareId
            self.principal = principal
            self.permission = permission
        }
    }

    package var lenses: [CustomLens]
    /// Milestones in number order, then the present, last.
    package var states: [State]
    package var invitations: [Invitation]
    /// Where the history comes from, for the commit messages ("the AWS Well-Architected Tool").
    package var source: String

    package init(lenses: [CustomLens], states: [State], invitations: [Invitation], source: String) {
        self.lenses = lenses
        self.states = states
        self.invitations = invitations
        self.source = source
    }
}

/// What an import wrote.
package struct ImportedWorkload: Sendable {
    package var stored: StoredWorkload
    package var milestones: [StoredMilestone]
    package var invitations: [Share]
    package var lenses: [LensRecord]
}

extension Workspace {
    /// Writes an imported history, all or nothing: the custom lenses and each milestone's state
    /// as one commit each (tagged as that milestone), the present state as the last commit, and
    /// the invitations on the shares ref.
    ///
    /// Every value is judged by the rules the workspace holds its own files to before anything
    /// is written: the workload (properties, a name and id no workload has), each answer against
    /// its lens version, each lens file as `lens import` judges it, the milestone names, each
    /// invitation as `share create` judges it. Then the commits are written as objects only, the
    /// milestone tags and the shares commit are created, and the branch moves last, with a
    /// compare-and-swap; when that fails, the tags and the shares ref are put back as they were.
    package func importHistory(_ history: ImportedHistory, signing: SigningChoice) throws(WorkspaceError) -> ImportedWorkload {
        try requireInitialised()
        guard branch != nil else { throw .detachedHead }
        try refuseUnsharded()
        let actor = try principal()
        guard let present = history.states.last, present.milestone == nil,
            history.states.dropLast().allSatisfy({ $0.milestone != nil })
        else { throw .refused("an imported history ends with the present state and has milestones before it") }
        let workload = present.workload

        return try withWriteLock { () throws(WorkspaceError) -> ImportedWorkload in
            try reload()
            let existing = try workloadIdentities()
            if let same = existing.first(where: { $0.id == workload.id }) {
                throw .refused("workload \(workload.id) exists already (\(same.directory.name)); nothing was imported", code: .duplicateId, subject: workload.id)
            }
            if let same = existing.first(where: { Workload.normalizedName($0.name) == Workload.normalizedName(workload.name) }) {
                throw .refused("a workload named \"\(same.name)\" exists already; rename one of them; nothing was imported")
            }
            if !(try milestones(ofWorkloadId: workload.id)).isEmpty {
                throw .refused(
                    "milestone tags of workload \(workload.id) exist already (of a deleted workload, or an import that was stopped); nothing was imported")
            }

            // Lenses: each version loaded as `lens import` loads a file, aliases still free.
            let now = isoNow()
            var records: [LensRecord] = []
            var lensFiles = ChangeSet()
            var contents: [String: Lens] = [:]
            for lens in history.lenses {
                guard Self.isValidAlias(lens.alias) else {
                    throw .invalid(ValidationError([Violation(field: "lens alias", value: lens.alias, rule: "must be 3-128 lowercase letters, digits and hyphens")]))
                }
                if try lensRecord(lens.alias) != nil { throw .refused("lens \(lens.alias) exists already; nothing was imported") }
                var record = LensRecord(alias: lens.alias, name: lens.name, owner: actor, type: .customSelf, createdAt: now)
                for version in lens.versions {
                    guard Self.isValidVersion(version.version) else {
                        throw .invalid(ValidationError([Violation(
                            field: "lens \(lens.alias) version", value: version.version, rule: "must be 1-32 letters, digits and periods")]))
                    }
                    let path = Layout.lensVersion(lens.alias, version.version)
                    let loaded: LensLoadResult
                    do throws(LensValidationError) {
                        loaded = try LensLoader.load(version.bytes, file: path, kind: .custom)
                    } catch {
                        throw .refused(error.description, code: .invalidLens)
                    }
                    contents[lens.alias + "\u{0}" + version.version] = loaded.lens
                    lensFiles.write(path, version.bytes)
                    record.versions.append(LensVersionRecord(version: version.version, isMajor: true, createdAt: now))
                }
                try lensFiles.write(Layout.lensMetadata(lens.alias), json: record)
                records.append(record)
            }

            // The lens of each applied lens version: imported above, or the workspace's.
            func lens(_ applied: WorkloadLens) throws(WorkspaceError) -> Lens {
                if let imported = contents[applied.alias + "\u{0}" + applied.version] { return imported }
                return try effectiveLens(applied).lens
            }

            // Each state checked as `validate` checks the files, and turned into its files.
            let directory = freshDirectory(for: workload.name, taken: Set(existing.map(\.directory.name)))
            var stateChanges: [ChangeSet] = []
            var milestones: [Milestone] = []
            for state in history.states {
                var problems = WorkloadValidation.validate(state.workload)
                if state.workload.id != workload.id {
                    problems.append(Violation(field: "id", value: state.workload.id, rule: "must be the id of the workload imported, \(workload.id)"))
                }
                if state.workload.owner != actor {
                    problems.append(Violation(field: "owner", value: state.workload.owner, rule: "must be the principal who imports, \(actor)"))
                }
                var changes = lensFiles
                try changes.write(Layout.workloadFile(directory), json: state.workload)
                var counts = RiskCounts()
                for applied in state.workload.lenses {
                    let content = try lens(applied)
                    let answers = state.answers[applied.alias] ?? [:]
                    for (questionId, stored) in answers.sorted(by: { $0.key < $1.key }) {
                        guard let (_, question) = content.question(id: questionId) else {
                            problems.append(Violation(
                                field: "answers/\(applied.alias)", value: questionId, rule: "is not a question of \(applied.alias) \(applied.version)"))
                            continue
                        }
                        problems += stored.answer.violations(against: question, field: "answers/\(applied.alias)/\(questionId)")
                        try changes.write(Layout.answerFile(directory, lens: applied.alias, question: questionId), json: stored)
                    }
                    counts.add(LensEvaluator(lens: content).review(answers: answers.mapValues(\.answer)).riskCounts)
                    if let notes = state.notes[applied.alias], !notes.isEmpty {
                        let path = Layout.lensNotesFile(directory, lens: applied.alias)
                        problems += notes.violations(lens: content).map { Violation(field: path + " " + $0.field, value: $0.value, rule: $0.rule) }
                        try changes.write(path, json: notes)
                    }
                }
                for alias in state.notes.keys.sorted() where !state.workload.lenses.contains(where: { $0.alias == alias }) {
                    problems.append(Violation(field: "notes", value: alias, rule: "is not a lens applied to the workload"))
                }
                for alias in state.answers.keys.sorted() where !state.workload.lenses.contains(where: { $0.alias == alias }) {
                    problems.append(Violation(field: "answers", value: alias, rule: "is not a lens applied to the workload"))
                }
                if let m = state.milestone {
                    do throws(ValidationError) {
                        try Milestone.validateNewName(m.name, existing: milestones, field: "milestone \(m.number)")
                    } catch {
                        problems += error.violations
                    }
                    if m.number != milestones.count + 1 {
                        problems.append(Violation(field: "milestone", value: String(m.number), rule: "must be numbered \(milestones.count + 1): milestones are numbered 1, 2, 3 ... in order"))
                    }
                    milestones.append(Milestone(
                        workloadId: workload.id, workloadName: state.workload.name, name: m.name, number: m.number,
                        recordedAt: m.recordedAt, riskCounts: counts, lenses: state.workload.lenses))
                }
                if !problems.isEmpty { throw .invalid(ValidationError(problems)) }
                stateChanges.append(changes)
            }

            // Invitations, judged as `share create` judges them.
            var store = try shareStore()
            let sharesBefore = store.commit
            var shareFile = try store.file(.workload(id: workload.id))
            var invitations: [Share] = []
            do throws(ValidationError) {
                for invitation in history.invitations {
                    guard Share.isValidID(invitation.shareId) else {
                        throw ValidationError([Violation(field: "shareId", value: invitation.shareId, rule: "must be 32 lowercase hex digits")])
                    }
                    invitations.append(try shareFile.create(
                        principal: invitation.principal, permission: invitation.permission, owner: actor, actor: actor, now: nowSeconds,
                        id: invitation.shareId))
                }
            } catch {
                throw .invalid(error)
            }

            // Objects: one commit per milestone, each on the one before, dated when it was recorded.
            guard let signature = try git({ () throws(GitError) in try repository.defaultSignature() }) else { throw .noIdentity }
            var parent = base
            var milestoneCommits: [ObjectID] = []
            for (index, milestone) in milestones.enumerated() {
                let changes = stateChanges[index]
                var treeChanges: [TreeChange] = []
                for path in changes.paths {
                    let blob = try git { () throws(GitError) in try repository.writeBlob(changes.files[path]!!) }
                    // Whole-tree paths: a workspace in a subdirectory keeps the code beside it.
                    treeChanges.append(TreeChange(path: Layout.repositoryPath(path, prefix: prefix), blob: blob))
                }
                let tree = try git { () throws(GitError) in try repository.updatedTree(base: rootTree, changes: treeChanges) }
                var dated = signature
                if let seconds = ISOTime.seconds(milestone.recordedAt) { dated.time = seconds }
                let message = UnsafeCharacter.escape(
                    "Import workload \(workload.name) from \(history.source): milestone \(milestone.number) \"\(milestone.name)\"",
                    keepingLineBreaks: true)
                let commit = try git { () throws(GitError) in
                    try repository.createCommit(tree: tree, parents: parent.map { [$0] } ?? [], message: message, author: dated, committer: dated)
                }
                milestoneCommits.append(commit)
                parent = commit
            }

            // References: tags, then shares, then the branch; undone in reverse when a later one fails.
            var tags: [StoredMilestone] = []
            func undo() {
                for tag in tags.reversed() {
                    if let target = try? repository.referenceTarget(tag.reference) { try? repository.deleteReference(tag.reference, expected: target) }
                }
                if let after = store.commit, after != sharesBefore {
                    if let sharesBefore {
                        try? repository.setReference(ShareStore.reference, to: sharesBefore, expected: after, message: "welltree: undo an import")
                    } else {
                        try? repository.deleteReference(ShareStore.reference, expected: after)
                    }
                }
            }
            do throws(WorkspaceError) {
                for (index, milestone) in milestones.enumerated() {
                    tags.append(try writeMilestone(PendingMilestone(
                        milestone: milestone, tagName: milestone.tagName(workloadDirectory: directory), commit: milestoneCommits[index],
                        signing: signing)))
                }
                if !invitations.isEmpty {
                    var changes = ChangeSet()
                    try changes.write(ShareStore.path(of: .workload(id: workload.id)), json: shareFile)
                    try store.write(changes, message: "Invite \(invitations.count) principals to workload \(workload.name) (imported)", as: actor)
                }
                try commit(
                    stateChanges[stateChanges.count - 1],
                    message: "Import workload \(workload.name) from \(history.source): the present state", parent: parent)
            } catch {
                undo()
                throw error
            }
            return ImportedWorkload(stored: try reloadWorkload(directory: directory), milestones: tags, invitations: invitations, lenses: records)
        }
    }
}
