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
    func validate(_ comparison: TreeComparison, after: Workspace, update: PushUpdate) -> [PushRefusal] {
        let changed = Set(comparison.files.map(\.path))
        func concerns(_ path: String) -> Bool {
            changed.contains(path) || changed.contains { $0.hasPrefix(path + "/") }
        }
        var validator = WorkspaceValidator(after)
        do {
            return try validator.validate(only: changed).filter { concerns($0.path) }.map {
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
