import WelltreeCore

extension Workspace {
    /// What `share export` translates: every workload with its directory, answer directory,
    /// milestone tag prefix, share file and shares; every custom lens, profile and review
    /// template with its directory and share file; where new ones are created; the access
    /// policy. Each path is asked of its owner (`Layout`, `Milestone+Tag`, `ShareStore`), so the
    /// exports spell none.
    package func shareExportFacts() throws(WorkspaceError) -> ShareExportFacts {
        let store = try shareStore()
        var workloads: [ExportedWorkload] = []
        for stored in try allWorkloads() {
            let shares = try store.file(.workload(id: stored.workload.id)).shares
            workloads.append(
                ExportedWorkload(
                    path: Layout.workloadDirectory(stored.directory),
                    answersPath: Layout.workloadDirectory(stored.directory) + "/" + Layout.answersDirectoryName,
                    milestoneTags: Milestone.reference(
                        ofTag: Milestone.tagDirectory(workloadDirectory: stored.directory, workloadId: stored.workload.id)),
                    shareFile: ShareStore.path(of: .workload(id: stored.workload.id)), workload: stored.workload, shares: shares))
        }
        let lenses = try allLensRecords().filter { $0.type != .awsOfficial }.map {
            ExportedLens(alias: $0.alias, owner: $0.owner, path: Layout.lensDirectory($0.alias), shareFile: ShareStore.path(of: .lens(alias: $0.alias)))
        }
        var documents = try allProfiles().map {
            ExportedDocument(
                kind: "Profile", id: $0.profile.id, name: $0.profile.name, owner: $0.profile.owner,
                path: Layout.profileDirectory($0.directory), shareFile: ShareStore.path(of: .profile(id: $0.profile.id)),
                immutableFiles: $0.profile.versions.map { [directory = $0.directory] version in Layout.profileVersion(directory, version.version) })
        }
        documents += try allTemplates().map {
            ExportedDocument(
                kind: "Review template", id: $0.template.id, name: $0.template.name, owner: $0.template.owner,
                path: Layout.templateDirectory($0.directory), shareFile: ShareStore.path(of: .template(id: $0.template.id)))
        }
        let layout = ExportLayout(
            workloads: Layout.workloads, lenses: Layout.lenses, profiles: Layout.profiles, templates: Layout.templates,
            milestoneTags: Milestone.referencePrefix, sharesReference: ShareStore.reference,
            shareDirectories: [
                ShareStore.workloadsDirectory, ShareStore.lensesDirectory, ShareStore.profilesDirectory, ShareStore.templatesDirectory,
            ])
        return ShareExportFacts(
            workloads: workloads, lenses: lenses, documents: documents, layout: layout, policy: try store.access(), now: nowSeconds,
            source: "\(ShareStore.reference) at \(store.commit?.hex ?? "(none)") and \(base?.hex ?? "(no commit)")")
    }
}
