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
    /// The directory of a workload's lens and pillar notes: `notes/<alias>.json`.
    package static let notesDirectoryName = "notes"
    package static let lensMetadataFileName = "lens.json"
    package static let lensDraftFileName = "draft.json"
    package static let lensVersionsDirectoryName = "versions"
    /// What every answer file's and lens version file's name ends with.
    package static let jsonExtension = ".json"

    package static func workloadShard(_ dir: String) -> String { "\(workloads)/\(shard(ofDirectory: dir))" }
    package static func workloadDirectory(_ dir: String) -> String { "\(workloadShard(dir))/\(dir)" }
    package static func workloadFile(_ dir: String) -> String { "\(workloadDirectory(dir))/\(workloadFileName)" }
    /// The lens and pillar notes of one lens of a workload (`LensReviewNotes`).
    package static func lensNotesFile(_ dir: String, lens: String) -> String {
        "\(workloadDirectory(dir))/\(notesDirectoryName)/\(lens)\(jsonExtension)"
    }
        package static func answersDirectory(_ dir: String, lens: String) -> String {
        "\(workloadDirectory(dir))/\(answersDirectoryName)/\(lens)"
    }
    package static func answerFile(_ dir: String, lens: String, question: String) -> String {
        "\(answersDirectory(dir, lens: lens))/\(answerFileName(question))"
    }
    /// `<question>.json`.
    package static func answerFileName(_ question: String) -> String { question + jsonExtension }
    /// The question an answer file's name is for, or nil for a name that is no answer file's.
    package static func question(ofAnswerFileName name: String) -> String? {
        name.hasSuffix(jsonExtension) ? String(name.dropLast(jsonExtension.count)) : nil
    }
    /// The workload directory a path lies in, from the path's components: `payments-api` for
    /// `workloads/pa/payments-api/answers/...`. Nil for paths outside any workload directory,
    /// and for one in the wrong shard (which is no workload of this workspace).
    package static func workloadDirectory(inPathComponents parts: [String]) -> String? {
        guard parts.count >= 4, parts[0] == workloads, parts[1] == shard(ofDirectory: parts[2]) else { return nil }
        return parts[2]
    }
    /// `workloadDirectory(inPathComponents:)` of a path.
    package static func workloadDirectory(ofPath path: String) -> String? {
        workloadDirectory(inPathComponents: components(path))
    }

    /// Why a path below `workloads/` that lies in no workload directory of the layout is out of
    /// place, and the path to name (the directory, for a file below one in the wrong shard);
    /// nil for any other path.
    package static func misplacement(of path: String) -> (path: String, rule: String)? {
        let parts = components(path)
        guard parts.count >= 2, parts[0] == workloads, workloadDirectory(inPathComponents: parts) == nil else { return nil }
        if parts.count >= 4 {
            return (
                parts[0...2].joined(separator: "/"),
                "a workload directory belongs in the shard of its first two characters, \(workloadDirectory(parts[2]))"
            )
        }
        if parts.count == 3, parts[2] == workloadFileName { return (path, unshardedRule(parts[1])) }
        return (path, "only workload directories belong below \(workloads)/<shard>/")
    }

    /// Why a workload directory straight below `workloads/` is refused, and the way out.
    package static func unshardedRule(_ directory: String) -> String {
        let target = workloadDirectory(directory)
        return "a workload directory belongs in the shard of its first two characters, \(target) "
            + "(a branch written before workloads were sharded? move it there: git mv \(workloads)/\(directory) \(target))"
    }

    package static func lensDirectory(_ alias: String) -> String { "\(lenses)/\(alias)" }
    package static func lensMetadata(_ alias: String) -> String { "\(lensDirectory(alias))/\(lensMetadataFileName)" }
    package static func lensDraft(_ alias: String) -> String { "\(lensDirectory(alias))/\(lensDraftFileName)" }
    package static func lensVersionsDirectory(_ alias: String) -> String { "\(lensDirectory(alias))/\(lensVersionsDirectoryName)" }
    package static func lensVersion(_ alias: String, _ version: String) -> String {
        "\(lensVersionsDirectory(alias))/\(lensVersionFileName(version))"
    }
    /// `<version>.json`.
    package static func lensVersionFileName(_ version: String) -> String { version + jsonExtension }
    /// The version a file of `versions/` holds (its name without `.json`; the name itself when
    /// it has another ending).
    package static func version(ofLensVersionFileName name: String) -> String {
        name.hasSuffix(jsonExtension) ? String(name.dropLast(jsonExtension.count)) : name
    }
    /// The alias of the lens directory a path lies in (`lenses/<alias>/...`), or nil.
    package static func lensAlias(ofPath path: String) -> String? {
        let parts = components(path)
        return parts.count >= 3 && parts[0] == lenses ? parts[1] : nil
    }
    /// Whether `path` is the draft of the lens whose directory it lies in.
    package static func isLensDraft(_ path: String) -> Bool {
        let parts = components(path)
        return parts.count == 3 && parts[0] == lenses && parts[2] == lensDraftFileName
    }

    /// A tree path's components, empty ones kept (so `a//b` is not read as `a/b`).
    static func components(_ path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    }
}
