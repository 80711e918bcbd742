import Git
import WelltreeCore

/// A profile as read from `profiles/<directory>/profile.json`.
package struct StoredProfile: Sendable, Equatable {
    /// The directory name below `profiles/`, fixed when the profile was created.
    package var directory: String
    package var profile: Profile
}

/// What `profile upgrade` did: the version the workload left and the one it uses now, and the
/// milestone saved first, if one was asked for.
package struct ProfileUpgradeOutcome: Sendable {
    package var workload: StoredWorkload
    package var profile: StoredProfile
    package var fromVersion: String
    package var toVersion: String
    package var milestone: StoredMilestone?
}

extension Workspace {
    // MARK: Workspace data

    /// The workspace's profile template (`profile-template.json`), refused when it is missing
    /// or breaks a rule (`ProfileTemplate.violations()`): answers cannot be judged against a
    /// broken template, so nothing is written from one.
    package func profileTemplate() throws(WorkspaceError) -> ProfileTemplate {
        guard let template = try document(ProfileTemplate.self, at: Layout.profileTemplate) else {
            throw .notFound(
                what: "profile template", name: Layout.profileTemplate,
                hint: "`welltree init` adds the shipped one to a workspace that lacks it")
        }
        let violations = template.violations()
        guard violations.isEmpty else {
            throw .invalidFiles(violations.map { FileProblem(path: Layout.profileTemplate, message: $0.description) })
        }
        return template
    }

    /// The workspace's prioritization mapping (`profile-prioritization.json`); nil when the
    /// workspace has none, so no question is prioritized.
    package func profilePrioritization() throws(WorkspaceError) -> ProfilePrioritization? {
        try document(ProfilePrioritization.self, at: Layout.profilePrioritization)
    }

    // MARK: Reading profiles

    /// Every profile of the workspace, deleted ones included, in directory order.
    package func allProfiles() throws(WorkspaceError) -> [StoredProfile] {
        var result: [StoredProfile] = []
        for entry in try directory(Layout.profiles) where entry.kind == .tree {
            guard let profile = try document(Profile.self, at: Layout.profileFile(entry.name)) else { continue }
            result.append(StoredProfile(directory: entry.name, profile: profile))
        }
        return result
    }

    /// ListProfiles (`profile list`): the profiles in directory order, without the deleted ones
    /// unless `includeDeleted` (workloads may still use those). Needs an initialised workspace.
    package func profileListing(includeDeleted: Bool) throws(WorkspaceError) -> [Profile] {
        try requireInitialised()
        return try allProfiles().map(\.profile).filter { includeDeleted || $0.deletedAt == nil }
    }

    /// The profiles by id (the first directory holding an id; `validate` reports a second).
    package func profilesById() throws(WorkspaceError) -> [String: StoredProfile] {
        var result: [String: StoredProfile] = [:]
        for stored in try allProfiles() where result[stored.profile.id] == nil { result[stored.profile.id] = stored }
        return result
    }

    /// Finds a profile by id, by Welltree's ARN form (`arn:welltree:wellarchitected:::profile/<id>`),
    /// by name (spaces and case ignored) or by its directory's name. A name is looked up among
    /// the profiles that are not deleted first (names are unique only among them); a reference
    /// that names several profiles is refused.
    package func findProfile(_ reference: String) throws(WorkspaceError) -> StoredProfile {
        let arnPrefix = "arn:welltree:wellarchitected:::profile/"
        let id = reference.hasPrefix(arnPrefix) ? String(reference.dropFirst(arnPrefix.count)) : reference
        let profiles = try allProfiles()
        let byId = profiles.filter { $0.profile.id == id || $0.directory == reference }
        if byId.count == 1 { return byId[0] }
        let wanted = Workload.normalizedName(reference)
        var matches = byId.isEmpty ? profiles.filter { !wanted.isEmpty && Workload.normalizedName($0.profile.name) == wanted } : byId
        let live = matches.filter { $0.profile.deletedAt == nil }
        if matches.count > 1, live.count == 1 { matches = live }
        guard let found = matches.first else {
            throw .notFound(what: "profile", name: reference, hint: "`welltree profile list` shows the profiles")
        }
        guard matches.count == 1 else {
            throw .refused(
                "\"\(Violation.visible(reference))\" names \(matches.count) profiles (\(matches.map { Layout.profileDirectory($0.directory) }.joined(separator: ", "))); "
                    + "name one by its id: \(matches.map(\.profile.id).joined(separator: ", "))", code: .ambiguous, subject: reference)
        }
        return found
    }

    /// One published version of a profile (the latest when `version` is nil).
    package func profileVersion(_ stored: StoredProfile, version: String? = nil) throws(WorkspaceError) -> (version: String, answers: ProfileAnswers) {
        guard let version = version ?? stored.profile.latestVersion else {
            throw .invalidFiles([FileProblem(path: Layout.profileFile(stored.directory), message: "versions: the profile lists no version")])
        }
        guard stored.profile.hasVersion(version), ProfileVersion.isValid(version) else {
            throw .notFound(
                what: "version of profile \"\(stored.profile.name)\"", name: version,
                hint: "its versions: \(stored.profile.versions.map(\.version).joined(separator: ", "))")
        }
        let path = Layout.profileVersion(stored.directory, version)
        guard let file = try document(ProfileVersion.self, at: path) else {
            throw .notFound(what: "profile version file", name: path, hint: "the profile lists version \(version) but its file is missing")
        }
        return (version, file.answers)
    }

    // MARK: Writing profiles

    /// CreateProfile: a new profile and its version `1`, in one commit. Every rule the request
    /// breaks is listed (name, description, answers against the template's questions, choices
    /// and minimum and maximum selections); nothing is written then.
    package func createProfile(name: String, description: String, answers: [String: [String]]) throws(WorkspaceError)
        -> (StoredProfile, ProfileAnswers)
    {
        try requireInitialised()
        let template = try profileTemplate()
        let owner = try principal()
        let existing = try allProfiles()
        let created: (profile: Profile, version: ProfileVersion)
        do {
            created = try Profile.create(
                id: Profile.newID(), name: name, description: description, answers: answers, template: template, owner: owner,
                now: isoNow(), existingNames: existing.filter { $0.profile.deletedAt == nil }.map(\.profile.name))
        } catch {
            throw .invalid(error)
        }
        let directory = freshDirectory(for: created.profile.name, taken: Set(existing.map(\.directory)))
        var changes = ChangeSet()
        try changes.write(Layout.profileFile(directory), json: created.profile)
        try changes.write(Layout.profileVersion(directory, "1"), json: created.version)
        try commit(changes, message: "Create profile \(created.profile.name)")
        return (StoredProfile(directory: directory, profile: created.profile), created.version.answers)
    }

    /// UpdateProfile: a new description, and answers for the questions named (the others keep
    /// the latest version's). Changed answers publish the next version; workloads keep theirs
    /// until `profile upgrade`. Owner only; one commit, none when nothing changes.
    package func updateProfile(_ reference: String, description: String?, answers: [String: [String]]?) throws(WorkspaceError)
        -> (profile: StoredProfile, published: String?, changed: Bool)
    {
        try requireInitialised()
        let stored = try findProfile(reference)
        try requireProfileOwner(stored.profile, to: "update it")
        let template = try profileTemplate()
        let latest = try profileVersion(stored)
        let updated: (profile: Profile, newVersion: ProfileVersion?)
        do {
            updated = try stored.profile.updated(
                description: description, answers: answers, latest: ProfileVersion(answers: latest.answers), template: template, now: isoNow())
        } catch {
            throw .invalid(error)
        }
        guard updated.profile != stored.profile else { return (stored, nil, false) }
        var changes = ChangeSet()
        try changes.write(Layout.profileFile(stored.directory), json: updated.profile)
        var published: String?
        if let newVersion = updated.newVersion, let version = updated.profile.latestVersion {
            let path = Layout.profileVersion(stored.directory, version)
            if try entry(path) != nil {
                throw .refused(
                    "\(path) exists already, though the profile does not list version \(version); repair the profile first (`welltree validate`)",
                    code: .refused, subject: path)
            }
            try changes.write(path, json: newVersion)
            published = version
        }
        let what = published.map { "publish version \($0)" } ?? "description"
        try commit(changes, message: "Update profile \(stored.profile.name): \(what)")
        return (StoredProfile(directory: stored.directory, profile: updated.profile), published, true)
    }

    /// DeleteProfile: marks the profile deleted (its files stay, so workloads that use it keep
    /// their version and are told). Owner only; one commit.
    package func deleteProfile(_ reference: String) throws(WorkspaceError) -> (profile: StoredProfile, workloads: [StoredWorkload]) {
        try requireInitialised()
        let stored = try findProfile(reference)
        try requireProfileOwner(stored.profile, to: "delete it")
        let deleted: Profile
        do {
            deleted = try stored.profile.deleted(now: isoNow())
        } catch {
            throw .invalid(error)
        }
        var changes = ChangeSet()
        try changes.write(Layout.profileFile(stored.directory), json: deleted)
        try commit(changes, message: "Delete profile \(stored.profile.name)")
        let users = try allWorkloads().filter { $0.workload.profile?.id == stored.profile.id }
        return (StoredProfile(directory: stored.directory, profile: deleted), users)
    }

    /// Refuses unless the acting principal owns the profile.
    func requireProfileOwner(_ profile: Profile, to action: String) throws(WorkspaceError) {
        let actor = try principal()
        guard actor == profile.owner else {
            throw .forbidden(
                "\(actor) may not \(action) of profile \"\(profile.name)\": only its owner \(profile.owner) may", subject: profile.id)
        }
    }

    /// The latest version of a profile the acting principal may give a workload: not deleted,
    /// and theirs or shared with them (an accepted share, directly or through a group).
    /// Refused otherwise, saying why.
    func usableProfile(_ reference: String) throws(WorkspaceError) -> (StoredProfile, ProfileReference) {
        let stored = try findProfile(reference)
        if let deletedAt = stored.profile.deletedAt {
            throw .refused(
                "profile \"\(stored.profile.name)\" was deleted at \(deletedAt); it cannot be given to a workload",
                code: .refused, subject: stored.profile.id)
        }
        let actor = try principal()
        if actor != stored.profile.owner {
            let store = try shareStore()
            let policy = try store.access()
            let now = nowSeconds
            let shared = try store.file(.profile(id: stored.profile.id)).shares.contains {
                $0.status(at: now) == .accepted && policy.reaches($0.principal, actor)
            }
            guard shared else {
                throw .forbidden(
                    "\(actor) may not use profile \"\(stored.profile.name)\": it is owned by \(stored.profile.owner) and not shared with \(actor) "
                        + "(an accepted profile share is needed)", subject: stored.profile.id)
            }
        }
        let latest = try profileVersion(stored)
        return (stored, ProfileReference(id: stored.profile.id, version: latest.version))
    }

    // MARK: Workloads and profiles

    /// AssociateProfiles: the workload uses the profile's latest version from now on. A
    /// workload uses at most one profile (the API's rule): one already there is refused, and
    /// so is a deleted profile or one that is not the actor's. Owner of the workload only;
    /// one commit.
    package func associateProfile(workload reference: String, profile profileReference: String) throws(WorkspaceError)
        -> (StoredWorkload, StoredProfile)
    {
        try requireInitialised()
        let stored = try findWorkload(reference)
        try requireOwner(of: stored.workload, to: "associate a profile")
        let (profile, use) = try usableProfile(profileReference)
        if let current = stored.workload.profile {
            let code: WorkspaceError.Code = current.id == use.id ? .alreadyDone : .refused
            let name = try profilesById()[current.id].map { "\"\($0.profile.name)\"" } ?? current.id
            throw .refused(
                "workload \"\(stored.workload.name)\" already uses profile \(name) (version \(current.version)); a workload uses at most one "
                    + "(`welltree profile disassociate` it first)", code: code, subject: stored.workload.id)
        }
        var workload = stored.workload
        workload.profile = use
        workload.updatedAt = isoNow()
        var changes = ChangeSet()
        try changes.write(Layout.workloadFile(stored.directory), json: workload)
        try commit(changes, message: "Associate profile \(profile.profile.name) (version \(use.version)) with workload \(workload.name)")
        return (try reloadWorkload(directory: stored.directory), profile)
    }

    /// DisassociateProfiles: the workload stops using the profile (which may be deleted since).
    /// Owner of the workload only; one commit.
    package func disassociateProfile(workload reference: String, profile profileReference: String) throws(WorkspaceError) -> StoredWorkload {
        try requireInitialised()
        let stored = try findWorkload(reference)
        try requireOwner(of: stored.workload, to: "disassociate a profile")
        guard let current = stored.workload.profile else {
            throw .refused("workload \"\(stored.workload.name)\" uses no profile", code: .alreadyDone, subject: stored.workload.id)
        }
        // The workload's profile may have lost its files: its id still names it.
        let arnPrefix = "arn:welltree:wellarchitected:::profile/"
        let named = profileReference.hasPrefix(arnPrefix) ? String(profileReference.dropFirst(arnPrefix.count)) : profileReference
        let id = named == current.id ? current.id : try findProfile(profileReference).profile.id
        guard id == current.id else {
            throw .refused(
                "workload \"\(stored.workload.name)\" does not use profile \(Violation.visible(profileReference)); it uses \(current.id)",
                code: .refused, subject: stored.workload.id)
        }
        var workload = stored.workload
        workload.profile = nil
        workload.updatedAt = isoNow()
        var changes = ChangeSet()
        try changes.write(Layout.workloadFile(stored.directory), json: workload)
        let name = try profilesById()[current.id]?.profile.name ?? current.id
        try commit(changes, message: "Disassociate profile \(name) from workload \(workload.name)")
        return try reloadWorkload(directory: stored.directory)
    }

    /// UpgradeProfileVersion: moves the workload to its profile's latest version, after saving
    /// the milestone `milestoneName` when one is given (so the prioritization it had stays
    /// readable). Owner of the workload only; refused when the workload is on the latest
    /// version already, or the profile is deleted. One commit.
    package func upgradeProfile(workload reference: String, milestoneName: String?, signing: SigningChoice) throws(WorkspaceError)
        -> ProfileUpgradeOutcome
    {
        try requireInitialised()
        let stored = try findWorkload(reference)
        try requireOwner(of: stored.workload, to: "upgrade its profile")
        guard let current = stored.workload.profile else {
            throw .refused(
                "workload \"\(stored.workload.name)\" uses no profile (`welltree profile associate` gives it one)", code: .refused,
                subject: stored.workload.id)
        }
        guard let profile = try profilesById()[current.id] else {
            throw .notFound(what: "profile", name: current.id, hint: "the workload's profile has no files; disassociate it")
        }
        if profile.profile.deletedAt != nil {
            throw .refused(
                "profile \"\(profile.profile.name)\" was deleted; there is no version to upgrade to (`welltree profile disassociate` it)",
                code: .refused, subject: profile.profile.id)
        }
        let latest = try profileVersion(profile)
        guard latest.version != current.version else {
            throw .refused(
                "workload \"\(stored.workload.name)\" already uses the latest version \(latest.version) of profile \"\(profile.profile.name)\"",
                code: .alreadyDone, subject: stored.workload.id)
        }
        // As `lens upgrade`: the milestone is checked first, written just before the commit, and
        // one a killed upgrade left on this very commit is reused.
        var milestone: StoredMilestone?
        var pending: PendingMilestone?
        if let milestoneName {
            milestone = try milestones(ofWorkloadId: stored.workload.id).first { $0.milestone.name == milestoneName && $0.commit == base }
            if milestone == nil { pending = try prepareMilestone(stored, name: milestoneName, signing: signing) }
        }
        var workload = stored.workload
        workload.profile = ProfileReference(id: current.id, version: latest.version)
        workload.updatedAt = isoNow()
        var changes = ChangeSet()
        try changes.write(Layout.workloadFile(stored.directory), json: workload)
        if let pending { milestone = try writeMilestone(pending) }
        var message = "Upgrade profile \(profile.profile.name) of \(workload.name) from version \(current.version) to \(latest.version)"
        if let milestone {
            message += "\n\nSaved milestone \(milestone.milestone.number) \"\(milestone.milestone.name)\" first (tag \(milestone.tagName))."
        }
        try commit(changes, message: message)
        return ProfileUpgradeOutcome(
            workload: try reloadWorkload(directory: stored.directory), profile: profile, fromVersion: current.version,
            toVersion: latest.version, milestone: milestone)
    }

    /// ListProfileNotifications: workloads whose profile published a newer version or was
    /// deleted, computed from the workloads and the profiles (nothing is stored).
    package func profileNotifications() throws(WorkspaceError) -> [ProfileNotification] {
        let uses = try allWorkloads().compactMap { stored in
            stored.workload.profile.map {
                ProfileNotification.WorkloadUse(workloadId: stored.workload.id, workloadName: stored.workload.name, profile: $0)
            }
        }
        guard !uses.isEmpty else { return [] }
        return ProfileNotification.notifications(for: uses, profiles: try profilesById().mapValues(\.profile))
    }

    /// The questions the workload's profile prioritizes in one lens: nil when the workload uses
    /// no profile, or the mapping does not list the lens (then no question is said to be
    /// prioritized or not).
    package func questionPriorities(of workload: Workload, lensAlias: String, lens: Lens) throws(WorkspaceError) -> QuestionPriorities? {
        guard let reference = workload.profile, let mapping = try profilePrioritization(), mapping.lenses[lensAlias] != nil else {
            return nil
        }
        guard let profile = try profilesById()[reference.id] else { return nil }
        let answers = try profileVersion(profile, version: reference.version).answers
        return mapping.priorities(lensAlias: lensAlias, lens: lens, answers: answers, template: try profileTemplate())
    }

    /// Why the workload's profile prioritizes `question` of `review`, or that it does not (the
    /// profile choices whose mapping lists it, by their titles in the profile template); nil
    /// when the profile says nothing about the lens (`questionPriorities`).
    package func questionPriorityReason(of workload: Workload, review: WorkloadLensReview, question: String) throws(WorkspaceError)
        -> QuestionPriorityReason?
    {
        guard let priorities = try questionPriorities(of: workload, lensAlias: review.applied.alias, lens: review.lens.lens) else { return nil }
        let causes = priorities.causes[question] ?? []
        let template = try profileTemplate()
        return QuestionPriorityReason(choiceTitles: causes.map { id in template.question(holdingChoice: id)?.choice(id: id)?.title ?? id })
    }

    /// The prioritized risk counts of a lens review: nil when the workload's profile
    /// prioritizes nothing in that lens (or it has none).
    package func prioritizedRiskCounts(of stored: StoredWorkload, review: WorkloadLensReview) throws(WorkspaceError) -> PrioritizedRiskCounts? {
        try questionPriorities(of: stored.workload, lensAlias: review.applied.alias, lens: review.lens.lens)
            .map { review.review.prioritizedRiskCounts($0) }
    }

    /// GetWorkload's `PrioritizedRiskCounts`: the prioritized questions' risks over every lens
    /// the mapping covers; nil for a workload without a profile. Reads the answers through the
    /// full road, so only `workload show` asks for it, never the dashboard's hot path.
    package func prioritizedRiskCounts(of stored: StoredWorkload) throws(WorkspaceError) -> RiskCounts? {
        guard stored.workload.profile != nil else { return nil }
        var total: RiskCounts?
        for review in try reviews(of: stored) {
            guard let counts = try prioritizedRiskCounts(of: stored, review: review) else { continue }
            var sum = total ?? RiskCounts()
            sum.add(counts.riskCounts)
            total = sum
        }
        return total
    }

    /// The profile a workload uses, for naming it beside prioritized counts (nil without one,
    /// or when its files are gone).
    package func profile(of workload: Workload) throws(WorkspaceError) -> StoredProfile? {
        guard let reference = workload.profile else { return nil }
        return try profilesById()[reference.id]
    }

    // MARK: Shares

    /// The shares of a profile; only its owner sees them (ListProfileShares).
    package func profileShares(_ reference: String) throws(WorkspaceError) -> (StoredProfile, ShareFile) {
        let stored = try findProfile(reference)
        try requireProfileOwner(stored.profile, to: "see the shares")
        return (stored, try shareStore().file(.profile(id: stored.profile.id)))
    }

    /// CreateProfileShare: invites `principal` (a user, `group:<name>` or an account) to use
    /// the profile, READONLY; pending for seven days until accepted. Owner only; a deleted
    /// profile is shared with nobody. One commit on the shares ref.
    package func createProfileShare(_ reference: String, principal invitee: String) throws(WorkspaceError) -> (StoredProfile, Share) {
        let stored = try findProfile(reference)
        try requireProfileOwner(stored.profile, to: "share it")
        if stored.profile.deletedAt != nil {
            throw .refused("profile \"\(stored.profile.name)\" is deleted; it is shared with nobody", code: .refused, subject: stored.profile.id)
        }
        let share = try changeShares(.profile(id: stored.profile.id), message: "Share profile \(stored.profile.name) with \(invitee)") {
            (file, actor, now) throws(ValidationError) in
            try file.create(principal: invitee, permission: .readonly, owner: stored.profile.owner, actor: actor, now: now, id: Share.newID())
        }
        return (stored, share)
    }

    /// DeleteProfileShare: revokes a share; its holder gives the profile to no new workload
    /// (workloads that use it keep it). Owner only; one commit on the shares ref.
    package func deleteProfileShare(_ reference: String, shareId: String) throws(WorkspaceError) -> (StoredProfile, Share) {
        let stored = try findProfile(reference)
        try requireProfileOwner(stored.profile, to: "manage the shares")
        let share = try changeShares(.profile(id: stored.profile.id), message: "Revoke share \(shareId) of profile \(stored.profile.name)") {
            (file, _, now) throws(ValidationError) in
            try file.revoke(shareId, now: now)
        }
        return (stored, share)
    }
}
