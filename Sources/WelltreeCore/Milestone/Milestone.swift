/// A saved state of a workload: the API's `Milestone`, minus the workload data itself, which
/// lives in the tree of the tagged commit.
///
/// Welltree records a milestone as an annotated git tag. The tag object is immutable and can be
/// signed, so a milestone is as trustworthy as the repository's tags; this value is what the tag
/// message carries in its trailer block, enough to list milestones without evaluating any lens.
package struct Milestone: Sendable, Equatable {
    /// The workload's id: numbering and lookup are per id, so a workload deleted and created
    /// again under the same name starts its own series.
    package var workloadId: String
    /// The workload's name when the milestone was saved (for display only).
    package var workloadName: String
    /// 3-100 characters, unique per workload ignoring spaces and case.
    package var name: String
    /// 1, 2, ... per workload.
    package var number: Int
    /// ISO 8601 in UTC.
    package var recordedAt: String
    /// Risk counts over every lens applied at that moment.
    package var riskCounts: RiskCounts
    /// The lens versions in effect at that moment, in the workload's order.
    package var lenses: [WorkloadLens]

    package init(
        workloadId: String, workloadName: String, name: String, number: Int, recordedAt: String, riskCounts: RiskCounts,
        lenses: [WorkloadLens]
    ) {
        self.workloadId = workloadId
        self.workloadName = workloadName
        self.name = name
        self.number = number
        self.recordedAt = recordedAt
        self.riskCounts = riskCounts
        self.lenses = lenses
    }

    /// The service's quota: at most 100 milestones per workload.
    package static let maximumPerWorkload = 100

    /// Names are compared ignoring spaces and case, as the service does.
    package static func normalizedName(_ name: String) -> String {
        Workload.normalizedName(name)
    }

    /// Checks a new milestone name against the service's rules and the workload's existing
    /// milestones, reporting every broken rule at once.
    ///
    /// Control characters (a newline, a tab) are refused as well: the name is recorded on one
    /// line of the tag message, and no console would display them.
    package static func validateNewName(_ name: String, existing: [Milestone], field: String = "NAME") throws(ValidationError) {
        var validator = Validator()
        validator.require((3...100).contains(name.count), field: field, value: name, rule: "must be 3 to 100 characters")
        let visible = name.unicodeScalars.filter { !$0.properties.isWhitespace }.count
        validator.require(visible >= 3, field: field, value: name, rule: "must have at least 3 characters that are not spaces")
        validator.require(!name.unicodeScalars.contains { $0.properties.generalCategory == .control }, field: field,
                          value: name, rule: "must not contain control characters such as line breaks")
        let normalized = normalizedName(name)
        if let clash = existing.first(where: { normalizedName($0.name) == normalized }) {
            validator.add(Violation(field: field, value: name, rule: "is already the name of milestone \(clash.number) (\"\(clash.name)\"); milestone names are unique per workload ignoring spaces and case"))
        }
        validator.require(existing.count < maximumPerWorkload, field: field, value: name,
                          rule: "cannot be saved: the workload already has \(maximumPerWorkload) milestones, the maximum")
        try validator.check()
    }

    /// The next number for a workload with these milestones.
    package static func nextNumber(after existing: [Milestone]) -> Int {
        (existing.map(\.number).max() ?? 0) + 1
    }

    /// The positions in `milestones` of every milestone `reference` names: those with its number
    /// (`3`), else those with its name (spaces and case ignored). Several tags may claim one
    /// number; callers choose among them (`find` takes the first).
    package static func candidates(_ reference: String, in milestones: [Milestone]) -> [Int] {
        if let number = Int(reference.filter { $0 != " " }) {
            let byNumber = milestones.indices.filter { milestones[$0].number == number }
            if !byNumber.isEmpty { return byNumber }
        }
        let wanted = normalizedName(reference)
        return milestones.indices.filter { normalizedName(milestones[$0].name) == wanted }
    }

    /// Finds a milestone by number (`3`) or by name (spaces and case ignored).
    package static func find(_ reference: String, in milestones: [Milestone]) -> Milestone? {
        if let number = Int(reference.filter { $0 != " " }), let match = milestones.first(where: { $0.number == number }) {
            return match
        }
        let wanted = normalizedName(reference)
        return milestones.first { normalizedName($0.name) == wanted }
    }
}

