/// Where a workload runs, as the AWS API names it (`WorkloadEnvironment` enum).
package enum WorkloadEnvironment: String, Codable, Sendable, CaseIterable {
    case production = "PRODUCTION"
    case preproduction = "PREPRODUCTION"

    /// Reads the API spelling and, for people typing it, forgiving variants such as `production`,
    /// `pre-production` or `Pre production`: case, spaces, `-` and `_` are ignored.
    package init?(userInput: String) {
        guard let match = caseMatching(userInput, in: Self.self) else { return nil }
        self = match
    }

    /// Rejects unknown values with the JSON path and position of the value, listing what is allowed.
    package init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(rawValue: raw) else {
            throw JSONNodeDecoder.invalid(
                "\"\(raw)\" is not a workload environment; expected \(Self.allCases.map(\.rawValue).joined(separator: " or "))",
                in: decoder)
        }
        self = value
    }
}

/// The case of an API enum that `text` names, ignoring case, spaces, `-` and `_`, so people can
/// type `in-progress` for `IN_PROGRESS`.
func caseMatching<E: CaseIterable & RawRepresentable>(_ text: String, in type: E.Type) -> E?
where E.RawValue == String {
    func folded(_ text: String) -> String {
        String(text.uppercased().unicodeScalars.filter { $0 != "_" && $0 != "-" && !$0.properties.isWhitespace })
    }
    let wanted = folded(text)
    return E.allCases.first { folded($0.rawValue) == wanted }
}
