/// Where everything lives in a review repository.
///
/// One directory per workload, named by a readable slug fixed at creation, and one file per
/// answered question: two reviewers answering different questions, or editing different
/// workloads, never touch the same file, so plain git merges them; the path alone tells a
/// pull-request reviewer which workload, lens and question changed. Git can then find changed
/// workloads by comparing tree ids, without reading unchanged ones.
///
/// ```
/// welltree.json                                      workspace settings
/// lenses/<alias>/lens.json                           lens metadata: name, type, owner, versions
/// lenses/<alias>/versions/<version>.json             each published version (lens format)
/// lenses/<alias>/draft.json                          an unpublished custom-lens draft
/// workloads/<dir>/workload.json                      properties and applied lenses
/// workloads/<dir>/answers/<alias>/<question>.json    one answered question
/// ```
package enum Layout {
    package static let settings = "welltree.json"
    package static let workloads = "workloads"
    package static let lenses = "lenses"
    package static let workloadFileName = "workload.json"
    package static let answersDirectoryName = "answers"

    package static func workloadDirectory(_ dir: String) -> String { "\(workloads)/\(dir)" }
    package static func workloadFile(_ dir: String) -> String { "\(workloads)/\(dir)/\(workloadFileName)" }
    package static func answersDirectory(_ dir: String, lens: String) -> String { "\(workloads)/\(dir)/answers/\(lens)" }
    package static func answerFile(_ dir: String, lens: String, question: String) -> String {
        "\(answersDirectory(dir, lens: lens))/\(question).json"
    }
    package static func lensDirectory(_ alias: String) -> String { "\(lenses)/\(alias)" }
    package static func lensMetadata(_ alias: String) -> String { "\(lenses)/\(alias)/lens.json" }
    package static func lensDraft(_ alias: String) -> String { "\(lenses)/\(alias)/draft.json" }
    package static func lensVersion(_ alias: String, _ version: String) -> String { "\(lenses)/\(alias)/versions/\(version).json" }
}
