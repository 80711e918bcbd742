/// The rules a workload's properties must follow: the AWS API's limits and patterns for
/// `CreateWorkload`/`UpdateWorkload`/`TagResource` and the user guide's rules, plus a ban on
/// control characters so nothing invisible ends up in a review file or a terminal.
///
/// Every broken rule is reported, each naming the field as the user knows it (see
/// `WorkloadField.Style`), the value and the rule, so one correction fixes everything.
///
/// Lengths count Unicode code points (`unicodeScalars.count`), as the API's Smithy `length`
/// constraints do: "é" typed as one precomposed scalar counts 1, an emoji with a skin-tone
/// modifier counts 2, and every user sees the same limits as in the AWS console.
package enum WorkloadValidation {
    // Limits, in code points and entries, from the API model's shapes (named after each) unless
    // marked as from the user guide. Commands may show them in help text.

    /// `WorkloadName`.
    package static let nameLength = 3...100
    /// User guide: "At least three characters must not be spaces."
    package static let minimumNameNonWhitespace = 3
    /// `WorkloadDescription`.
    package static let descriptionLength = 3...250
    /// `WorkloadReviewOwner`.
    package static let reviewOwnerLength = 3...255
    /// `WorkloadAwsRegions`.
    package static let maximumAwsRegions = 50
    /// `WorkloadNonAwsRegions`.
    package static let maximumNonAwsRegions = 5
    /// `WorkloadNonAwsRegion`.
    package static let nonAwsRegionLength = 3...25
    /// `WorkloadAccountIds`.
    package static let maximumAccountIds = 100
    /// `WorkloadArchitecturalDesign`.
    package static let maximumArchitecturalDesignLength = 2048
    /// `WorkloadIndustry` (and `WorkloadIndustryType`, whose values are listed anyway).
    package static let maximumIndustryLength = 100
    /// `TagMap`.
    package static let maximumTags = 50
    /// `TagKey`.
    package static let tagKeyLength = 1...128
    /// `TagValue`: a tag may have an empty value.
    package static let tagValueLength = 0...256
    /// `Notes`.
    package static let maximumNotesLength = 2084
    /// User guide: "Up to 20 lenses can be added to a workload."
    package static let maximumLenses = 20
    /// `LensAlias`.
    package static let lensAliasLength = 1...128
    /// `PillarId`.
    package static let pillarIdLength = 1...64

    /// Checks a create or update request.
    ///
    /// - Parameters:
    ///   - creating: true for create, where name, description, review owner and environment are
    ///     required.
    ///   - existingNames: the names of the *other* workloads.
    ///   - currentTags: the workload's tags before the request (empty on create), against which
    ///     removals and the tag limit are judged.
    package static func validate(
        _ p: WorkloadProperties,
        creating: Bool,
        existingNames: [String] = [],
        currentTags: [String: String] = [:],
        style: WorkloadField.Style = .commandLine
    ) -> [Violation] {
        var check = WorkloadChecker(style: style)
        if creating {
            check.required(p.name, .name)
            check.required(p.description, .description)
            check.required(p.reviewOwner, .reviewOwner)
            if p.environment == nil { check.missing(.environment) }
        }
        if let name = p.name { check.name(name, existingNames: existingNames) }
        if let description = p.description {
            check.text(description, .description, length: descriptionLength, multiline: true)
        }
        if let reviewOwner = p.reviewOwner { check.text(reviewOwner, .reviewOwner, length: reviewOwnerLength) }
        if let regions = p.awsRegions { check.awsRegions(regions) }
        if let regions = p.nonAwsRegions { check.nonAwsRegions(regions) }
        if let ids = p.accountIds { check.accountIds(ids) }
        if let url = p.architecturalDesign { check.architecturalDesign(url) }
        if let industryType = p.industryType { check.industryType(industryType) }
        if let industry = p.industry { check.text(industry, .industry, length: 0...maximumIndustryLength) }
        check.tags(adding: p.tagsToAdd, removing: p.tagsToRemove, current: currentTags)
        if let notes = p.notes { check.text(notes, .notes, length: 0...maximumNotesLength, multiline: true) }
        if let ids = p.pillarPriorities { check.pillarPriorities(ids) }
        return check.violations
    }

    /// Checks a stored workload as read from its file, reporting JSON paths: what a hook or
    /// `welltree validate` runs on files that may have been edited by hand.
    ///
    /// `otherNames` are the names of the other workloads in the repository.
    package static func validate(_ workload: Workload, otherNames: [String] = []) -> [Violation] {
        let properties = WorkloadProperties(
            name: workload.name, description: workload.description, reviewOwner: workload.reviewOwner,
            environment: workload.environment, awsRegions: workload.awsRegions,
            nonAwsRegions: workload.nonAwsRegions, accountIds: workload.accountIds,
            architecturalDesign: workload.architecturalDesign, industryType: workload.industryType,
            industry: workload.industry,
            tagsToAdd: workload.tags.sorted { $0.key < $1.key }.map { WorkloadTag(key: $0.key, value: $0.value) },
            notes: workload.notes, improvementStatus: workload.improvementStatus)
        var violations = validate(properties, creating: true, existingNames: otherNames, style: .document)
        var check = WorkloadChecker(style: .document)
        if let industryType = workload.industryType, let canonical = IndustryType.canonical(industryType),
            canonical != industryType
        {
            check.add(.industryType, industryType, "must be spelled \"\(canonical)\"")
        }
        check.pillarPriorities(workload.pillarPriorities ?? [])
        if workload.createdAt > workload.updatedAt, isTimestamp(workload.createdAt), isTimestamp(workload.updatedAt) {
            check.add(.updatedAt, workload.updatedAt, "must not be before createdAt \(workload.createdAt)")
        }
        violations += check.violations
        violations += workload.profile?.violations() ?? []
        violations += validateRecord(
            id: workload.id, owner: workload.owner, lenses: workload.lenses,
            timestamps: [(.createdAt, workload.createdAt), (.updatedAt, workload.updatedAt)], style: .document)
        return violations + (workload.template?.violations() ?? [])
    }

    /// Checks the values a command supplies rather than the user: id, owner, lenses, timestamps.
    package static func validateRecord(
        id: String? = nil,
        owner: String? = nil,
        lenses: [WorkloadLens]? = nil,
        timestamps: [(WorkloadField, String)] = [],
        style: WorkloadField.Style
    ) -> [Violation] {
        var check = WorkloadChecker(style: style)
        if let id, !Workload.isValidID(id) {
            check.add(.id, id, "must be 32 lowercase hexadecimal digits")
        }
        if let owner { check.text(owner, .owner, length: 1...Int.max) }
        if let lenses { check.lenses(lenses) }
        for (field, value) in timestamps where !isTimestamp(value) {
            check.add(field, value, "must be an ISO 8601 time in UTC such as 2026-11-27T11:05:36Z")
        }
        return check.violations
    }

    /// Whether `text` is `YYYY-MM-DDTHH:MM:SS` with optional fractional seconds and a `Z`.
    package static func isTimestamp(_ text: String) -> Bool {
        let b = Array(text.utf8)
        guard b.count >= 20, b.last == UInt8(ascii: "Z") else { return false }
        func number(_ range: Range<Int>) -> Int? {
            var n = 0
            for i in range {
                guard (0x30...0x39).contains(b[i]) else { return nil }
                n = n * 10 + Int(b[i] - 0x30)
            }
            return n
        }
        guard b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"), b[10] == UInt8(ascii: "T"),
            b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
            number(0..<4) != nil, let month = number(5..<7), let day = number(8..<10),
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second <= 60
        else { return false }
        if b.count == 20 { return true }
        return b[19] == UInt8(ascii: ".") && b.count > 21
            && b[20..<(b.count - 1)].allSatisfy { (0x30...0x39).contains($0) }
    }
}
