import Git
import WelltreeCore

/// The evidence index (`Layout.evidenceIndex`): kept from settings format 3 on.
///
/// Every commit Welltree makes brings the index along with the answers it writes (one place,
/// `Workspace.commit`); `welltree init` builds it for a repository written before it, and
/// repairs it after hand edits. The gate trusts the base's index and checks that a change keeps
/// it whole (`WorkspaceValidator`): every citation of a changed answer has its marker, every
/// marker a change adds names an answer citing its path, and no marker is removed while its
/// answer still cites the path. The server hook runs the same check on every push, so the index
/// of a protected branch stays whole by induction; `welltree validate` checks all of it.
extension Workspace {
    /// The settings format from which the evidence index is kept.
    package static let evidenceIndexFormat = 3

    /// The settings format new workspaces start at.
    package static let currentFormat = evidenceIndexFormat

    /// Whether this state keeps the evidence index (its settings' format is 3 or more).
    package func keepsEvidenceIndex() throws(WorkspaceError) -> Bool {
        guard let entry = try entry(Layout.settings), entry.kind == .blob else { return false }
        return Self.settingsFormat(try read(entry, path: Layout.settings)) >= Self.evidenceIndexFormat
    }

    /// The hash naming the markers of a cited path: the git blob id of its bytes.
    package func evidenceHash(_ path: String) throws(WorkspaceError) -> String {
        try git { () throws(GitError) in try repository.blobID(of: Array(path.utf8)) }.hex
    }

    /// The repository paths an answer file's bytes cite; nil when the bytes are no answer file
    /// (which `validate` reports as such). Bytes that cannot cite (`mayCite`) are not parsed.
    func citedPaths(_ bytes: [UInt8], path: String) -> Set<String>? {
        guard bytes.withUnsafeBytes(Self.mayCite) else { return [] }
        guard let stored = try? decode(StoredAnswer.self, from: bytes, path: path) else { return nil }
        return Set(stored.answer.evidence.compactMap(\.path))
    }

    /// The paths the answer file at `path` cites in this state (empty when there is none, or
    /// when it cannot be read: what it cited is then unknown, and `validate` reports the file).
    func citedPaths(at path: String) throws(WorkspaceError) -> Set<String> {
        guard let entry = try entry(path), entry.kind == .blob else { return [] }
        return try citedPaths(ofBlob: entry.id, path: path)
    }

    private func citedPaths(ofBlob blob: ObjectID, path: String) throws(WorkspaceError) -> Set<String> {
        let mayCite = try git { () throws(GitError) in try repository.withBlob(blob) { Self.mayCite($0) } }
        guard mayCite else { return [] }
        return citedPaths(try git { () throws(GitError) in try repository.blob(blob) }, path: path) ?? []
    }

    /// The workload directories (`<dir>`) whose answers cite `path`, by this state's index.
    package func workloadsCiting(_ path: String) throws(WorkspaceError) -> Set<String> {
        let markers = try directory(Layout.evidenceMarkers(hash: try evidenceHash(path)))
        return Set(markers.filter { $0.kind == .tree }.map(\.name))
    }

    // MARK: Keeping it

    /// `changes` with the evidence index brought along: for every answer file they write,
    /// copy or remove (alone or with a directory holding it), the markers of the paths it no
    /// longer cites removed and those of the paths it cites written where missing.
    func indexingEvidence(_ changes: ChangeSet) throws(WorkspaceError) -> ChangeSet {
        var answers = Set(changes.paths.filter { Layout.answerFileParts($0) != nil })
        for directory in changes.removedDirectories where directory == Layout.workloads || directory.hasPrefix(Layout.workloads + "/") {
            guard let entry = try entry(directory), entry.kind == .tree else { continue }
            try collectAnswerFiles(in: entry.id, at: directory, into: &answers)
        }
        guard !answers.isEmpty else { return changes }
        var result = changes
        for file in answers.sorted() {
            let old = try citedPaths(at: file)
            var new: Set<String> = []
            if let written = changes.files[file] {
                new = written.flatMap { citedPaths($0, path: file) } ?? []
            } else if let blob = changes.copies[file] {
                new = try citedPaths(ofBlob: blob, path: file)
            }
            for path in old.subtracting(new) {
                guard let marker = Layout.evidenceMarker(hash: try evidenceHash(path), answerFile: file) else { continue }
                if try entry(marker) != nil { result.remove(marker) }
            }
            for path in new {
                guard let marker = Layout.evidenceMarker(hash: try evidenceHash(path), answerFile: file) else { continue }
                let contents = EvidenceMarker.contents(path)
                if try self.file(marker) != contents { result.write(marker, contents) }
            }
        }
        return result
    }

    /// Every answer file below the tree `id` (the directory at `path`), by its path.
    private func collectAnswerFiles(in id: ObjectID, at path: String, into answers: inout Set<String>) throws(WorkspaceError) {
        for entry in try git({ () throws(GitError) in try repository.treeEntries(id) }) {
            let child = path + "/" + entry.name
            if entry.kind == .tree {
                try collectAnswerFiles(in: entry.id, at: child, into: &answers)
            } else if Layout.answerFileParts(child) != nil {
                answers.insert(child)
            }
        }
    }

    /// The repository paths every answer file that cites any cites, by the file's path. Reads
    /// every answer file whose bytes can cite (`mayCite`).
    func allCitedPaths() throws(WorkspaceError) -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        // A misplaced directory is no workload (validation reports it): its answers cite nothing.
        for workload in try workloadDirectories(misplaced: { _, _ throws(WorkspaceError) in }) {
            guard let answers = try git({ () throws(GitError) in try repository.entry(at: Layout.answersDirectoryName, inTree: workload.id) }),
                answers.kind == .tree
            else { continue }
            for lens in try git({ () throws(GitError) in try repository.treeEntries(answers.id) }) where lens.kind == .tree {
                for file in try git({ () throws(GitError) in try repository.treeEntries(lens.id) }) where file.kind == .blob {
                    guard let question = Layout.question(ofAnswerFileName: file.name), !question.isEmpty else { continue }
                    let path = Layout.answerFile(workload.name, lens: lens.name, question: question)
                    let cited = try citedPaths(ofBlob: file.id, path: path)
                    if !cited.isEmpty { result[path] = cited }
                }
            }
        }
        return result
    }

    /// How the evidence index of this state differs from what its answers cite (`citing`, by
    /// answer file; all of them read when not given): the markers to write (missing, or holding
    /// other bytes) and those to remove (naming no answer that cites their path, or no marker's
    /// path at all).
    package func evidenceIndexRepairs(
        citing given: [String: Set<String>]? = nil
    ) throws(WorkspaceError) -> (write: [String: [UInt8]], remove: [String]) {
        var expected: [String: [UInt8]] = [:]
        let citing: [String: Set<String>]
        if let given { citing = given } else { citing = try allCitedPaths() }
        for (file, cited) in citing {
            for path in cited {
                guard let marker = Layout.evidenceMarker(hash: try evidenceHash(path), answerFile: file) else { continue }
                expected[marker] = EvidenceMarker.contents(path)
            }
        }
        var present: [String: TreeEntry] = [:]
        var remove: [String] = []
        if let index = try entry(Layout.evidenceIndex) {
            if index.kind == .tree {
                try collectFiles(in: index.id, at: Layout.evidenceIndex, into: &present)
            } else {
                remove.append(Layout.evidenceIndex)
            }
        }
        var write: [String: [UInt8]] = [:]
        for (marker, contents) in expected {
            guard let entry = present[marker], entry.kind == .blob,
                try git({ () throws(GitError) in try repository.blob(entry.id) }) == contents
            else {
                write[marker] = contents
                continue
            }
        }
        remove += present.keys.filter { expected[$0] == nil }
        return (write, remove.sorted())
    }

    /// Every entry that is not a directory below the tree `id` (the directory at `path`).
    private func collectFiles(in id: ObjectID, at path: String, into files: inout [String: TreeEntry]) throws(WorkspaceError) {
        for entry in try git({ () throws(GitError) in try repository.treeEntries(id) }) {
            let child = path + "/" + entry.name
            if entry.kind == .tree {
                try collectFiles(in: entry.id, at: child, into: &files)
            } else {
                files[child] = entry
            }
        }
    }

    /// Builds the evidence index of a workspace written before it (recording settings format
    /// 3 in the same commit), or repairs the index of one that keeps it: one commit, or none
    /// when the index is whole. Returns the number of markers written and removed, nil when
    /// nothing was committed.
    package func keepEvidenceIndex() throws(WorkspaceError) -> (upgraded: Bool, written: Int, removed: Int)? {
        guard try entry(Layout.settings) != nil else { return nil }
        let upgrading = try !keepsEvidenceIndex()
        let (write, remove) = try evidenceIndexRepairs()
        var changes = ChangeSet()
        if upgrading {
            var settings = try settings()
            settings.format = Self.evidenceIndexFormat
            try changes.write(Layout.settings, json: settings)
        }
        for (marker, contents) in write { changes.write(marker, contents) }
        for marker in remove { changes.remove(marker) }
        if changes.isEmpty { return nil }
        let message: String
        if upgrading {
            message = "Keep an evidence index\n\n"
                + "\(Layout.evidenceIndex)/ records, for each path an answer cites, which answers cite it (\(write.count) "
                + "marker\(write.count == 1 ? "" : "s")), so the gate finds the answers a change concerns without reading every "
                + "answer; \(Layout.settings) records settings format \(Self.evidenceIndexFormat)."
        } else {
            message = "Repair the evidence index\n\n"
                + "Write \(write.count) marker\(write.count == 1 ? "" : "s") of citations the index did not record and remove "
                + "\(remove.count) naming no answer that cites their path."
        }
        guard try commit(changes, message: message) != nil else { return nil }
        return (upgrading, write.count, remove.count)
    }
}
