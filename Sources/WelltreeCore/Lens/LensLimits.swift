/// The limits of the AWS lens format, in one place so import checks and documentation agree.
///
/// Lengths count Unicode scalars, the way the service and the lens authors' own tools (Python's
/// `len`) count them.
package enum LensLimits {
    /// AWS: "A custom lens cannot exceed 500 KB in size". Welltree reads KB as 1024 bytes, the
    /// more lenient reading, so a file AWS takes is never refused here.
    package static let fileSize = 500 * 1024
    /// Lens name, pillar name, question title, choice title.
    package static let nameLength = 128
    /// Lens description, question and choice descriptions, display texts.
    package static let textLength = 2048
    /// Shortest and longest id (pillar, question, choice).
    package static let idLength = 3...128
    /// Pillars in a lens.
    package static let pillars = 10
    /// Questions in a pillar.
    package static let questionsPerPillar = 20
    /// Choices in a question.
    package static let choicesPerQuestion = 15
    /// Risk rules in a question.
    package static let rulesPerQuestion = 3
    /// Groups of additional resources on a choice.
    package static let additionalResourceGroups = 10
    /// Links in one group of additional resources.
    package static let additionalResourceLinks = 5
    /// Answer notes (the API's `Notes`).
    package static let answerNotesLength = 2084
    /// Notes on a choice marked not applicable (the API's `ChoiceUpdate.Notes`).
    package static let choiceNotesLength = 250

    /// True when `id` is 3 to 128 letters, digits or underscores (and `-` when `allowingDash`,
    /// for the question ids of AWS's own lenses).
    package static func isValidId(_ id: String, allowingDash: Bool = false) -> Bool {
        let scalars = id.unicodeScalars
        guard idLength.contains(scalars.count) else { return false }
        return scalars.allSatisfy { scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "_": true
            case "-": allowingDash
            default: false
            }
        }
    }

    /// Characters the service refuses in lens names and descriptions, pillar names, question
    /// titles and descriptions and choice titles (observed, not specified: lens-behaviour.md,
    /// "Restricted character set"). Returned once each, in order of appearance.
    package static func restrictedCharacters(in text: String) -> [Character] {
        var found: [Character] = []
        for character in text where !isAllowed(character) && !found.contains(character) {
            found.append(character)
        }
        return found
    }

    private static func isAllowed(_ character: Character) -> Bool {
        if character.isLetter || character.isNumber || character.isNewline { return true }
        switch character {
        case " ", "-", "_", ".", ",", ":", "/", "(", ")", "@", "!", "&", "#", "+", "'", "?", "\u{2019}": return true
        default: return false
        }
    }
}
