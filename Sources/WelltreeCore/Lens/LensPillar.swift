/// One pillar of a lens: a named group of questions that gets its own risk totals.
package struct LensPillar: Sendable, Equatable, Codable {
    /// Unique in the lens; 3 to 128 letters, digits or underscores.
    package var id: String
    /// Display name, up to 128 characters.
    package var name: String
    /// Up to 20 questions, in the order reviewers see them.
    package var questions: [LensQuestion]

    package init(id: String, name: String, questions: [LensQuestion]) {
        self.id = id
        self.name = name
        self.questions = questions
    }
}
