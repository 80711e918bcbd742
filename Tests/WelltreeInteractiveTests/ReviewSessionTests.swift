import Testing
import WelltreeCore
import WelltreeInteractive

@Suite("Review session")
struct ReviewSessionTests {
    @Test func togglingPracticesChangesTheRiskLive() throws {
        var session = try FrameworkLens.session()
        #expect(session.question.id == "priorities")
        #expect(session.risk == .unanswered)
        try session.toggle(1)
        #expect(session.risk == .high)
        for n in 2...4 { try session.toggle(n) }
        #expect(session.risk == .medium)
        try session.toggle(5)
        try session.toggle(6)
        #expect(session.risk == .none)
        try session.toggle(6)
        #expect(session.answer?.selectedChoices.count == 5)
        #expect(session.pendingQuestions == ["priorities"])
    }

    @Test func noneOfTheseClearsTheOthersAndAPracticeClearsNone() throws {
        var session = try FrameworkLens.session()
        try session.toggle(1)
        try session.toggleNone()
        #expect(session.answer?.selectedChoices == ["ops_priorities_no"])
        try session.toggle(2)
        #expect(session.answer?.selectedChoices == ["ops_priorities_int_cust_needs"])
        try session.toggle(7)
        #expect(session.answer?.selectedChoices == ["ops_priorities_no"])
        try session.toggle(7)
        #expect(session.answer == nil)
        #expect(session.pendingQuestions.isEmpty)
    }

    @Test func notApplicableMarksAndTheirLimits() throws {
        var session = try FrameworkLens.session()
        try session.toggle(3)
        try session.markNotApplicable(3, reason: .outOfScope, notes: "No governance body")
        #expect(session.answer?.selectedChoices == [])
        #expect(
            session.answer?.notApplicableChoices["ops_priorities_governance_reqs"]
                == ChoiceNotApplicable(reason: .outOfScope, notes: "No governance body"))
        #expect(throws: ReviewSessionError.notesTooLong(length: 251, limit: 250)) {
            try session.markNotApplicable(1, reason: .other, notes: String(repeating: "x", count: 251))
        }
        #expect(throws: ReviewSessionError.noneOfTheseNotApplicable) { try session.markNotApplicable(7, reason: .other, notes: nil) }
        #expect(throws: ReviewSessionError.noSuchChoice(number: 8, count: 7)) { try session.toggle(8) }
        try session.markApplicable(3)
        #expect(session.answer == nil)

        try session.toggle(1)
        try session.setNotApplicable(.businessPriorities)
        #expect(session.risk == .notApplicable)
        #expect(throws: ReviewSessionError.questionNotApplicable(question: "priorities")) { try session.toggle(2) }
        try session.setNotApplicable(nil)
        #expect(session.answer?.selectedChoices == ["ops_priorities_ext_cust_needs"])
        #expect(session.risk == .high)
    }

    @Test func notesUpTo2084Characters() throws {
        var session = try FrameworkLens.session()
        try session.setNotes(String(repeating: "é", count: 2084))
        #expect(session.answer?.notes?.count == 2084)
        #expect(throws: ReviewSessionError.notesTooLong(length: 2085, limit: 2084)) {
            try session.setNotes(String(repeating: "a", count: 2085))
        }
        try session.setNotes("")
        #expect(session.answer == nil)
    }

    @Test func movingThroughPillarsAndUnansweredQuestions() throws {
        var session = try FrameworkLens.session(committed: ["ops-model": Answer(selectedChoices: ["ops_ops_model_def_resource_owners"])])
        #expect(session.question.id == "priorities")
        let movedBack = session.previous()
        #expect(!movedBack)
        let movedOn = session.next()
        #expect(movedOn)
        #expect(session.question.id == "ops-model")
        let found = session.nextUnanswered()
        #expect(found)
        #expect(session.question.id == "org-culture")
        try session.go(toPillar: session.pillarIndex("security"))
        #expect(session.pillar.id == "security")
        try session.go(toPillar: session.pillarIndex("Performance Efficiency"))
        #expect(session.question.id == "performing-architecture")
        try session.go(toPillar: session.pillarIndex("6"))
        #expect(session.pillar.id == "sustainability")
        #expect(throws: ReviewSessionError.self) { try session.pillarIndex("nope") }
        #expect(session.progress[0].name == "Operational Excellence")
        #expect(session.progress[0].answered == 1)
        #expect(session.progress[0].total == 11)
        try session.go(toQuestion: "priorities")
        #expect(session.numberInPillar == 1)
        #expect(throws: ReviewSessionError.unknownQuestion("nope")) { try session.go(toQuestion: "nope") }
    }

    @Test func resumesAfterTheLatestAnswerAtTheNextUnansweredQuestion() throws {
        let committed = [
            "priorities": Answer(selectedChoices: ["ops_priorities_no"]),
            "org-culture": Answer(selectedChoices: ["ops_org_culture_executive_sponsor"]),
        ]
        let updatedAt = ["priorities": "2026-01-02T00:00:00Z", "org-culture": "2026-01-01T00:00:00Z"]
        #expect(try FrameworkLens.session(committed: committed, updatedAt: updatedAt).question.id == "ops-model")
        let later = ["priorities": "2026-01-01T00:00:00Z", "org-culture": "2026-01-02T00:00:00Z"]
        #expect(try FrameworkLens.session(committed: committed, updatedAt: later).question.id == "observability")
        #expect(try FrameworkLens.session().question.id == "priorities")
        #expect(try FrameworkLens.session(start: .question("identities")).question.id == "identities")
    }

    @Test func pendingAnswersOfAnInterruptedSessionAreTakenOver() throws {
        let session = try FrameworkLens.session(
            committed: ["priorities": Answer(selectedChoices: ["ops_priorities_no"]), "ops-model": Answer(notes: "x")],
            pending: ["priorities": Answer(selectedChoices: ["ops_priorities_ext_cust_needs"]), "ops-model": nil])
        #expect(session.answers["ops-model"] == nil)
        #expect(session.pendingQuestions == ["priorities", "ops-model"])
        #expect(session.highRisks.before == 1)
        #expect(session.highRisks.now == 1)
    }
}
