import Git

/// The parts of a workspace that changed between two trees, grouped from the changed files:
/// which workload directories, which lenses, and whether the settings moved.
package struct ChangedParts: Sendable, Equatable {
    /// Workload directory names (`<dir>` of `workloads/<shard>/<dir>`) with any changed file, sorted.
    package var workloadDirectories: [String] = []
    /// Lens aliases below `lenses/` with any changed file, sorted.
    package var lensAliases: [String] = []
    /// Lenses whose metadata or published versions changed: these can move the risks of every
    /// workload that applies them (a draft cannot).
    package var riskRelevantLenses: Set<String> = []
    /// Lenses whose draft changed.
    package var draftChanges: Set<String> = []
    package var settingsChanged = false
    /// Changed files outside the workspace layout (documentation, CI files), and the files of
    /// profiles and templates.
    package var otherFiles: [String] = []
    /// Changed published profile version files (`profiles/<dir>/versions/<v>.json`), sorted.
    package var profileVersionFiles: [String] = []
    /// For each changed workload directory the walk entered: its tree on each side (nil where
    /// it does not exist), so the workload is read without looking its path up again.
    package var workloadTrees: [String: TreeDelta] = [:]

    /// The parts of a tree comparison, with the tree ids of the changed workload directories.
    package init(_ comparison: TreeComparison) {
        self.init(comparison.files)
        for directory in comparison.directories where directory.path.hasPrefix(Layout.workloads + "/") {
            let parts = directory.path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            // `workloads/<shard>/<dir>`: the components of a path one level below it.
            if parts.count == 3, let name = Layout.workloadDirectory(inPathComponents: parts + [""]) {
                workloadTrees[name] = directory
            }
        }
    }

    package init(_ deltas: [TreeDelta]) {
        var workloads = Set<String>()
        var lenses = Set<String>()
        for delta in deltas {
            if let directory = Layout.workloadDirectory(ofPath: delta.path) {
                workloads.insert(directory)
            } else if let alias = Layout.lensAlias(ofPath: delta.path) {
                lenses.insert(alias)
                if Layout.isLensDraft(delta.path) {
                    draftChanges.insert(alias)
                } else {
                    riskRelevantLenses.insert(alias)
                }
            } else if delta.path == Layout.settings {
                settingsChanged = true
            } else {
                otherFiles.append(delta.path)
                if Layout.isProfileVersionFile(delta.path) { profileVersionFiles.append(delta.path) }
            }
        }
        profileVersionFiles.sort()
        workloadDirectories = workloads.sorted()
        lensAliases = lenses.sorted()
    }
}
