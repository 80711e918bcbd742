import Git
import WelltreeCore

extension Workspace {
    /// The lens and pillar notes of one lens of a workload (empty when none were written).
    package func lensNotes(of stored: StoredWorkload, lens alias: String) throws(WorkspaceError) -> LensReviewNotes {
        try document(LensReviewNotes.self, at: Layout.lensNotesFile(stored.directory, lens: alias)) ?? LensReviewNotes()
    }

    /// UpdateLensReview: replaces the notes of the lens (`pillar` nil) or of one of its pillars;
    /// an empty text removes them. The owner and CONTRIBUTOR shares may, as for answers. One
    /// commit, none when nothing changes; the file is removed when no note is left.
    package func updateLensNotes(_ reference: String, lens alias: String, pillar: String?, notes: String) throws(WorkspaceError)
        -> (StoredWorkload, LensReviewNotes, changed: Bool)
    {
        try requireInitialised()
        let stored = try findWorkload(reference)
        try requireAnswerAccess(to: stored.workload)
        let applied = try appliedLens(stored, alias: alias)
        let lens = try effectiveLens(applied).lens
        let old = try lensNotes(of: stored, lens: applied.alias)
        let new: LensReviewNotes
        do {
            new = try old.updated(notes: pillar == nil ? notes : nil, pillarNotes: pillar.map { [$0: notes] } ?? [:], lens: lens)
        } catch {
            throw .invalid(error)
        }
        guard new != old else { return (stored, new, false) }
        var changes = ChangeSet()
        let path = Layout.lensNotesFile(stored.directory, lens: applied.alias)
        if new.isEmpty { changes.remove(path) } else { try changes.write(path, json: new) }
        let what = pillar.map { "pillar \($0) notes" } ?? "lens notes"
        try commit(changes, message: "Update \(what) of \(stored.workload.name) (\(applied.alias))")
        return (try findWorkload(stored.workload.id), new, true)
    }
}
