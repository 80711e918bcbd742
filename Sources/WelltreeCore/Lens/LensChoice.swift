/// One choice (best practice) of a question.
package struct LensChoice: Sendable, Equatable, Codable {
    /// Unique within its question only: the same id may recur in other questions.
    package var id: String
    /// The best practice as shown, up to 128 characters.
    package var title: String
    /// Optional explanation (an extension AWS accepts; not in the format specification).
    package var description: String?
    /// Optional link explaining the practice.
    package var helpfulResource: LensResource?
    /// What to do when the practice is missing; required except on a "None of these" choice.
    package var improvementPlan: LensResource?
    /// Further links, grouped as helpful resources or improvement plans.
    package var additionalResources: [LensAdditionalResources]?

    package init(
        id: String,
        title: String,
        description: String? = nil,
        helpfulResource: LensResource? = nil,
        improvementPlan: LensResource? = nil,
        additionalResources: [LensAdditionalResources]? = nil
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.helpfulResource = helpfulResource
        self.improvementPlan = improvementPlan
        self.additionalResources = additionalResources
    }

    /// A choice whose id ends in `_no` is the question's "None of these": it is selected alone
    /// (`--none` clears the other selections), it cannot be marked not applicable and it is never an
    /// improvement to make. In rules it is an ordinary boolean.
    package var isNoneOfThese: Bool { id.hasSuffix("_no") }
}
