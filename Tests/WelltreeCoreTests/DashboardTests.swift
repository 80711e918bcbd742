import Testing
import WelltreeCore

/// The dashboard's rows and totals, computed in the core from workload overviews.
@Suite struct DashboardTests {
    static func overview(_ name: String, high: Int = 0, medium: Int = 0, none: Int = 0) -> WorkloadOverview {
        var counts = RiskCounts()
        counts.add(.high, count: high)
        counts.add(.medium, count: medium)
        counts.add(.none, count: none)
        return WorkloadOverview(
            id: "id-" + name, name: name, owner: "alice@example.com", improvementStatus: "NOT_APPLICABLE", lenses: ["wellarchitected"],
            summary: WorkloadRiskSummary(riskCounts: counts, updatedAt: "2026-12-01T00:00:00Z"))
    }

    static let overviews = [
        overview("beta", medium: 2, none: 1), overview("Alpha", high: 1, medium: 1), overview("gamma", none: 3),
    ]

    @Test func totalsCountEveryWorkloadAndRowsAreSortedByNameIgnoringCase() {
        let dashboard = Dashboard(Self.overviews)
        #expect(dashboard.rows.map(\.name) == ["Alpha", "beta", "gamma"])
        #expect(dashboard.totals.workloads == 3)
        #expect(dashboard.totals.withHighRisks == 1)
        #expect(dashboard.totals.withMediumRisks == 2)
        #expect(dashboard.totals.riskCounts[.high] == 1 && dashboard.totals.riskCounts[.medium] == 3 && dashboard.totals.riskCounts[.none] == 4)
    }

    /// `dashboard --risk high` lists fewer rows, but its totals still describe every workload.
    @Test func aRiskFilterNarrowsTheRowsNotTheTotals() {
        let high = Dashboard(Self.overviews, onlyWithRisk: .high)
        #expect(high.rows.map(\.name) == ["Alpha"])
        #expect(high.totals == Dashboard(Self.overviews).totals)
        #expect(Dashboard(Self.overviews, onlyWithRisk: .medium).rows.map(\.name) == ["Alpha", "beta"])
        #expect(Dashboard([]).rows.isEmpty && Dashboard([]).totals == WorkloadTotals())
    }
}
