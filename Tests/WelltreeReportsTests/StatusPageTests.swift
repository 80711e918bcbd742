import Testing
import WelltreeCore
import WelltreeReports

/// `status` as one page: what is read at a milestone says so first, the upgrade line is about
/// the present only, and the evidence line closes the page; names from the repository stay
/// escaped in every part.
@Suite("status page")
struct StatusPageTests {
    static let review = LensEvaluator(lens: ReportFixture.lens).review(answers: ReportFixture.answers)

    static func state(
        name: String = "Shop", status: WorkloadLensStatus = .current, milestone: Milestone? = nil, evidence: [CitedEvidence] = []
    ) -> LensReviewState {
        var workload = ReportFixture.workload
        workload.name = name
        var record = ReportFixture.record
        record.versions.append(LensVersionRecord(version: "2.0", isMajor: true, createdAt: "2026-11-01T08:00:00Z"))
        return LensReviewState(
            workload: workload, milestone: milestone, applied: WorkloadLens(alias: "sample", version: "1.0"), record: record, version: "1.0",
            review: review, status: status, updatedAt: "2026-11-26T14:12:00Z", notes: ReportFixture.notes, prioritized: nil,
            profileName: nil, evidence: evidence)
    }

    static func body(_ state: LensReviewState) -> String {
        ReviewText.status(workload: state.workload.name, lensName: "Sample Lens", version: "1.0", review: review)
            + ReviewText.notes(ReportFixture.notes, pillars: review.pillars.map { ($0.id, $0.name) })
    }

    @Test func theUpgradeLineComesFirstForThePresentOnly() throws {
        let present = Self.state(status: .notCurrent)
        let banner = try #require(
            LensUpgradeBanner.line(
                workload: "Shop", alias: "sample", lensName: "Sample Lens", version: "1.0", status: .notCurrent, available: "2.0"))
        #expect(ReviewText.statusPage(present) == banner + "\n\n" + Self.body(present))
        #expect(ReviewText.statusPage(Self.state()) == Self.body(Self.state()))

        let milestone = Milestone(
            workloadId: ReportFixture.workload.id, workloadName: "Shop", name: "Launch", number: 2, recordedAt: "2026-11-25T16:00:00Z",
            riskCounts: RiskCounts(), lenses: [])
        let then = Self.state(status: .notCurrent, milestone: milestone)
        #expect(ReviewText.statusPage(then) == ReviewText.milestoneBanner(milestone) + Self.body(then))
    }

    @Test func citedEvidenceEndsThePageInOneEscapedLine() {
        let cited = CitedEvidence(
            workloadId: ReportFixture.workload.id, workloadName: "Shop\u{1B}[2J", lens: "sample", questionId: "sec_network",
            answerFile: "workloads/sh/shop/answers/sample/sec_network.json", evidence: Evidence(path: "docs/net\u{1B}[2J.md"), currentId: nil)
        let state = Self.state(name: "Shop\u{1B}[2J", evidence: [cited])
        let page = ReviewText.statusPage(state)
        #expect(page.hasPrefix(Self.body(state)))
        #expect(page.hasSuffix("\n\nEvidence: \(EvidenceText.summary([cited])) (welltree evidence \(ReportFixture.workload.id))\n"))
        #expect(!page.unicodeScalars.contains { $0.value == 0x1B }, "\(page)")
    }
}
