import Git
import WelltreeCore

/// The files below `templates/` and the workloads' references to them.
extension WorkspaceValidator {
    /// Every template directory, or those holding one of `paths`: its record (the API's limits,
    /// the framework lens first, an id and a name of its own), its answers against the lens
    /// versions it is pinned to, and its notes against their lens's pillars.
    mutating func validateTemplates(in paths: Set<String>?, wanted: (String) -> Bool) throws(WorkspaceError) {
        let entries = try workspace.directory(Layout.templates)
        var directories: [TreeEntry] = []
        if let paths {
            let names = Set(paths.compactMap { $0.hasPrefix(Layout.templates + "/") ? Layout.templateDirectory(ofPath: $0) ?? "" : nil })
            for name in names.sorted() {
                guard let entry = entries.first(where: { $0.name == name }) else { continue }
                directories.append(entry)
            }
            for path in paths.sorted() where path.hasPrefix(Layout.templates + "/") && Layout.templateDirectory(ofPath: path) == nil {
                if try workspace.entry(path) != nil {
                    problems.append(FileProblem(path: path, message: "unexpected file; templates live in directories templates/<dir>/"))
                }
            }
        } else {
            directories = entries
        }
        guard !directories.isEmpty else { return }
        // Templates are few: every record is read to judge ids and names unique.
        var records: [(directory: String, template: ReviewTemplate)] = []
        for entry in entries where entry.kind == .tree {
            if let stored = try? workspace.loadTemplate(entry) { records.append((entry.name, stored.template)) }
        }
        for entry in directories {
            guard entry.kind == .tree else {
                problems.append(
                    FileProblem(
                        path: Layout.templates + "/" + entry.name, message: "unexpected \(Self.kindName(entry.kind)); templates live in directories templates/<dir>/"))
                continue
            }
            try validateTemplate(entry, records: records, wanted: wanted)
        }
    }

    private mutating func validateTemplate(
        _ directory: TreeEntry, records: [(directory: String, template: ReviewTemplate)], wanted: (String) -> Bool
    ) throws(WorkspaceError) {
        let directoryPath = Layout.templateDirectory(directory.name)
        if let bad = Self.badName(directory.name) {
            problems.append(FileProblem(path: directoryPath, message: bad))
            return
        }
        let path = Layout.templateFile(directory.name)
        let entries = try git { () throws(GitError) in try workspace.repository.treeEntries(directory.id) }
        guard let fileEntry = entries.first(where: { $0.name == ReviewTemplate.fileName }) else {
            problems.append(FileProblem(path: directoryPath, message: "the template directory has no \(ReviewTemplate.fileName)"))
            return
        }
        guard let (template, bytes) = try decode(ReviewTemplate.self, entry: fileEntry, path: path) else { return }
        if wanted(path) {
            let root = try? JSONParser.parse(bytes)
            let others = records.filter { $0.directory != directory.name }
            var violations = template.violations(otherNames: others.filter { $0.template.deletedAt == nil }.map(\.template.name))
            if let clash = others.first(where: { $0.template.id == template.id }) {
                violations.append(
                    Violation(field: "id", value: template.id, rule: "is also the id of \(Layout.templateFile(clash.directory))"))
            }
            for violation in violations {
                let key = String(violation.field.prefix { $0 != "[" && $0 != "." })
                let position = root?[key].map { SourcePosition(offset: $0.offset, in: bytes) }
                problems.append(FileProblem(path: path, position: position, message: violation.description))
            }
        }
        // Each lens at the version the template is pinned to (advanced through minor versions).
        var lenses: [String: Lens] = [:]
        for applied in template.lenses {
            if let lens = try? workspace.cachedEffectiveLens(applied).lens {
                lenses[applied.alias] = lens
            } else if wanted(path) {
                problems.append(
                    FileProblem(path: path, message: "lenses: lens \(applied.alias) \(applied.version) is no published lens version of this workspace"))
            }
        }
        for entry in entries where entry.name != ReviewTemplate.fileName {
            let child = directoryPath + "/" + entry.name
            if entry.name == Layout.answersDirectoryName, entry.kind == .tree {
                try validateTemplateAnswers(template, directory: directory.name, entry: entry, lenses: lenses, wanted: wanted)
            } else if entry.name == Layout.notesDirectoryName, entry.kind == .tree {
                try validateTemplateNotes(template, directory: directory.name, entry: entry, lenses: lenses, wanted: wanted)
            } else if wanted(child) {
                problems.append(
                    FileProblem(
                        path: child,
                        message: Self.badName(entry.name)
                            ?? "unexpected \(Self.kindName(entry.kind)); a template directory holds \(ReviewTemplate.fileName), answers/ and notes/"))
            }
        }
    }

    private mutating func validateTemplateAnswers(
        _ template: ReviewTemplate, directory: String, entry: TreeEntry, lenses: [String: Lens], wanted: (String) -> Bool
    ) throws(WorkspaceError) {
        for lensEntry in try git({ () throws(GitError) in try workspace.repository.treeEntries(entry.id) }) {
            let lensPath = Layout.templateAnswersDirectory(directory, lens: lensEntry.name)
            guard lensEntry.kind == .tree, Self.badName(lensEntry.name) == nil, template.lensVersion(lensEntry.name) != nil else {
                if wanted(lensPath) || lensEntry.kind == .tree {
                    problems.append(
                        FileProblem(
                            path: lensPath,
                            message: Self.badName(lensEntry.name)
                                ?? "answers for \(Violation.visible(lensEntry.name)), which is no lens of the template (its lenses: \(template.lenses.map(\.alias).joined(separator: ", ")))"
                        ))
                }
                continue
            }
            var questions: [String: LensQuestion] = [:]
            for pillar in lenses[lensEntry.name]?.pillars ?? [] {
                for question in pillar.questions where questions[question.id] == nil { questions[question.id] = question }
            }
            for file in try git({ () throws(GitError) in try workspace.repository.treeEntries(lensEntry.id) }) {
                let path = lensPath + "/" + file.name
                guard wanted(path) else { continue }
                if let bad = Self.badName(file.name) {
                    problems.append(FileProblem(path: path, message: bad))
                    continue
                }
                guard let questionId = Layout.question(ofAnswerFileName: file.name), file.kind != .tree else {
                    problems.append(FileProblem(path: path, message: "unexpected \(Self.kindName(file.kind)); answer files are <question id>.json"))
                    continue
                }
                guard let (stored, bytes) = try decode(StoredAnswer.self, entry: file, path: path) else { continue }
                checkNotes(stored.answer, bytes: bytes, path: path)
                guard lenses[lensEntry.name] != nil else { continue }
                guard let question = questions[questionId] else {
                    problems.append(FileProblem(path: path, message: "lens \(lensEntry.name) has no question \(Violation.visible(questionId))"))
                    continue
                }
                checkAnswer(stored.answer, question: question, bytes: bytes, path: path)
            }
        }
    }

    private mutating func validateTemplateNotes(
        _ template: ReviewTemplate, directory: String, entry: TreeEntry, lenses: [String: Lens], wanted: (String) -> Bool
    ) throws(WorkspaceError) {
        let directoryPath = Layout.templateDirectory(directory) + "/" + Layout.notesDirectoryName
        for file in try git({ () throws(GitError) in try workspace.repository.treeEntries(entry.id) }) {
            let path = directoryPath + "/" + file.name
            guard wanted(path) else { continue }
            let alias = file.name.hasSuffix(Layout.jsonExtension) ? String(file.name.dropLast(Layout.jsonExtension.count)) : nil
            guard file.kind == .blob, let alias, template.lensVersion(alias) != nil else {
                problems.append(
                    FileProblem(
                        path: path,
                        message: Self.badName(file.name)
                            ?? "unexpected \(file.kind == .blob ? "file" : Self.kindName(file.kind)); notes files are <alias>.json for a lens the template applies"))
                continue
            }
            guard let (notes, _) = try decode(LensReviewNotes.self, entry: file, path: path), let lens = lenses[alias] else { continue }
            for violation in notes.violations(lens: lens) {
                problems.append(FileProblem(path: path, message: violation.description))
            }
        }
    }

    /// A workload's `template` must name a template of the workspace (deleted or not: a workload
    /// keeps the template it was created from), at a version the template has reached.
    mutating func checkTemplateReference(_ reference: TemplateReference, path: String, bytes: [UInt8]) throws(WorkspaceError) {
        let root = try? JSONParser.parse(bytes)
        let position = root?["template"].map { SourcePosition(offset: $0.offset, in: bytes) }
        if templatesById == nil {
            var byId: [String: ReviewTemplate] = [:]
            for entry in try workspace.directory(Layout.templates) where entry.kind == .tree {
                if let stored = try? workspace.loadTemplate(entry) { byId[stored.template.id] = stored.template }
            }
            templatesById = byId
        }
        let found = templatesById?[reference.id]
        guard let found else {
            problems.append(
                FileProblem(path: path, position: position, message: "template.id: \(reference.id) names no review template of this workspace"))
            return
        }
        if reference.version > found.version {
            problems.append(
                FileProblem(
                    path: path, position: position,
                    message: "template.version: \(reference.version) is beyond the version \(found.version) of template \"\(Violation.visible(found.name))\""))
        }
    }
}
