import Foundation
import Git
import WelltreeCore

/// A milestone tag as checked against the repository, rather than taken at its message's word.
///
/// A tag's message is written by whoever made the tag: anyone can push a tag in a workload's
/// namespace with made-up risk counts, pointing at a commit of their own where a `workload.json`
/// carries the victim's id. So every figure shown for a milestone is computed from the tagged
/// tree, and a tag is attributed to the workload only when the repository shows its owner made
/// it (`problems` empty). What the message claims and the tree contradicts is kept in
/// `discrepancies`, for the reader.
package struct CheckedMilestone: Sendable {
    package var stored: StoredMilestone
    /// The workload with the milestone's id in the tagged commit, nil when it has none.
    package var workload: StoredWorkload?
    /// Risk counts and last update computed from the tagged tree (nil without a workload).
    package var summary: WorkloadRiskSummary?
    /// The tag's signature, checked as `git tag -v` would.
    package var signature: SignatureCheck
    /// Why the tag is not a milestone of the workload's owner; empty when it is.
    package var problems: [String]
    /// Figures of the message the tagged tree contradicts (the tree's are shown).
    package var discrepancies: [String]

    /// True when the tag is counted as the workload's milestone.
    package var isAttributed: Bool { problems.isEmpty }

    /// The risk counts to show: always the tree's.
    package var riskCounts: RiskCounts { summary?.riskCounts ?? RiskCounts() }
}

extension Workspace {
    /// Checks every milestone tag of the workload `id` (see `check(_:owner:cache:)`), oldest first.
    /// `owner` is the workload's owner at this commit; nil for a deleted workload, whose owner
    /// is then the one its tagged commits name.
    package func checkedMilestones(ofWorkloadId id: String, owner: String?) throws(WorkspaceError) -> [CheckedMilestone] {
        var cache = SummaryCache.load(from: summaryCachePath)
        let before = cache.count
        var result: [CheckedMilestone] = []
        for stored in try milestones(ofWorkloadId: id) {
            result.append(try check(stored, owner: owner, cache: &cache))
        }
        // The cache only accelerates: a repository we cannot write to still works.
        if cache.count != before { try? cache.write(to: summaryCachePath) }
        return result
    }

    /// Checks one milestone tag against the repository. It is attributed to the workload when:
    ///
    /// - the tagged commit is on the history of the checked-out branch (the record the server
    ///   hook guards; a commit pushed only with the tag is on no branch);
    /// - that commit has the workload with the milestone's id, in the directory the tag's name
    ///   gives, owned by the workload's owner (`owner`, else the tagged commit's);
    /// - the tagger is the owner (the tagger's e-mail or name is the owner's principal, as
    ///   `milestone create` records git's identity, whose e-mail is the default principal);
    /// - a good signature is by the owner (an SSH principal of the allowed signers, or the
    ///   e-mail of an OpenPGP user id).
    ///
    /// Risk counts are computed from the tagged tree (through the summary cache, keyed by the
    /// workload's tree id); counts in the message that differ are reported as discrepancies.
    package func check(_ stored: StoredMilestone, owner: String?, cache: inout SummaryCache) throws(WorkspaceError) -> CheckedMilestone {
        var problems: [String] = []
        var discrepancies: [String] = []
        let milestone = stored.milestone
        let short = String(stored.commit.hex.prefix(12))
        if let head = base, head != stored.commit,
            try !git({ () throws(GitError) in try repository.isDescendant(head, of: stored.commit) })
        {
            problems.append("its commit \(short) is not on the history of \(branch.map(Repository.branchName) ?? "HEAD")")
        }
        let snapshot = try Workspace(repository: repository, commit: stored.commit)
        var workload: StoredWorkload?
        do {
            workload = try snapshot.findWorkload(milestone.workloadId)
        } catch {
            guard case .notFound = error else { throw error }
            problems.append("its commit \(short) has no workload \(milestone.workloadId)")
        }
        let owner = owner ?? workload?.workload.owner
        var summary: WorkloadRiskSummary?
        if let workload, let owner {
            if workload.workload.owner != owner {
                problems.append("the workload.json of its commit names owner \(workload.workload.owner), not the owner \(owner)")
            }
            let expected = Milestone.tagDirectory(workloadDirectory: workload.directory, workloadId: milestone.workloadId)
            if !stored.tagName.hasPrefix(expected) {
                problems.append("its name does not begin with \(expected), the workload's directory in its commit")
            }
            if let tagger = stored.tag.tagger, !Self.identity(tagger, is: owner) {
                problems.append("it was tagged by \(Self.taggerIdentity(tagger)), not by the owner \(owner)")
            }
            summary = try snapshot.cachedSummary(of: workload, cache: &cache)
        }
        let signature = try verifyMilestone(stored)
        if signature.isGood, let owner, let signer = signature.signer, !Self.identity(signer, is: owner) {
            problems.append("it is signed by \(signer), not by the owner \(owner)")
        }
        if let summary, summary.riskCounts != milestone.riskCounts {
            discrepancies.append(
                "the tag message records \(Self.counts(milestone.riskCounts)); the tagged tree has \(Self.counts(summary.riskCounts)), which is shown")
        }
        return CheckedMilestone(
            stored: stored, workload: workload, summary: summary, signature: signature, problems: problems, discrepancies: discrepancies)
    }

    /// The milestone `milestone` (a number or a name) of the workload `reference`, among the tags
    /// attributed to it. A tag that matches but is not attributed is refused with the reasons, so
    /// a forged tag numbered like a real milestone is never shown in its place.
    package func findCheckedMilestone(_ reference: String, _ milestone: String) throws(WorkspaceError) -> CheckedMilestone {
        let owner = try milestoneOwner(reference)
        let current = try? findWorkload(owner.id)
        var cache = SummaryCache.load(from: summaryCachePath)
        let all = try milestones(ofWorkloadId: owner.id)
        var refused: [CheckedMilestone] = []
        for index in Milestone.candidates(milestone, in: all.map(\.milestone)) {
            let checked = try check(all[index], owner: current?.workload.owner, cache: &cache)
            if checked.isAttributed { return checked }
            refused.append(checked)
        }
        guard refused.isEmpty else {
            let reasons = refused.map { "tag \($0.stored.tagName): \($0.problems.joined(separator: "; "))" }
            throw .refused(
                "milestone \(milestone) of workload \"\(owner.name)\" is not attributed to its owner, so it is not shown: "
                    + reasons.joined(separator: "; "), code: .unattributed, subject: milestone)
        }
        // Nothing matches: the usual not-found error, with the milestones the workload has.
        return try check(try findMilestone(reference, milestone), owner: current?.workload.owner, cache: &cache)
    }

    /// `summary(of:)` through the summary cache: the entry of the workload's tree id is used
    /// when the lens versions it was computed against are still the ones this commit resolves.
    func cachedSummary(of stored: StoredWorkload, cache: inout SummaryCache) throws(WorkspaceError) -> WorkloadRiskSummary {
        if let entry = cache[stored.tree], entry.lenses.allSatisfy({ effectiveLensBlob($0.lens) == $0.blob }) {
            return entry.overview.summary
        }
        var dependencies: [SummaryCache.LensDependency] = []
        let summary = try summary(of: stored, dependencies: &dependencies)
        let workload = stored.workload
        cache[stored.tree] = SummaryCache.Entry(
            lenses: dependencies,
            overview: WorkloadOverview(
                id: workload.id, name: workload.name, owner: workload.owner, improvementStatus: workload.improvementStatus.rawValue,
                lenses: workload.lenses.map(\.alias), summary: summary))
        return summary
    }

    /// `HIGH=1 MEDIUM=3 NONE=8 NOT_APPLICABLE=0 UNANSWERED=45`, worst first.
    static func counts(_ counts: RiskCounts) -> String {
        [Risk.high, .medium, .none, .notApplicable, .unanswered].map { "\($0.rawValue)=\(counts[$0])" }.joined(separator: " ")
    }

    /// `Name <email>` of a tagger header `Name <email> 1700000000 +0000`.
    package static func taggerIdentity(_ tagger: String) -> String {
        guard let close = tagger.lastIndex(of: ">") else { return tagger }
        return String(tagger[...close])
    }

    /// Whether an identity (`Name <email> ...`, an OpenPGP user id, or a bare principal) is the
    /// principal `owner`: its e-mail, or its name, or the whole of it equals the principal.
    static func identity(_ identity: String, is owner: String) -> Bool {
        if identity == owner { return true }
        guard let open = identity.firstIndex(of: "<"), let close = identity[open...].firstIndex(of: ">") else { return false }
        let email = identity[identity.index(after: open)..<close]
        let name = identity[..<open].trimmingCharacters(in: .whitespaces)
        return email == owner || name == owner
    }
}

/// A workload's milestones as `milestone list` shows them.
package struct MilestoneListing: Sendable {
    /// The workload's id and name (at HEAD, or as its tags recorded it once deleted).
    package var workloadId: String
    package var workloadName: String
    /// Every milestone tag of the workload, oldest first, checked against its owner at HEAD:
    /// attributed ones are its milestones, the others are named with why.
    package var milestones: [CheckedMilestone]

    /// The tags counted as the workload's milestones, oldest first.
    package var listed: [ListedMilestone] {
        milestones.compactMap { checked in
            guard checked.isAttributed, let then = checked.workload else { return nil }
            return ListedMilestone(
                milestone: checked.stored.milestone, workload: then.workload, riskCounts: checked.riskCounts,
                tagName: checked.stored.tagName, signature: checked.signature, discrepancies: checked.discrepancies)
        }
    }

    /// The tags in the workload's milestone namespace not counted as its milestones, with why.
    package var unattributed: [UnattributedTag] {
        milestones.compactMap { checked in
            checked.isAttributed && checked.workload != nil ? nil : UnattributedTag(tagName: checked.stored.tagName, reasons: checked.problems)
        }
    }
}

/// One milestone as `milestone show` shows it: the checked tag and the workload as the tagged
/// commit holds it.
package struct MilestoneState {
    package var checked: CheckedMilestone
    /// The workspace at the tagged commit, for reading more of it (`reviews(of:)`).
    package var snapshot: Workspace
    /// The workload as the tagged commit holds it.
    package var workload: StoredWorkload
    /// Its risks and last update, computed from the tagged tree.
    package var summary: WorkloadRiskSummary
}

extension Workspace {
    /// The milestones of the workload `reference` (a workload at HEAD, or a deleted one whose
    /// tags remain), each checked against the owner of the workload at HEAD (`check(_:owner:cache:)`).
    package func milestoneListing(_ reference: String) throws(WorkspaceError) -> MilestoneListing {
        let owner = try milestoneOwner(reference)
        let current = try? findWorkload(owner.id)
        let checked = try checkedMilestones(ofWorkloadId: owner.id, owner: current?.workload.owner)
        return MilestoneListing(workloadId: owner.id, workloadName: owner.name, milestones: checked)
    }

    /// The milestone `milestone` (number or name) of the workload `reference`, attributed to its
    /// owner (`findCheckedMilestone`), with the workload and its risks read from the tagged commit.
    package func milestoneState(_ reference: String, _ milestone: String) throws(WorkspaceError) -> MilestoneState {
        let checked = try findCheckedMilestone(reference, milestone)
        let (snapshot, workload) = try snapshot(of: checked.stored)
        return MilestoneState(checked: checked, snapshot: snapshot, workload: workload, summary: try snapshot.summary(of: workload))
    }

    /// `milestone show`: the milestone `milestone` of the workload `reference` (`milestoneState`)
    /// with its tag, the workload, its risks, the settings' pillar priority and every lens
    /// review, all read from the tagged commit.
    package func milestoneDetail(_ reference: String, _ milestone: String) throws(WorkspaceError) -> MilestoneDetail {
        let state = try milestoneState(reference, milestone)
        let stored = state.checked.stored
        return MilestoneDetail(
            milestone: stored.milestone, tagName: stored.tagName, tagger: stored.tag.tagger.map(Self.taggerIdentity), commit: stored.commit.hex,
            signature: state.checked.signature, discrepancies: state.checked.discrepancies, workload: state.workload.workload,
            summary: state.summary, pillarPriority: try state.snapshot.settings().pillarPriority,
            reviews: try state.snapshot.reviews(of: state.workload).map {
                MilestoneDetail.Review(lensName: $0.lens.record.name, version: $0.lens.version, review: $0.review)
            })
    }
}
