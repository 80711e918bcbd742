import Testing
import WelltreeCore
import WelltreeReports

/// The review template commands' text as people read it: aligned
/// columns, and nothing a template's author wrote acts on the reader's terminal.
@Suite("Review template text")
struct TemplateTextTests {
    static let template = ReviewTemplate(
        id: "0123456789abcdef0123456789abcdef", name: "Base\u{1B}]0;owned\u{7}", description: "Start\nhere\u{1B}[2J",
        notes: "Line one\nline\u{9B}two", owner: "alice@example.com",
        lenses: [WorkloadLens(alias: "wellarchitected", version: "2024-06-27"), WorkloadLens(alias: "serverless", version: "1.0")],
        version: 3, createdAt: "2026-11-01T09:00:00Z", updatedAt: "2026-11-02T09:00:00Z")

    @Test func listIsAlignedAndEscapesNames() {
        var deleted = Self.template
        deleted.name = "Old"
        deleted.id = "fedcba9876543210fedcba9876543210"
        deleted.deletedAt = "2026-11-03T09:00:00Z"
        #expect(TemplateText.list([(Self.template, .current), (deleted, .lensNotCurrent)]) == """
            NAME                     VERSION  STATUS   LENSES                      OWNER              ID
            Base\\u{1B}]0;owned\\u{7}        3  CURRENT  wellarchitected,serverless  alice@example.com  0123456789abcdef0123456789abcdef
            Old                            3  DELETED  wellarchitected,serverless  alice@example.com  fedcba9876543210fedcba9876543210

            """)
        #expect(TemplateText.list([]) == "No review templates.\n")
    }

    @Test func showKeepsNoteLinesAndEscapesTheRest() {
        let lenses = [
            ReviewTemplateLensSummary(alias: "wellarchitected", version: "2024-06-27", questionCounts: TemplateQuestionCounts(answered: 12, unanswered: 45), status: .current),
            ReviewTemplateLensSummary(alias: "serverless", version: "1.0", questionCounts: TemplateQuestionCounts(answered: 0, unanswered: 9), status: .notCurrent),
        ]
        #expect(TemplateText.show(Self.template, status: .lensNotCurrent, lenses: lenses) == """
            Base\\u{1B}]0;owned\\u{7} (0123456789abcdef0123456789abcdef)
            Description: Start
            here\\u{1B}[2J
            Owner:       alice@example.com
            Version:     3
            Status:      LENS_NOT_CURRENT
            Notes:
            Line one
            line\\u{9B}two

            LENS             VERSION     ANSWERED  UNANSWERED  STATUS
            wellarchitected  2024-06-27        12          45  CURRENT
            serverless       1.0                0           9  NOT_CURRENT

            """)
    }

    @Test func answersCountSelectedChoicesAndEscapeTitles() {
        let question = LensQuestion(
            id: "ops_a", title: "Title\u{1B}[31m red", choices: [LensChoice(id: "ops_a_1", title: "One"), LensChoice(id: "ops_a_2", title: "Two")],
            riskRules: [RiskRule(condition: "default", risk: .high)])
        let summaries = [
            ReviewTemplateAnswerSummaryShape(pillarId: "operationalExcellence", question: question, answer: Answer(selectedChoices: ["ops_a_1"])),
            ReviewTemplateAnswerSummaryShape(pillarId: "operationalExcellence", question: question, answer: nil),
        ]
        #expect(TemplateText.answers(summaries) == """
            PILLAR                 QUESTION  STATUS      SELECTED  TITLE
            operationalExcellence  ops_a     ANSWERED         1/2  Title\\u{1B}[31m red
            operationalExcellence  ops_a     UNANSWERED       0/2  Title\\u{1B}[31m red

            """)
    }

    static let comparisons: [(lensAlias: String, [TemplateAnswerComparison])] = [
        ("wellarchitected", [
            TemplateAnswerComparison(pillarId: "ops", questionId: "ops_a", state: .current),
            TemplateAnswerComparison(pillarId: "ops", questionId: "ops_b", state: .outdated, proposal: Answer(selectedChoices: ["ops_b_1"])),
            TemplateAnswerComparison(
                pillarId: "ops", questionId: "ops_c", state: .outdated,
                blockers: [Violation(field: "selectedChoices", value: "ops_c_9\u{1B}[2J", rule: "is no choice of the question")]),
            TemplateAnswerComparison(pillarId: "sec", questionId: "sec_a", state: .overridden),
        ])
    ]

    @Test func statusCountsStatesAndExplainsEachQuestion() {
        let shape = TemplateWorkloadStatusShape(
            workloadId: "a", workloadName: "Pay\u{1B}[2J", reference: TemplateReference(id: Self.template.id, version: 2), comparisons: Self.comparisons)
        #expect(TemplateText.status(Self.template, workloads: [shape]) == """
            Base\\u{1B}]0;owned\\u{7}, version 3

            WORKLOAD      FROM  CURRENT  OUTDATED  OVERRIDDEN
            Pay\\u{1B}[2J    v2        1         2           1

            WORKLOAD      LENS             QUESTION  STATE       NOTE
            Pay\\u{1B}[2J  wellarchitected  ops_b     OUTDATED    apply proposes the template's answer
            Pay\\u{1B}[2J  wellarchitected  ops_c     OUTDATED    skipped: selectedChoices: "ops_c_9\\u{1B}[2J" is no choice of the question
            Pay\\u{1B}[2J  wellarchitected  sec_a     OVERRIDDEN  answered on the workload; never touched

            """)
        #expect(TemplateText.status(Self.template, workloads: []) == "Base\\u{1B}]0;owned\\u{7}, version 3\nNo workload was created from this template.\n")
    }

    @Test func appliedNamesWhatWasWrittenAndWhatWasSkipped() {
        let shape = TemplateApplyWorkloadShape(
            workloadId: "a", workloadName: "Pay\u{1B}[2J", reference: TemplateReference(id: Self.template.id, version: 2),
            written: ["wellarchitected/ops_b"], comparisons: Self.comparisons)
        #expect(TemplateText.applied([shape], committed: true) == """
            Pay\\u{1B}[2J: 1 answer written, 1 overridden left alone
              skipped wellarchitected/ops_c: selectedChoices: "ops_c_9\\u{1B}[2J" is no choice of the question

            """)
        #expect(TemplateText.applied([], committed: false) == "Nothing to apply.\n")
    }
}
