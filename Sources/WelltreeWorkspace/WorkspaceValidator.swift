import Git
import WelltreeCore

/// One problem in one workspace file, compiler style so editors and CI can jump to it.
package struct FileProblem: Sendable, Equatable, CustomStringConvertible {
    package var path: String
    package var position: SourcePosition?
    package var message: String

    package init(path: String, position: SourcePosition? = nil, message: String) {
        self.path = path
        self.position = position
        self.message = message
    }

    /// `workloads/shop/answers/wellarchitected/priorities.json:3:5: error: ...`.
    package var description: String {
        let place = position.map { "\(path):\($0.line):\($0.column)" } ?? path
        return "\(place): error: \(message)"
    }
}

/// Checks the files of one workspace state against the file formats and against each other
/// (answers against their lens's questions and choices), collecting every problem.
///
/// What a pre-commit hook and CI run before anything reads the files for real: a hand edit
/// that breaks a file is refused with its path, line and column.
package struct WorkspaceValidator {
    let workspace: Workspace
    private var problems: [FileProblem] = []

    package init(_ workspace: Workspace) {
        self.workspace = workspace
    }

    /// Checks every file, or only `paths` (and whatever they depend on to be judged).
    package mutating func validate(only paths: Set<String>? = nil) throws(WorkspaceError) -> [FileProblem] {
        problems = []
        func wanted(_ path: String) -> Bool { paths?.contains(path) ?? true }
        if wanted(Layout.settings) {
            _ = try decode(WorkspaceSettings.self, at: Layout.settings)
        }
        for lens in try workspace.directory(Layout.lenses) where lens.kind == .tree {
            try validateLens(lens.name, wanted: wanted)
        }
        var names: [String: String] = [:]
        var ids: [String: String] = [:]
        var misplaced: [FileProblem] = []
        let directories = try workspace.workloadDirectories { path, rule in misplaced.append(FileProblem(path: path, message: rule)) }
        problems += misplaced
        for directory in directories {
            let prefix = Layout.workloadDirectory(directory.name) + "/"
            if let paths, !paths.contains(where: { $0.hasPrefix(prefix) }) { continue }
            try validateWorkload(directory, wanted: wanted, names: &names, ids: &ids)
        }
        return problems
    }

    private mutating func decode<T: Decodable>(_ type: T.Type, at path: String) throws(WorkspaceError) -> (T, [UInt8])? {
        guard let bytes = try workspace.file(path) else { return nil }
        do {
            return (try JSONNodeDecoder().decode(type, from: bytes), bytes)
        } catch {
            problems.append(FileProblem(path: path, position: error.position, message: "\(error.path): \(error.message)"))
            return nil
        }
    }

    private mutating func validateLens(_ alias: String, wanted: (String) -> Bool) throws(WorkspaceError) {
        let metadata = Layout.lensMetadata(alias)
        guard let (record, _) = try decode(LensRecord.self, at: metadata) else {
            if try workspace.entry(metadata) == nil {
                problems.append(FileProblem(path: metadata, message: "lens directory \(Layout.lensDirectory(alias)) has no lens.json"))
            }
            return
        }
        let kind: LensKind = record.type == .awsOfficial ? .official : .custom
        for version in record.versions {
            let path = Layout.lensVersion(alias, version.version)
            guard let bytes = try workspace.file(path) else {
                problems.append(FileProblem(path: metadata, message: "version \(version.version) is listed but \(path) does not exist"))
                continue
            }
            if wanted(path) { checkLens(bytes, path: path, kind: kind) }
        }
        let draft = Layout.lensDraft(alias)
        if wanted(draft), let bytes = try workspace.file(draft) { checkLens(bytes, path: draft, kind: kind) }
    }

    private mutating func checkLens(_ bytes: [UInt8], path: String, kind: LensKind) {
        do {
            _ = try LensLoader.load(bytes, file: path, kind: kind)
        } catch {
            for diagnostic in error.errors {
                problems.append(FileProblem(path: path, position: diagnostic.position, message: "\(diagnostic.path): \(diagnostic.message)"))
            }
        }
    }

    private mutating func validateWorkload(
        _ directory: TreeEntry, wanted: (String) -> Bool, names: inout [String: String], ids: inout [String: String]
    ) throws(WorkspaceError) {
        let path = Layout.workloadFile(directory.name)
        guard let (workload, bytes) = try decode(Workload.self, at: path) else {
            if try workspace.entry(path) == nil {
                problems.append(FileProblem(path: Layout.workloadDirectory(directory.name), message: "the workload directory has no workload.json"))
            }
            return
        }
        if wanted(path) {
            let root = try? JSONParser.parse(bytes)
            for violation in WorkloadValidation.validate(workload) {
                let key = String(violation.field.prefix { $0 != "[" && $0 != "." })
                let position = root?[key].map { SourcePosition(offset: $0.offset, in: bytes) }
                problems.append(FileProblem(path: path, position: position, message: violation.description))
            }
            let normalized = Workload.normalizedName(workload.name)
            if let other = names[normalized] {
                problems.append(FileProblem(path: path, message: "name \"\(workload.name)\" is already used by \(other)"))
            }
            if let other = ids[workload.id] {
                problems.append(FileProblem(path: path, message: "id \(workload.id) is already used by \(other)"))
            }
            names[normalized] = path
            ids[workload.id] = path
        }
        let stored = StoredWorkload(directory: directory.name, workload: workload, tree: directory.id)
        // Every applied lens must resolve, as `dashboard` and `status` will resolve it; a failure
        // is reported once, at the workload file, whether or not the lens has answers.
        var lenses: [String: Lens] = [:]
        for (index, applied) in workload.lenses.enumerated() {
            do {
                lenses[applied.alias] = try workspace.cachedEffectiveLens(applied).lens
            } catch {
                let root = wanted(path) ? try? JSONParser.parse(bytes) : nil
                let position = root?.find(JSONPath([.key("lenses"), .index(index)])).map { SourcePosition(offset: $0.offset, in: bytes) }
                problems.append(FileProblem(path: path, position: position, message: "lenses[\(index)]: lens \(applied.alias) \(applied.version): \(error)"))
            }
        }
        for entry in try workspace.wrap({ () throws(GitError) in try workspace.repository.treeEntries(directory.id) }) {
            let child = Layout.workloadDirectory(directory.name) + "/" + entry.name
            if entry.name == Layout.workloadFileName { continue }
            guard entry.name == Layout.answersDirectoryName, entry.kind == .tree else {
                problems.append(FileProblem(path: child, message: "unexpected \(entry.kind == .tree ? "directory" : "file") in a workload directory"))
                continue
            }
            for lens in try workspace.wrap({ () throws(GitError) in try workspace.repository.treeEntries(entry.id) }) {
                try validateAnswers(stored, lensEntry: lens, lens: lenses[lens.name], wanted: wanted)
            }
        }
    }

    /// The answer files of one lens directory; `lens` is the applied lens, resolved (nil when the
    /// workload does not apply it, or when it did not resolve, which is reported already).
    private mutating func validateAnswers(
        _ stored: StoredWorkload, lensEntry: TreeEntry, lens: Lens?, wanted: (String) -> Bool
    ) throws(WorkspaceError) {
        let alias = lensEntry.name
        let directory = Layout.answersDirectory(stored.directory, lens: alias)
        let files = lensEntry.kind == .tree
            ? try workspace.wrap { () throws(GitError) in try workspace.repository.treeEntries(lensEntry.id) } : []
        guard files.contains(where: { wanted(directory + "/" + $0.name) }) else { return }
        if lens == nil, !stored.workload.lenses.contains(where: { $0.alias == alias }), try workspace.lensRecord(alias) == nil {
            problems.append(FileProblem(path: directory, message: "answers for \(alias), which is no lens of this workspace"))
            return
        }
        for file in files {
            let path = directory + "/" + file.name
            guard wanted(path) else { continue }
            guard file.name.hasSuffix(".json"), file.kind != .tree else {
                problems.append(FileProblem(path: path, message: "unexpected entry; answer files are <question id>.json"))
                continue
            }
            guard let (stored, bytes) = try decode(StoredAnswer.self, at: path) else { continue }
            checkNotes(stored.answer, bytes: bytes, path: path)
            guard let lens else { continue }
            let questionId = String(file.name.dropLast(5))
            guard let (_, question) = lens.question(id: questionId) else {
                problems.append(FileProblem(path: path, message: "lens \(alias) has no question \(questionId)"))
                continue
            }
            checkAnswer(stored.answer, question: question, bytes: bytes, path: path)
        }
    }

    /// The notes of an answer file, whatever its lens and question: the limits and the
    /// control-character rule `welltree answer update` applies (`Answer.notesRules`).
    private mutating func checkNotes(_ answer: Answer, bytes: [UInt8], path: String) {
        var rules = Answer.notesRules(answer.notes, limit: LensLimits.answerNotesLength).map { ("notes", JSONPath([.key("notes")]), $0) }
        for (id, mark) in answer.notApplicableChoices.sorted(by: { $0.key < $1.key }) {
            rules += Answer.notesRules(mark.notes, limit: LensLimits.choiceNotesLength).map {
                ("notApplicableChoices[\"\(id)\"].notes", JSONPath([.key("notApplicableChoices"), .key(id)]), $0)
            }
        }
        guard !rules.isEmpty else { return }
        let root = try? JSONParser.parse(bytes)
        for (field, jsonPath, rule) in rules {
            let position = root?.find(jsonPath).map { SourcePosition(offset: $0.offset, in: bytes) }
            problems.append(FileProblem(path: path, position: position, message: "\(field): \(rule)"))
        }
    }

    private mutating func checkAnswer(_ answer: Answer, question: LensQuestion, bytes: [UInt8], path: String) {
        let root = try? JSONParser.parse(bytes)
        func at(_ jsonPath: JSONPath) -> SourcePosition? {
            root?.find(jsonPath).map { SourcePosition(offset: $0.offset, in: bytes) }
        }
        let valid = question.choices.map(\.id)
        for (index, id) in answer.selectedChoices.enumerated() where !valid.contains(id) {
            problems.append(FileProblem(path: path, position: at(JSONPath([.key("selectedChoices"), .index(index)])),
                                        message: "selectedChoices[\(index)]: \"\(id)\" is not a choice of question \(question.id); valid choices: \(valid.joined(separator: ", "))"))
        }
        for id in answer.notApplicableChoices.keys.sorted() {
            let place = at(JSONPath([.key("notApplicableChoices"), .key(id)]))
            if !valid.contains(id) {
                problems.append(FileProblem(path: path, position: place, message: "notApplicableChoices: \"\(id)\" is not a choice of question \(question.id)"))
            } else if id.hasSuffix("_no") {
                problems.append(FileProblem(path: path, position: place, message: "notApplicableChoices: \"\(id)\" is the \"None of these\" choice, which cannot be marked not applicable"))
            }
        }
        if answer.isApplicable, answer.reason != nil {
            problems.append(FileProblem(path: path, position: at(JSONPath([.key("reason")])), message: "reason: only a question marked not applicable (\"isApplicable\": false) has a reason"))
        }
    }
}
