import Foundation
import Git
import WelltreeCore

/// A milestone as found in the repository: the record from its tag message and the tag itself.
package struct StoredMilestone: Sendable {
    package var milestone: Milestone
    package var tag: TagObject
    /// `refs/tags/welltree/...`.
    package var reference: String
    /// The commit the tag points at: the workspace exactly as it was.
    package var commit: ObjectID

    /// The tag name as `git tag -l` shows it.
    package var tagName: String { Milestone.tagName(ofReference: reference) }
}

/// Whether a new milestone tag is signed.
package enum SigningChoice: Sendable {
    /// As git would sign `git tag -a`: when `tag.gpgSign` (or `tag.forceSignAnnotated`) is true.
    case configured
    /// Always (`--sign`), as `git tag -s`.
    case sign
    /// Never (`--no-sign`).
    case noSign
}

/// A milestone checked and numbered but not written yet: an upgrade validates its milestone
/// before anything else, then writes it just before its own commit.
package struct PendingMilestone: Sendable {
    package var milestone: Milestone
    package var tagName: String
    package var commit: ObjectID
    package var signing: SigningChoice
}

extension Workspace {
    /// The milestones of the workload with `id`, oldest first, read from its tags. Tags below
    /// `welltree/` that are not milestones of this workload are skipped.
    package func milestones(ofWorkloadId id: String) throws(WorkspaceError) -> [StoredMilestone] {
        try milestoneTags(glob: Milestone.tagGlob(workloadId: id)).filter { $0.milestone.workloadId == id }
    }

    /// Every milestone tag in the repository, of workloads present or deleted.
    package func allMilestones() throws(WorkspaceError) -> [StoredMilestone] {
        try milestoneTags(glob: Milestone.referencePrefix + "*")
    }

    private func milestoneTags(glob: String) throws(WorkspaceError) -> [StoredMilestone] {
        var result: [StoredMilestone] = []
        for reference in try git({ () throws(GitError) in try repository.referenceNames(matching: glob) }) {
            guard let target = try git({ () throws(GitError) in try repository.referenceTarget(reference) }) else { continue }
            // A lightweight tag or anything that is not an annotated tag is no milestone.
            guard let tag = try? repository.tagObject(target), let milestone = Milestone(tagMessage: tag.message) else { continue }
            let commit = try git { () throws(GitError) in try repository.peelToCommit(target) }
            result.append(StoredMilestone(milestone: milestone, tag: tag, reference: reference, commit: commit))
        }
        return result.sorted { ($0.milestone.workloadId, $0.milestone.number) < ($1.milestone.workloadId, $1.milestone.number) }
    }

    /// The workload id and name a reference means for milestone commands: a workload at HEAD, or
    /// a deleted one whose milestone tags remain (by id or by the name the tags recorded).
    package func milestoneOwner(_ reference: String) throws(WorkspaceError) -> (id: String, name: String) {
        do {
            let stored = try findWorkload(reference)
            return (stored.workload.id, stored.workload.name)
        } catch {
            guard case .notFound = error else { throw error }
            let wanted = Workload.normalizedName(reference)
            let matches = try allMilestones().filter {
                $0.milestone.workloadId == reference || Workload.normalizedName($0.milestone.workloadName) == wanted
            }
            let ids = Set(matches.map(\.milestone.workloadId))
            guard let first = matches.last else { throw error }
            if ids.count > 1 {
                throw .refused(
                    "several deleted workloads named \"\(reference)\" have milestones; name one by id: \(ids.sorted().joined(separator: ", "))",
                    code: .ambiguous, subject: reference)
            }
            return (first.milestone.workloadId, first.milestone.workloadName)
        }
    }

    /// The milestone `milestone` (a number or a name) of the workload `reference`.
    package func findMilestone(_ reference: String, _ milestone: String) throws(WorkspaceError) -> StoredMilestone {
        let owner = try milestoneOwner(reference)
        let all = try milestones(ofWorkloadId: owner.id)
        guard let found = Milestone.find(milestone, in: all.map(\.milestone)),
              let stored = all.first(where: { $0.milestone.number == found.number })
        else {
            let known = all.map { "\($0.milestone.number) \"\($0.milestone.name)\"" }
            throw .notFound(what: "milestone", name: milestone,
                            hint: known.isEmpty ? "workload \"\(owner.name)\" has no milestones" : "workload \"\(owner.name)\" has \(known.joined(separator: ", "))")
        }
        return stored
    }

    /// Checks a new milestone of `stored` (owner only; name rules; the quota) and numbers it,
    /// writing nothing.
    package func prepareMilestone(_ stored: StoredWorkload, name: String, signing: SigningChoice) throws(WorkspaceError) -> PendingMilestone {
        try requireOwner(of: stored.workload, to: "save a milestone")
        guard let base else { throw .refused("the branch has no commit yet to save a milestone of", subject: branch) }
        let existing = try milestones(ofWorkloadId: stored.workload.id).map(\.milestone)
        do {
            try Milestone.validateNewName(name, existing: existing)
        } catch {
            throw .invalid(error)
        }
        let reviews = try reviews(of: stored)
        var counts = RiskCounts()
        for review in reviews { counts.add(review.review.riskCounts) }
        let milestone = Milestone(
            workloadId: stored.workload.id, workloadName: stored.workload.name, name: name,
            number: Milestone.nextNumber(after: existing), recordedAt: isoNow(), riskCounts: counts,
            lenses: reviews.map { WorkloadLens(alias: $0.applied.alias, version: $0.lens.version) })
        return PendingMilestone(milestone: milestone, tagName: milestone.tagName(workloadDirectory: stored.directory),
                                commit: base, signing: signing)
    }

    /// Writes the tag of a prepared milestone: the object built, signed when asked or configured,
    /// and created without ever replacing an existing tag.
    package func writeMilestone(_ pending: PendingMilestone) throws(WorkspaceError) -> StoredMilestone {
        guard var tagger = try git({ () throws(GitError) in try repository.defaultSignature() }) else { throw .noIdentity }
        // The tag names the acting principal (who passed the owner check) as the tagger's e-mail,
        // with git's user.name: a milestone is attributed to the workload's owner by its tagger,
        // and git's user.email need not be the principal ($WELLTREE_PRINCIPAL may differ).
        tagger.email = try principal()
        let configuration = try SigningConfiguration(repository: repository)
        let sign = switch pending.signing {
        case .sign: true
        case .noSign: false
        case .configured: configuration.signsByDefault
        }
        let payload = TagObject.payload(target: pending.commit, name: pending.tagName, tagger: tagger, message: pending.milestone.tagMessage)
        var bytes = payload
        if sign {
            let signature = try TagSigner(configuration: configuration).sign(payload, tagger: "\(tagger.name) <\(tagger.email)>")
            bytes += Array(signature.utf8)
        }
        let id: ObjectID
        do {
            id = try repository.createTag(bytes: bytes)
        } catch {
            if error.isLocked {
                throw .staleLock(path: repository.commonDirectory + Milestone.reference(ofTag: pending.tagName) + ".lock", committed: nil)
            }
            if error.isExists {
                throw .refused(
                    "the tag \(pending.tagName) exists already (another milestone was saved meanwhile?); nothing was written, run the command again",
                    code: .concurrentChange, subject: pending.tagName)
            }
            throw .git(error)
        }
        FaultPoint.afterTag.reach()
        let tag = try git { () throws(GitError) in try repository.tagObject(id) }
        return StoredMilestone(milestone: pending.milestone, tag: tag, reference: Milestone.reference(ofTag: pending.tagName), commit: pending.commit)
    }

    /// Saves a milestone of the workload `reference` at the current commit.
    package func createMilestone(_ reference: String, name: String, signing: SigningChoice) throws(WorkspaceError) -> StoredMilestone {
        try requireInitialised()
        let stored = try findWorkload(reference)
        return try writeMilestone(try prepareMilestone(stored, name: name, signing: signing))
    }

    /// The workspace as the milestone recorded it and the workload in it, for reading only.
    package func snapshot(of milestone: StoredMilestone) throws(WorkspaceError) -> (Workspace, StoredWorkload) {
        let workspace = try Workspace(repository: repository, commit: milestone.commit)
        return (workspace, try workspace.findWorkload(milestone.milestone.workloadId))
    }

    /// Checks a milestone tag's signature against the allowed signers or keyring git would use.
    package func verifyMilestone(_ milestone: StoredMilestone) throws(WorkspaceError) -> SignatureCheck {
        SignatureVerifier(configuration: try SigningConfiguration(repository: repository)).verify(milestone.tag)
    }
}
