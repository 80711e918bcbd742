import WelltreeCore

/// Where review templates live: one directory per template, named by a slug of its name at
/// creation (never changed; a rename changes only `template.json`), holding its record, one
/// answer file per answered question in the workload answer format, and the lens and pillar
/// notes of each lens.
///
/// ```
/// templates/<dir>/template.json                       ReviewTemplate
/// templates/<dir>/answers/<alias>/<question>.json     StoredAnswer, as a workload's
/// templates/<dir>/notes/<alias>.json                  LensReviewNotes
/// ```
///
/// Templates are few (tens), so they are not sharded.
extension Layout {
    package static let templates = "templates"

    package static func templateDirectory(_ dir: String) -> String { "\(templates)/\(dir)" }
    package static func templateFile(_ dir: String) -> String { "\(templateDirectory(dir))/\(ReviewTemplate.fileName)" }
    package static func templateAnswersDirectory(_ dir: String, lens: String) -> String {
        "\(templateDirectory(dir))/\(answersDirectoryName)/\(lens)"
    }
    package static func templateAnswerFile(_ dir: String, lens: String, question: String) -> String {
        "\(templateAnswersDirectory(dir, lens: lens))/\(answerFileName(question))"
    }
    package static func templateNotesFile(_ dir: String, lens: String) -> String {
        "\(templateDirectory(dir))/\(notesDirectoryName)/\(lens)\(jsonExtension)"
    }

    /// The template directory a path lies in (`templates/<dir>/...`), or nil.
    package static func templateDirectory(ofPath path: String) -> String? {
        let parts = components(path)
        return parts.count >= 3 && parts[0] == templates ? parts[1] : nil
    }
}
