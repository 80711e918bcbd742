extension Workload {
    /// Builds a new workload from a create request, or throws every rule the request breaks.
    ///
    /// - Parameters:
    ///   - id: a fresh id from `newID(using:)`.
    ///   - properties: name, description, review owner and environment are required; the rest
    ///     take their defaults (no regions, no tags, improvement status `NOT_STARTED`).
    ///   - owner: the acting principal, recorded as the workload's owner.
    ///   - lenses: the lenses to apply, framework lens first.
    ///   - now: the creation time, ISO 8601 in UTC.
    ///   - existingNames: the names of all other workloads, for the uniqueness rule.
    package static func create(
        id: String,
        properties: WorkloadProperties,
        owner: String,
        lenses: [WorkloadLens],
        now: String,
        existingNames: [String]
    ) throws(ValidationError) -> Workload {
        var violations = WorkloadValidation.validate(properties, creating: true, existingNames: existingNames)
        violations += WorkloadValidation.validateRecord(
            id: id, owner: owner, lenses: lenses, timestamps: [(.createdAt, now)], style: .commandLine)
        guard violations.isEmpty, let name = properties.name, let description = properties.description,
            let reviewOwner = properties.reviewOwner, let environment = properties.environment
        else { throw ValidationError(violations) }

        var workload = Workload(
            id: id, name: name, description: description, reviewOwner: reviewOwner, environment: environment,
            owner: owner, lenses: lenses, createdAt: now, updatedAt: now)
        workload.apply(properties)
        return workload
    }

    /// This workload with an update request applied, or throws every rule the request breaks.
    ///
    /// `updatedAt` becomes `now` only when something actually changed, so re-running the same
    /// update writes identical bytes. `existingNames` are the names of the *other* workloads.
    package func updated(with properties: WorkloadProperties, now: String, existingNames: [String])
        throws(ValidationError) -> Workload
    {
        var violations = WorkloadValidation.validate(
            properties, creating: false, existingNames: existingNames, currentTags: tags)
        violations += WorkloadValidation.validateRecord(timestamps: [(.updatedAt, now)], style: .commandLine)
        guard violations.isEmpty else { throw ValidationError(violations) }

        var workload = self
        workload.apply(properties)
        if workload != self { workload.updatedAt = now }
        return workload
    }

    /// Copies every given property; only call with a request that passed validation.
    private mutating func apply(_ p: WorkloadProperties) {
        if let value = p.name { name = value }
        if let value = p.description { description = value }
        if let value = p.reviewOwner { reviewOwner = value }
        if let value = p.environment { environment = value }
        if let value = p.awsRegions { awsRegions = value }
        if let value = p.nonAwsRegions { nonAwsRegions = value }
        if let value = p.accountIds { accountIds = value }
        if let value = p.architecturalDesign { architecturalDesign = value.isEmpty ? nil : value }
        if let value = p.industryType { industryType = value.isEmpty ? nil : (IndustryType.canonical(value) ?? value) }
        if let value = p.industry { industry = value.isEmpty ? nil : value }
        for key in p.tagsToRemove { tags[key] = nil }
        for tag in p.tagsToAdd { tags[tag.key] = tag.value }
        if let value = p.notes { notes = value.isEmpty ? nil : value }
        if let value = p.improvementStatus { improvementStatus = value }
        if let value = p.pillarPriorities { pillarPriorities = value.isEmpty ? nil : value }
    }

    /// The form in which names are compared for uniqueness: lowercased, with all whitespace
    /// removed, as the AWS tool compares them ("Spaces and capitalization are ignored").
    package static func normalizedName(_ name: String) -> String {
        String(String(name.unicodeScalars.filter { !$0.properties.isWhitespace }).lowercased())
    }

    /// A new random workload id: 32 lowercase hexadecimal digits, like the API's `WorkloadId`.
    /// Tests pass a seeded generator to get stable ids.
    package static func newID(using generator: inout some RandomNumberGenerator) -> String {
        (0..<2).map { _ in hex64(generator.next()) }.joined()
    }

    /// A new random workload id from the system's generator.
    package static func newID() -> String {
        var generator = SystemRandomNumberGenerator()
        return newID(using: &generator)
    }

    /// Whether `id` has the form of a workload id.
    package static func isValidID(_ id: String) -> Bool {
        id.utf8.count == 32 && id.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    private static func hex64(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
