import Git
import WelltreeCore

extension PushJudge {
    /// The files of one profile directory (`profiles/<dir>/**`): a profile the server (or where
    /// the branch started) knows is changed only by its owner; a new one must record the pusher
    /// as its owner; a published version file is never edited or deleted, by anyone
    /// (workloads on that version keep their prioritization). Administrators may do the rest.
    func judgeProfile(
        _ directory: String, paths: [String], before: Workspace?, after: Workspace, update: PushUpdate
    ) throws(WorkspaceError) -> [PushRefusal] {
        var refusals: [PushRefusal] = []
        // Published versions are immutable: a version file present before may not change.
        for path in paths where Layout.isProfileVersionFile(path) {
            for snapshot in [server, before].compactMap({ $0 }) {
                guard let old = try snapshot.entry(path) else { continue }
                if try after.entry(path)?.id != old.id {
                    refusals.append(
                        refusal(
                            update, subject: "profile \(Layout.profileDirectory(directory))", file: path,
                            rule: "a published profile version never changes or goes (workloads use it); publish a new one with `welltree profile update`"))
                }
                break
            }
        }
        if policy.isAdministrator(pusher) { return refusals }
        let known = Self.profile(in: server, directory: directory) ?? Self.profile(in: before, directory: directory)
        let pushed = Self.profile(in: after, directory: directory)
        // A profile's id is its identity (workloads and share files name it): it never changes,
        // and a new profile never takes an id another directory holds.
        if let known, let pushed, pushed.id != known.id {
            return refusals + [
                refusal(
                    update, subject: "profile \"\(known.name)\" (owner \(known.owner))", file: Layout.profileFile(directory),
                    rule: "a profile's id never changes (it was \(known.id))")
            ]
        }
        if let pushed {
            for snapshot in [server, before, after].compactMap({ $0 }) {
                for entry in try snapshot.directory(Layout.profiles) where entry.kind == .tree && entry.name != directory {
                    guard let other = Self.profile(in: snapshot, directory: entry.name), other.id == pushed.id else { continue }
                    return refusals + [
                        refusal(
                            update, subject: "profile \"\(pushed.name)\"", file: Layout.profileFile(directory),
                            rule: "id \(pushed.id) is already used by \(Layout.profileFile(entry.name)); a profile's id is unique")
                    ]
                }
            }
        }
        if let known {
            if known.owner == pusher { return refusals }
            return refusals + paths.map {
                refusal(
                    update, subject: "profile \"\(known.name)\" (owner \(known.owner))", file: $0,
                    rule: "only the profile's owner \(known.owner) changes it")
            }
        }
        guard let created = Self.profile(in: after, directory: directory) else {
            return refusals + paths.map {
                refusal(update, subject: "profile \(Layout.profileDirectory(directory))", file: $0,
                        rule: "a profile directory needs \(Layout.profileFile(directory)) naming its owner")
            }
        }
        if created.owner == pusher { return refusals }
        return refusals + [
            refusal(
                update, subject: "new profile \"\(created.name)\"", file: Layout.profileFile(directory),
                rule: "a new profile must record its creator as owner (it names \(created.owner), the pusher is \(pusher))")
        ]
    }

    /// A workload's `profile` as the push sets it: giving a workload a profile (or another one)
    /// needs the profile's owner or an accepted share of it, and a profile the server's default branch holds (or the push
    /// creates), not deleted;
    /// moving to another version needs a version the profile has. Administrators may repair.
    func judgeWorkloadProfile(
        _ directory: String, before: Workspace?, after: Workspace, update: PushUpdate
    ) throws(WorkspaceError) -> [PushRefusal] {
        if policy.isAdministrator(pusher) { return [] }
        let path = Layout.workloadFile(directory)
        guard let pushed = try? after.document(Workload.self, at: path), let reference = pushed.profile else { return [] }
        var previous: ProfileReference?
        for snapshot in [server, before].compactMap({ $0 }) {
            guard try snapshot.entry(path) != nil else { continue }
            previous = (try? snapshot.document(Workload.self, at: path))?.profile
            break
        }
        if previous == reference { return [] }
        // The profile as the server's default branch has it; one the same push creates is judged
        // as pushed (its files need their owner, so the owner rule below holds either way).
        let subject = "workload \"\(pushed.name)\""
        var found = try server.flatMap { workspace throws(WorkspaceError) in try Self.profile(in: workspace, id: reference.id) }
        if found == nil { found = try Self.profile(in: after, id: reference.id) }
        guard let profile = found else {
            return [refusal(update, subject: subject, file: path, rule: "profile \(reference.id) is not a profile of this repository")]
        }
        if profile.deletedAt != nil {
            return [refusal(update, subject: subject, file: path, rule: "profile \"\(profile.name)\" is deleted; it is given to no workload")]
        }
        if previous?.id != reference.id, profile.owner != pusher {
            // An accepted share of the profile, as the server's shares ref holds it, lets its
            // holder use it; nothing the push carries can grant one.
            let shared = try shares.file(.profile(id: profile.id)).shares.contains {
                $0.status(at: now) == .accepted && policy.reaches($0.principal, pusher)
            }
            if !shared {
                return [
                    refusal(
                        update, subject: subject, file: path,
                        rule: "only the profile's owner \(profile.owner), or a principal with an accepted share of it, gives a workload profile \"\(profile.name)\"; the pusher is \(pusher)")
                ]
            }
        }
        if !profile.hasVersion(reference.version) {
            return [
                refusal(update, subject: subject, file: path, rule: "profile \"\(profile.name)\" has no version \(reference.version)")
            ]
        }
        return []
    }

    /// The profile record in `directory` of a state, when it can be read.
    static func profile(in workspace: Workspace?, directory: String) -> Profile? {
        guard let workspace else { return nil }
        return (try? workspace.document(Profile.self, at: Layout.profileFile(directory))) ?? nil
    }

    /// The profile with `id` in a state, when one can be read.
    static func profile(in workspace: Workspace, id: String) throws(WorkspaceError) -> Profile? {
        for entry in try workspace.directory(Layout.profiles) where entry.kind == .tree {
            if let profile = profile(in: workspace, directory: entry.name), profile.id == id { return profile }
        }
        return nil
    }
}
