import Git
import WelltreeCore

/// The permission data of a review repository: a commit chain on `refs/welltree/shares`, kept
/// apart from the branches as Gerrit keeps access rules on `refs/meta/config`.
///
/// ```
/// access.json             administrators and groups (AccessPolicy)
/// allowed_signers         SSH keys that may sign milestones, per principal
/// workloads/<id>.json     shares of one workload (ShareFile), by workload id
/// lenses/<alias>.json     shares of one custom lens
/// profiles/<id>.json      shares of one profile, by profile id
/// templates/<id>.json     shares of one review template, by template id
/// ```
///
/// Because shares are not files on a branch, a pull request cannot grant its author a share,
/// and the server hook judges every push against the shares the server already holds. Writes
/// are one commit each, with the previous value as parent and a compare-and-swap of the ref.
package struct ShareStore {
    /// The ref holding the share data.
    package static let reference = "refs/welltree/shares"
    /// The access file's path in the ref's tree.
    package static let accessFile = "access.json"
    /// The SSH public keys milestone signatures are verified with, in ssh-keygen's
    /// allowed-signers format (`alice@example.com namespaces="git" ssh-ed25519 AAAA...`).
    package static let allowedSignersFile = "allowed_signers"

    /// The directories of share files: one file per workload id, one per custom lens alias.
    package static let workloadsDirectory = "workloads"
    package static let lensesDirectory = "lenses"
    package static let profilesDirectory = "profiles"
    package static let templatesDirectory = "templates"

    /// The share file of a subject.
    package static func path(of subject: ShareSubject) -> String {
        switch subject {
        case .workload(let id): "\(workloadsDirectory)/\(id).json"
        case .lens(let alias): "\(lensesDirectory)/\(alias).json"
        case .profile(let id): "\(profilesDirectory)/\(id).json"
        case .template(let id): "\(templatesDirectory)/\(id).json"
        }
    }

    /// The subject a path on the ref names, or nil for anything else.
    package static func subject(of path: String) -> ShareSubject? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].hasSuffix(".json"), parts[1].count > 5 else { return nil }
        let name = String(parts[1].dropLast(5))
        switch parts[0] {
        case workloadsDirectory: return .workload(id: name)
        case lensesDirectory: return .lens(alias: name)
        case profilesDirectory: return .profile(id: name)
        case templatesDirectory: return .template(id: name)
        default: return nil
        }
    }

    package let repository: Repository
    /// The commit read from and built on; nil before the first share.
    package private(set) var commit: ObjectID?
    private var tree: ObjectID?

    /// Reads the ref's current value.
    package init(repository: Repository) throws(WorkspaceError) {
        try self.init(repository: repository, at: Self.current(in: repository))
    }

    /// Reads the share data at a given commit of the ref (nil: no shares yet).
    package init(repository: Repository, at commit: ObjectID?) throws(WorkspaceError) {
        self.repository = repository
        self.commit = commit
        do {
            tree = try commit.map { id throws(GitError) in try repository.commit(id).tree }
        } catch {
            throw .git(error)
        }
    }

    private static func current(in repository: Repository) throws(WorkspaceError) -> ObjectID? {
        try git { () throws(GitError) in try repository.referenceTarget(reference) }
    }

    /// The shares of a subject (an empty file when it has none).
    package func file(_ subject: ShareSubject) throws(WorkspaceError) -> ShareFile {
        try document(ShareFile.self, at: Self.path(of: subject)) ?? ShareFile(subject: subject)
    }

    /// Whether the ref holds a share file for `subject` (readable or not).
    package func hasFile(_ subject: ShareSubject) throws(WorkspaceError) -> Bool {
        guard let tree else { return false }
        return try git { () throws(GitError) in try repository.entry(at: Self.path(of: subject), inTree: tree) } != nil
    }

    /// The administrators and groups (empty when the ref has no access file). A file breaking
    /// the rules `share access`/`share group` enforce (`AccessPolicy.violations`), pushed or
    /// written by hand, is refused with every violation, never read around.
    package func access() throws(WorkspaceError) -> AccessPolicy {
        guard let policy = try document(AccessPolicy.self, at: Self.accessFile) else { return AccessPolicy() }
        let problems = policy.violations(file: "\(Self.reference):\(Self.accessFile)")
        if !problems.isEmpty { throw .invalid(ValidationError(problems)) }
        return policy
    }

    /// The allowed-signers file, or nil when the ref has none.
    package func allowedSigners() throws(WorkspaceError) -> [UInt8]? {
        guard let tree, let entry = try git({ () throws(GitError) in try repository.entry(at: Self.allowedSignersFile, inTree: tree) })
        else { return nil }
        return try git { () throws(GitError) in try repository.blob(entry.id) }
    }

    /// Every share file on the ref.
    package func allFiles() throws(WorkspaceError) -> [ShareFile] {
        guard let tree else { return [] }
        var files: [ShareFile] = []
        for directory in [Self.workloadsDirectory, Self.lensesDirectory, Self.profilesDirectory, Self.templatesDirectory] {
            guard let entry = try git({ () throws(GitError) in try repository.entry(at: directory, inTree: tree) }), entry.kind == .tree
            else { continue }
            for item in try git({ () throws(GitError) in try repository.treeEntries(entry.id) }) {
                let path = "\(directory)/\(item.name)"
                guard Self.subject(of: path) != nil, let file = try document(ShareFile.self, at: path) else { continue }
                files.append(file)
            }
        }
        return files
    }

    /// Decodes the document at `path` of the ref's tree, or nil.
    package func document<T: Decodable>(_ type: T.Type, at path: String) throws(WorkspaceError) -> T? {
        guard let tree, let entry = try git({ () throws(GitError) in try repository.entry(at: path, inTree: tree) }) else { return nil }
        guard entry.kind == .blob else { throw .notARegularFile(path: "\(Self.reference):\(path)", found: "\(entry.kind)") }
        let bytes = try git { () throws(GitError) in try repository.blob(entry.id) }
        do {
            return try JSONNodeDecoder().decode(type, from: bytes)
        } catch {
            throw .invalidFile(path: "\(Self.reference):\(path)", error)
        }
    }

    /// Commits new contents of share files and the access file as one commit on the ref, with
    /// a compare-and-swap against the value read. The author is git's identity, or `principal`
    /// when git has none. Returns false when nothing changed.
    @discardableResult
    /// The message is escaped as branch commits' are (`UnsafeCharacter`).
    package mutating func write(_ changes: ChangeSet, message: String, as principal: String) throws(WorkspaceError) -> Bool {
        let message = UnsafeCharacter.escape(message, keepingLineBreaks: true)
        var treeChanges: [TreeChange] = []
        for path in changes.paths {
            let blob = try (changes.files[path] ?? nil).map { bytes throws(WorkspaceError) in
                try git { () throws(GitError) in try repository.writeBlob(bytes) }
            }
            treeChanges.append(TreeChange(path: path, blob: blob))
        }
        let newTree = try git { () throws(GitError) in try repository.updatedTree(base: tree, changes: treeChanges) }
        if newTree == tree { return false }
        let base = try git { () throws(GitError) in try repository.defaultSignature() }
        let signature = base ?? Signature(name: principal, email: principal, time: ISOTime.seconds(isoNow()) ?? 0)
        let parents = commit.map { [$0] } ?? []
        let created = try git { () throws(GitError) in
            try repository.createCommit(tree: newTree, parents: parents, message: message, author: signature, committer: signature)
        }
        do {
            try repository.setReference(Self.reference, to: created, expected: commit, message: "welltree: \(message)")
        } catch {
            if error.isModified { throw .branchMoved(branch: Self.reference) }
            throw .git(error)
        }
        commit = created
        tree = newTree
        return true
    }
}
