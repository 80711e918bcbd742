import Testing
import WelltreeCore
import WelltreeReports

/// The line `answer show` ends with for a workload whose profile speaks about the lens: which
/// profile choices prioritize the question, or that none does; a choice title from the
/// repository stays on its line.
@Suite("answer show: the profile's reason")
struct AnswerPriorityReasonTests {
    @Test func namesTheChoicesOrSaysNone() {
        #expect(
            AnswerText.priorityReason(QuestionPriorityReason(choiceTitles: ["Customer data", "Launch\u{1B}[2J\nsoon"]))
                == "\nPRIORITIZED by the workload's profile (Welltree's mapping) through: Customer data; Launch\\u{1B}[2J\\u{A}soon\n")
        #expect(
            AnswerText.priorityReason(QuestionPriorityReason(choiceTitles: []))
                == "\nNON_PRIORITIZED by the workload's profile (Welltree's mapping)\n")
    }
}
