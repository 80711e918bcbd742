import Foundation

/// Two versions of a small custom lens mirroring what changed between two published versions
/// of a real operational-readiness lens: a question kept unchanged, a question that lost a
/// choice and gained others, a question removed, a question added, and a question whose only
/// selected choice was replaced.
package enum ReadinessLens {
    package static let name = "Readiness review"

    /// Version 1: `arch_retry` offers `arch_retry_sdk`, which version 2 drops; `arch_legacy_dr`
    /// disappears in version 2; `event_recovery_runbooks` is replaced by `event_recovery_shift`.
    package static var version1: [String: Any] { lens([
        pillar("architecture", "Architecture", [
            question("arch_retry", "How do calls to dependencies retry?", ["arch_retry_backoff", "arch_retry_sdk", "arch_retry_jitter"]),
            question("arch_load_test", "How was the load tested?", ["arch_load_test_peak", "arch_load_test_soak"]),
            question("arch_legacy_dr", "How is the legacy disaster recovery site kept warm?", ["arch_legacy_dr_sync"]),
        ]),
        pillar("event_management", "Event management", [
            question("event_recovery", "How do operators recover from failures?", ["event_recovery_runbooks", "event_recovery_auto"]),
        ]),
    ]) }

    /// Version 2: `arch_retry_sdk` gone, `arch_retry_async` new; `arch_legacy_dr` removed;
    /// `event_budget_alerts` new; `event_recovery_runbooks` replaced by `event_recovery_shift`.
    package static var version2: [String: Any] { lens([
        pillar("architecture", "Architecture", [
            question("arch_retry", "How do calls to dependencies retry?", ["arch_retry_backoff", "arch_retry_jitter", "arch_retry_async"]),
            question("arch_load_test", "How was the load tested?", ["arch_load_test_peak", "arch_load_test_soak"]),
        ]),
        pillar("event_management", "Event management", [
            question("event_recovery", "How do operators recover from failures?", ["event_recovery_shift", "event_recovery_auto"]),
            question("event_budget_alerts", "Do budget alerts notify the team?", ["event_budget_alerts_set"]),
        ]),
    ]) }

    /// Writes a version to `path` as a lens file.
    package static func write(_ lens: [String: Any], to path: String) throws {
        let data = try JSONSerialization.data(withJSONObject: lens, options: [.prettyPrinted, .sortedKeys])
        try data.write(to: URL(fileURLWithPath: path))
    }

    private static func lens(_ pillars: [[String: Any]]) -> [String: Any] {
        ["schemaVersion": "2021-11-01", "name": name, "description": "Operational readiness checks before launch", "pillars": pillars]
    }

    private static func pillar(_ id: String, _ name: String, _ questions: [[String: Any]]) -> [String: Any] {
        ["id": id, "name": name, "questions": questions]
    }

    /// A question whose choices are all needed for no risk, any one for medium, and a "None of these".
    private static func question(_ id: String, _ title: String, _ choices: [String]) -> [String: Any] {
        var list: [[String: Any]] = choices.map { choice in
            ["id": choice, "title": "Practice \(choice)",
             "improvementPlan": ["displayText": "Adopt \(choice)", "url": "https://example.com/plan/\(choice)"]]
        }
        list.append(["id": "\(id)_no", "title": "None of these"])
        return [
            "id": id, "title": title, "description": "About \(id)", "choices": list,
            "riskRules": [
                ["condition": choices.joined(separator: " && "), "risk": "NO_RISK"],
                ["condition": choices.joined(separator: " || "), "risk": "MEDIUM_RISK"],
                ["condition": "default", "risk": "HIGH_RISK"],
            ],
        ]
    }
}
