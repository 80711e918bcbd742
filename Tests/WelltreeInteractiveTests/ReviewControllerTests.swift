import Testing
import WelltreeCore
import WelltreeInteractive

@Suite("Review keys")
struct ReviewControllerTests {
    static func keys(_ text: String) -> [Key] { text.map { Key.character($0) } }

    static func press(_ controller: inout ReviewController, _ keys: [Key]) -> [ReviewEffect] {
        keys.flatMap { controller.handle($0) }
    }

    @Test func numbersSpaceAndNoneToggleAndAskForWrites() throws {
        var controller = ReviewController(session: try FrameworkLens.session())
        #expect(Self.press(&controller, Self.keys("13")) == [.write(question: "priorities"), .write(question: "priorities")])
        #expect(controller.session.answer?.selectedChoices == ["ops_priorities_ext_cust_needs", "ops_priorities_governance_reqs"])
        #expect(controller.focus == 2)
        _ = Self.press(&controller, [.down, .character(" ")])
        #expect(controller.session.answer?.selectedChoices.count == 3)
        _ = Self.press(&controller, Self.keys("n"))
        #expect(controller.session.answer?.selectedChoices == ["ops_priorities_no"])
        #expect(controller.message?.text.contains("high") == true)
    }

    @Test func twoDigitPracticeNumbersWaitForTheSecondDigit() throws {
        var controller = ReviewController(session: try FrameworkLens.session(start: .question("dev-integ")))
        #expect(controller.session.question.choices.count == 11)
        #expect(Self.press(&controller, Self.keys("1")) == [])
        #expect(Self.press(&controller, Self.keys("1")) == [.write(question: "dev-integ")])
        let choices = controller.session.question.choices.map(\.id)
        #expect(controller.session.answer?.selectedChoices == [choices[10]])
        _ = Self.press(&controller, Self.keys("1") + [.enter])
        #expect(controller.session.answer?.selectedChoices == [choices[0]])
        #expect(Self.press(&controller, Self.keys("2")) == [.write(question: "dev-integ")])
        #expect(controller.session.answer?.selectedChoices == [choices[0], choices[1]])
        // A digit that could start a longer number is toggled before the key that ends it acts.
        #expect(Self.press(&controller, Self.keys("1s")) == [.write(question: "dev-integ"), .save])
    }

    @Test func notApplicablePracticeWithReasonAndNotes() throws {
        var controller = ReviewController(session: try FrameworkLens.session())
        _ = Self.press(&controller, [.down, .down] + Self.keys("x"))
        #expect(controller.mode == .reason(.choice(3)))
        _ = Self.press(&controller, Self.keys("1"))
        guard case .choiceNotes = controller.mode else { Issue.record("\(controller.mode)"); return }
        let effects = Self.press(&controller, Self.keys("Later") + [.backspace, .enter])
        #expect(effects == [.write(question: "priorities")])
        #expect(
            controller.session.answer?.notApplicableChoices["ops_priorities_governance_reqs"]
                == ChoiceNotApplicable(reason: .outOfScope, notes: "Late"))
        _ = Self.press(&controller, Self.keys("x"))
        #expect(controller.session.answer == nil)
        _ = Self.press(&controller, [.down, .down, .down, .down] + Self.keys("x"))
        #expect(controller.mode == .browse)
        #expect(controller.message?.isError == true)
    }

    @Test func questionNotApplicableAndBack() throws {
        var controller = ReviewController(session: try FrameworkLens.session())
        _ = Self.press(&controller, Self.keys("a2"))
        #expect(controller.session.answer == Answer(isApplicable: false, reason: .businessPriorities))
        _ = Self.press(&controller, Self.keys("1"))
        #expect(controller.message?.isError == true)
        _ = Self.press(&controller, Self.keys("a"))
        #expect(controller.session.answer == nil)
        _ = Self.press(&controller, Self.keys("a") + [.escape])
        #expect(controller.session.answer == nil)
    }

    @Test func notesEditorKeepsLinesAndCancels() throws {
        var controller = ReviewController(session: try FrameworkLens.session())
        _ = Self.press(&controller, Self.keys("eFirst") + [.enter] + Self.keys("Second"))
        #expect(Self.press(&controller, [.control("d")]) == [.write(question: "priorities")])
        #expect(controller.session.answer?.notes == "First\nSecond")
        _ = Self.press(&controller, Self.keys("e") + [.control("u")] + Self.keys("gone") + [.escape])
        #expect(controller.session.answer?.notes == "First\nSecond")
    }

    @Test func navigationPillarsHelpSaveAndQuit() throws {
        var controller = ReviewController(session: try FrameworkLens.session())
        _ = Self.press(&controller, [.right, .right])
        #expect(controller.session.question.id == "org-culture")
        _ = Self.press(&controller, [.left])
        #expect(controller.session.question.id == "ops-model")
        _ = Self.press(&controller, Self.keys("p2"))
        #expect(controller.session.pillar.id == "security")
        _ = Self.press(&controller, Self.keys("u"))
        #expect(controller.session.question.id == "identities" || controller.session.pillar.id == "security")
        _ = Self.press(&controller, Self.keys("?"))
        #expect(controller.mode == .help)
        _ = Self.press(&controller, Self.keys("z"))
        #expect(controller.mode == .browse)
        #expect(Self.press(&controller, Self.keys("s")) == [.save])
        #expect(Self.press(&controller, [.control("c")]) == [.quit])
    }

    @Test func offerToContinueAnInterruptedSession() throws {
        let session = try FrameworkLens.session(pending: ["priorities": Answer(selectedChoices: ["ops_priorities_no"])])
        var controller = ReviewController(session: session, pendingCount: 1)
        #expect(controller.mode == .resumeOffer(count: 1))
        #expect(Self.press(&controller, Self.keys("d")) == [.discardPending])
        _ = Self.press(&controller, Self.keys("c"))
        #expect(controller.mode == .browse)
    }
}
