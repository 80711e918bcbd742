import WelltreeCore

/// The service's risk of each answer in a dump against the risk Welltree computes for the
/// imported answer with its lens rules: every question, in every state, where the two differ.
package struct AWSRiskComparison: Sendable, Equatable {
    /// How many answers carried a risk from the service and were compared.
    package var answersCompared: Int
    /// Milestones in number order, then the present; within a state, lens and question order.
    package var differences: [AWSRiskDifference]

    package init(answersCompared: Int = 0, differences: [AWSRiskDifference] = []) {
        self.answersCompared = answersCompared
        self.differences = differences
    }
}

/// One question whose risk differs.
package struct AWSRiskDifference: Sendable, Equatable {
    /// Nil for the present state.
    package var milestone: Int?
    /// Welltree's alias of the lens.
    package var lensAlias: String
    package var pillarId: String
    package var questionId: String
    package var questionTitle: String
    /// The imported selection.
    package var selectedChoices: [String]
    /// Best practices marked not applicable, with the reason.
    package var notApplicableChoices: [(choiceId: String, reason: AnswerReason)]
    package var isApplicable: Bool
    package var awsRisk: Risk
    package var welltreeRisk: Risk

    package init(
        milestone: Int?, lensAlias: String, pillarId: String, questionId: String, questionTitle: String, selectedChoices: [String],
        notApplicableChoices: [(choiceId: String, reason: AnswerReason)], isApplicable: Bool, awsRisk: Risk, welltreeRisk: Risk
    ) {
        self.milestone = milestone
        self.lensAlias = lensAlias
        self.pillarId = pillarId
        self.questionId = questionId
        self.questionTitle = questionTitle
        self.selectedChoices = selectedChoices
        self.notApplicableChoices = notApplicableChoices
        self.isApplicable = isApplicable
        self.awsRisk = awsRisk
        self.welltreeRisk = welltreeRisk
    }

    package static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.milestone == rhs.milestone && lhs.lensAlias == rhs.lensAlias && lhs.pillarId == rhs.pillarId
            && lhs.questionId == rhs.questionId && lhs.questionTitle == rhs.questionTitle && lhs.selectedChoices == rhs.selectedChoices
            && lhs.notApplicableChoices.map(\.choiceId) == rhs.notApplicableChoices.map(\.choiceId)
            && lhs.notApplicableChoices.map(\.reason) == rhs.notApplicableChoices.map(\.reason)
            && lhs.isApplicable == rhs.isApplicable && lhs.awsRisk == rhs.awsRisk && lhs.welltreeRisk == rhs.welltreeRisk
    }
}

extension AWSRiskComparison {
    /// For a terminal: a heading, then one row per difference. Every text from the dump is
    /// escaped (`UnsafeCharacter.escape`) and kept on one line.
    package var text: String {
        guard !differences.isEmpty else {
            return "The AWS Well-Architected Tool and Welltree give the same risk for all \(answersCompared) answers.\n"
        }
        var rows = [["STATE", "LENS", "QUESTION", "AWS", "WELLTREE", "SELECTED / NOT APPLICABLE"]]
        for d in differences {
            let selected = d.selectedChoices.isEmpty ? "-" : d.selectedChoices.joined(separator: ",")
            var marked = d.notApplicableChoices.map { "\($0.choiceId) (\($0.reason.rawValue))" }.joined(separator: ",")
            if !d.isApplicable { marked = "question not applicable" + (marked.isEmpty ? "" : ", " + marked) }
            rows.append([
                d.milestone.map { "milestone \($0)" } ?? "present", d.lensAlias, d.questionId, d.awsRisk.rawValue, d.welltreeRisk.rawValue,
                "\(selected) / \(marked.isEmpty ? "-" : marked)",
            ].map(Self.cell))
        }
        var widths = Array(repeating: 0, count: rows[0].count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        var text = "Risks that differ between the AWS Well-Architected Tool and Welltree (\(differences.count) of \(answersCompared) answers):\n"
        for row in rows {
            var line = ""
            for (i, cell) in row.enumerated() {
                line += i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count + 2)
            }
            text += line + "\n"
        }
        return text
    }

    /// One line, with anything unsafe for a terminal spelled out.
    private static func cell(_ text: String) -> String {
        UnsafeCharacter.escape(String(String.UnicodeScalarView(text.unicodeScalars.map { ["\n", "\r", "\t"].contains($0) ? " " : $0 })))
    }

    /// The JSON document (Welltree's own shape, PascalCase as the API's).
    package var output: AWSRiskComparisonOutput { AWSRiskComparisonOutput(self) }
}

/// `--format json` of the comparison.
package struct AWSRiskComparisonOutput: Encodable, Sendable {
    package struct Difference: Encodable, Sendable {
        package struct NotApplicable: Encodable, Sendable {
            package var ChoiceId: String
            package var Reason: String
        }

        package var MilestoneNumber: Int?
        package var LensAlias: String
        package var PillarId: String
        package var QuestionId: String
        package var QuestionTitle: String
        package var SelectedChoices: [String]
        package var NotApplicableChoices: [NotApplicable]
        package var IsApplicable: Bool
        package var AwsRisk: String
        package var WelltreeRisk: String
    }

    package var AnswersCompared: Int
    package var RiskDifferences: [Difference]

    package init(_ comparison: AWSRiskComparison) {
        AnswersCompared = comparison.answersCompared
        RiskDifferences = comparison.differences.map { d in
            Difference(
                MilestoneNumber: d.milestone, LensAlias: d.lensAlias, PillarId: d.pillarId, QuestionId: d.questionId,
                QuestionTitle: d.questionTitle, SelectedChoices: d.selectedChoices,
                NotApplicableChoices: d.notApplicableChoices.map { .init(ChoiceId: $0.choiceId, Reason: $0.reason.rawValue) },
                IsApplicable: d.isApplicable, AwsRisk: d.awsRisk.rawValue, WelltreeRisk: d.welltreeRisk.rawValue)
        }
    }
}
