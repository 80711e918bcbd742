import Testing
import WelltreeCore
import WelltreeReports

/// `answer list` and `welltree evidence` as people read them: aligned columns, and nothing a
/// lens author or a reviewer wrote (a title, a cited path, a workload name) acts on the terminal.
@Suite("Answer list and evidence text")
struct AnswerListTextTests {
    static let question = LensQuestion(
        id: "sec_a", title: "Protect\u{1B}]52;c;ZWNobw==\u{7}", choices: [LensChoice(id: "sec_a_1", title: "One"), LensChoice(id: "sec_a_2", title: "Two")],
        riskRules: [RiskRule(condition: "sec_a_1", risk: .none), RiskRule(condition: "default", risk: .high)])

    @Test func answerListShowsRiskSelectionAndPriority() {
        let summaries = [
            AnswerSummaryShape(pillarId: "security", question: Self.question, answer: Answer(selectedChoices: ["sec_a_1"]), risk: .none,
                               questionType: .prioritized),
            AnswerSummaryShape(pillarId: "security", question: Self.question, answer: nil, risk: .unanswered, questionType: .nonPrioritized),
        ]
        #expect(AnswerText.list(summaries, priority: true) == """
            PILLAR    QUESTION  RISK        SELECTED  PRIORITY     TITLE
            security  sec_a     NONE             1/2  PRIORITIZED  Protect\\u{1B}]52;c;ZWNobw==\\u{7}
            security  sec_a     UNANSWERED       0/2  -            Protect\\u{1B}]52;c;ZWNobw==\\u{7}

            """)
        #expect(AnswerText.list([summaries[1]], priority: false) == """
            PILLAR    QUESTION  RISK        SELECTED  TITLE
            security  sec_a     UNANSWERED       0/2  Protect\\u{1B}]52;c;ZWNobw==\\u{7}

            """)
    }

    @Test func evidenceListNamesWorkloadsOnlyForAllOfThemAndEscapesPaths() {
        let cited = [
            CitedEvidence(
                workloadId: "a", workloadName: "Shop\u{1B}[2J", lens: "wellarchitected", questionId: "sec_a", answerFile: "f",
                evidence: Evidence(choiceId: "sec_a_1", path: "docs/run\u{7}book.md", lines: "3-9", confirmedId: "1111"), currentId: "2222"),
            CitedEvidence(
                workloadId: "a", workloadName: "Shop\u{1B}[2J", lens: "wellarchitected", questionId: "sec_a", answerFile: "f",
                evidence: Evidence(url: "https://example.com/x"), currentId: nil),
        ]
        #expect(EvidenceText.list(cited, stale: false, allWorkloads: true) == """
            STATE                    WORKLOAD       LENS             QUESTION  PRACTICE    EVIDENCE
            changed since confirmed  Shop\\u{1B}[2J  wellarchitected  sec_a     sec_a_1     docs/run\\u{7}book.md:3-9
            url (not checked)        Shop\\u{1B}[2J  wellarchitected  sec_a     (question)  https://example.com/x

            """)
        #expect(EvidenceText.list([cited[1]], stale: false, allWorkloads: false) == """
            STATE              LENS             QUESTION  PRACTICE    EVIDENCE
            url (not checked)  wellarchitected  sec_a     (question)  https://example.com/x

            """)
        #expect(EvidenceText.list([], stale: true, allWorkloads: true) == "No stale evidence.\n")
        #expect(EvidenceText.list([], stale: false, allWorkloads: false) == "No answer cites evidence.\n")
    }
}
