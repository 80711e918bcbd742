import Git
import WelltreeCore

/// A review template as found in the tree: its directory, its record, and the id of its whole
/// directory.
package struct StoredTemplate: Sendable, Equatable {
    /// `<dir>` of `templates/<dir>`, fixed when the template was created.
    package var directory: String
    package var template: ReviewTemplate
    package var tree: ObjectID
}

/// One lens of a template with its answers, notes and counts, evaluated against the version the
/// template is pinned to (advanced through minor versions, as for workloads).
package struct TemplateLens: Sendable {
    package var applied: WorkloadLens
    package var lens: LoadedLens
    package var answers: [String: StoredAnswer]
    package var notes: LensReviewNotes
    package var review: ReviewTemplateLensReview

    /// The question `id` of the lens with its pillar, or an error listing the lens's questions.
    package func question(_ id: String) throws(WorkspaceError) -> (LensPillar, LensQuestion) {
        if let found = lens.lens.question(id: id) { return found }
        let ids = lens.lens.pillars.flatMap { $0.questions.map(\.id) }
        throw .notFound(what: "question", name: id, hint: "lens \(applied.alias) has questions: \(ids.joined(separator: ", "))")
    }

    /// When an answer or the notes last changed (nil: never).
    package var updatedAt: String? { answers.values.compactMap(\.updatedAt).max() }
}

/// What `template create` asks for.
package struct TemplateRequest: Sendable {
    package var name: String
    package var description: String
    package var notes: String?
    /// Lenses besides the framework lens, which every template applies.
    package var lenses: [String]

    package init(name: String, description: String, notes: String? = nil, lenses: [String] = []) {
        self.name = name
        self.description = description
        self.notes = notes
        self.lenses = lenses
    }
}

/// What `template update` changes; nil leaves a text as it is.
package struct TemplateChange: Sendable {
    package var name: String?
    package var description: String?
    package var notes: String?
    package var addLenses: [String]
    package var removeLenses: [String]

    package init(name: String? = nil, description: String? = nil, notes: String? = nil, addLenses: [String] = [], removeLenses: [String] = []) {
        self.name = name
        self.description = description
        self.notes = notes
        self.addLenses = addLenses
        self.removeLenses = removeLenses
    }
}

extension Workspace {
    // MARK: Reading

    /// Every template, deleted ones included, in directory order. Entries below `templates/`
    /// that are no directory are passed over here and reported by `welltree validate`.
    package func allTemplates() throws(WorkspaceError) -> [StoredTemplate] {
        var result: [StoredTemplate] = []
        for entry in try directory(Layout.templates) where entry.kind == .tree {
            result.append(try loadTemplate(entry))
        }
        return result
    }

    /// Reads the template stored in the directory `entry` (named by its `<dir>`).
    func loadTemplate(_ entry: TreeEntry) throws(WorkspaceError) -> StoredTemplate {
        let path = Layout.templateFile(entry.name)
        guard let file = try git({ () throws(GitError) in try repository.entry(at: ReviewTemplate.fileName, inTree: entry.id) }) else {
            throw .invalidFile(
                path: path, JSONDocumentError(path: .root, position: nil, message: "the template directory has no \(ReviewTemplate.fileName)"))
        }
        let template = try decode(ReviewTemplate.self, from: try read(file, path: path), path: path)
        return StoredTemplate(directory: entry.name, template: template, tree: entry.id)
    }

    /// Finds a template by id, by Welltree's ARN form, by name (spaces and case ignored) or by
    /// its directory's name. A name held by a deleted template and a live one means the live one.
    package func findTemplate(_ reference: String) throws(WorkspaceError) -> StoredTemplate {
        let all = try allTemplates()
        let arnPrefix = "arn:welltree:wellarchitected:::review-template/"
        let id = reference.hasPrefix(arnPrefix) ? String(reference.dropFirst(arnPrefix.count)) : reference
        if let found = all.first(where: { $0.template.id == id }) { return found }
        let wanted = Workload.normalizedName(reference)
        var matches = all.filter { !wanted.isEmpty && Workload.normalizedName($0.template.name) == wanted }
        if matches.isEmpty { matches = all.filter { $0.directory == reference } }
        if matches.count > 1 {
            let live = matches.filter { $0.template.deletedAt == nil }
            if live.count == 1 { return live[0] }
            throw .refused(
                "\"\(Violation.visible(reference))\" names \(matches.count) templates; name one by its id: \(matches.map(\.template.id).joined(separator: ", "))",
                code: .ambiguous, subject: reference)
        }
        guard let found = matches.first else {
            throw .notFound(what: "template", name: reference, hint: "`welltree template list` shows the templates")
        }
        return found
    }

    /// The answers of one lens of a template, keyed by question id.
    package func templateAnswers(of stored: StoredTemplate, lens alias: String) throws(WorkspaceError) -> [String: StoredAnswer] {
        let directoryPath = Layout.templateAnswersDirectory(stored.directory, lens: alias)
        guard let entry = try entry(directoryPath) else { return [:] }
        guard entry.kind == .tree else { throw .notADirectory(path: directoryPath, found: WorkspaceValidator.kindName(entry.kind)) }
        var result: [String: StoredAnswer] = [:]
        for file in try git({ () throws(GitError) in try repository.treeEntries(entry.id) }) {
            guard let question = Layout.question(ofAnswerFileName: file.name) else { continue }
            let path = "\(directoryPath)/\(file.name)"
            result[question] = try parseAnswer(try read(file, path: path), path: path).stored
        }
        return result
    }

    /// The lens and pillar notes of one lens of a template (empty when none were written).
    package func templateNotes(of stored: StoredTemplate, lens alias: String) throws(WorkspaceError) -> LensReviewNotes {
        try document(LensReviewNotes.self, at: Layout.templateNotesFile(stored.directory, lens: alias)) ?? LensReviewNotes()
    }

    /// The lens `alias` of a template (default: the framework lens), or an error naming its lenses.
    package func templateLensApplied(_ stored: StoredTemplate, alias: String?) throws(WorkspaceError) -> WorkloadLens {
        let wanted = alias ?? BuiltinLens.framework
        guard let applied = stored.template.lenses.first(where: { $0.alias == wanted }) else {
            throw .notFound(
                what: "lens", name: wanted,
                hint: "template \"\(stored.template.name)\" has \(stored.template.lenses.map(\.alias).joined(separator: ", "))")
        }
        return applied
    }

    /// One lens of a template with its answers, notes and counts.
    package func templateLens(_ stored: StoredTemplate, alias: String?) throws(WorkspaceError) -> TemplateLens {
        let applied = try templateLensApplied(stored, alias: alias)
        let lens = try effectiveLens(applied)
        let answers = try templateAnswers(of: stored, lens: applied.alias)
        let notes = try templateNotes(of: stored, lens: applied.alias)
        let review = ReviewTemplateLensReview.compute(lens: lens.lens, answers: answers.mapValues(\.answer), notes: notes)
        return TemplateLens(applied: applied, lens: lens, answers: answers, notes: notes, review: review)
    }

    /// Every lens of a template, in the template's order.
    package func templateLenses(_ stored: StoredTemplate) throws(WorkspaceError) -> [TemplateLens] {
        var result: [TemplateLens] = []
        for applied in stored.template.lenses { result.append(try templateLens(stored, alias: applied.alias)) }
        return result
    }

    /// CURRENT, or LENS_NOT_CURRENT when one of the template's lenses has a newer major version.
    package func templateUpdateStatus(_ template: ReviewTemplate) throws(WorkspaceError) -> ReviewTemplateUpdateStatus {
        var records: [String: LensRecord] = [:]
        for lens in template.lenses { records[lens.alias] = try lensRecord(lens.alias) }
        return template.updateStatus(lensRecords: records)
    }

    // MARK: Access

    /// Refuses unless the acting principal owns the template or is an administrator.
    package func requireTemplateOwner(_ template: ReviewTemplate, to action: String) throws(WorkspaceError) {
        let actor = try principal()
        if actor == template.owner { return }
        if try accessPolicy().isAdministrator(actor) { return }
        throw .forbidden(
            "\(actor) may not \(action) of template \"\(template.name)\": only its owner \(template.owner) or an administrator may",
            subject: template.id)
    }

    /// Refuses to apply a template to a new workload when it is deleted, or when the acting
    /// principal neither owns it nor holds an accepted share of it.
    package func requireTemplateUse(_ template: ReviewTemplate) throws(WorkspaceError) {
        if template.deletedAt != nil {
            throw .refused(
                "template \"\(template.name)\" was deleted and can no longer be applied to new workloads", code: .refused, subject: template.id)
        }
        let actor = try principal()
        guard actor != template.owner, try !holdsTemplateShare(template) else { return }
        throw .forbidden(
            "\(actor) may not apply template \"\(template.name)\": it is owned by \(template.owner) and not shared with \(actor) (an accepted template share is needed)",
            subject: template.id)
    }

    // MARK: Writing

    /// CreateReviewTemplate: a new template owned by the acting principal, its lenses pinned to
    /// their current versions, in one commit.
    package func createTemplate(_ request: TemplateRequest) throws(WorkspaceError) -> StoredTemplate {
        try requireInitialised()
        let owner = try principal()
        let existing = try allTemplates()
        var aliases = [BuiltinLens.framework]
        for alias in request.lenses where !aliases.contains(alias) { aliases.append(alias) }
        let applied = try applicableLenses(aliases)
        let available = Dictionary(applied.map { ($0.alias, $0.version) }, uniquingKeysWith: { first, _ in first })
        let template: ReviewTemplate
        do {
            template = try ReviewTemplate.create(
                id: ReviewTemplate.newID(), name: request.name, description: request.description, notes: request.notes,
                lenses: request.lenses, available: available, owner: owner, now: isoNow(),
                existingNames: existing.filter { $0.template.deletedAt == nil }.map(\.template.name))
        } catch {
            throw .invalid(error)
        }
        let directory = freshDirectory(for: template.name, taken: Set(existing.map(\.directory)))
        var changes = ChangeSet()
        try changes.write(Layout.templateFile(directory), json: template)
        try commit(changes, message: "Create review template \(template.name)")
        return try reloadTemplate(directory: directory)
    }

    /// UpdateReviewTemplate: texts and lenses. Removing a lens removes the template's answers
    /// and notes for it. Owner or administrator; one commit, none when nothing changes.
    package func updateTemplate(_ reference: String, _ change: TemplateChange) throws(WorkspaceError) -> (StoredTemplate, changed: Bool) {
        try requireInitialised()
        let stored = try findTemplate(reference)
        try requireTemplateOwner(stored.template, to: "change it")
        let others = try allTemplates().filter { $0.template.id != stored.template.id && $0.template.deletedAt == nil }
        let added = try applicableLenses(change.addLenses.filter { alias in !stored.template.lenses.contains { $0.alias == alias } })
        let updated: ReviewTemplate
        do {
            updated = try stored.template.updated(
                name: change.name, description: change.description, notes: change.notes, lensesToAssociate: change.addLenses,
                lensesToDisassociate: change.removeLenses,
                available: Dictionary(added.map { ($0.alias, $0.version) }, uniquingKeysWith: { first, _ in first }),
                existingNames: others.map(\.template.name), now: isoNow())
        } catch {
            throw .invalid(error)
        }
        guard updated != stored.template else { return (stored, false) }
        var changes = ChangeSet()
        try changes.write(Layout.templateFile(stored.directory), json: updated)
        for alias in change.removeLenses {
            changes.removeDirectory(Layout.templateAnswersDirectory(stored.directory, lens: alias))
            changes.remove(Layout.templateNotesFile(stored.directory, lens: alias))
        }
        try commit(changes, message: "Update review template \(updated.name)")
        return (try reloadTemplate(directory: stored.directory), true)
    }

    /// DeleteReviewTemplate: marks the template deleted (its files stay, for the workloads
    /// created from it and their `template status`); nobody applies it to new workloads. Its
    /// pending and accepted shares are then revoked, in one commit on the shares ref.
    package func deleteTemplate(_ reference: String) throws(WorkspaceError) -> StoredTemplate {
        try requireInitialised()
        let stored = try findTemplate(reference)
        try requireTemplateOwner(stored.template, to: "delete it")
        let deleted: ReviewTemplate
        do {
            deleted = try stored.template.deleted(now: isoNow())
        } catch {
            throw .invalid(error)
        }
        var changes = ChangeSet()
        try changes.write(Layout.templateFile(stored.directory), json: deleted)
        try commit(changes, message: "Delete review template \(stored.template.name)")
        do {
            _ = try revokeTemplateShares(deleted)
        } catch {
            throw .refused(
                "deleted template \"\(stored.template.name)\" (\(stored.template.id)), but revoking its shares failed: \(error); "
                    + "revoke them with `welltree template share delete \(stored.template.id) SHARE_ID`", code: .partlyDone, subject: stored.template.id)
        }
        return try reloadTemplate(directory: stored.directory)
    }

    /// UpdateReviewTemplateAnswer: one answer of a template, checked against the question of
    /// the template's lens version exactly as `answer update` checks a workload's. The template's
    /// version is raised in the same commit (workloads created later receive the new answer).
    package func updateTemplateAnswer(
        _ reference: String, lens alias: String?, question questionId: String, update: AnswerUpdate
    ) throws(WorkspaceError) -> (StoredTemplate, TemplateLens, changed: Bool) {
        try requireInitialised()
        let stored = try findTemplate(reference)
        try requireTemplateOwner(stored.template, to: "change answers")
        try refuseDeleted(stored.template)
        let before = try templateLens(stored, alias: alias)
        let (_, question) = try before.question(questionId)
        let previous = before.answers[questionId]
        // Citations record the id each path has now, confirmed by the template's owner; a
        // workload created from the template copies them as they are.
        var update = update
        update.evidence = try confirmingCitations(update.evidence, question: question)
        let answer: Answer
        do {
            answer = try update.apply(to: previous?.answer, question: question)
        } catch {
            throw .invalid(error)
        }
        if answer == previous?.answer ?? Answer() { return (stored, before, false) }
        let now = isoNow()
        var changes = ChangeSet()
        let path = Layout.templateAnswerFile(stored.directory, lens: before.applied.alias, question: questionId)
        if answer.isEmpty { changes.remove(path) } else { try changes.write(path, json: StoredAnswer(answer: answer, updatedAt: now)) }
        let bumped = stored.template.bumped(now: now)
        try changes.write(Layout.templateFile(stored.directory), json: bumped)
        let status = ReviewTemplateAnswerStatus(answer).rawValue
        try commit(
            changes,
            message: "Answer \(questionId) of review template \(stored.template.name) (\(before.applied.alias)): \(status), version \(bumped.version)")
        let after = try reloadTemplate(directory: stored.directory)
        return (after, try templateLens(after, alias: before.applied.alias), true)
    }

    /// UpdateReviewTemplateLensReview: the notes of a template's lens and of its pillars
    /// (`pillarNotes` by pillar id; an empty text removes one). Raises the template's version.
    package func updateTemplateNotes(
        _ reference: String, lens alias: String?, notes: String?, pillarNotes: [String: String]
    ) throws(WorkspaceError) -> (StoredTemplate, TemplateLens, changed: Bool) {
        try requireInitialised()
        let stored = try findTemplate(reference)
        try requireTemplateOwner(stored.template, to: "change notes")
        try refuseDeleted(stored.template)
        let before = try templateLens(stored, alias: alias)
        let new: LensReviewNotes
        do {
            new = try before.notes.updated(notes: notes, pillarNotes: pillarNotes, lens: before.lens.lens)
        } catch {
            throw .invalid(error)
        }
        guard new != before.notes else { return (stored, before, false) }
        var changes = ChangeSet()
        let path = Layout.templateNotesFile(stored.directory, lens: before.applied.alias)
        if new.isEmpty { changes.remove(path) } else { try changes.write(path, json: new) }
        let bumped = stored.template.bumped(now: isoNow())
        try changes.write(Layout.templateFile(stored.directory), json: bumped)
        try commit(
            changes, message: "Update notes of review template \(stored.template.name) (\(before.applied.alias)), version \(bumped.version)")
        let after = try reloadTemplate(directory: stored.directory)
        return (after, try templateLens(after, alias: before.applied.alias), true)
    }

    /// The template in `directory` as the current base commit has it.
    package func reloadTemplate(directory: String) throws(WorkspaceError) -> StoredTemplate {
        guard let entry = try entry(Layout.templateDirectory(directory)), entry.kind == .tree else {
            throw .notFound(what: "template directory", name: Layout.templateDirectory(directory), hint: nil)
        }
        return try loadTemplate(TreeEntry(name: directory, id: entry.id, kind: .tree))
    }

    private func refuseDeleted(_ template: ReviewTemplate) throws(WorkspaceError) {
        guard template.deletedAt == nil else {
            throw .refused("template \"\(template.name)\" is deleted and cannot change", code: .refused, subject: template.id)
        }
    }

    // MARK: Workloads from a template

    /// What a workload created from `stored` receives besides the lenses asked for: the
    /// template's lenses at their pinned versions (a lens asked for too takes the template's
    /// version, which its answers were written for), and the files to write into the new
    /// workload's directory (answers stamped `now`, notes).
    func templateContents(
        _ stored: StoredTemplate, asked: [WorkloadLens], directory: String, now: String
    ) throws(WorkspaceError) -> (lenses: [WorkloadLens], changes: ChangeSet) {
        try requireTemplateUse(stored.template)
        var lenses = asked
        for pinned in stored.template.lenses {
            let record = try requireLensRecord(pinned.alias)
            try requireLensUse(record)
            if record.deletedAt != nil {
                throw .refused(
                    "lens \(pinned.alias) of template \"\(stored.template.name)\" was deleted and can no longer be applied",
                    code: .lensUnavailable, subject: pinned.alias)
            }
            if let index = lenses.firstIndex(where: { $0.alias == pinned.alias }) {
                lenses[index] = pinned
            } else {
                lenses.append(pinned)
            }
        }
        var changes = ChangeSet()
        for pinned in stored.template.lenses {
            for (question, answer) in try templateAnswers(of: stored, lens: pinned.alias) where !answer.answer.isEmpty {
                try changes.write(
                    Layout.answerFile(directory, lens: pinned.alias, question: question), json: StoredAnswer(answer: answer.answer, updatedAt: now))
            }
            let notes = try templateNotes(of: stored, lens: pinned.alias)
            if !notes.isEmpty { try changes.write(Layout.lensNotesFile(directory, lens: pinned.alias), json: notes) }
        }
        return (lenses, changes)
    }
}
