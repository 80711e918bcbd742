import Git
import WelltreeCore

/// What a tree entry of a review repository may be, whatever its place: a regular file or a
/// directory, under a name that is one plain path step.
///
/// Git stores whatever a client wrote: a symlink where an answer belongs (read through, it
/// leaks the reader's files), a submodule (gitlink), or names no `git add` makes (`..`, `.git`,
/// `a/b`, which break checkouts and let a path escape its directory). `git fsck` rejects some
/// of them only as warnings; these rules are checked on every entry a push adds or changes.
package enum TreeEntryRules {
    /// Why an entry named `name` of kind `kind` does not belong in a review repository, or nil.
    package static func problem(name: String, kind: EntryKind) -> String? {
        if let problem = problem(name: name) { return problem }
        switch kind {
        case .blob, .executable, .tree: return nil
        case .symlink: return "is a symbolic link; a review repository holds only regular files and directories"
        case .submodule: return "is a submodule (gitlink); a review repository holds only regular files and directories"
        }
    }

    /// Why `name` is not one plain path step, or nil.
    package static func problem(name: String) -> String? {
        let shown = "tree entry \"\(name)\""
        if name.isEmpty { return "has a tree entry with an empty name" }
        if name == "." || name == ".." { return "has a \(shown): a path step names no file" }
        if name.contains("/") { return "has a \(shown): a name holds no \"/\"" }
        if UnsafeCharacter.occurs(in: name) {
            return "has a tree entry whose name holds a control or bidirectional character (\(UnsafeCharacter.escape(name)))"
        }
        // `.git` in any case, and as Windows and macOS read it (`.git.`, `.git `, `git~1`).
        var folded = name.lowercased()
        while folded.hasSuffix(".") || folded.hasSuffix(" ") { folded.removeLast() }
        folded = String(folded.unicodeScalars.filter { !$0.properties.isDefaultIgnorableCodePoint }.map(Character.init))
        if folded == ".git" || folded == "git~1" { return "has a \(shown): the name is git's own directory" }
        return nil
    }
}
