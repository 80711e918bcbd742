import Foundation
import Testing
import WelltreeCore
import WelltreeReports

/// `milestone show` of what the tagged commit holds: the header, the workload with the risks and
/// last update computed from the tagged tree (not the workload file's `updatedAt`), and a pillar
/// table per lens; the JSON's `UpdatedAt` is that same last update.
@Suite("milestone show")
struct MilestoneShowTests {
    static let review = LensEvaluator(lens: ReportFixture.lens).review(answers: ReportFixture.answers)

    static func detail(discrepancies: [String] = []) -> MilestoneDetail {
        var workload = ReportFixture.workload
        workload.name = "Shop\u{1B}[2J"
        let milestone = Milestone(
            workloadId: workload.id, workloadName: workload.name, name: "Launch", number: 2, recordedAt: "2026-11-25T16:00:00Z",
            riskCounts: review.riskCounts, lenses: workload.lenses)
        return MilestoneDetail(
            milestone: milestone, tagName: "welltree/shop-01234567/2-launch", tagger: "Alice <alice@example.com>",
            commit: "89abcdef0123456789abcdef0123456789abcdef", signature: SignatureCheck(status: .unsigned, reason: "the tag is not signed"),
            discrepancies: discrepancies, workload: workload,
            summary: WorkloadRiskSummary(riskCounts: review.riskCounts, updatedAt: "2026-11-24T08:00:00Z"), pillarPriority: ["security"],
            reviews: [MilestoneDetail.Review(lensName: "Sample Lens", version: "1.0", review: review)])
    }

    @Test func textIsTheHeaderTheWorkloadAsRecordedAndEachLens() {
        let detail = Self.detail()
        #expect(
            MilestoneText.show(detail)
                == MilestoneText.header(
                    detail.milestone, tagName: detail.tagName, tagger: detail.tagger, commit: detail.commit, signature: detail.signature)
                + "\n" + WorkloadText.render(detail.workload, summary: (Self.review.riskCounts, "2026-11-24T08:00:00Z"))
                + "\n" + ReviewText.status(workload: detail.workload.name, lensName: "Sample Lens", version: "1.0", review: Self.review))
        #expect(!MilestoneText.show(detail).unicodeScalars.contains { $0.value == 0x1B })
    }

    @Test func jsonTakesTheLastUpdateFromTheTaggedTree() throws {
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(jsonText(GetMilestoneOutput(Self.detail())).utf8)) as? [String: Any])
        let milestone = try #require(json["Milestone"] as? [String: Any])
        let workload = try #require(milestone["Workload"] as? [String: Any])
        #expect(workload["UpdatedAt"] as? String == "2026-11-24T08:00:00Z")
        #expect(workload["PillarPriorities"] as? [String] == ["security"])
        #expect(milestone["MilestoneNumber"] as? Int == 2)
        #expect(json["WorkloadId"] as? String == ReportFixture.workload.id)
    }

    @Test func eachContradictedFigureIsAWarning() {
        #expect(
            MilestoneText.discrepancyWarnings(Self.detail(discrepancies: ["the message says 3 HRIs; the tree has 1"]))
                == ["warning: milestone 2 \"Launch\": the message says 3 HRIs; the tree has 1"])
    }
}
