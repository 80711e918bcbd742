import Foundation
import Testing
import WelltreeCore
import WelltreeReports

/// `workload show`: a line for each lens that can be upgraded comes first (then a blank line),
/// then the workload; the JSON's `UpdatedAt` is the last update of the workload or an answer.
@Suite("workload show")
struct WorkloadShowTests {
    static func detail(status: WorkloadLensStatus) -> WorkloadDetail {
        var record = ReportFixture.record
        record.versions.append(LensVersionRecord(version: "2.0", isMajor: true, createdAt: "2026-11-01T08:00:00Z"))
        let inUse = LensInUse(applied: WorkloadLens(alias: "sample", version: "1.0"), record: record, version: "1.0", status: status)
        return WorkloadDetail(
            workload: ReportFixture.workload, summary: WorkloadRiskSummary(riskCounts: RiskCounts(), updatedAt: "2026-11-26T14:12:00Z"),
            pillarPriority: ["security"], lenses: [inUse], prioritized: nil, profileName: "Launching", templateName: nil)
    }

    @Test func upgradeLinesComeFirst() throws {
        let current = Self.detail(status: .current)
        let body = WorkloadText.render(
            ReportFixture.workload, summary: (RiskCounts(), "2026-11-26T14:12:00Z"), profile: ("Launching", nil), templateName: nil)
        #expect(WorkloadText.show(current) == body)
        let banner = try #require(
            LensUpgradeBanner.line(
                workload: ReportFixture.workload.name, alias: "sample", lensName: "Sample Lens", version: "1.0", status: .notCurrent,
                available: "2.0"))
        #expect(WorkloadText.show(Self.detail(status: .notCurrent)) == banner + "\n\n" + body)
    }

    @Test func jsonTakesTheLastUpdate() throws {
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(jsonText(GetWorkloadOutput(Self.detail(status: .current))).utf8)) as? [String: Any])
        let workload = try #require(json["Workload"] as? [String: Any])
        #expect(workload["UpdatedAt"] as? String == "2026-11-26T14:12:00Z")
        #expect(ReportFixture.workload.updatedAt != "2026-11-26T14:12:00Z")
    }
}
