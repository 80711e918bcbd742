import Git
import WelltreeCore

/// The server's record of accepted pushes on `refs/welltree/audit`: one commit per push, its
/// tree holding the push (`push.json`, an `AuditEntry`) and who created each branch the record
/// has seen created and not deleted (`creators/<reference, %-encoded>`, the principal).
///
/// Only the server hook writes it, after git has moved the references (post-receive), and
/// the hook refuses every push to it, even an administrator's: git log says what changed,
/// this record says who the server let change it. Clients read it after fetching it
/// (`refs/welltree/*:refs/welltree/*`, never forced, so a clone's copy only moves forward).
package struct AuditStore {
    /// The reference holding the record.
    package static let reference = "refs/welltree/audit"
    /// The file of each commit describing its push.
    package static let entryFile = "push.json"
    /// The directory of branch creators.
    package static let creatorsDirectory = "creators"

    package let repository: Repository
    /// The record's newest commit; nil before the first push was recorded.
    package private(set) var tip: ObjectID?

    package init(repository: Repository) throws(WorkspaceError) {
        self.repository = repository
        tip = try git { () throws(GitError) in try repository.referenceTarget(Self.reference) }
    }

    /// The file name a reference's creator is kept under: `/` and `%` percent-encoded, so
    /// every reference is one entry of `creators/`.
    static func creatorFileName(_ reference: String) -> String {
        reference.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "/", with: "%2F")
    }

    /// Who created `reference` (a branch) through a recorded push; nil when the record never
    /// saw it created (it predates the record) or it has been deleted since.
    package func creator(of reference: String) throws(WorkspaceError) -> String? {
        guard let tip else { return nil }
        let path = Self.creatorsDirectory + "/" + Self.creatorFileName(reference)
        return try git { () throws(GitError) -> String? in
            let tree = try repository.commit(tip).tree
            guard let entry = try repository.entry(at: path, inTree: tree), entry.kind == .blob else { return nil }
            let text = String(decoding: try repository.blob(entry.id), as: UTF8.self)
            let principal = text.hasSuffix("\n") ? String(text.dropLast()) : text
            return principal.isEmpty ? nil : principal
        }
    }

    /// Appends `entry` as one commit, recording `pusher` as the creator of every branch it
    /// creates and forgetting the creators of branches it deletes. The reference moves by
    /// compare-and-swap; when another push's record landed first, the commit is rebuilt on it
    /// (up to a few times), so two pushes at once both end up in the record.
    package mutating func append(_ entry: AuditEntry, at seconds: Int64) throws(WorkspaceError) {
        var attempts = 0
        while true {
            do {
                try appendOnce(entry, at: seconds)
                return
            } catch .branchMoved where attempts < 8 {
                attempts += 1
                tip = try git { () throws(GitError) in try repository.referenceTarget(Self.reference) }
            }
        }
    }

    private mutating func appendOnce(_ entry: AuditEntry, at seconds: Int64) throws(WorkspaceError) {
        let bytes: [UInt8]
        do {
            bytes = try CanonicalJSON.encode(entry)
        } catch {
            throw .io(path: "\(Self.reference):\(Self.entryFile)", message: "cannot encode: \(error)")
        }
        let parent = tip
        let created = try git { () throws(GitError) -> ObjectID in
            let base = try parent.map { id throws(GitError) in try repository.commit(id).tree }
            var changes = [TreeChange(path: Self.entryFile, blob: try repository.writeBlob(bytes))]
            for update in entry.updates where update.reference.hasPrefix(Repository.branchPrefix) && (update.old == nil) != (update.new == nil) {
                let path = Self.creatorsDirectory + "/" + Self.creatorFileName(update.reference)
                let blob = try update.new.map { _ throws(GitError) in try repository.writeBlob(Array((entry.pusher + "\n").utf8)) }
                changes.append(TreeChange(path: path, blob: blob))
            }
            let tree = try repository.updatedTree(base: base, changes: changes)
            let signature = Signature(name: "Welltree server hook", email: "welltree-hook@localhost", time: seconds)
            return try repository.createCommit(
                tree: tree, parents: parent.map { [$0] } ?? [], message: Self.message(entry), author: signature, committer: signature)
        }
        do {
            try repository.setReference(Self.reference, to: created, expected: parent, message: "welltree: record a push")
        } catch {
            if error.isModified { throw .branchMoved(branch: Self.reference) }
            throw .git(error)
        }
        tip = created
    }

    /// A readable summary of a push, for `git log refs/welltree/audit` (the record is `push.json`).
    static func message(_ entry: AuditEntry) -> String {
        var lines = ["Push by \(entry.pusher) (\(entry.identifiedBy))", ""]
        for update in entry.updates {
            lines.append(
                "\(update.reference) \(update.old ?? "(created)") -> \(update.new ?? "(deleted)")\(update.forced ? " (forced)" : "")")
        }
        if let override = entry.override { lines += ["", "Override: \(override)"] }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every recorded push, oldest first, with the commit recording it. An entry that cannot be
    /// read fails the whole read, naming its commit: the record is never shown with a gap.
    package func entries() throws(WorkspaceError) -> [(commit: ObjectID, entry: AuditEntry)] {
        var result: [(ObjectID, AuditEntry)] = []
        var next = tip
        var seen: Set<ObjectID> = []
        while let commit = next {
            guard seen.insert(commit).inserted else { break }
            let info = try git { () throws(GitError) in try repository.commit(commit) }
            let path = "\(Self.reference):\(Self.entryFile) (commit \(commit.hex))"
            guard let entry = try git({ () throws(GitError) in try repository.entry(at: Self.entryFile, inTree: info.tree) }),
                entry.kind == .blob
            else {
                throw .invalidFile(path: path, JSONDocumentError(path: .root, position: nil, message: "the commit records no push"))
            }
            let bytes = try git { () throws(GitError) in try repository.blob(entry.id) }
            do {
                result.append((commit, try JSONNodeDecoder().decode(AuditEntry.self, from: bytes)))
            } catch {
                throw .invalidFile(path: path, error)
            }
            next = info.parents.first
        }
        return result.reversed()
    }
}
