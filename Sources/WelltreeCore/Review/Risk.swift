/// The risk of one question, as the AWS API names it (`Risk` enum).
package enum Risk: String, Sendable, Codable, CaseIterable, Comparable {
    case unanswered = "UNANSWERED"
    case high = "HIGH"
    case medium = "MEDIUM"
    case none = "NONE"
    case notApplicable = "NOT_APPLICABLE"

    /// Severity order for sorting improvement plans: HIGH before MEDIUM before the rest.
    private var severity: Int {
        switch self {
        case .high: 0
        case .medium: 1
        case .unanswered: 2
        case .none: 3
        case .notApplicable: 4
        }
    }

    package static func < (lhs: Risk, rhs: Risk) -> Bool { lhs.severity < rhs.severity }
}

/// How many questions carry each risk: the API's `RiskCounts` map. Every risk is always present
/// (zero when no question has it), so JSON output has a stable shape.
package struct RiskCounts: Sendable, Equatable, Hashable {
    package private(set) var counts: [Risk: Int]

    package init() {
        counts = Dictionary(uniqueKeysWithValues: Risk.allCases.map { ($0, 0) })
    }

    package subscript(risk: Risk) -> Int {
        get { counts[risk] ?? 0 }
        set { counts[risk] = newValue }
    }

    package mutating func add(_ risk: Risk, count: Int = 1) { self[risk] += count }

    package mutating func add(_ other: RiskCounts) {
        for risk in Risk.allCases { self[risk] += other[risk] }
    }

    /// Questions that have been answered or marked not applicable.
    package var answered: Int { total - self[.unanswered] }

    package var total: Int { Risk.allCases.reduce(0) { $0 + self[$1] } }
}

extension RiskCounts: Codable {
    package init(from decoder: any Decoder) throws {
        let map = try decoder.singleValueContainer().decode([String: Int].self)
        self.init()
        for (key, value) in map {
            guard let risk = Risk(rawValue: key) else {
                throw JSONNodeDecoder.invalid("unknown risk \"\(key)\"", in: decoder)
            }
            self[risk] = value
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Dictionary(uniqueKeysWithValues: Risk.allCases.map { ($0.rawValue, self[$0]) }))
    }
}
