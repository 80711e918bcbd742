import Testing
@testable import WelltreeCore

@Suite("Milestone names, tags and tag messages")
struct MilestoneTests {
    private func milestone(_ number: Int, _ name: String) -> Milestone {
        var counts = RiskCounts()
        counts[.high] = 2
        counts[.medium] = 1
        counts[.unanswered] = 54
        return Milestone(
            workloadId: "5f0c21aa0b6a4d7c9e1f2a3b4c5d6e7f", workloadName: "Retail Website\nNorth America", name: name, number: number,
            recordedAt: "2026-11-27T11:05:36Z", riskCounts: counts,
            lenses: [WorkloadLens(alias: "wellarchitected", version: "1.0"), WorkloadLens(alias: "orr", version: "1.3.5")])
    }

    @Test(arguments: [
        ("abc", true), ("ab", false), ("a b c", true), ("  a  b  ", false), (String(repeating: "x", count: 100), true),
        (String(repeating: "x", count: 101), false), ("tab\there", false), ("日本語の名前", true),
    ])
    func nameRules(name: String, valid: Bool) {
        let accepted = (try? Milestone.validateNewName(name, existing: [])) != nil
        #expect(accepted == valid)
    }

    @Test func namesAreUniqueIgnoringSpacesAndCase() throws {
        let existing = [milestone(1, "Version 1.0 - initial review")]
        #expect(throws: ValidationError.self) { try Milestone.validateNewName("version1.0-INITIAL review", existing: existing) }
        try Milestone.validateNewName("Version 1.1", existing: existing)
    }

    @Test func atMostOneHundredPerWorkload() {
        let existing = (1...100).map { milestone($0, "Milestone \($0)") }
        #expect(throws: ValidationError.self) { try Milestone.validateNewName("One more", existing: existing) }
        #expect(Milestone.nextNumber(after: Array(existing.prefix(3))) == 4)
    }

    @Test(arguments: [
        ("Version 1.0 - initial review", "001-version-1-0-initial-review"),
        ("../../HEAD.lock @{0} ~^:?*[\\", "001-head-lock-0"),
        ("日本語の名前", "001-milestone"),
        (String(repeating: "ab ", count: 40), "001-" + String(String(repeating: "ab-", count: 16).dropLast())),
    ])
    func tagNamesAreReadableRefNames(name: String, suffix: String) {
        let tag = milestone(1, name).tagName(workloadDirectory: "retail-website-north-america")
        #expect(tag == "welltree/retail-website-north-america-5f0c21aa/" + suffix)
    }

    @Test func tagMessageRoundTrips() throws {
        let original = milestone(12, "Pre-launch: review / sign-off")
        let message = original.tagMessage
        #expect(message.hasPrefix("Milestone 12 of Retail Website North America: Pre-launch: review / sign-off\n\n"))
        #expect(message.contains("3 of 57 questions answered, 2 high risks, 1 medium risk."))
        var parsed = try #require(Milestone(tagMessage: message))
        #expect(parsed.workloadName == "Retail Website North America")
        parsed.workloadName = original.workloadName
        #expect(parsed == original)
        #expect(Milestone(tagMessage: "v1.0\n\nAn ordinary release tag\n") == nil)
    }

    @Test func findByNumberOrName() {
        let all = [milestone(1, "First review"), milestone(2, "Second review")]
        #expect(Milestone.find("2", in: all)?.name == "Second review")
        #expect(Milestone.find("first REVIEW", in: all)?.number == 1)
        #expect(Milestone.find("third", in: all) == nil)
    }
}
