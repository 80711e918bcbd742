import Git
import WelltreeCore

/// The lens rules of a comparison: published versions are immutable, built-in lenses are what
/// this Welltree ships, and where the rules changed the head's answers are also judged by the
/// base's lens versions.
extension WorkspaceComparison {
    /// The integrity findings and lens-rules changes of the lenses whose files changed.
    func lensIntegrity(_ parts: ChangedParts, baseLabel: String) throws(WorkspaceError) -> [IntegrityFinding] {
        var findings: [IntegrityFinding] = []
        for alias in parts.lensAliases {
            let old = try base.lensRecord(alias)
            let new = try head.lensRecord(alias)
            if let old { findings += try publishedVersionChanges(alias, old, new, baseLabel: baseLabel) }
            findings += try builtinDifferences(alias, old, new)
            for version in new?.versions ?? [] where !(old?.versions ?? []).contains(where: { $0.version == version.version }) {
                findings.append(
                    IntegrityFinding(
                        kind: .lensRulesChanged, file: Layout.lensVersion(alias, version.version), lens: alias, version: version.version,
                        message: "version \(version.version) of lens \(alias) was added (\(version.isMajor ? "major" : "minor")); "
                            + "answers of the changed workloads are judged by \(baseLabel)'s lens versions as well"))
            }
        }
        return findings
    }

    /// Profile versions the base published that the head edited or removed: a workload on that
    /// version would have other questions prioritized without anyone publishing anything. Only
    /// the changed version files are read (their tree entries).
    func profileIntegrity(_ parts: ChangedParts, baseLabel: String) throws(WorkspaceError) -> [IntegrityFinding] {
        var findings: [IntegrityFinding] = []
        for path in parts.profileVersionFiles {
            guard let before = try base.entry(path) else { continue }
            let after = try head.entry(path)
            if after?.id == before.id && after?.kind == before.kind { continue }
            let parts = path.split(separator: "/").map(String.init)
            let version = Layout.version(ofLensVersionFileName: parts[3])
            let what = after == nil ? "was removed" : "has other content"
            findings.append(
                IntegrityFinding(
                    kind: .publishedProfileVersionChanged, file: path, version: version,
                    message: "version \(Violation.visible(version)) of profile \(Layout.profiles)/\(Violation.visible(parts[1])), published in \(baseLabel), \(what); "
                        + "published profile versions never change (workloads use them): publish a new one with `welltree profile update`"))
        }
        return findings
    }

    /// Templates whose content (answers, notes, lenses) changed without their version rising,
    /// or whose version went down (`Workspace.templateVersionProblem`). Only the templates with
    /// a changed file are read.
    func templateIntegrity(_ parts: ChangedParts, baseLabel: String) throws(WorkspaceError) -> [IntegrityFinding] {
        var findings: [IntegrityFinding] = []
        for directory in Set(parts.otherFiles.compactMap(Layout.templateDirectory(ofPath:))).sorted() {
            guard let problem = try head.templateVersionProblem(directory, since: base, label: baseLabel) else { continue }
            findings.append(IntegrityFinding(kind: .templateChangedWithoutVersion, file: Layout.templateFile(directory), message: problem))
        }
        return findings
    }

    /// Published versions of the base's record that the head removed or changed: their files,
    /// their entries in `lens.json` (`isMajor`, `createdAt`, their order), and the lens's type,
    /// which decides how every version is read.
    private func publishedVersionChanges(
        _ alias: String, _ old: LensRecord, _ new: LensRecord?, baseLabel: String
    ) throws(WorkspaceError) -> [IntegrityFinding] {
        var findings: [IntegrityFinding] = []
        func changed(_ file: String, _ version: String?, _ message: String) {
            findings.append(IntegrityFinding(kind: .publishedVersionChanged, file: file, lens: alias, version: version, message: message))
        }
        let immutable = "published lens versions are immutable; publish a new version instead"
        if let new, new.type != old.type {
            changed(
                Layout.lensMetadata(alias), nil,
                "the type of lens \(alias) changed from \(old.type.rawValue) to \(new.type.rawValue), which changes how its published versions are read; \(immutable)"
            )
        }
        for version in old.versions {
            let path = Layout.lensVersion(alias, version.version)
            guard let entry = new?.versions.first(where: { $0.version == version.version }) else {
                findings.append(
                    IntegrityFinding(
                        kind: .publishedVersionRemoved, file: path, lens: alias, version: version.version,
                        message:
                            "version \(version.version) of lens \(alias), published in \(baseLabel), is no longer listed in \(Layout.lensMetadata(alias)); \(immutable)"
                    ))
                continue
            }
            let before = try base.entry(path)
            let after = try head.entry(path)
            if after == nil {
                findings.append(
                    IntegrityFinding(
                        kind: .publishedVersionRemoved, file: path, lens: alias, version: version.version,
                        message:
                            "the file of version \(version.version) of lens \(alias), published in \(baseLabel), was removed; \(immutable)")
                )
            } else if before?.id != after?.id || before?.kind != after?.kind {
                changed(
                    path, version.version,
                    "version \(version.version) of lens \(alias), published in \(baseLabel), has other content; \(immutable)")
            }
            if entry.isMajor != version.isMajor || entry.createdAt != version.createdAt {
                changed(
                    Layout.lensMetadata(alias), version.version,
                    "the record of version \(version.version) of lens \(alias) changed (isMajor \(version.isMajor) -> \(entry.isMajor), createdAt \(version.createdAt) -> \(entry.createdAt)); \(immutable)"
                )
            }
        }
        if let new {
            let kept = Set(old.versions.map(\.version))
            let order = new.versions.map(\.version).filter(kept.contains)
            if order != old.versions.map(\.version), order.count == old.versions.count {
                changed(
                    Layout.lensMetadata(alias), nil,
                    "the published versions of lens \(alias) were reordered (\(old.versions.map(\.version).joined(separator: ", ")) -> \(order.joined(separator: ", "))), which changes the version workloads move to; \(immutable)"
                )
            }
        }
        return findings
    }

    /// Built-in lens files of the head that differ from what this Welltree ships, and lenses
    /// Welltree does not ship that claim to be AWS's, where the base did not differ already.
    private func builtinDifferences(_ alias: String, _ old: LensRecord?, _ new: LensRecord?) throws(WorkspaceError) -> [IntegrityFinding] {
        guard BuiltinLens.aliases.contains(alias) else {
            guard new?.type == .awsOfficial, old?.type != .awsOfficial else { return [] }
            return [
                IntegrityFinding(
                    kind: .builtinLensModified, file: Layout.lensMetadata(alias), lens: alias,
                    message: "lens \(alias) claims to be provided by AWS (type AWS_OFFICIAL), but this Welltree ships only "
                        + "\(BuiltinLens.aliases.joined(separator: ", ")) as AWS lenses")
            ]
        }
        var findings: [IntegrityFinding] = []
        let versions = Layout.lensVersionsDirectory(alias)
        for entry in try head.directory(versions) {
            let path = versions + "/" + entry.name
            let version = Layout.version(ofLensVersionFileName: entry.name)
            let shipped = ShippedLenses.blob(alias, version: version)
            guard entry.kind != .blob || entry.id != shipped else { continue }
            // The base differing already was reported when that came in.
            if let before = try base.entry(path), before.kind != .blob || before.id != shipped { continue }
            let what =
                shipped == nil
                ? "this Welltree ships no version \(version) of the built-in lens \(alias) (an edited copy, or a newer Welltree's: check with the Welltree that wrote it)"
                : "differs from version \(version) of the built-in lens \(alias) that this Welltree ships"
            findings.append(
                IntegrityFinding(kind: .builtinLensModified, file: path, lens: alias, version: version, message: "the file \(what)"))
        }
        return findings
    }

    /// The head's answers of a changed workload judged by the base's lens versions: the risks
    /// at high or medium that the base did not have (each with `rules` = `base`).
    ///
    /// The base's lenses are the workload's lenses as the base applied them (a workload new in
    /// the head: its own), each pinned as the base pinned it, unless the head moved it forward
    /// to a version the base already has (which is the base's own rules for it). A lens the
    /// base does not have has no base rules; a version it does not have is replaced by its
    /// current one. Lenses that resolve to the same file on both sides are skipped: the head's
    /// own evaluation says the same.
    func risksUnderBaseLenses(_ old: StoredWorkload?, _ new: StoredWorkload) throws(WorkspaceError) -> RiskMovement {
        var movement = RiskMovement()
        for pinned in old?.workload.lenses ?? new.workload.lenses {
            guard let record = try base.lensRecord(pinned.alias) else { continue }
            var applied = pinned
            if old != nil, let moved = new.workload.lenses.first(where: { $0.alias == pinned.alias }),
                let from = record.versions.firstIndex(where: { $0.version == pinned.version }),
                let to = record.versions.firstIndex(where: { $0.version == moved.version }), to > from
            {
                applied = moved
            }
            if !record.versions.contains(where: { $0.version == applied.version }) {
                guard let current = record.currentVersion else { continue }
                applied.version = current.version
            }
            let lens = try base.effectiveLens(applied)
            if let headApplied = new.workload.lenses.first(where: { $0.alias == applied.alias }),
                head.effectiveLensBlob(headApplied) == lens.blob
            {
                continue
            }
            let judged = try head.review(of: new, lens: applied, judgedBy: lens).judged(directory: new.directory)
            var before: LensReview?
            if let old, let oldApplied = old.workload.lenses.first(where: { $0.alias == applied.alias }) {
                before = try base.review(of: old, lens: oldApplied).review
            }
            movement.add(RiskMovement.underBaseRules(new.workload, judged, before: before))
        }
        return movement
    }
}
