import Testing
import WelltreeCore
import WelltreeReports

/// `lens upgrade`'s report: the milestone saved first, the upgrade, what happened to the
/// answers; a milestone or workload name from the repository cannot start a line of its own.
@Suite("lens upgrade text")
struct LensUpgradeTextTests {
    @Test func savedMilestoneUpgradeAndAnswers() {
        let milestone = Milestone(
            workloadId: String(repeating: "a", count: 32), workloadName: "Shop", name: "Before sample 2.0", number: 3,
            recordedAt: "2026-11-25T16:00:00Z", riskCounts: RiskCounts(), lenses: [])
        let text = LensText.upgraded(
            milestone: milestone, tagName: "welltree/shop-aaaaaaaa/3", alias: "sample", workloadName: "Shop\nfake: line",
            from: "1.0", to: "2.0", summary: ["12 answers kept", "1 answer removed (sec_old)"])
        #expect(
            text == """
                Saved milestone 3 "Before sample 2.0" as tag welltree/shop-aaaaaaaa/3
                Upgraded lens sample of Shop\\u{A}fake: line from 1.0 to 2.0
                  12 answers kept
                  1 answer removed (sec_old)

                """)
    }
}
