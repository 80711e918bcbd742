import Testing
@testable import WelltreeCore

@Suite("Lens version differences and upgrades")
struct LensUpgradeTests {
    private static func question(_ id: String, _ choices: [String], title: String? = nil) -> LensQuestion {
        LensQuestion(
            id: id, title: title ?? "Question \(id)", description: "About \(id)",
            choices: choices.map { LensChoice(id: $0, title: "Practice \($0)", improvementPlan: LensResource(displayText: "Adopt \($0)")) },
            riskRules: [RiskRule(condition: "default", risk: .high)])
    }

    /// Mirrors two versions of a real readiness lens: a kept question, one that lost a choice,
    /// a removed question, a new one, and a pillar that only the old version has.
    static let base = Lens(name: "Readiness", description: "d", pillars: [
        LensPillar(id: "architecture", name: "Architecture", questions: [
            question("retry", ["backoff", "sdk", "jitter"]),
            question("load", ["peak", "soak"]),
            question("legacy", ["sync"]),
        ]),
        LensPillar(id: "events", name: "Events", questions: [question("recovery", ["runbooks", "auto"])]),
        LensPillar(id: "retired", name: "Retired", questions: [question("old", ["x"]), question("moved", ["m"])]),
    ])
    static let target = Lens(name: "Readiness", description: "d", pillars: [
        LensPillar(id: "architecture", name: "Architecture", questions: [
            question("retry", ["backoff", "jitter", "async"]),
            question("load", ["peak", "soak"]),
            question("moved", ["m"]),
        ]),
        LensPillar(id: "events", name: "Events", questions: [
            question("recovery", ["shift", "auto"]),
            question("budget", ["alerts"]),
        ]),
    ])

    @Test func differenceListsNewUpdatedAndDeleted() {
        let difference = LensDifference(base: Self.base, target: Self.target)
        #expect(difference.pillars.map(\.id) == ["architecture", "events", "retired"])
        #expect(difference.pillars[0].questions.map { "\($0.id) \($0.status.rawValue)" } == ["retry UPDATED", "moved UPDATED", "legacy DELETED"])
        #expect(difference.pillars[1].questions.map { "\($0.id) \($0.status.rawValue)" } == ["recovery UPDATED", "budget NEW"])
        #expect(difference.pillars[2].status == .deleted)
        #expect(difference.pillars[2].questions.map(\.id) == ["old"])
        #expect(LensDifference(base: Self.target, target: Self.target).isEmpty)
    }

    @Test func upgradeKeepsWhatRemainsAndDropsTheRest() {
        let answers: [String: Answer] = [
            "retry": Answer(selectedChoices: ["backoff", "sdk"], notApplicableChoices: ["jitter": ChoiceNotApplicable(reason: .outOfScope)], notes: "SDK retries"),
            "load": Answer(isApplicable: false, reason: .businessPriorities, notes: "internal"),
            "legacy": Answer(selectedChoices: ["sync"]),
            "recovery": Answer(selectedChoices: ["runbooks"]),
            "moved": Answer(selectedChoices: ["m"]),
            "gone-long-ago": Answer(selectedChoices: ["z"]),
        ]
        let upgrade = LensUpgrade(from: Self.base, to: Self.target, answers: answers)
        #expect(upgrade.answers["retry"] == Answer(selectedChoices: ["backoff"], notApplicableChoices: ["jitter": ChoiceNotApplicable(reason: .outOfScope)], notes: "SDK retries"))
        #expect(upgrade.answers["load"] == answers["load"])
        #expect(upgrade.answers["moved"] == answers["moved"])
        #expect(upgrade.answers["budget"] == nil)
        #expect(Set(upgrade.removedAnswers) == ["legacy", "recovery", "gone-long-ago"])
        let summary = upgrade.pillarSummaries(base: Self.base, target: Self.target)
        #expect(summary == [
            "Architecture: 3 answers kept; selections dropped: retry (sdk); removed: legacy (answer deleted)",
            "Events: 1 answer kept; selections dropped: recovery (runbooks); new: budget",
            "Retired: pillar removed; removed: old",
        ])
    }

    @Test func lensStatusFollowsMajorVersionsDeprecationAndDeletion() {
        var record = LensRecord(alias: "r", name: "R", owner: "o", type: .customSelf, versions: [
            LensVersionRecord(version: "1.0", isMajor: true, createdAt: "t"),
            LensVersionRecord(version: "1.1", isMajor: false, createdAt: "t"),
        ])
        #expect(record.status(ofVersionInUse: "1.0") == .current)
        record.versions.append(LensVersionRecord(version: "2.0", isMajor: true, createdAt: "t"))
        #expect(record.status(ofVersionInUse: "1.0") == .notCurrent)
        record.versions[1].deprecatedAt = "t"
        #expect(record.status(ofVersionInUse: "1.0") == .deprecated)
        #expect(record.status(ofVersionInUse: "2.0") == .current)
        record.deletedAt = "t"
        #expect(record.status(ofVersionInUse: "2.0") == .deleted)
    }
}
