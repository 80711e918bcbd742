/// Whether a template's lenses are at their current versions (the API's
/// `ReviewTemplateUpdateStatus`).
package enum ReviewTemplateUpdateStatus: String, Sendable, Codable, CaseIterable {
    case current = "CURRENT"
    /// A lens has a newer major version, or its version was deprecated: `template upgrade`.
    case lensNotCurrent = "LENS_NOT_CURRENT"
}

extension ReviewTemplate {
    /// The API's limits (CreateReviewTemplate, UpdateReviewTemplate) and the workload's lens
    /// limit, since a template's lenses are applied to workloads.
    package enum Limits {
        /// `TemplateName`.
        package static let nameLength = 3...100
        /// `TemplateDescription`.
        package static let descriptionLength = 3...250
        /// `Notes`.
        package static let notesLength = 0...LensLimits.answerNotesLength
        /// A workload applies at most 20 lenses (user guide); so does a template.
        package static let lenses = 1...WorkloadValidation.maximumLenses
        /// `ReviewTemplateLensAliases`: LensesToAssociate and LensesToDisassociate.
        package static let lensChanges = 1...10
    }

    /// The characters `TemplateName` and `TemplateDescription` allow besides letters A-Z, a-z
    /// and digits (`^[A-Za-z0-9-_.,:/()@!&?#+'’\s]+$`). Of `\s` Welltree takes the space, and in
    /// descriptions newline and tab: other white space (no-break spaces, line separators) is
    /// invisible in a terminal or acts on it.
    package static let punctuation: Set<Unicode.Scalar> = [
        "-", "_", ".", ",", ":", "/", "(", ")", "@", "!", "&", "?", "#", "+", "'", "\u{2019}", " ",
    ]

    /// The rules `text` breaks as a template name (single line) or description (multi-line).
    package static func textProblems(_ text: String, length: ClosedRange<Int>, multiline: Bool) -> [String] {
        var rules: [String] = []
        let count = text.unicodeScalars.count
        if !length.contains(count) { rules.append(WorkloadChecker.lengthRule(length, count)) }
        var refused: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars where !isAllowed(scalar, multiline: multiline) && !refused.contains(scalar) {
            refused.append(scalar)
        }
        if !refused.isEmpty {
            let shown = refused.map { scalar in
                UnsafeCharacter.isUnsafe(scalar) || scalar.properties.isWhitespace ? WorkloadChecker.codePoint(scalar) : "'\(scalar)'"
            }
            let breaks = multiline ? ", line breaks, tabs" : ""
            rules.append(
                "must contain only letters A-Z, digits, spaces\(breaks) and - _ . , : / ( ) @ ! & ? # + ' \u{2019} (found \(shown.joined(separator: " ")))"
            )
        }
        if count > 0, text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) { rules.append("must not be only spaces") }
        return rules
    }

    private static func isAllowed(_ scalar: Unicode.Scalar, multiline: Bool) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9": true
        case "\n", "\t": multiline
        default: punctuation.contains(scalar)
        }
    }

    /// Builds a new template at version 1, or throws every rule the request breaks.
    ///
    /// - Parameters:
    ///   - lenses: aliases to apply besides the framework lens, which every template applies
    ///     first whether listed or not.
    ///   - available: the lenses the creator may apply, by alias, with the version to pin (the
    ///     current one); an alias missing here is refused, naming the available ones.
    ///   - existingNames: the names of the templates that are not deleted.
    package static func create(
        id: String, name: String, description: String, notes: String?, lenses: [String], available: [String: String], owner: String,
        now: String, existingNames: [String]
    ) throws(ValidationError) -> ReviewTemplate {
        var validator = Validator()
        checkTexts(name: name, description: description, notes: notes, existingNames: existingNames, commandLine: true, into: &validator)
        var aliases = [Workload.frameworkLens]
        for alias in lenses where alias != Workload.frameworkLens {
            if aliases.contains(alias) {
                validator.add(Violation(field: "--lens", value: alias, rule: "is listed more than once"))
                continue
            }
            checkAvailable(alias, available: available, into: &validator)
            aliases.append(alias)
        }
        checkAvailable(Workload.frameworkLens, available: available, into: &validator)
        validator.require(
            Limits.lenses.contains(aliases.count), field: "--lens", value: "\(aliases.count) lenses",
            rule: "exceeds the limit of \(Limits.lenses.upperBound) lenses per template")
        validator.require(isValidID(id), field: "id", value: id, rule: "must be 32 lowercase hexadecimal digits")
        validator.require(!owner.isEmpty, field: "owner", value: owner, rule: "must not be empty")
        validator.require(WorkloadValidation.isTimestamp(now), field: "createdAt", value: now, rule: "must be an ISO 8601 time in UTC")
        try validator.check()
        let pinned = aliases.map { WorkloadLens(alias: $0, version: available[$0] ?? "") }
        return ReviewTemplate(
            id: id, name: name, description: description, notes: notes?.isEmpty == false ? notes : nil, owner: owner, lenses: pinned,
            createdAt: now, updatedAt: now)
    }

    /// This template after UpdateReviewTemplate. Given texts replace the old ones (empty notes
    /// remove them); lenses are added at the version `available` names and removed, except the
    /// framework lens, at most 10 each. A change of lenses raises the version (workloads created
    /// afterwards receive other lenses); a change of name, description or notes does not. Nothing
    /// changed gives back the template as it was. `existingNames` are the other templates' names.
    package func updated(
        name newName: String? = nil, description newDescription: String? = nil, notes newNotes: String? = nil,
        lensesToAssociate: [String] = [], lensesToDisassociate: [String] = [], available: [String: String] = [:],
        existingNames: [String] = [], now: String
    ) throws(ValidationError) -> ReviewTemplate {
        var validator = Validator()
        validator.require(deletedAt == nil, field: "template", value: name, rule: "is deleted and cannot change")
        if let newName { Self.checkName(newName, existingNames: existingNames, field: "--name", into: &validator) }
        if let newDescription {
            for rule in Self.textProblems(newDescription, length: Limits.descriptionLength, multiline: true) {
                validator.add(Violation(field: "--description", value: newDescription, rule: rule))
            }
        }
        if let newNotes { TextRules.check(newNotes, field: "--notes", length: Limits.notesLength, multiline: true, into: &validator) }
        for (list, field) in [(lensesToAssociate, "--add-lens"), (lensesToDisassociate, "--remove-lens")]
        where list.count > Limits.lensChanges.upperBound {
            validator.add(
                Violation(
                    field: field, value: "\(list.count) lenses", rule: "may name at most \(Limits.lensChanges.upperBound) lenses at once"))
        }
        var result = lenses
        for alias in lensesToDisassociate {
            if alias == Workload.frameworkLens {
                validator.add(Violation(field: "--remove-lens", value: alias, rule: "is the framework lens, which every template applies"))
            } else if let index = result.firstIndex(where: { $0.alias == alias }) {
                result.remove(at: index)
            } else {
                validator.add(
                    Violation(
                        field: "--remove-lens", value: alias,
                        rule: "is not a lens of the template; its lenses: \(lenses.map(\.alias).joined(separator: ", "))"))
            }
        }
        for alias in lensesToAssociate {
            if lensesToDisassociate.contains(alias) {
                validator.add(Violation(field: "--add-lens", value: alias, rule: "cannot be both added and removed"))
            } else if result.contains(where: { $0.alias == alias }) {
                validator.add(Violation(field: "--add-lens", value: alias, rule: "is already a lens of the template"))
            } else {
                Self.checkAvailable(alias, available: available, field: "--add-lens", into: &validator)
                result.append(WorkloadLens(alias: alias, version: available[alias] ?? ""))
            }
        }
        validator.require(
            result.count <= Limits.lenses.upperBound, field: "--add-lens", value: "\(result.count) lenses",
            rule: "exceeds the limit of \(Limits.lenses.upperBound) lenses per template")
        validator.require(WorkloadValidation.isTimestamp(now), field: "updatedAt", value: now, rule: "must be an ISO 8601 time in UTC")
        try validator.check()

        var template = self
        if let newName { template.name = newName }
        if let newDescription { template.description = newDescription }
        if let newNotes { template.notes = newNotes.isEmpty ? nil : newNotes }
        template.lenses = result
        if template.lenses != lenses { template.version += 1 }
        if template != self { template.updatedAt = now }
        return template
    }

    /// This template with lens `alias` pinned to `version` (UpgradeReviewTemplateLensReview);
    /// the caller migrates the answers with `LensUpgrade`. Raises the version.
    package func upgraded(lens alias: String, to version: String, now: String) throws(ValidationError) -> ReviewTemplate {
        guard deletedAt == nil else {
            throw ValidationError([Violation(field: "template", value: name, rule: "is deleted and cannot change")])
        }
        guard let index = lenses.firstIndex(where: { $0.alias == alias }) else {
            throw ValidationError([
                Violation(
                    field: "--lens", value: alias,
                    rule: "is not a lens of the template; its lenses: \(lenses.map(\.alias).joined(separator: ", "))")
            ])
        }
        guard lenses[index].version != version else { return self }
        var template = self
        template.lenses[index].version = version
        return template.bumped(now: now)
    }

    /// This template one version on, changed at `now`: what the workspace records in the same
    /// commit as a change of answers or notes.
    package func bumped(now: String) -> ReviewTemplate {
        var template = self
        template.version += 1
        template.updatedAt = now
        return template
    }

    /// This template marked deleted: it stays, for the workloads created from it, but nobody
    /// applies it to new workloads.
    package func deleted(now: String) throws(ValidationError) -> ReviewTemplate {
        guard deletedAt == nil else { throw ValidationError([Violation(field: "template", value: name, rule: "is already deleted")]) }
        var template = self
        template.deletedAt = now
        return template
    }

    /// CURRENT, or LENS_NOT_CURRENT when a lens of the template has a newer major version or its
    /// version was deprecated (minor versions apply by themselves, as for workloads). A deleted
    /// or unknown lens has nothing to upgrade to and does not count.
    package func updateStatus(lensRecords: [String: LensRecord]) -> ReviewTemplateUpdateStatus {
        for lens in lenses {
            guard let record = lensRecords[lens.alias] else { continue }
            switch record.status(ofVersionInUse: lens.version) {
            case .notCurrent, .deprecated: return .lensNotCurrent
            case .current, .deleted, .unshared: continue
            }
        }
        return .current
    }

    /// Every rule the stored record breaks, with JSON paths: what `welltree validate` and the
    /// hook run on a `template.json` edited by hand. `otherNames` are the names of the other
    /// templates that are not deleted.
    package func violations(otherNames: [String] = []) -> [Violation] {
        var validator = Validator()
        validator.require(Self.isValidID(id), field: "id", value: id, rule: "must be 32 lowercase hexadecimal digits")
        Self.checkTexts(
            name: name, description: description, notes: notes, existingNames: deletedAt == nil ? otherNames : [], commandLine: false,
            into: &validator)
        TextRules.check(owner, field: "owner", length: 1...2048, multiline: false, into: &validator)
        validator.require(
            Limits.lenses.contains(lenses.count), field: "lenses", value: "\(lenses.count) lenses",
            rule: "must hold \(TextRules.countPhrase(Limits.lenses, noun: "lens"))")
        validator.require(
            lenses.first?.alias == Workload.frameworkLens, field: "lenses[0].alias", value: lenses.first?.alias ?? "",
            rule: "must be \(Workload.frameworkLens): every template applies the framework lens first")
        var seen: Set<String> = []
        for (index, lens) in lenses.enumerated() {
            validator.require(
                WorkloadValidation.lensAliasLength.contains(lens.alias.unicodeScalars.count) && !lens.alias.contains("/"),
                field: "lenses[\(index)].alias", value: lens.alias, rule: "must be a lens alias of 1 to 128 characters")
            validator.require(seen.insert(lens.alias).inserted, field: "lenses[\(index)].alias", value: lens.alias, rule: "is listed twice")
            validator.require(!lens.version.isEmpty, field: "lenses[\(index)].version", value: lens.version, rule: "must not be empty")
        }
        validator.require(version >= 1, field: "version", value: "\(version)", rule: "must be at least 1")
        Profile.checkTime(createdAt, field: "createdAt", into: &validator)
        Profile.checkTime(updatedAt, field: "updatedAt", into: &validator)
        if let deletedAt { Profile.checkTime(deletedAt, field: "deletedAt", into: &validator) }
        if WorkloadValidation.isTimestamp(createdAt), WorkloadValidation.isTimestamp(updatedAt) {
            validator.require(
                updatedAt >= createdAt, field: "updatedAt", value: updatedAt, rule: "must not be before createdAt \(createdAt)")
        }
        return validator.violations
    }

    private static func checkTexts(
        name: String, description: String, notes: String?, existingNames: [String], commandLine: Bool, into validator: inout Validator
    ) {
        checkName(name, existingNames: existingNames, field: commandLine ? "--name" : "name", into: &validator)
        for rule in textProblems(description, length: Limits.descriptionLength, multiline: true) {
            validator.add(Violation(field: commandLine ? "--description" : "description", value: description, rule: rule))
        }
        if let notes {
            TextRules.check(notes, field: commandLine ? "--notes" : "notes", length: Limits.notesLength, multiline: true, into: &validator)
        }
    }

    private static func checkName(_ name: String, existingNames: [String], field: String, into validator: inout Validator) {
        for rule in textProblems(name, length: Limits.nameLength, multiline: false) {
            validator.add(Violation(field: field, value: name, rule: rule))
        }
        let normalized = Workload.normalizedName(name)
        if !normalized.isEmpty, let clash = existingNames.first(where: { Workload.normalizedName($0) == normalized }) {
            validator.add(
                Violation(field: field, value: name, rule: "must be unique ignoring spaces and case: \"\(clash)\" already exists"))
        }
    }

    private static func checkAvailable(
        _ alias: String, available: [String: String], field: String = "--lens", into validator: inout Validator
    ) {
        guard available[alias] == nil else { return }
        validator.add(
            Violation(
                field: field, value: alias,
                rule: "is not a lens you can apply; available: \(available.keys.sorted().joined(separator: ", "))"))
    }
}
