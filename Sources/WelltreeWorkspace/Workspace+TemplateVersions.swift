import Git
import WelltreeCore

extension Workspace {
    /// Why the template in `templates/<directory>` breaks the version rule between `earlier`
    /// and this workspace, or nil when it keeps it: a template's `version` never goes down, and
    /// rises whenever its content changes — its answer files, its notes files or its lenses
    /// (what a workload created from it receives). A workload records the version it was created
    /// from, and `template status` and `apply` read the template's answers by version, so a
    /// version must name one content. The `welltree template` commands raise it in the commit
    /// that changes the content; this catches a hand edit.
    ///
    /// Judged only when the template exists on both sides with the same id and both records
    /// can be read (a new, removed, re-identified or unreadable template is other rules'
    /// business: ownership, ids, validation). Reads the two records and compares three tree
    /// entries; nothing when the directory's tree id did not change.
    package func templateVersionProblem(_ directory: String, since earlier: Workspace, label: String) throws(WorkspaceError) -> String? {
        let path = Layout.templateDirectory(directory)
        guard let before = try earlier.entry(path), before.kind == .tree, let after = try entry(path), after.kind == .tree,
            before.id != after.id,
            let old = try earlier.readableTemplate(TreeEntry(name: directory, id: before.id, kind: .tree)),
            let new = try readableTemplate(TreeEntry(name: directory, id: after.id, kind: .tree)), old.id == new.id
        else { return nil }
        let subject = "template \"\(Violation.visible(new.name))\" (\(Violation.visible(path)))"
        if new.version < old.version {
            return "\(subject): its version went down from \(old.version) in \(label) to \(new.version); a template's version never goes down "
                + "(workloads record the version they were created from)"
        }
        guard new.version == old.version else { return nil }
        var changed: [String] = []
        for name in [Layout.answersDirectoryName, Layout.notesDirectoryName] {
            let was = try earlier.entry(path + "/" + name)
            let now = try entry(path + "/" + name)
            if was?.id != now?.id || was?.kind != now?.kind { changed.append(name) }
        }
        if old.lenses != new.lenses { changed.append("lenses") }
        guard !changed.isEmpty else { return nil }
        return "\(subject): its \(changed.joined(separator: " and ")) changed since \(label) while its version stayed \(new.version); "
            + "a template's version rises with every change of its answers, notes or lenses, as the `welltree template` commands do "
            + "(workloads record the version they were created from): raise `version` in \(Layout.templateFile(directory))"
    }

    /// The template record in the directory `entry`, nil when it cannot be read (validation
    /// says why); errors of the repository itself are thrown.
    private func readableTemplate(_ entry: TreeEntry) throws(WorkspaceError) -> ReviewTemplate? {
        do {
            return try loadTemplate(entry).template
        } catch {
            if case .git = error { throw error }
            return nil
        }
    }
}
