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
        "\(place): error: \(message)"
    }

    /// `path:line:column`, or the path alone; control characters of a hostile name are shown
    /// as `\u{7}`, never sent raw to a terminal.
    package var place: String {
        let shown = Violation.visible(path)
        return position.map { "\(shown):\($0.line):\($0.column)" } ?? shown
    }

    /// `path:line:column: message`, for an `error: ` prefix of the caller's.
    package var located: String { "\(place): \(message)" }
}

/// Checks the files of one workspace state against the file formats and against each other
/// (answers against their lens's questions and choices, workload ids and names unique),
/// collecting every problem.
///
/// What a pre-commit hook, CI and the server hook run before anything reads the files for real:
/// a hand edit that breaks a file is refused with its path, line and column. The work is linear
/// in the files checked: every file is read from the tree entry already listed (never looked up
/// again by path), and with `only` just the directories holding those paths are visited.
package struct WorkspaceValidator {
    let workspace: Workspace
    var problems: [FileProblem] = []
    /// What is allowed but worth a look (a question no profile choice prioritizes): printed,
    /// never a failure.
    package internal(set) var warnings: [FileProblem] = []
    /// The profiles by id, read once when a workload's profile reference is checked.
    var profileIndex: [String: Profile]?
    /// The templates by id, read once when a workload's `template` is checked.
    var templatesById: [String: ReviewTemplate]?
    /// The id and normalised name of each `workload.json` checked, with its path.
    private var claims: [(directory: String, id: String, name: String, path: String)] = []
    /// The repository paths each answer file decoded by a full validation cites, by the
    /// file's path: what the evidence index is checked against without reading the answers
    /// again (`validateEvidenceIndex`).
    var citations: [String: Set<String>] = [:]

    package init(_ workspace: Workspace) {
        self.workspace = workspace
    }

    /// Checks every file, or only `paths` (and whatever they depend on to be judged).
    ///
    /// With `paths`, a workload's id and name are checked against the other workloads only
    /// when `reference` (the state the paths changed from: HEAD for a commit, the target of a
    /// pull request) did not already hold them in the same directory; without a reference,
    /// whenever its `workload.json` is among the paths. Either takes one listing of the
    /// workloads, never more.
    package mutating func validate(only paths: Set<String>? = nil, reference: Workspace? = nil) throws(WorkspaceError) -> [FileProblem] {
        problems = []
        warnings = []
        claims = []
        citations = [:]
        func wanted(_ path: String) -> Bool { paths?.contains(path) ?? true }
        if wanted(Layout.settings), let entry = try workspace.entry(Layout.settings) {
            _ = try decode(WorkspaceSettings.self, entry: entry, path: Layout.settings)
        }
        for alias in try lensAliases(in: paths) {
            try validateLens(alias, wanted: wanted)
        }
        for directory in try workloadDirectories(in: paths) {
            try validateWorkload(directory, wanted: wanted)
        }
        try validateProfiles(in: paths)
        try validateTemplates(in: paths, wanted: wanted)
        try validateEvidenceIndex(in: paths)
        try checkIdentities(complete: paths == nil, reference: reference)
        return problems
    }

    // MARK: Which files

    /// Every lens directory, or those holding one of `paths`.
    private mutating func lensAliases(in paths: Set<String>?) throws(WorkspaceError) -> [String] {
        guard let paths else {
            var aliases: [String] = []
            for entry in try workspace.directory(Layout.lenses) {
                if entry.kind == .tree {
                    aliases.append(entry.name)
                } else {
                    problems.append(
                        FileProblem(
                            path: Layout.lenses + "/" + entry.name, message: "unexpected file; lenses live in directories lenses/<alias>/"))
                }
            }
            return aliases
        }
        var aliases = Set<String>()
        for path in paths where path.hasPrefix(Layout.lenses + "/") {
            if let alias = Layout.lensAlias(ofPath: path) {
                aliases.insert(alias)
            } else {
                problems.append(FileProblem(path: path, message: "unexpected file; lenses live in directories lenses/<alias>/"))
            }
        }
        var result: [String] = []
        for alias in aliases.sorted() where try workspace.entry(Layout.lensDirectory(alias))?.kind == .tree {
            result.append(alias)
        }
        return result
    }

    /// Every workload directory, or those holding one of `paths`; misplaced ones are problems.
    private mutating func workloadDirectories(in paths: Set<String>?) throws(WorkspaceError) -> [TreeEntry] {
        guard let paths else {
            var misplaced: [FileProblem] = []
            let directories = try workspace.workloadDirectories { path, rule in misplaced.append(FileProblem(path: path, message: rule)) }
            problems += misplaced
            return directories
        }
        var names = Set<String>()
        var reported = Set<String>()
        for path in paths where path.hasPrefix(Layout.workloads + "/") {
            if let directory = Layout.workloadDirectory(ofPath: path) {
                names.insert(directory)
            } else if let (place, rule) = Layout.misplacement(of: path), reported.insert(place).inserted {
                problems.append(FileProblem(path: place, message: rule))
            }
        }
        var result: [TreeEntry] = []
        for name in names.sorted() {
            guard let entry = try workspace.entry(Layout.workloadDirectory(name)) else { continue }
            guard entry.kind == .tree else {
                problems.append(
                    FileProblem(
                        path: Layout.workloadDirectory(name), message: "expected a workload directory, found \(Self.kindName(entry.kind))"))
                continue
            }
            result.append(TreeEntry(name: name, id: entry.id, kind: .tree))
        }
        return result
    }

    // MARK: Reading

    /// Reads and decodes the file of `entry`; a file that cannot be read (not a regular file,
    /// over its size limit) or decoded is a problem.
    mutating func decode<T: Decodable>(_ type: T.Type, entry: TreeEntry, path: String) throws(WorkspaceError) -> (T, [UInt8])? {
        guard let bytes = try bytes(of: entry, path: path) else { return nil }
        do {
            return (try JSONNodeDecoder().decode(type, from: bytes), bytes)
        } catch {
            problems.append(FileProblem(path: path, position: error.position, message: "\(error.path): \(error.message)"))
            return nil
        }
    }

    /// The bytes of a file entry, or nil with a problem recorded when it is no regular file or
    /// is too large.
    mutating func bytes(of entry: TreeEntry, path: String) throws(WorkspaceError) -> [UInt8]? {
        do {
            return try workspace.read(entry, path: path)
        } catch {
            switch error {
            case .notARegularFile(_, let found):
                problems.append(FileProblem(path: path, message: "expected a regular file, found \(found)"))
            case .fileTooLarge(_, let size, let limit):
                problems.append(
                    FileProblem(
                        path: path, message: "\(size) bytes, over the limit of \(limit) bytes for this kind of file; it was not read"))
            default:
                throw error
            }
            return nil
        }
    }

    /// How a tree entry's kind is named in messages.
    package static func kindName(_ kind: EntryKind) -> String {
        switch kind {
        case .blob, .executable: "a file"
        case .symlink: "a symbolic link"
        case .tree: "a directory"
        case .submodule: "a submodule"
        }
    }

    /// A problem with an entry name itself, by the rules the server hook applies
    /// (`TreeEntryRules`: empty, `.`, `..`, a slash, a control or bidirectional character,
    /// git's own directory in any spelling), and a backslash, which other tools read as a path
    /// separator. Nil when the name is fine.
    static func badName(_ name: String) -> String? {
        if let problem = TreeEntryRules.problem(name: name) { return "its directory \(problem)" }
        if name.contains("\\") { return "the name \"\(Violation.visible(name))\" holds a backslash" }
        return nil
    }

    // MARK: Lenses

    private mutating func validateLens(_ alias: String, wanted: (String) -> Bool) throws(WorkspaceError) {
        let metadata = Layout.lensMetadata(alias)
        let entries = try workspace.directory(Layout.lensDirectory(alias))
        if let bad = Self.badName(alias) {
            problems.append(FileProblem(path: Layout.lensDirectory(alias), message: bad))
            return
        }
        guard let metadataEntry = entries.first(where: { $0.name == Layout.lensMetadataFileName }) else {
            problems.append(
                FileProblem(path: metadata, message: "lens directory \(Layout.lensDirectory(alias)) has no \(Layout.lensMetadataFileName)"))
            return
        }
        guard let (record, recordBytes) = try decode(LensRecord.self, entry: metadataEntry, path: metadata) else { return }
        if wanted(metadata) { checkRecord(record, alias: alias, bytes: recordBytes, path: metadata) }
        let kind: LensKind = record.type == .awsOfficial ? .official : .custom
        var files: [String: TreeEntry] = [:]
        if let versions = entries.first(where: { $0.name == Layout.lensVersionsDirectoryName }), versions.kind == .tree {
            for entry in try git({ () throws(GitError) in try workspace.repository.treeEntries(versions.id) }) {
                files[entry.name] = entry
            }
        }
        for version in record.versions {
            let path = Layout.lensVersion(alias, version.version)
            guard let entry = files[Layout.lensVersionFileName(version.version)] else {
                problems.append(
                    FileProblem(
                        path: metadata,
                        message: "version \(Violation.visible(version.version)) is listed but \(Violation.visible(path)) does not exist"))
                continue
            }
            if wanted(path), let bytes = try bytes(of: entry, path: path) { checkLens(bytes, path: path, kind: kind) }
        }
        let draft = Layout.lensDraft(alias)
        if wanted(draft), let entry = entries.first(where: { $0.name == Layout.lensDraftFileName }), let bytes = try bytes(of: entry, path: draft) {
            checkLens(bytes, path: draft, kind: kind)
        }
    }

    /// The record's own rules: its alias is its directory's name; versions are valid and unique.
    private mutating func checkRecord(_ record: LensRecord, alias: String, bytes: [UInt8], path: String) {
        let root = try? JSONParser.parse(bytes)
        func at(_ key: String) -> SourcePosition? { root?[key].map { SourcePosition(offset: $0.offset, in: bytes) } }
        if record.alias != alias {
            problems.append(
                FileProblem(
                    path: path, position: at("alias"),
                    message: "alias: \"\(Violation.visible(record.alias))\" must be the name of its directory, \(alias)"))
        }
        var seen = Set<String>()
        for (index, version) in record.versions.enumerated() {
            if !Workspace.isValidVersion(version.version) {
                problems.append(
                    FileProblem(
                        path: path, position: at("versions"),
                        message:
                            "versions[\(index)].version: \"\(Violation.visible(version.version))\" must be 1-32 letters, digits and periods"
                    ))
            } else if !seen.insert(version.version).inserted {
                problems.append(
                    FileProblem(
                        path: path, position: at("versions"),
                        message: "versions[\(index)].version: \(version.version) is listed more than once"))
            }
        }
    }

    private mutating func checkLens(_ bytes: [UInt8], path: String, kind: LensKind) {
        do {
            _ = try LensLoader.load(bytes, file: path, kind: kind)
        } catch {
            for diagnostic in error.errors {
                problems.append(
                    FileProblem(path: path, position: diagnostic.position, message: "\(diagnostic.path): \(diagnostic.message)"))
            }
        }
    }

    // MARK: Workloads

    private mutating func validateWorkload(_ directory: TreeEntry, wanted: (String) -> Bool) throws(WorkspaceError) {
        let directoryPath = Layout.workloadDirectory(directory.name)
        let path = Layout.workloadFile(directory.name)
        let entries = try git { () throws(GitError) in try workspace.repository.treeEntries(directory.id) }
        guard let fileEntry = entries.first(where: { $0.name == Layout.workloadFileName }) else {
            problems.append(FileProblem(path: directoryPath, message: "the workload directory has no \(Layout.workloadFileName)"))
            return
        }
        guard let (workload, fileBytes) = try decode(Workload.self, entry: fileEntry, path: path) else { return }
        if wanted(path) {
            let root = try? JSONParser.parse(fileBytes)
            for violation in WorkloadValidation.validate(workload) {
                let key = String(violation.field.prefix { $0 != "[" && $0 != "." })
                let position = root?[key].map { SourcePosition(offset: $0.offset, in: fileBytes) }
                problems.append(FileProblem(path: path, position: position, message: violation.description))
            }
            if let reference = workload.profile {
                let position = root?["profile"].map { SourcePosition(offset: $0.offset, in: fileBytes) }
                if let rule = try profileReferenceProblem(reference) {
                    problems.append(FileProblem(path: path, position: position, message: "profile: \(rule)"))
                }
            }
            claims.append((directory.name, workload.id, Workload.normalizedName(workload.name), path))
            if let reference = workload.template { try checkTemplateReference(reference, path: path, bytes: fileBytes) }
        }
        let stored = StoredWorkload(directory: directory.name, workload: workload, tree: directory.id)
        // Every applied lens must resolve, as `dashboard` and `status` will resolve it; a failure
        // is reported once, at the workload file, whether or not the lens has answers.
        var lenses: [String: Lens] = [:]
        for (index, applied) in workload.lenses.enumerated() {
            do {
                lenses[applied.alias] = try workspace.cachedEffectiveLens(applied).lens
            } catch {
                let root = wanted(path) ? try? JSONParser.parse(fileBytes) : nil
                let position = root?.find(JSONPath([.key("lenses"), .index(index)])).map {
                    SourcePosition(offset: $0.offset, in: fileBytes)
                }
                problems.append(
                    FileProblem(
                        path: path, position: position, message: "lenses[\(index)]: lens \(applied.alias) \(applied.version): \(error)"))
            }
        }
        for entry in entries {
            let child = directoryPath + "/" + entry.name
            if entry.name == Layout.workloadFileName { continue }
            if entry.name == Layout.notesDirectoryName, entry.kind == .tree {
                try validateNotes(stored, directory: entry, lenses: lenses, wanted: wanted)
                continue
            }
            guard entry.name == Layout.answersDirectoryName, entry.kind == .tree else {
                let message =
                    entry.name == Layout.answersDirectoryName
                    ? "expected a directory of answers, found \(Self.kindName(entry.kind))"
                    : Self.badName(entry.name)
                        ?? "unexpected \(entry.kind == .tree ? "directory" : Self.kindName(entry.kind)) in a workload directory"
                problems.append(FileProblem(path: child, message: message))
                continue
            }
            for lens in try git({ () throws(GitError) in try workspace.repository.treeEntries(entry.id) }) {
                try validateAnswers(stored, lensEntry: lens, lens: lenses[lens.name], wanted: wanted)
            }
        }
    }

    /// The notes files of a workload (`notes/<alias>.json`, `LensReviewNotes`): one per lens the
    /// workload applies, with the lengths and characters `lens notes` allows and pillar ids of
    /// that lens (`lenses`: the applied lenses that resolved).
    private mutating func validateNotes(
        _ stored: StoredWorkload, directory: TreeEntry, lenses: [String: Lens], wanted: (String) -> Bool
    ) throws(WorkspaceError) {
        let directoryPath = Layout.workloadDirectory(stored.directory) + "/" + Layout.notesDirectoryName
        for file in try git({ () throws(GitError) in try workspace.repository.treeEntries(directory.id) }) {
            let path = directoryPath + "/" + file.name
            guard wanted(path) else { continue }
            let alias = file.name.hasSuffix(Layout.jsonExtension) ? String(file.name.dropLast(Layout.jsonExtension.count)) : nil
            guard file.kind == .blob, let alias, stored.workload.lenses.contains(where: { $0.alias == alias }) else {
                problems.append(
                    FileProblem(
                        path: path,
                        message: Self.badName(file.name)
                            ?? "unexpected \(file.kind == .blob ? "file" : Self.kindName(file.kind)); notes files are <alias>.json for a lens the workload applies"))
                continue
            }
            guard let (notes, _) = try decode(LensReviewNotes.self, entry: file, path: path) else { continue }
            guard let lens = lenses[alias] else { continue }  // reported at the workload file
            for violation in notes.violations(lens: lens) {
                problems.append(FileProblem(path: path, message: violation.description))
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
        guard lensEntry.kind == .tree else {
            if wanted(directory) {
                problems.append(
                    FileProblem(path: directory, message: "expected a directory of answers, found \(Self.kindName(lensEntry.kind))"))
            }
            return
        }
        let files = try git { () throws(GitError) in try workspace.repository.treeEntries(lensEntry.id) }
        guard files.contains(where: { wanted(directory + "/" + $0.name) }) else { return }
        if let bad = Self.badName(alias) {
            problems.append(FileProblem(path: directory, message: bad))
            return
        }
        if lens == nil, !stored.workload.lenses.contains(where: { $0.alias == alias }), try workspace.lensRecord(alias) == nil {
            problems.append(
                FileProblem(path: directory, message: "answers for \(Violation.visible(alias)), which is no lens of this workspace"))
            return
        }
        var questions: [String: LensQuestion] = [:]
        for pillar in lens?.pillars ?? [] {
            for question in pillar.questions where questions[question.id] == nil { questions[question.id] = question }
        }
        for file in files {
            let path = directory + "/" + file.name
            guard wanted(path) else { continue }
            if let bad = Self.badName(file.name) {
                problems.append(FileProblem(path: path, message: bad))
                continue
            }
            guard let questionId = Layout.question(ofAnswerFileName: file.name), file.kind != .tree else {
                problems.append(
                    FileProblem(
                        path: path, message: "unexpected \(file.kind == .tree ? "directory" : "file"); answer files are <question id>.json")
                )
                continue
            }
            guard let (stored, answerBytes) = try decode(StoredAnswer.self, entry: file, path: path) else { continue }
            let cited = Set(stored.answer.evidence.compactMap(\.path))
            if !cited.isEmpty { citations[path] = cited }
            checkNotes(stored.answer, bytes: answerBytes, path: path)
            checkEvidence(stored.answer, question: lens == nil ? nil : questions[questionId], bytes: answerBytes, path: path)
            guard lens != nil else { continue }
            guard let question = questions[questionId] else {
                problems.append(FileProblem(path: path, message: "lens \(alias) has no question \(Violation.visible(questionId))"))
                continue
            }
            checkAnswer(stored.answer, question: question, bytes: answerBytes, path: path)
        }
    }

    /// The notes of an answer file, whatever its lens and question: the limits and the
    /// control-character rule `welltree answer update` applies (`Answer.notesRules`).
    mutating func checkNotes(_ answer: Answer, bytes: [UInt8], path: String) {
        var rules = Answer.notesRules(answer.notes, limit: LensLimits.answerNotesLength).map {
            ("notes", Optional("notes"), Optional<String>.none, $0)
        }
        for (id, mark) in answer.notApplicableChoices.sorted(by: { $0.key < $1.key }) {
            rules += Answer.notesRules(mark.notes, limit: LensLimits.choiceNotesLength).map {
                ("notApplicableChoices[\"\(Violation.visible(id))\"].notes", nil, id, $0)
            }
        }
        guard !rules.isEmpty else { return }
        let root = try? JSONParser.parse(bytes)
        // Marks looked up once: a file with thousands of them is reported in linear time.
        var marks: [String: JSONNode] = [:]
        if case .object(let members)? = root?["notApplicableChoices"]?.value {
            for member in members where marks[member.key] == nil { marks[member.key] = member.node }
        }
        for (field, key, mark, rule) in rules {
            let node = key.flatMap { root?[$0] } ?? mark.flatMap { marks[$0] }
            let position = node.map { SourcePosition(offset: $0.offset, in: bytes) }
            problems.append(FileProblem(path: path, position: position, message: "\(field): \(rule)"))
        }
    }

    /// The citations of an answer file (`Answer.evidenceViolations`): each citation's own
    /// rules (a path from the repository's root with no `..`, an http(s) URL, a line range, the
    /// confirmed object id), best practices the question has (when it is known), no citation
    /// twice, at most `Evidence.maximumCount`, none of the review's own files
    /// (`Evidence.reviewFilesRule`). Each problem points at its citation.
    private mutating func checkEvidence(_ answer: Answer, question: LensQuestion?, bytes: [UInt8], path: String) {
        guard !answer.evidence.isEmpty else { return }
        let root = try? JSONParser.parse(bytes)
        var elements: [JSONNode] = []
        if case .array(let found)? = root?["evidence"]?.value { elements = found }
        func position(_ index: Int) -> SourcePosition? {
            elements.indices.contains(index) ? SourcePosition(offset: elements[index].offset, in: bytes) : nil
        }
        if answer.evidence.count > Evidence.maximumCount {
            problems.append(FileProblem(path: path, position: position(0), message: "evidence: must hold at most \(Evidence.maximumCount) citations"))
        }
        let valid = question.map { Set($0.choices.map(\.id)) }
        var seen = Set<String>()
        for (index, citation) in answer.evidence.enumerated() {
            var messages = citation.rules(requireId: true).map { field, value, rule in
                "evidence[\(index)]\(field.isEmpty ? "" : "." + field): \"\(Violation.visible(value))\" \(rule)"
            }
            if let choice = citation.choiceId, let valid, let question, !valid.contains(choice) {
                messages.append("evidence[\(index)].choiceId: \"\(Violation.visible(choice))\" is not a choice of question \(question.id)")
            }
            if let cited = citation.path, let rule = Evidence.reviewFilesRule(cited, workspacePrefix: workspace.prefix) {
                messages.append("evidence[\(index)].path: \"\(Violation.visible(cited))\" \(rule)")
            }
            if !seen.insert(citation.target).inserted {
                messages.append("evidence[\(index)]: \"\(Violation.visible(citation.target))\" is cited twice")
            }
            for message in messages { problems.append(FileProblem(path: path, position: position(index), message: message)) }
        }
    }

    mutating func checkAnswer(_ answer: Answer, question: LensQuestion, bytes: [UInt8], path: String) {
        let root = try? JSONParser.parse(bytes)
        func position(_ node: JSONNode?) -> SourcePosition? { node.map { SourcePosition(offset: $0.offset, in: bytes) } }
        // Members looked up once: a file with thousands of wrong marks is reported in linear time.
        var marks: [String: JSONNode] = [:]
        if case .object(let members)? = root?["notApplicableChoices"]?.value {
            for member in members where marks[member.key] == nil { marks[member.key] = member.node }
        }
        var selected: [JSONNode] = []
        if case .array(let elements)? = root?["selectedChoices"]?.value { selected = elements }
        let valid = question.choices.map(\.id)
        for (index, id) in answer.selectedChoices.enumerated() where !valid.contains(id) {
            problems.append(
                FileProblem(
                    path: path, position: position(selected.indices.contains(index) ? selected[index] : nil),
                    message:
                        "selectedChoices[\(index)]: \"\(Violation.visible(id))\" is not a choice of question \(question.id); valid choices: \(valid.joined(separator: ", "))"
                ))
        }
        for id in answer.notApplicableChoices.keys.sorted() {
            let place = position(marks[id])
            if !valid.contains(id) {
                problems.append(
                    FileProblem(
                        path: path, position: place,
                        message: "notApplicableChoices: \"\(Violation.visible(id))\" is not a choice of question \(question.id)"))
            } else if id.hasSuffix("_no") {
                problems.append(
                    FileProblem(
                        path: path, position: place,
                        message: "notApplicableChoices: \"\(id)\" is the \"None of these\" choice, which cannot be marked not applicable"))
            }
        }
        if answer.isApplicable, answer.reason != nil {
            problems.append(
                FileProblem(
                    path: path, position: position(root?["reason"]),
                    message: "reason: only a question marked not applicable (\"isApplicable\": false) has a reason"))
        }
    }

    // MARK: Identity

    /// Workload ids and names are unique: among the workloads checked, and, where a checked
    /// workload holds an id or name its directory did not hold in `reference`, against every
    /// other workload (one listing, through the summary cache).
    private mutating func checkIdentities(complete: Bool, reference: Workspace?) throws(WorkspaceError) {
        var ids: [String: String] = [:]
        var names: [String: String] = [:]
        for claim in claims {
            if let other = ids[claim.id] {
                problems.append(FileProblem(path: claim.path, message: "id \(claim.id) is already used by \(other)"))
            } else {
                ids[claim.id] = claim.path
            }
            if let other = names[claim.name] {
                problems.append(
                    FileProblem(
                        path: claim.path,
                        message: "name \"\(Violation.visible(claim.name))\" (spaces and case ignored) is already used by \(other)"))
            } else {
                names[claim.name] = claim.path
            }
        }
        guard !complete, !claims.isEmpty else { return }
        var arrivedIds: [String: String] = [:]
        var arrivedNames: [String: String] = [:]
        for claim in claims {
            var previous: WorkloadClaim?
            if let reference { previous = try reference.workloadClaim(directory: claim.directory) }
            if previous?.id != claim.id { arrivedIds[claim.id] = claim.path }
            if previous?.name.map(Workload.normalizedName) != claim.name { arrivedNames[claim.name] = claim.path }
        }
        let checked = Set(claims.map(\.directory))
        for other in try workspace.workloadsClaiming(ids: Set(arrivedIds.keys), names: Set(arrivedNames.keys), excluding: checked) {
            let otherPath = Layout.workloadFile(other.directory)
            if let id = other.id, let path = arrivedIds[id] {
                problems.append(FileProblem(path: path, message: "id \(id) is already used by \(otherPath)"))
            }
            if let name = other.name.map(Workload.normalizedName), let path = arrivedNames[name] {
                problems.append(
                    FileProblem(
                        path: path,
                        message: "name \"\(Violation.visible(other.name ?? ""))\" (spaces and case ignored) is already used by \(otherPath)"
                    ))
            }
        }
    }
}
