/// The dashboard of a set of workloads: the headline totals over every workload given, and the
/// rows it lists (only the workloads with risks at the level asked for), sorted by name as the
/// console lists workloads.
///
/// The totals always count every workload, so a filtered dashboard still says how many there are.
package struct Dashboard: Sendable, Equatable {
    /// The workloads listed, sorted by name ignoring case.
    package var rows: [WorkloadOverview]
    /// Totals over every workload, listed or not.
    package var totals: WorkloadTotals

    /// The dashboard of `overviews`, listing only those with at least one risk of `level` when given.
    package init(_ overviews: [WorkloadOverview], onlyWithRisk level: Risk? = nil) {
        var totals = WorkloadTotals()
        var rows: [WorkloadOverview] = []
        for overview in overviews {
            let counts = overview.summary.riskCounts
            totals.add(counts, prioritized: overview.summary.prioritizedRiskCounts)
            if let level, counts[level] == 0 { continue }
            rows.append(overview)
        }
        self.rows = rows.sortedByName()
        self.totals = totals
    }
}

/// The headline numbers over a set of workloads: how many there are, how many have high risks,
/// how many medium risks, and their risk counts added up.
package struct WorkloadTotals: Sendable, Equatable {
    package var workloads = 0
    package var withHighRisks = 0
    package var withMediumRisks = 0
    package var riskCounts = RiskCounts()
    /// The prioritized risk counts of the workloads that have them, added up; nil when none has.
    package var prioritizedRiskCounts: RiskCounts?

    package init() {}

    /// Counts one more workload with the risk counts `counts` and, when it uses a profile, the
    /// prioritized ones.
    package mutating func add(_ counts: RiskCounts, prioritized: RiskCounts? = nil) {
        workloads += 1
        if counts[.high] > 0 { withHighRisks += 1 }
        if counts[.medium] > 0 { withMediumRisks += 1 }
        riskCounts.add(counts)
        if let prioritized {
            var sum = prioritizedRiskCounts ?? RiskCounts()
            sum.add(prioritized)
            prioritizedRiskCounts = sum
        }
    }
}

extension [WorkloadOverview] {
    /// Sorted by name, ignoring case, as the console lists workloads.
    package func sortedByName() -> [WorkloadOverview] {
        let keys = map { $0.name.lowercased() }
        return indices.sorted { keys[$0] < keys[$1] }.map { self[$0] }
    }
}
