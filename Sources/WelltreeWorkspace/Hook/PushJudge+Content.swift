import Git
import WelltreeCore

extension PushJudge {
    /// Refusals for entries a push adds or changes that no review repository holds: symlinks,
    /// submodules, and names that are not one plain path step (`TreeEntryRules`).
    func entryProblems(_ comparison: TreeComparison, update: PushUpdate) -> [PushRefusal] {
        var refusals: [PushRefusal] = []
        for delta in comparison.directories + comparison.files where delta.new != nil {
            let parent = delta.path.dropLast(delta.name.count).dropLast()
            let place = parent.isEmpty ? "the repository's root" : String(parent)
            if let problem = TreeEntryRules.problem(name: delta.name) {
                refusals.append(refusal(update, file: place, rule: "\(place) \(problem)"))
            } else if let kind = delta.newKind, let problem = TreeEntryRules.problem(name: delta.name, kind: kind) {
                refusals.append(refusal(update, file: delta.path, rule: "\(delta.path) \(problem)"))
            }
        }
        return refusals
    }

    /// Refusals for the documents a push adds or changes that `welltree validate` would fault:
    /// the same validator, given the changed paths, so only what the push touches (and what
    /// judging it needs, such as the lens an answer belongs to) is read. Problems a push did not
    /// cause (damage already on the server, elsewhere) do not stop it.
    ///
    /// `before` is the state the push changed (what `after` is compared with): a workload's id
    /// and name are looked up in its directory there, and compared with every other workload
    /// only when the push brings an id or name the directory did not have (a new workload, a
    /// rename), so an edit of a `workload.json` costs lookups, not a listing of the workloads.
    func validate(_ comparison: TreeComparison, before: Workspace?, after: Workspace, update: PushUpdate) -> [PushRefusal] {
        let changed = Set(comparison.files.map(\.path))
        // A problem concerns the push when it is at a changed file or at a directory holding
        // one: every such directory is listed once, so each problem is one look-up.
        var touched = changed
        for path in changed {
            var end = path.endIndex
            while let slash = path[..<end].lastIndex(of: "/") {
                guard touched.insert(String(path[..<slash])).inserted else { break }
                end = slash
            }
        }
        func concerns(_ path: String) -> Bool { touched.contains(path) }
        var validator = WorkspaceValidator(after)
        do {
            return try validator.validate(only: changed, reference: before).filter { concerns($0.path) }.map {
                refusal(update, file: $0.path, rule: $0.description)
            }
        } catch {
            if case .notARegularFile(let path, let found) = error, !concerns(path) {
                if policy.isAdministrator(pusher) { return [] }
                return [
                    refusal(
                        update, file: path,
                        rule:
                            "\(path) is \(found) already, which this push cannot be judged beside; an administrator (\(administratorList)) must repair it first"
                    )
                ]
            }
            return [refusal(update, rule: "the pushed tree cannot be validated: \(error)")]
        }
    }
}
