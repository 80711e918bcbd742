import Git
import WelltreeCore

/// The parts of an annotated tag object the hook judges, parsed from its raw bytes: libgit2
/// returns the message with any signature glued on, and verification needs the exact bytes.
struct PushedTag {
    var target: ObjectID
    var name: String
    /// Everything before the signature: what the signature covers.
    var payload: [UInt8]
    /// The armored signature, or nil when the tag is not signed.
    var signature: String?

    init?(_ raw: [UInt8]) {
        let text = String(decoding: raw, as: UTF8.self)
        guard let blank = text.range(of: "\n\n") else { return nil }
        var target: ObjectID?
        var name: String?
        for line in text[..<blank.lowerBound].split(separator: "\n") {
            if line.hasPrefix("object ") { target = ObjectID(hex: String(line.dropFirst(7))) }
            if line.hasPrefix("tag ") { name = String(line.dropFirst(4)) }
        }
        guard let target, let name else { return nil }
        self.target = target
        self.name = name
        var signatureStart: String.Index?
        var lineStart = blank.upperBound
        while lineStart < text.endIndex {
            if text[lineStart...].hasPrefix("-----BEGIN ") { signatureStart = lineStart }
            guard let newline = text[lineStart...].firstIndex(of: "\n") else { break }
            lineStart = text.index(after: newline)
        }
        if let signatureStart {
            payload = Array(text[..<signatureStart].utf8)
            signature = String(text[signatureStart...])
        } else {
            payload = raw
            signature = nil
        }
    }
}

extension PushJudge {
    /// Judges a push to `refs/tags/welltree/*` (see `PushJudge` for the rules).
    func judgeMilestone(_ update: PushUpdate) throws(WorkspaceError) -> [PushRefusal] {
        let tag = String(update.reference.dropFirst("refs/tags/".count))
        guard let new = update.new else {
            return [refusal(update, file: tag, rule: "milestone tags are never deleted")]
        }
        if update.old != nil {
            return [refusal(update, file: tag, rule: "milestone tags are never moved")]
        }
        let object = try wrap { () throws(GitError) in try repository.object(new) }
        guard object.kind == .tag, let pushed = PushedTag(object.bytes) else {
            return [refusal(update, file: tag, rule: "a milestone must be an annotated tag (`welltree milestone save` makes one)")]
        }
        guard let workload = try milestoneWorkload(tag, target: pushed.target) else {
            return [refusal(update, file: tag, rule: "the tag names no workload (expected welltree/<workload-dir>-<first 8 digits of its id>/...)")]
        }
        guard workload.owner == pusher else {
            return [refusal(update, subject: describe(workload), file: tag, rule: "only the owner \(workload.owner) saves milestones; \(pusher) has \(try access(to: workload))")]
        }
        let required = try server?.settings().requireSignedMilestones ?? false
        guard required else { return [] }
        guard let signature = pushed.signature else {
            return [refusal(update, subject: describe(workload), file: tag, rule: "requireSignedMilestones is set in welltree.json: the milestone tag must be signed")]
        }
        if let problem = verifier.verify(payload: pushed.payload, signature: signature, principal: pusher, allowedSigners: try shares.allowedSigners()) {
            return [refusal(update, subject: describe(workload), file: tag, rule: "requireSignedMilestones is set: \(problem)")]
        }
        return []
    }

    /// The workload a milestone tag belongs to: its first component is
    /// `<workload-dir>-<first 8 digits of the id>`. Looked up on the default branch, else in the
    /// tagged commit (a workload pushed together with its first milestone).
    private func milestoneWorkload(_ tag: String, target: ObjectID) throws(WorkspaceError) -> Workload? {
        let parts = tag.split(separator: "/")
        guard parts.count >= 3 else { return nil }
        let component = parts[1]
        guard component.count > 9, component.dropLast(8).hasSuffix("-") else { return nil }
        let directory = String(component.dropLast(9))
        let prefix = String(component.suffix(8))
        let commit: ObjectID
        switch try wrap({ () throws(GitError) in try repository.object(target).kind }) {
        case .commit: commit = target
        default: return nil
        }
        let tagged = try Workspace(repository: repository, commit: commit)
        for snapshot in [server, tagged].compactMap({ $0 }) {
            guard let entry = try snapshot.entry(Layout.workloadDirectory(directory)), entry.kind == .tree else { continue }
            let workload = try snapshot.loadWorkload(TreeEntry(name: directory, id: entry.id, kind: .tree)).workload
            if workload.id.hasPrefix(prefix) { return workload }
        }
        return nil
    }
}
