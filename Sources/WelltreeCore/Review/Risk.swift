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

/// How many questions carry each risk: the API's `RiskCounts` map.
///
/// Encoded as the service encodes it: a risk no question has is left out, never written as zero.
/// Clients branch on the presence of a key (Prowler's "workload has no high or medium risks"
/// check fails a workload whose map has a `HIGH` key at all), so a zero would read as a risk.
/// Decoding reads a missing risk as zero.
package struct RiskCounts: Sendable, Equatable, Hashable {
    // Five plain counters, not a dictionary: a dashboard builds and adds up tens of thousands of
    // these, and each dictionary was an allocation plus hashing on every access.
    private var unanswered = 0
    private var high = 0
    private var medium = 0
    private var none = 0
    private var notApplicable = 0

    package init() {}

    /// Every risk with its count.
    package var counts: [Risk: Int] {
        Dictionary(uniqueKeysWithValues: Risk.allCases.map { ($0, self[$0]) })
    }

    package subscript(risk: Risk) -> Int {
        get {
            switch risk {
            case .unanswered: unanswered
            case .high: high
            case .medium: medium
            case .none: none
            case .notApplicable: notApplicable
            }
        }
        set {
            switch risk {
            case .unanswered: unanswered = newValue
            case .high: high = newValue
            case .medium: medium = newValue
            case .none: none = newValue
            case .notApplicable: notApplicable = newValue
            }
        }
    }

    package mutating func add(_ risk: Risk, count: Int = 1) { self[risk] += count }

    package mutating func add(_ other: RiskCounts) {
        unanswered += other.unanswered
        high += other.high
        medium += other.medium
        none += other.none
        notApplicable += other.notApplicable
    }

    /// Questions that have been answered or marked not applicable.
    package var answered: Int { total - unanswered }

    package var total: Int { unanswered + high + medium + none + notApplicable }
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
        try container.encode(
            Dictionary(uniqueKeysWithValues: Risk.allCases.filter { self[$0] != 0 }.map { ($0.rawValue, self[$0]) }))
    }
}
