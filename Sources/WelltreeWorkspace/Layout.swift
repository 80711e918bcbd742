import WelltreeCore
/// Where everything lives in a review repository.
///
/// One directory per workload, named by a readable slug fixed at creation, and one file per
/// answered question: two reviewers answering different questions, or editing different
/// workloads, never touch the same file, so plain git merges them; the path alone tells a
/// pull-request reviewer which workload, lens and question changed. Workload directories sit in
/// shards named by their first two characters (`Workload.shard(ofDirectory:)`), so git finds
/// the changed workloads by comparing tree ids along one short path, without reading the
/// unchanged ones or a listing of all of them.
///
/// ```
/// welltree.json                                              workspace settings
/// lenses/<alias>/lens.json                                   lens metadata: name, type, owner, versions
/// lenses/<alias>/versions/<version>.json                     each published version (lens format)
/// lenses/<alias>/draft.json                                  an unpublished custom-lens draft
/// workloads/<shard>/<dir>/workload.json                      properties and applied lenses
/// workloads/<shard>/<dir>/answers/<alias>/<question>.json    one answered question
/// ```
///
/// `<shard>` is the first two characters of `<dir>`: `workloads/pa/payments-api/`.
package enum Layout {
    package static let settings = "welltree.json"
    package static let workloads = "workloads"
    package static let lenses = "lenses"
    package static let workloadFileName = "workload.json"
    package static let answersDirectoryName = "answers"

    package static func workloadShard(_ dir: String) -> String { "\(workloads)/\(Workload.shard(ofDirectory: dir))" }
    package static func workloadDirectory(_ dir: String) -> String { "\(workloadShard(dir))/\(dir)" }
    package static func workloadFile(_ dir: String) -> String { "\(workloadDirectory(dir))/\(workloadFileName)" }
    package static func answersDirectory(_ dir: String, lens: String) -> String {
        "\(workloadDirectory(dir))/\(answersDirectoryName)/\(lens)"
    }
    package static func answerFile(_ dir: String, lens: String, question: String) -> String {
        "\(answersDirectory(dir, lens: lens))/\(question).json"
    }
    /// The workload directory a path lies in, from the path's components: `payments-api` for
    /// `workloads/pa/payments-api/answers/...`. Nil for paths outside any workload directory,
    /// and for one in the wrong shard (which is no workload of this workspace).
    package static func workloadDirectory(inPathComponents parts: [String]) -> String? {
        guard parts.count >= 4, parts[0] == workloads, parts[1] == Workload.shard(ofDirectory: parts[2]) else { return nil }
        return parts[2]
    }

    package static func lensDirectory(_ alias: String) -> String { "\(lenses)/\(alias)" }
    package static func lensMetadata(_ alias: String) -> String { "\(lenses)/\(alias)/lens.json" }
    package static func lensDraft(_ alias: String) -> String { "\(lenses)/\(alias)/draft.json" }
    package static func lensVersion(_ alias: String, _ version: String) -> String { "\(lenses)/\(alias)/versions/\(version).json" }
}
