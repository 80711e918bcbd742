extension Profile {
    /// The API's limits on a profile's texts, and the workload name rule Welltree applies to
    /// names too.
    package enum Limits {
        /// `ProfileName`.
        package static let nameLength = 3...100
        /// As for workload names: at least three characters that are not spaces.
        package static let minimumNameNonWhitespace = 3
        /// `ProfileDescription`.
        package static let descriptionLength = 3...100
    }

    /// Builds a new profile and its first version (`1`), or throws every rule the request
    /// breaks: name and description (lengths, no control characters, the name unique among
    /// `existingNames` ignoring spaces and case), answers against `template` (known questions
    /// and choices, each question's minimum and maximum). `template` is expected to be valid
    /// (`ProfileTemplate.violations()`).
    package static func create(
        id: String, name: String, description: String, answers: [String: [String]], template: ProfileTemplate, owner: String,
        now: String, existingNames: [String]
    ) throws(ValidationError) -> (profile: Profile, version: ProfileVersion) {
        var validator = Validator()
        checkName(name, existingNames: existingNames, field: "--name", into: &validator)
        TextRules.check(description, field: "--description", length: Limits.descriptionLength, multiline: true, into: &validator)
        let answers = ProfileAnswers(answers)
        for violation in answers.violations(against: template, style: .commandLine) { validator.add(violation) }
        validator.require(isValidID(id), field: "id", value: id, rule: "must be 32 lowercase hexadecimal digits")
        validator.require(!owner.isEmpty, field: "owner", value: owner, rule: "must not be empty")
        validator.require(WorkloadValidation.isTimestamp(now), field: "createdAt", value: now, rule: "must be an ISO 8601 time in UTC")
        try validator.check()
        let profile = Profile(
            id: id, name: name, description: description, owner: owner,
            versions: [ProfileVersionRecord(version: "1", createdAt: now)], createdAt: now, updatedAt: now)
        return (profile, ProfileVersion(answers: answers.normalized(to: template)))
    }

    /// This profile after UpdateProfile: a new description, and answers replaced for the
    /// questions `answers` names (the others keep those of `latest`, the latest version).
    ///
    /// When the answers change, the next version is published and returned; when only the
    /// description changes, none is. Nothing changed gives back the profile as it was (same
    /// `updatedAt`, so writing it again gives the same bytes). A deleted profile cannot change.
    package func updated(
        description: String?, answers: [String: [String]]?, latest: ProfileVersion, template: ProfileTemplate, now: String
    ) throws(ValidationError) -> (profile: Profile, newVersion: ProfileVersion?) {
        var validator = Validator()
        validator.require(deletedAt == nil, field: "profile", value: name, rule: "is deleted and cannot change")
        if let description {
            TextRules.check(description, field: "--description", length: Limits.descriptionLength, multiline: true, into: &validator)
        }
        var merged = latest.answers
        if let answers {
            merged = latest.answers.merging(answers)
            for violation in merged.violations(against: template, style: .commandLine) { validator.add(violation) }
        }
        validator.require(WorkloadValidation.isTimestamp(now), field: "updatedAt", value: now, rule: "must be an ISO 8601 time in UTC")
        try validator.check()

        var profile = self
        if let description { profile.description = description }
        let normalized = merged.normalized(to: template)
        var newVersion: ProfileVersion?
        if normalized != latest.answers.normalized(to: template) {
            newVersion = ProfileVersion(answers: normalized)
            profile.versions.append(ProfileVersionRecord(version: ProfileVersion.next(after: versions.map(\.version)), createdAt: now))
        }
        if profile != self { profile.updatedAt = now }
        return (profile, newVersion)
    }

    /// This profile marked deleted at `now`; its files stay, so workloads that use it keep their
    /// version (and are told it was deleted).
    package func deleted(now: String) throws(ValidationError) -> Profile {
        guard deletedAt == nil else {
            throw ValidationError([Violation(field: "profile", value: name, rule: "is already deleted")])
        }
        var profile = self
        profile.deletedAt = now
        return profile
    }

    /// Every rule the stored record breaks, with JSON paths: what `welltree validate` and the
    /// server hook run on a `profile.json` that may have been edited by hand. `otherNames` are
    /// the names of the other profiles that are not deleted.
    package func violations(otherNames: [String] = []) -> [Violation] {
        var validator = Validator()
        validator.require(Self.isValidID(id), field: "id", value: id, rule: "must be 32 lowercase hexadecimal digits")
        Self.checkName(name, existingNames: deletedAt == nil ? otherNames : [], field: "name", into: &validator)
        TextRules.check(description, field: "description", length: Limits.descriptionLength, multiline: true, into: &validator)
        TextRules.check(owner, field: "owner", length: 1...2048, multiline: false, into: &validator)
        validator.require(!versions.isEmpty, field: "versions", value: "0 versions", rule: "must list at least the first version")
        var seen: Set<String> = []
        for (index, record) in versions.enumerated() {
            validator.require(
                ProfileVersion.isValid(record.version), field: "versions[\(index)].version", value: record.version,
                rule: "must be 1 to 32 letters, digits or '-' (the API's ProfileVersion)")
            validator.require(
                seen.insert(record.version).inserted, field: "versions[\(index)].version", value: record.version, rule: "is listed twice")
            Self.checkTime(record.createdAt, field: "versions[\(index)].createdAt", into: &validator)
        }
        Self.checkTime(createdAt, field: "createdAt", into: &validator)
        Self.checkTime(updatedAt, field: "updatedAt", into: &validator)
        if let deletedAt { Self.checkTime(deletedAt, field: "deletedAt", into: &validator) }
        if WorkloadValidation.isTimestamp(createdAt), WorkloadValidation.isTimestamp(updatedAt) {
            validator.require(
                updatedAt >= createdAt, field: "updatedAt", value: updatedAt, rule: "must not be before createdAt \(createdAt)")
        }
        return validator.violations
    }

    /// Length, no control characters, three characters that are not spaces, unique ignoring
    /// spaces and case.
    static func checkName(_ name: String, existingNames: [String], field: String, into validator: inout Validator) {
        TextRules.check(name, field: field, length: Limits.nameLength, multiline: false, into: &validator)
        let visible = name.unicodeScalars.count { !$0.properties.isWhitespace }
        if name.unicodeScalars.count >= Limits.nameLength.lowerBound, visible < Limits.minimumNameNonWhitespace {
            validator.add(
                Violation(
                    field: field, value: name,
                    rule: "must contain at least \(Limits.minimumNameNonWhitespace) characters that are not spaces"))
        }
        let normalized = Workload.normalizedName(name)
        if !normalized.isEmpty, let clash = existingNames.first(where: { Workload.normalizedName($0) == normalized }) {
            validator.add(
                Violation(field: field, value: name, rule: "must be unique ignoring spaces and case: \"\(clash)\" already exists"))
        }
    }

    static func checkTime(_ value: String, field: String, into validator: inout Validator) {
        validator.require(
            WorkloadValidation.isTimestamp(value), field: field, value: value,
            rule: "must be an ISO 8601 time in UTC such as 2026-11-27T11:05:36Z")
    }
}
