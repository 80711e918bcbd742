import Git
import WelltreeCore

/// Decides whether a push may land, for the server-side `pre-receive` and `update` hooks.
///
/// Every update is judged against the server's state before the push: the default branch's
/// current commit (who owns which workload and lens, whether milestones must be signed) and the
/// current value of the shares ref (who holds which share, who administers). Nothing the push
/// itself carries can grant the pusher a right: a pull request adding a share, or a commit
/// making its author a workload's owner, is judged by the rules as they stood.
///
/// Rules, by reference:
/// - branches: every changed file is mapped to its workload or lens. The owner may change
///   anything of theirs; an accepted CONTRIBUTOR share allows `workloads/<dir>/answers/**`
///   only; READONLY and no share allow nothing. A new workload or lens may be created by
///   anyone whose principal it records as owner. Other files need an administrator. The
///   default branch is compared old->new; other branches against their merge base with it.
///   Only administrators delete branches; nobody deletes the default branch.
/// - `refs/welltree/shares`: fast-forward only; each changed share file needs the owner of
///   its workload or lens, except that an invitee may accept or reject a pending invitation
///   addressed to them; `access.json` and `allowed_signers` need an administrator.
/// - `refs/tags/welltree/*` (milestones): created only by the workload's owner, as an
///   annotated tag, signed by the owner's key when `requireSignedMilestones` is set; never
///   moved or deleted.
/// - anything else: administrators only.
package final class PushJudge {
    package let repository: Repository
    package let pusher: String
    /// Seconds since 1970: the clock invitations expire by.
    package let now: Int64
    /// The branch the bare repository's HEAD names (`refs/heads/main`).
    package let defaultBranch: String?
    /// The default branch's commit before the push, and a read-only workspace of it.
    package let serverTip: ObjectID?
    let server: Workspace?
    package let shares: ShareStore
    package let policy: AccessPolicy
    /// Reads the server's state from `repository` (opened with `Repository.openForHook()`).
    package init(repository: Repository, pusher: String, now: Int64) throws(WorkspaceError) {
        self.repository = repository
        self.pusher = pusher
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
    }

    /// Every refusal for a push; empty when it may land. Each update is judged on its own,
    /// all against the state before the push.
    package func judge(_ updates: [PushUpdate]) throws(WorkspaceError) -> [PushRefusal] {
        var refusals: [PushRefusal] = []
        for update in updates {
            refusals += try judge(update)
        }
        return refusals
    }

    /// The refusals for one reference update.
    package func judge(_ update: PushUpdate) throws(WorkspaceError) -> [PushRefusal] {
        if update.old == update.new { return [] }
        let reference = update.reference
        if reference == ShareStore.reference { return try judgeShares(update) }
        if reference.hasPrefix("refs/heads/") { return try judgeBranch(update) }
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
    package static let milestonePrefix = "refs/tags/" + Milestone.tagPrefix

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

    func wrap<T>(_ body: () throws(GitError) -> T) throws(WorkspaceError) -> T {
        do {
            return try body()
        } catch {
            throw .git(error)
        }
    }
}

/// How a workload is named in refusals.
func describe(_ workload: Workload) -> String {
    "workload \"\(workload.name)\" (\(workload.id), owner \(workload.owner))"
}
