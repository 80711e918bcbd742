import Git
import WelltreeCore

/// What importing a lens file did.
package struct LensImportOutcome: Sendable {
    package var record: LensRecord
    /// True when the import created a new lens, false when it replaced the draft of one.
    package var isNew: Bool
    package var warnings: [LensDiagnostic]
}

extension Workspace {
    /// Imports a lens file as the draft of a lens: a new lens, or the next draft of the lens
    /// with the same normalised name (or of `alias`, when given), which keeps its alias.
    package func importLens(_ bytes: [UInt8], file: String, alias requested: String?) throws(WorkspaceError) -> LensImportOutcome {
        try requireInitialised()
        let actor = try principal()
        let records = try allLensRecords()
        var existing: LensRecord?
        if let requested {
            existing = records.first { $0.alias == requested }
        }
        let kind: LensKind = existing?.type == .awsOfficial ? .official : .custom
        let loaded: LensLoadResult
        do {
            loaded = try LensLoader.load(bytes, file: file, kind: kind)
        } catch {
            throw .refused(error.description, code: .invalidLens, subject: file)
        }
        let lens = loaded.lens
        let normalized = LensRecord.normalizedName(lens.name)
        let sameName = records.first { LensRecord.normalizedName($0.name) == normalized }
        if let existing {
            if !existing.versions.isEmpty, LensRecord.normalizedName(existing.name) != normalized {
                throw .refused(
                    "lens name must match the published name of \(existing.alias): \"\(existing.name)\", not \"\(lens.name)\"",
                    code: .invalidLens, subject: existing.alias)
            }
            if let sameName, sameName.alias != existing.alias {
                throw .refused(
                    "a lens with the normalised name \"\(normalized)\" already exists: \(sameName.alias)",
                    code: .invalidLens, subject: sameName.alias)
            }
        } else {
            existing = sameName
        }
        if existing == nil, let requested, !Self.isValidAlias(requested) {
            throw .invalid(ValidationError([Violation(field: "--alias", value: requested, rule: "must be 3-128 lowercase letters, digits and hyphens")]))
        }
        var record = existing ?? LensRecord(
            alias: requested ?? Self.freshAlias(for: lens.name, taken: Set(records.map(\.alias))),
            name: lens.name, owner: actor, type: .customSelf, createdAt: isoNow())
        if record.type != .awsOfficial { try requireLensOwner(record, to: "import a new draft") }
        if record.deletedAt != nil { throw .refused("lens \(record.alias) was deleted", code: .lensUnavailable, subject: record.alias) }
        record.name = lens.name
        var changes = ChangeSet()
        try changes.write(Layout.lensDraft(record.alias), json: lens)
        try changes.write(Layout.lensMetadata(record.alias), json: record)
        try commit(changes, message: "Import lens \(lens.name) as a draft of \(record.alias)")
        return LensImportOutcome(record: record, isNew: existing == nil, warnings: loaded.warnings)
    }

    /// Publishes the draft of a lens as version `version`.
    package func publishLens(_ alias: String, version: String, isMajor: Bool) throws(WorkspaceError) -> LensRecord {
        var record = try requireLensRecord(alias)
        if record.type != .awsOfficial { try requireLensOwner(record, to: "publish it") }
        var validator = Validator()
        validator.require(Self.isValidVersion(version), field: "--version", value: version, rule: "must be 1-32 letters, digits and periods")
        validator.require(!record.versions.contains { $0.version == version }, field: "--version", value: version,
                          rule: "already exists for lens \(alias) (versions are unique per lens)")
        validator.require(record.versions.count < 100, field: "--version", value: version, rule: "lens \(alias) already has 100 versions, the maximum")
        do { try validator.check() } catch { throw .invalid(error) }
        guard let draft = try file(Layout.lensDraft(alias)) else {
            throw .refused(
                "lens \(alias) has no draft to publish; import a lens file first (`welltree lens import FILE --alias \(alias)`)",
                code: .lensUnavailable, subject: alias)
        }
        record.versions.append(LensVersionRecord(version: version, isMajor: isMajor || record.versions.isEmpty, createdAt: isoNow()))
        var changes = ChangeSet()
        changes.write(Layout.lensVersion(alias, version), draft)
        changes.remove(Layout.lensDraft(alias))
        try changes.write(Layout.lensMetadata(alias), json: record)
        try commit(changes, message: "Publish lens \(record.name) version \(version) (\(isMajor ? "major" : "minor"))")
        return record
    }

    /// The canonical bytes of a lens version (the current one by default, or the draft when
    /// nothing is published yet): importable again, byte for byte stable.
    package func exportLens(_ alias: String, version: String?) throws(WorkspaceError) -> [UInt8] {
        let record = try requireLensRecord(alias)
        let path: String
        if let version = version ?? record.currentVersion?.version {
            guard record.versions.contains(where: { $0.version == version }) else {
                throw .notFound(what: "version", name: version, hint: "lens \(alias) has versions \(record.versions.map(\.version).joined(separator: ", "))")
            }
            path = Layout.lensVersion(alias, version)
        } else {
            path = Layout.lensDraft(alias)
        }
        guard let bytes = try file(path) else { throw .notFound(what: "lens file", name: path, hint: nil) }
        return bytes
    }

    /// Marks a custom lens deleted: workloads that use it keep it; nobody can apply it again.
    package func deleteLens(_ alias: String) throws(WorkspaceError) -> LensRecord {
        var record = try requireLensRecord(alias)
        guard record.type != .awsOfficial else { throw .refused("lens \(alias) is provided by AWS and cannot be deleted", code: .builtinLens, subject: alias) }
        try requireLensOwner(record, to: "delete it")
        guard record.deletedAt == nil else { return record }
        record.deletedAt = isoNow()
        var changes = ChangeSet()
        try changes.write(Layout.lensMetadata(alias), json: record)
        changes.remove(Layout.lensDraft(alias))
        try commit(changes, message: "Delete lens \(record.name)")
        return record
    }

    /// Applies lenses to a workload (at their current versions). Answers kept from an earlier
    /// association come back, since removing a lens never deleted them.
    package func associateLenses(_ reference: String, aliases: [String]) throws(WorkspaceError) -> StoredWorkload {
        let stored = try findWorkload(reference)
        try requireOwner(of: stored.workload, to: "change the lenses")
        let new = aliases.filter { alias in !stored.workload.lenses.contains { $0.alias == alias } }
        var workload = stored.workload
        workload.lenses += try applicableLenses(uniqued(new))
        guard workload.lenses.count <= 20 else {
            throw .invalid(ValidationError([Violation(field: "ALIAS", value: aliases.joined(separator: ","), rule: "a workload has at most 20 lenses")]))
        }
        if workload.lenses == stored.workload.lenses { return stored }
        workload.updatedAt = isoNow()
        var changes = ChangeSet()
        try changes.write(Layout.workloadFile(stored.directory), json: workload)
        try commit(changes, message: "Apply lens \(new.joined(separator: ", ")) to \(workload.name)")
        return try reloadWorkload(directory: stored.directory)
    }

    /// Removes lenses from a workload; their answers stay in the repository for a later return.
    package func disassociateLenses(_ reference: String, aliases: [String]) throws(WorkspaceError) -> StoredWorkload {
        let stored = try findWorkload(reference)
        try requireOwner(of: stored.workload, to: "change the lenses")
        if aliases.contains(BuiltinLens.framework) {
            throw .refused(
                "the \(BuiltinLens.framework) lens is applied to every workload and cannot be removed",
                code: .builtinLens, subject: BuiltinLens.framework)
        }
        for alias in aliases where !stored.workload.lenses.contains(where: { $0.alias == alias }) {
            throw .notFound(what: "lens", name: alias, hint: "workload \"\(stored.workload.name)\" has \(stored.workload.lenses.map(\.alias).joined(separator: ", "))")
        }
        var workload = stored.workload
        workload.lenses.removeAll { aliases.contains($0.alias) }
        if workload.lenses == stored.workload.lenses { return stored }
        workload.updatedAt = isoNow()
        var changes = ChangeSet()
        try changes.write(Layout.workloadFile(stored.directory), json: workload)
        try commit(changes, message: "Remove lens \(aliases.joined(separator: ", ")) from \(workload.name)")
        return try reloadWorkload(directory: stored.directory)
    }

    func requireLensOwner(_ record: LensRecord, to action: String) throws(WorkspaceError) {
        let actor = try principal()
        guard actor == record.owner else {
            throw .forbidden(
                "\(actor) may not \(action) of lens \(record.alias): only its owner \(record.owner) may",
                subject: record.alias)
        }
    }

    static func isValidVersion(_ version: String) -> Bool {
        (1...32).contains(version.count) && version.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == ".") }
    }

    static func isValidAlias(_ alias: String) -> Bool {
        (3...128).contains(alias.count) && alias.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    package static func freshAlias(for name: String, taken: Set<String>) -> String {
        var slug = ""
        for scalar in name.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        slug = String(slug.prefix(64))
        if slug.count < 3 { slug = "lens" + (slug.isEmpty ? "" : "-" + slug) }
        var candidate = slug
        var n = 2
        while taken.contains(candidate) {
            candidate = "\(slug)-\(n)"
            n += 1
        }
        return candidate
    }
}

/// Removes repeated aliases while keeping the first occurrence's order.
private func uniqued(_ values: [String]) -> [String] {
    var seen = Set<String>()
    return values.filter { seen.insert($0).inserted }
}
