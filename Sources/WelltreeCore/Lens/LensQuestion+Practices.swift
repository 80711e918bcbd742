extension LensQuestion {
    /// The best practices `answer` neither selects nor marks not applicable, without "None of
    /// these": what would lower the question's risk, as a finding names them.
    package func missingPractices(_ answer: Answer?) -> [ChoiceRef] {
        choices.filter { choice in
            !choice.isNoneOfThese && !(answer?.selectedChoices.contains(choice.id) ?? false)
                && answer?.notApplicableChoices[choice.id] == nil
        }.map { ChoiceRef(id: $0.id, title: $0.title) }
    }
}
