/// Why a workload's profile prioritizes one question, or that it does not (`answer show`): the
/// titles of the profile choices whose mapping lists the question, in template order; none
/// when the question is not prioritized.
package struct QuestionPriorityReason: Sendable, Equatable {
    /// The choices' titles (a choice the profile template no longer has is named by its id).
    package var choiceTitles: [String]

    package init(choiceTitles: [String]) {
        self.choiceTitles = choiceTitles
    }

    /// PRIORITIZED when any choice lists the question.
    package var type: QuestionType { choiceTitles.isEmpty ? .nonPrioritized : .prioritized }
}
