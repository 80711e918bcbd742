import WelltreeCore

/// One lens as `lens list` shows it: its record, typed as the acting principal sees it, and the
/// current version's content (nil for a draft-only lens).
package struct ListedLens: Sendable {
    /// The record, with a custom lens's type `CUSTOM_SELF` for its owner and `CUSTOM_SHARED` for
    /// everyone else, as the service lists them.
    package var record: LensRecord
    /// The current published version, or nil when only a draft exists.
    package var lens: Lens?
}

extension Workspace {
    /// Every lens of the workspace, by alias, as the acting principal sees it (ListLenses).
    package func lensListing() throws(WorkspaceError) -> [ListedLens] {
        let principal = try principal()
        var listed: [ListedLens] = []
        for record in try allLensRecords() {
            let lens = record.currentVersion == nil ? nil : try loadLens(record.alias).lens
            var seen = record
            if record.type != .awsOfficial { seen.type = record.owner == principal ? .customSelf : .customShared }
            listed.append(ListedLens(record: seen, lens: lens))
        }
        return listed
    }
}
