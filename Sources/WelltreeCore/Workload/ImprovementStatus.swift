/// How far the owner has got with fixing the risks a review found, as the AWS API names it
/// (`WorkloadImprovementStatus` enum). The user guide shows `NOT_APPLICABLE` as "None".
package enum ImprovementStatus: String, Codable, Sendable, CaseIterable {
    case notApplicable = "NOT_APPLICABLE"
    case notStarted = "NOT_STARTED"
    case inProgress = "IN_PROGRESS"
    case complete = "COMPLETE"
    case riskAcknowledged = "RISK_ACKNOWLEDGED"

    /// Reads the API spelling and forgiving variants such as `in-progress` or `Risk acknowledged`:
    /// case, spaces, `-` and `_` are ignored.
    package init?(userInput: String) {
        guard let match = caseMatching(userInput, in: Self.self) else { return nil }
        self = match
    }

    /// Rejects unknown values with the JSON path and position of the value, listing what is allowed.
    package init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(rawValue: raw) else {
            throw JSONNodeDecoder.invalid(
                "\"\(raw)\" is not an improvement status; expected one of \(Self.allCases.map(\.rawValue).joined(separator: ", "))",
                in: decoder)
        }
        self = value
    }
}
