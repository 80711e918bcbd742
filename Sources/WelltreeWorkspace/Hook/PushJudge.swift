import Git
import WelltreeCore

/// Decides whether a push may land, for the server-side `pre-receive` and `update` hooks.
///
/// Every update is judged against the server's state before the push: the default branch's
/// current commit (who owns which workload and lens, which branches are protected, whether
/// milestones must be signed), the current value of the shares ref (who holds which share,
/// who administers) and the audit record (who created which branch). Nothing the push itself
/// carries can grant the pusher a right: a pull request adding a share, or a commit making its
/// author a workload's owner, is judged by the rules as they stood.
///
/// Rules, by reference (docs/shares.md has them for people):
/// - branches: the default branch and the branches `protectedBranches` names only move forward
///   and are never deleted; an administrator may rewrite a protected branch other than the
///   default only with the push option `welltree.override=REASON`, the default branch
///   likewise, and nobody deletes it. Another branch is rewritten or deleted only by the
///   principal the audit record shows created it, or an administrator. Every changed file is
///   mapped to its workload or lens: the owner may change anything of theirs, an accepted
///   CONTRIBUTOR `workloads/<shard>/<dir>/answers/**` only, an administrator anything (to
///   repair or remove a damaged workload); READONLY and no share allow nothing. A new workload
///   or lens records its creator as owner, and a workload's id is one no other workload has,
///   had, or gets in the same push, and never changes. `templates/<dir>/**` belongs to the
///   template's owner, and a workload's `template` is set at creation only, to a template that
///   is not deleted and that the pusher owns or holds an accepted share of. Other files need an
///   administrator.
///   Every added or changed entry is a regular file or directory with a plain name, and every
///   added or changed document passes `welltree validate`. The default branch is compared
///   old->new; other branches against their merge base with it.
/// - `refs/welltree/shares`: fast-forward only; each changed share file needs the owner of
///   its workload or lens, except that an invitee may accept or reject a pending invitation
///   addressed to them; `access.json` and `allowed_signers` need an administrator.
/// - `refs/welltree/audit`: the hook's own record; nobody pushes to it, nor to any other
///   reference below `refs/welltree/` (one could stand in the record's way).
/// - `refs/tags/welltree/*` (milestones): created only by the workload's owner, as an
///   annotated tag of a commit of the default branch's history where the workload has that
///   id, owner and directory, recording that id, signed by the owner's key when
///   `requireSignedMilestones` is set; never moved or deleted.
/// - anything else: administrators only.
package final class PushJudge {
    package let repository: Repository
    package let pusher: String
    /// The reason given with `-o welltree.override=REASON`, if any.
    package let override: String?
    /// Seconds since 1970: the clock invitations expire by.
    package let now: Int64
    /// The branch the bare repository's HEAD names (`refs/heads/main`).
    package let defaultBranch: String?
    /// The default branch's commit before the push, and a read-only workspace of it.
    package let serverTip: ObjectID?
    let server: Workspace?
    package let shares: ShareStore
    package let policy: AccessPolicy
    let audit: AuditStore
    /// The default branch's commit after this push, when the push moves it (and the whole
    /// push is judged at once, as pre-receive does): a milestone may tag what lands with it.
    var pushedDefaultTip: ObjectID?

    /// Reads the server's state from `repository` (opened with `Repository.openForHook()`).
    package init(repository: Repository, pusher: String, override: String? = nil, now: Int64) throws(WorkspaceError) {
        self.repository = repository
        self.pusher = pusher
        self.override = override
        self.now = now
        do {
            if case .branch(let name, let commit) = try repository.head() {
                defaultBranch = name
                serverTip = commit
            } else {
                defaultBranch = nil
                serverTip = nil
            }
        } catch {
            throw .git(error)
        }
        server = try serverTip.map { tip throws(WorkspaceError) in try Workspace(repository: repository, commit: tip) }
        shares = try ShareStore(repository: repository)
        policy = try shares.access()
        audit = try AuditStore(repository: repository)
    }

    /// Every workload of the default branch by id, read once per push (and cached between
    /// pushes by shard), only when a rule needs it.
    lazy var index: Result<WorkloadIndex, WorkspaceError> = Result { () throws(WorkspaceError) in
        try WorkloadIndex(server, gitDirectory: repository.gitDirectory)
    }

    /// The settings of the default branch before the push (defaults without one).
    lazy var settings: Result<WorkspaceSettings, WorkspaceError> = Result { () throws(WorkspaceError) in
        try server?.settings() ?? WorkspaceSettings()
    }

    /// Whether the pusher is an administrator who gave an override reason.
    var isOverriding: Bool { override != nil && policy.isAdministrator(pusher) }

    /// Every refusal for a push; empty when it may land. Each update is judged on its own,
    /// all against the state before the push.
    package func judge(_ updates: [PushUpdate]) throws(WorkspaceError) -> [PushRefusal] {
        var refusals: [PushRefusal] = []
        if override != nil, !policy.isAdministrator(pusher) {
            refusals.append(
                PushRefusal(
                    principal: pusher, reference: "", action: "push with -o welltree.override",
                    rule: "only administrators (\(administratorList)) override a protection"))
        }
        pushedDefaultTip = updates.first { $0.reference == defaultBranch && $0.new != nil }?.new
        for update in updates {
            refusals += try judge(update)
        }
        return refusals
    }

    /// The refusals for one reference update.
    package func judge(_ update: PushUpdate) throws(WorkspaceError) -> [PushRefusal] {
        if update.old == update.new { return [] }
        let reference = update.reference
        if reference == AuditStore.reference {
            return [refusal(update, rule: "only the server hook writes the audit record; nobody pushes to it")]
        }
        if reference == ShareStore.reference { return try judgeShares(update) }
        if reference.hasPrefix("refs/welltree/") {
            return [
                refusal(
                    update,
                    rule: "refs/welltree/ holds only \(ShareStore.reference) and the hook's audit record \(AuditStore.reference)")
            ]
        }
        if reference.hasPrefix(Repository.branchPrefix) { return try judgeBranch(update) }
        if reference.hasPrefix(Self.milestonePrefix) { return try judgeMilestone(update) }
        if policy.isAdministrator(pusher) { return [] }
        return [
            refusal(
                update,
                rule:
                    "only administrators (\(administratorList)) may push to references other than branches, milestone tags and \(ShareStore.reference)"
            )
        ]
    }

    /// Where milestone tags live.
    package static let milestonePrefix = Milestone.referencePrefix

    /// The administrators, for messages.
    var administratorList: String {
        policy.administrators.isEmpty
            ? "none are configured; name them with `welltree hooks install --server PATH --admin PRINCIPAL`"
            : policy.administrators.joined(separator: ", ")
    }

    func refusal(_ update: PushUpdate, subject: String? = nil, file: String? = nil, rule: String) -> PushRefusal {
        PushRefusal(principal: pusher, reference: update.reference, subject: subject, file: file, rule: rule)
    }

    /// What `pusher` may do to a workload as the server knows it.
    func access(to workload: Workload) throws(WorkspaceError) -> WorkloadAccess {
        ShareAccess.access(
            of: pusher, owner: workload.owner, shares: try shares.file(.workload(id: workload.id)).shares, policy: policy, now: now)
    }
}

/// How a workload is named in refusals.
func describe(_ workload: Workload) -> String {
    "workload \"\(workload.name)\" (\(workload.id), owner \(workload.owner))"
}
