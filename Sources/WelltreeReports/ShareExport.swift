import WelltreeCore

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

/// Translations of the share data into the permission files of hosts without Welltree's
/// server hook: GitHub's CODEOWNERS (with branch protection requiring code-owner review) and a
/// gitolite conf fragment (ref rules plus `VREF/NAME` path rules). Both are regenerated after
/// every change of shares; neither can express everything the hook does (see docs/shares.md).
package struct ShareExport: Sendable {
    package var workloads: [ExportedWorkload]
    /// Custom lenses.
    package var lenses: [ExportedLens]
    /// Profiles and review templates.
    package var documents: [ExportedDocument]
    package var layout: ExportLayout
    package var policy: AccessPolicy
    package var now: Int64
    /// Where the data came from, for the header comment.
    package var source: String

    package init(
        workloads: [ExportedWorkload], lenses: [ExportedLens], documents: [ExportedDocument] = [], layout: ExportLayout,
        policy: AccessPolicy, now: Int64, source: String
    ) {
        self.workloads = workloads.sorted { $0.path.split(separator: "/").last ?? "" < $1.path.split(separator: "/").last ?? "" }
        self.lenses = lenses.sorted { $0.alias < $1.alias }
        self.documents = documents.sorted { $0.path < $1.path }
        self.layout = layout
        self.policy = policy
        self.now = now
        self.source = source
    }

    /// Principals holding an accepted CONTRIBUTOR share of a workload, users before groups.
    private func contributors(_ item: ExportedWorkload) -> [String] {
        item.shares.filter { $0.status(at: now) == .accepted && $0.permission == .contributor }.map(\.principal)
    }

    // MARK: CODEOWNERS

    /// CODEOWNERS: the last matching line wins, so repository-wide rules come first. Owners own
    /// their workload, profile and template directories; answers are owned by the owner and
    /// accepted contributors, any one of whom may approve. Emails stay as they are and a user
    /// name gets `@`. CODEOWNERS knows only GitHub users, teams and emails, so a group principal
    /// (`group:<name>`, an account id, `o-...`, `ou-...`) is never written as if it were a GitHub
    /// user (`@o-...` could be anybody's account): its users, as access.json declares them,
    /// stand in for it, and a comment line names it (and says so when it has none).
    package func codeowners() -> String {
        var lines = [
            "# Generated by `welltree share export --format codeowners` from \(source).",
            "# Regenerate after changing shares or access.json; require code-owner review on the default branch.",
        ]
        let admins = policy.administrators.map(codeowner)
        if !admins.isEmpty {
            lines.append("* " + admins.joined(separator: " "))
            lines.append("/.github/CODEOWNERS " + admins.joined(separator: " "))
        }
        for lens in lenses {
            lines.append("/\(lens.path)/ \(codeowner(lens.owner))")
        }
        for document in documents {
            lines.append(Self.comment("\(document.kind) \"\(document.name)\" (\(document.id))"))
            lines.append("/\(document.path)/ \(codeowner(document.owner))")
        }
        for item in workloads {
            let owner = codeowner(item.workload.owner)
            lines.append(Self.comment("\(item.workload.name) (\(item.workload.id))"))
            lines.append("/\(item.path)/ \(owner)")
            var approvers = [owner]
            for principal in contributors(item) {
                guard Share.isGroupPrincipal(principal) else {
                    approvers.append(codeowner(principal))
                    continue
                }
                let users = policy.users(of: Share.groupName(principal)).filter { !Share.isGroupPrincipal($0) }.sorted()
                if users.isEmpty {
                    lines.append(Self.comment("\(principal) holds a CONTRIBUTOR share but access.json declares no users for it: CODEOWNERS cannot express it, left out"))
                } else {
                    lines.append(Self.comment("\(principal) holds a CONTRIBUTOR share: its users as access.json declares them"))
                    approvers += users.map(codeowner)
                }
            }
            var seen = Set<String>()
            lines.append("/\(item.answersPath)/ " + approvers.filter { seen.insert($0).inserted }.joined(separator: " "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A user principal as a code owner: an email as it is, a user name with `@`.
    private func codeowner(_ principal: String) -> String {
        if principal.contains("@") && !principal.hasPrefix("@") { return principal }
        return principal.hasPrefix("@") ? principal : "@" + principal
    }

    /// A comment line; names come from the repository, so a line break or other control
    /// character cannot end the comment and start a rule.
    private static func comment(_ text: String) -> String {
        "# " + String(text.unicodeScalars.map { $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" ? " " : Character($0) })
    }

    // MARK: gitolite

    /// A gitolite conf fragment for `repo`: first matching rule wins per ref and per changed
    /// file. Milestone tags may be created (RW, never rewound or deleted) only by the owner;
    /// each workload's, lens's, profile's and template's files by its owner, a workload's answers
    /// also by accepted contributors, a profile's published versions by nobody; share files on
    /// refs/welltree/shares by the owner; everything else by administrators, while new
    /// workloads, lenses, profiles and templates stay open to all.
    package func gitolite(repo: String) -> String {
        var lines = [
            "# Generated by `welltree share export --format gitolite` from \(source).",
            "# Include it from gitolite.conf and run `gitolite setup` after changing shares.",
        ]
        let admins = policy.administrators
        lines.append("@welltree-admins = " + (admins.isEmpty ? "@none" : admins.joined(separator: " ")))
        // Each group as the users it stands for: an organization's or unit's nesting resolved.
        for name in policy.groups.keys.sorted() {
            let users = policy.users(of: name).sorted()
            lines.append("@welltree-\(gitoliteName(name)) = " + (users.isEmpty ? "@none" : users.joined(separator: " ")))
        }
        lines.append("")
        lines.append("repo \(repo)")
        lines.append("    R                                        = @all")
        for item in workloads {
            lines.append("    RW   \(item.milestoneTags) = \(item.workload.owner)")
            lines.append("    -    \(item.milestoneTags) = @all")
        }
        lines.append("    RW   \(padded(layout.milestoneTags)) = @all")
        lines.append("    -    \(padded(layout.milestoneTags)) = @all")
        lines.append("    RW   \(padded(layout.sharesReference)) = @all")
        lines.append("    RW+                                      = @welltree-admins")
        lines.append("    RW                                       = @all")
        lines.append("")
        for document in documents {
            lines.append("    " + Self.comment("\(document.kind) \"\(document.name)\" (\(document.id))"))
            for file in document.immutableFiles {
                lines.append("    -    VREF/NAME/\(Self.pattern(file)) = @all")
            }
            lines.append("    RW   VREF/NAME/\(document.path)/ = \(document.owner)")
            lines.append("    RW   VREF/NAME/\(Self.pattern(document.shareFile)) = \(document.owner)")
            lines.append("    -    VREF/NAME/\(document.path)/ = @all")
            lines.append("    -    VREF/NAME/\(Self.pattern(document.shareFile)) = @all")
        }
        for lens in lenses {
            lines.append("    RW   VREF/NAME/\(lens.path)/ = \(lens.owner)")
            lines.append("    RW   VREF/NAME/\(Self.pattern(lens.shareFile)) = \(lens.owner)")
            lines.append("    -    VREF/NAME/\(Self.alternatives(lens.path + "/", lens.shareFile)) = @all")
        }
        for item in workloads {
            let owner = item.workload.owner
            let directory = "VREF/NAME/\(item.path)/"
            let answers = "VREF/NAME/\(item.answersPath)/"
            lines.append("    " + Self.comment("\(item.workload.name) (\(item.workload.id))"))
            lines.append("    RW   \(directory) = \(owner)")
            let contributors = contributors(item).map(gitolitePrincipal)
            if !contributors.isEmpty {
                lines.append("    RW   \(answers) = " + contributors.joined(separator: " "))
            }
            lines.append("    -    \(directory) = @all")
            lines.append("    RW   VREF/NAME/\(Self.pattern(item.shareFile)) = \(owner)")
            lines.append("    -    VREF/NAME/\(Self.pattern(item.shareFile)) = @all")
        }
        var open: [String] = []
        for directory in [layout.workloads, layout.lenses, layout.profiles, layout.templates] + layout.shareDirectories where !open.contains(directory) {
            open.append(directory)
            lines.append("    RW   \(padded("VREF/NAME/\(directory)/")) = @all")
        }
        lines.append("    RW   VREF/NAME/                          = @welltree-admins")
        lines.append("    -    VREF/NAME/                          = @all")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A reference or VREF column padded to the width the fixed rules line up at.
    private func padded(_ text: String) -> String {
        text.count >= 35 ? text : text + String(repeating: " ", count: 35 - text.count)
    }

    /// A file path as a VREF/NAME regular expression matching exactly it.
    private static func pattern(_ path: String) -> String {
        escaped(path[...]) + "$"
    }

    /// One VREF/NAME expression for a directory (`lenses/x/`, everything below it) and a file
    /// (`lenses/x.json`, exactly it) that share a beginning: `lenses/x(/|\.json$)`.
    private static func alternatives(_ directory: String, _ file: String) -> String {
        let common = zip(directory, file).prefix { $0 == $1 }.count
        return escaped(directory.prefix(common)) + "(" + escaped(directory.dropFirst(common)) + "|" + escaped(file.dropFirst(common)) + "$)"
    }

    /// `.` as `\.`, the one regular-expression character layout paths hold.
    private static func escaped(_ text: Substring) -> String {
        text.replacingOccurrences(of: ".", with: "\\.")
    }

    private func gitolitePrincipal(_ principal: String) -> String {
        Share.isGroupPrincipal(principal) ? "@welltree-\(gitoliteName(Share.groupName(principal)))" : principal
    }

    private func gitoliteName(_ group: String) -> String {
        String(group.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" })
    }
}
