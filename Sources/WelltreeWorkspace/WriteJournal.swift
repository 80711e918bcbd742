import Foundation
import Git
import WelltreeCore

/// The record of a write in progress, kept in `<git dir>/welltree/pending` from just before the
/// branch moves until the work tree and index have caught up with the new commit.
///
/// Why: a process killed between those two moments leaves work-tree files that still hold the
/// content from before the commit. Without a record, the next command would see them as
/// uncommitted edits and refuse; with it, the next write command knows which paths it may bring
/// up to date from HEAD (see `Workspace.finishInterruptedWrite`). Written and removed only
/// while the `WriteLock` is held, so one file is enough.
struct WriteJournal: Codable, Equatable {
    /// The branch that was moved.
    var branch: String
    /// The commit the branch held before (nil on an unborn branch).
    var base: String?
    /// The commit the branch was moved to.
    var commit: String
    /// Files written or removed by the commit.
    var paths: [String]
    /// Directories removed with everything below them.
    var removedDirectories: [String]

    /// Where the journal of a repository lives.
    static func path(gitDirectory: String) -> String {
        Layout.writeJournal(gitDirectory: gitDirectory)
    }

    /// Reads the journal, or nil when there is none. An unreadable journal is reported, not
    /// ignored: it means a write was interrupted and someone must look.
    static func read(at path: String) throws(WorkspaceError) -> WriteJournal? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        do {
            return try JSONNodeDecoder().decode(WriteJournal.self, from: Array(data))
        } catch {
            throw .invalidFile(path: path, error)
        }
    }

    /// Writes the journal atomically (a temporary file renamed into place).
    func write(to path: String) throws(WorkspaceError) {
        do {
            try Data(CanonicalJSON.encode(self)).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .io(path: path, message: "cannot record the write in progress: \(error)")
        }
    }

    /// Removes the journal once the work tree is up to date.
    static func remove(at path: String) throws(WorkspaceError) {
        guard FileManager.default.fileExists(atPath: path) else { return }
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw .io(path: path, message: error.localizedDescription)
        }
    }
}
