/// A lens: the questions a workload is reviewed against, with the rules that turn answers into
/// risks. Custom lenses are imported from the AWS lens file format (see `LensLoader`); official
/// lenses ship with Welltree in the same shape.
///
/// The type mirrors the file format field for field, so encoding it with `CanonicalJSON` gives a
/// lens file that imports again to an equal value (export). Keys the format does not define are
/// dropped at import with a warning and are therefore not part of an export.
package struct Lens: Sendable, Equatable, Codable {
    /// Always `LensLoader.schemaVersion` for lenses that passed import.
    package var schemaVersion: String
    /// Display name, up to 128 characters.
    package var name: String
    /// Shown when choosing lenses for a workload, up to 2048 characters.
    package var description: String
    /// The pillars in the lens's own order, which reports keep.
    package var pillars: [LensPillar]

    package init(schemaVersion: String = LensLoader.schemaVersion, name: String, description: String, pillars: [LensPillar]) {
        self.schemaVersion = schemaVersion
        self.name = name
        self.description = description
        self.pillars = pillars
    }
}

extension Lens {
    /// The pillar with this id, if the lens has one.
    package func pillar(id: String) -> LensPillar? {
        pillars.first { $0.id == id }
    }

    /// The question with this id and the pillar holding it. Question ids are unique in a lens, so
    /// a question id alone names a question.
    package func question(id: String) -> (LensPillar, LensQuestion)? {
        for pillar in pillars {
            if let question = pillar.questions.first(where: { $0.id == id }) { return (pillar, question) }
        }
        return nil
    }

    /// Number of questions over all pillars.
    package var questionCount: Int {
        pillars.reduce(0) { $0 + $1.questions.count }
    }

    /// Number of choices over all questions.
    package var choiceCount: Int {
        pillars.reduce(0) { total, pillar in pillar.questions.reduce(total) { $0 + $1.choices.count } }
    }
}
