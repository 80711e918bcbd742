/// What `share export` translates, as the workspace reads it: every workload, custom lens,
/// profile and review template with where its files, milestone tags and share file live (the
/// paths come from the layout's owners: `Layout`, `Milestone+Tag`, `ShareStore`), the access
/// policy and the moment the shares' states are judged at. The exports only print these paths.
package struct ShareExportFacts: Sendable {
    package var workloads: [ExportedWorkload]
    /// Custom lenses (AWS-official lenses have no owner to guard them).
    package var lenses: [ExportedLens]
    /// Profiles and review templates.
    package var documents: [ExportedDocument]
    package var layout: ExportLayout
    package var policy: AccessPolicy
    /// Seconds since 1970: when invitations expire.
    package var now: Int64
    /// Where the data came from (the shares reference and the commit), for the header comment.
    package var source: String

    package init(
        workloads: [ExportedWorkload], lenses: [ExportedLens], documents: [ExportedDocument], layout: ExportLayout, policy: AccessPolicy,
        now: Int64, source: String
    ) {
        self.workloads = workloads
        self.lenses = lenses
        self.documents = documents
        self.layout = layout
        self.policy = policy
        self.now = now
        self.source = source
    }
}

/// One workload as the exports need it: where its files and milestone tags live, and who may
/// change what. The paths come from the workspace's layout; the exports only print them.
package struct ExportedWorkload: Sendable {
    /// The workload directory's path in the repository (`workloads/<shard>/<dir>`).
    package var path: String
    /// The directory of its answers (`<path>/answers`).
    package var answersPath: String
    /// The reference prefix of its milestone tags (`refs/tags/welltree/<dir>-<id8>/`).
    package var milestoneTags: String
    /// Its share file on the shares reference (`workloads/<id>.json`).
    package var shareFile: String
    package var workload: Workload
    package var shares: [Share]

    package init(path: String, answersPath: String, milestoneTags: String, shareFile: String, workload: Workload, shares: [Share]) {
        self.path = path
        self.answersPath = answersPath
        self.milestoneTags = milestoneTags
        self.shareFile = shareFile
        self.workload = workload
        self.shares = shares
    }
}

/// One custom lens as the exports need it.
package struct ExportedLens: Sendable {
    package var alias: String
    package var owner: String
    /// The lens directory on branches (`lenses/<alias>`).
    package var path: String
    /// Its share file on the shares reference (`lenses/<alias>.json`).
    package var shareFile: String

    package init(alias: String, owner: String, path: String, shareFile: String) {
        self.alias = alias
        self.owner = owner
        self.path = path
        self.shareFile = shareFile
    }
}

/// One profile or review template as the exports need it: one owner changes its directory and
/// its share file.
package struct ExportedDocument: Sendable {
    /// What it is, for the comment line: `Profile` or `Review template`.
    package var kind: String
    package var id: String
    package var name: String
    package var owner: String
    /// Its directory on branches (`profiles/<dir>`, `templates/<dir>`).
    package var path: String
    /// Its share file on the shares reference (`profiles/<id>.json`, `templates/<id>.json`).
    package var shareFile: String
    /// Files nobody may change or delete once written (a profile's published version files).
    package var immutableFiles: [String]

    package init(kind: String, id: String, name: String, owner: String, path: String, shareFile: String, immutableFiles: [String] = []) {
        self.kind = kind
        self.id = id
        self.name = name
        self.owner = owner
        self.path = path
        self.shareFile = shareFile
        self.immutableFiles = immutableFiles
    }
}

/// Where the review repository keeps what the exports guard, as the workspace lays it out.
package struct ExportLayout: Sendable {
    /// Directories new workloads, lenses, profiles and templates are created in on branches
    /// (`workloads`, `lenses`, `profiles`, `templates`).
    package var workloads: String
    package var lenses: String
    package var profiles: String
    package var templates: String
    /// The reference prefix of every milestone tag (`refs/tags/welltree/`).
    package var milestoneTags: String
    /// The shares reference (`refs/welltree/shares`) and the directories of its share files.
    package var sharesReference: String
    package var shareDirectories: [String]

    package init(
        workloads: String, lenses: String, profiles: String, templates: String, milestoneTags: String, sharesReference: String,
        shareDirectories: [String]
    ) {
        self.workloads = workloads
        self.lenses = lenses
        self.profiles = profiles
        self.templates = templates
        self.milestoneTags = milestoneTags
        self.sharesReference = sharesReference
        self.shareDirectories = shareDirectories
    }
}
