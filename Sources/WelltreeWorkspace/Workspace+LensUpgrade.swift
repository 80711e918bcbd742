import Git
import WelltreeCore

/// What `lens upgrade` did.
package struct LensUpgradeOutcome: Sendable {
    package var workload: StoredWorkload
    package var alias: String
    package var fromVersion: String
    package var toVersion: String
    package var milestone: StoredMilestone
    package var upgrade: LensUpgrade
    /// One line per pillar, as in the commit message.
    package var summary: [String]
}

extension Workspace {
    /// The differences between two published versions of a lens (target: the current version).
    package func lensDifference(_ alias: String, base: String, target: String?) throws(WorkspaceError) -> (LensRecord, String, LensDifference) {
        let from = try loadLens(alias, version: base)
        let to = try loadLens(alias, version: target)
        return (to.record, to.version, LensDifference(base: from.lens, target: to.lens))
    }

    /// What publishing the draft would change, as the console's "review changes" shows before
    /// publishing: the draft against `base` (default: the current published version, or an
    /// empty lens when nothing is published, so every pillar and question is new). Returns the
    /// base version compared with (nil for nothing).
    package func draftDifference(_ alias: String, base: String?) throws(WorkspaceError) -> (LensRecord, String?, LensDifference) {
        let record = try requireLensRecord(alias)
        guard try entry(Layout.lensDraft(alias)) != nil else {
            throw .refused("lens \(alias) has no draft; import a lens file first (`welltree lens import FILE`)")
        }
        let (draft, _) = try lensContent(at: Layout.lensDraft(alias), kind: record.type == .awsOfficial ? .official : .custom)
        let baseVersion = base ?? record.currentVersion?.version
        let from = try baseVersion.map { version throws(WorkspaceError) in try loadLens(alias, version: version).lens }
        let empty = Lens(name: draft.name, description: draft.description, pillars: [])
        return (record, baseVersion, LensDifference(base: from ?? empty, target: draft))
    }

    /// The API's `LensStatus` of a lens `workload` applies: DELETED, UNSHARED when it is a custom
    /// lens of someone else's that no accepted share reaches the workload's owner with any more
    /// (read from the shares ref, as the service marks the reviews of a lens whose share is
    /// revoked), else as its versions say (CURRENT, NOT_CURRENT, DEPRECATED). Official lenses and
    /// the owner's own lenses read no share.
    package func lensStatus(_ applied: WorkloadLens, record: LensRecord, of workload: Workload) throws(WorkspaceError) -> WorkloadLensStatus {
        let status = record.status(ofVersionInUse: applied.version)
        guard status != .deleted, record.type != .awsOfficial, record.owner != workload.owner else { return status }
        let store = try shareStore()
        let shared = ShareAccess.lensIsShared(
            with: workload.owner, lensOwner: record.owner, shares: try store.file(.lens(alias: record.alias)).shares,
            policy: try store.access(), now: nowSeconds)
        return shared ? status : .unshared
    }

    /// Every workload and lens that is not current, in workload order.
    package func lensNotifications() throws(WorkspaceError) -> [LensNotification] {
        var records: [String: LensRecord] = [:]
        var result: [LensNotification] = []
        for stored in try allWorkloads() {
            for applied in stored.workload.lenses {
                let record: LensRecord
                if let cached = records[applied.alias] {
                    record = cached
                } else {
                    record = try requireLensRecord(applied.alias)
                    records[applied.alias] = record
                }
                let status = record.status(ofVersionInUse: applied.version)
                guard status != .current else { continue }
                result.append(LensNotification(workload: stored.workload, record: record,
                                               versionInUse: record.latestMinor(after: applied.version), status: status))
            }
        }
        return result
    }

    /// Moves a workload to the current version of a lens, in one commit, after saving the
    /// milestone `milestoneName` (signed when signing is configured) so the old answers stay
    /// readable. Owner only; refused, with nothing written, when the lens is already current,
    /// deleted, or the milestone name is not acceptable.
    package func upgradeLens(_ reference: String, alias: String, milestoneName: String, signing: SigningChoice) throws(WorkspaceError) -> LensUpgradeOutcome {
        try requireInitialised()
        let stored = try findWorkload(reference)
        try requireOwner(of: stored.workload, to: "upgrade a lens")
        let applied = try appliedLens(stored, alias: alias)
        let record = try requireLensRecord(alias)
        switch try lensStatus(applied, record: record, of: stored.workload) {
        case .current:
            throw .refused(
                "workload \"\(stored.workload.name)\" already uses the current version \(record.latestMinor(after: applied.version)) of lens \(alias)",
                code: .alreadyDone, subject: alias)
        case .deleted:
            throw .refused(
                "lens \(alias) was deleted by its owner; there is no version to upgrade to (remove it with `welltree lens disassociate`)",
                code: .lensUnavailable, subject: alias)
        case .unshared:
            throw .refused(
                "lens \(alias) is no longer shared with \(stored.workload.owner) by its owner \(record.owner); nothing of it can be applied until it is shared again (remove it with `welltree lens disassociate`)",
                code: .lensUnavailable, subject: alias)
        case .notCurrent, .deprecated:
            break
        }
        let from = try effectiveLens(applied)
        let to = try loadLens(alias)
        // An upgrade killed after saving its milestone and before committing left the tag on
        // this very commit: running the command again reuses it rather than refusing the name.
        let saved = try milestones(ofWorkloadId: stored.workload.id).first { $0.milestone.name == milestoneName && $0.commit == base }
        var pending: PendingMilestone?
        if saved == nil { pending = try prepareMilestone(stored, name: milestoneName, signing: signing) }
        let answers = try answers(of: stored, lens: alias)
        let upgrade = LensUpgrade(from: from.lens, to: to.lens, answers: answers.mapValues(\.answer))

        var changes = ChangeSet()
        var workload = stored.workload
        workload.lenses = workload.lenses.map { $0.alias == alias ? WorkloadLens(alias: alias, version: to.version) : $0 }
        workload.updatedAt = isoNow()
        try changes.write(Layout.workloadFile(stored.directory), json: workload)
        for (question, answer) in upgrade.answers where answers[question]?.answer != answer {
            try changes.write(Layout.answerFile(stored.directory, lens: alias, question: question),
                              json: StoredAnswer(answer: answer, updatedAt: isoNow()))
        }
        for question in upgrade.removedAnswers {
            changes.remove(Layout.answerFile(stored.directory, lens: alias, question: question))
        }

        let milestone: StoredMilestone
        if let saved { milestone = saved } else { milestone = try writeMilestone(pending!) }
        let summary = upgrade.pillarSummaries(base: from.lens, target: to.lens)
        let message = """
            Upgrade lens \(alias) of \(workload.name) from \(from.version) to \(to.version)

            Saved milestone \(milestone.milestone.number) "\(milestone.milestone.name)" first (tag \(milestone.tagName)).

            \(summary.joined(separator: "\n"))
            """
        try commit(changes, message: message)
        return LensUpgradeOutcome(workload: try reloadWorkload(directory: stored.directory), alias: alias, fromVersion: from.version,
                                  toVersion: to.version, milestone: milestone, upgrade: upgrade, summary: summary)
    }
}
