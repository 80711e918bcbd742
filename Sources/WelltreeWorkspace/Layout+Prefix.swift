import Git

/// Where a workspace sits in its repository.
///
/// A workspace is the directory holding `welltree.json`: the repository's root (the prefix is
/// empty) or a directory below it (`architecture/`, the prefix, always ending in `/`), so a
/// review can live beside the code it describes. Every path the rest of the layout names is
/// relative to the workspace; the prefix is added only where a path meets git's index, the
/// work tree or a whole commit's tree.
///
/// A repository holds one workspace, at most `maximumPrefixDepth` directories below its root,
/// so it is found from anywhere in the repository: by walking up from the starting directory
/// to the nearest `welltree.json`, else by looking in the root and the directories below it
/// down to that depth (a handful of tree reads, never a scan of the repository).
extension Layout {
    /// How many directories below the repository's root a workspace may sit.
    package static let maximumPrefixDepth = 2

    /// `path` of a workspace at `prefix`, relative to the repository's root.
    package static func repositoryPath(_ path: String, prefix: String) -> String { prefix + path }

    /// The workspace-relative path of a repository path, or nil for one outside the workspace.
    package static func workspacePath(ofRepositoryPath path: String, prefix: String) -> String? {
        guard path.hasPrefix(prefix) else { return nil }
        return String(path.dropFirst(prefix.count))
    }

    /// The prefix of the workspace directory `relative` (`architecture` or `docs/review`,
    /// relative to the repository's root; empty for the root).
    package static func prefix(ofDirectory relative: String) -> String {
        relative.isEmpty ? "" : relative + "/"
    }

    /// Why `relative` cannot be a workspace directory, or nil when it can.
    package static func prefixProblem(_ relative: String) -> String? {
        if relative.isEmpty { return nil }
        let parts = components(relative)
        if parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." || $0 == ".git" || $0.hasPrefix(".") }) {
            return "a workspace directory is a plain directory of the repository (no hidden or empty component)"
        }
        if parts.count > maximumPrefixDepth {
            return "a workspace sits at most \(maximumPrefixDepth) directories below the repository's root, "
                + "so it is found from anywhere in the repository"
        }
        return nil
    }

    /// Where the workspace of a commit's tree is: the nearest directory holding `welltree.json`
    /// on the way up from `start` (a directory relative to the root), else the root's or the
    /// first (in name order) directory's down to `maximumPrefixDepth`; nil when none holds one.
    package static func locatePrefix(in tree: ObjectID, startingAt start: String, repository: Repository) throws(GitError) -> String? {
        var parts = start.isEmpty ? [] : components(start)
        while true {
            let directory = parts.joined(separator: "/")
            if try holdsSettings(prefix(ofDirectory: directory), tree: tree, repository: repository) {
                return prefix(ofDirectory: directory)
            }
            if parts.isEmpty { break }
            parts.removeLast()
        }
        return try workspacePrefixes(in: tree, repository: repository, limit: 1).first
    }

    /// Every workspace prefix of a tree down to `maximumPrefixDepth`, in name order (at most
    /// `limit` of them).
    package static func workspacePrefixes(in tree: ObjectID, repository: Repository, limit: Int = .max) throws(GitError) -> [String] {
        var found: [String] = []
        var level: [(prefix: String, tree: ObjectID)] = [("", tree)]
        for depth in 0...maximumPrefixDepth {
            var next: [(prefix: String, tree: ObjectID)] = []
            for (prefix, id) in level {
                for entry in try repository.treeEntries(id) {
                    if entry.name == settings, entry.kind == .blob || entry.kind == .executable {
                        found.append(prefix)
                        if found.count >= limit { return found }
                    } else if entry.kind == .tree, depth < maximumPrefixDepth, !entry.name.hasPrefix(".") {
                        next.append((prefix + entry.name + "/", entry.id))
                    }
                }
            }
            level = next
        }
        return found
    }

    /// Whether the tree holds a regular `welltree.json` at `prefix`.
    static func holdsSettings(_ prefix: String, tree: ObjectID, repository: Repository) throws(GitError) -> Bool {
        guard let entry = try repository.entry(at: prefix + settings, inTree: tree) else { return false }
        return entry.kind == .blob || entry.kind == .executable
    }
}
