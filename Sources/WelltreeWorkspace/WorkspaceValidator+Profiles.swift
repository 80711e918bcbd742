import Git
import WelltreeCore

extension WorkspaceValidator {
    /// The profile files: `profile-template.json` (its rules), `profile-prioritization.json`
    /// (choices of the template, questions of each lens's current version; a warning for every
    /// question no choice reaches), and each `profiles/<dir>/` (the record, one version file per
    /// listed version and no other, the latest version's answers valid against the template).
    ///
    /// With `paths`, only what they touch: a changed template re-checks every profile's latest
    /// version too, since a template may not drop what a profile still selects.
    mutating func validateProfiles(in paths: Set<String>?) throws(WorkspaceError) {
        let templateChanged = paths?.contains(Layout.profileTemplate) ?? true
        let mappingChanged = paths?.contains(Layout.profilePrioritization) ?? true
        var directories: Set<String>?
        if let paths {
            directories = Set(paths.compactMap { Layout.profileDirectory(ofPath: $0) })
            for path in paths where path.hasPrefix(Layout.profiles + "/") && Layout.profileDirectory(ofPath: path) == nil {
                problems.append(FileProblem(path: path, message: "unexpected file; profiles live in directories profiles/<dir>/"))
            }
            if templateChanged { directories = nil }
        }
        guard templateChanged || mappingChanged || directories.map({ !$0.isEmpty }) ?? true else { return }

        var template: ProfileTemplate?
        if let entry = try workspace.entry(Layout.profileTemplate) {
            if let (decoded, bytes) = try decode(ProfileTemplate.self, entry: entry, path: Layout.profileTemplate) {
                let violations = decoded.violations()
                if templateChanged { report(violations, path: Layout.profileTemplate, bytes: bytes) }
                if violations.isEmpty { template = decoded }
            }
        }
        if mappingChanged || templateChanged, let entry = try workspace.entry(Layout.profilePrioritization) {
            if let (mapping, bytes) = try decode(ProfilePrioritization.self, entry: entry, path: Layout.profilePrioritization),
                let template
            {
                var lenses: [String: Lens] = [:]
                for alias in mapping.lenses.keys { lenses[alias] = try? workspace.loadLens(alias).lens }
                report(mapping.violations(template: template, lenses: lenses), path: Layout.profilePrioritization, bytes: bytes)
                for alias in mapping.lenses.keys.sorted() {
                    guard let lens = lenses[alias] else { continue }
                    let unreachable = mapping.unreachableQuestions(lensAlias: alias, lens: lens)
                    if !unreachable.isEmpty {
                        warnings.append(
                            FileProblem(
                                path: Layout.profilePrioritization,
                                message: "lenses[\"\(alias)\"]: no profile choice prioritizes \(unreachable.count) question(s) of lens "
                                    + "\(alias), so no profile can bring them forward: \(unreachable.joined(separator: ", "))"))
                    }
                }
            } else if template == nil, mappingChanged {
                problems.append(
                    FileProblem(
                        path: Layout.profilePrioritization,
                        message: "cannot be checked without a valid \(Layout.profileTemplate); a prioritization needs its choices"))
            }
        }

        var records: [(directory: String, profile: Profile)] = []
        for entry in try workspace.directory(Layout.profiles) {
            let path = Layout.profileDirectory(entry.name)
            guard entry.kind == .tree else {
                if directories == nil {
                    problems.append(FileProblem(path: path, message: "unexpected \(Self.kindName(entry.kind)); profiles live in directories profiles/<dir>/"))
                }
                continue
            }
            let checked = directories?.contains(entry.name) ?? true
            guard let profile = try validateProfile(entry, template: template, checked: checked) else { continue }
            records.append((entry.name, profile))
        }
        // Ids are unique, and names among the profiles that are not deleted.
        // A clash is reported at every checked directory holding the id, whichever sorts first:
        // a changed profile that takes an existing profile's id is named, not the victim.
        let holders = Dictionary(grouping: records.map { (id: $0.1.id, path: Layout.profileFile($0.0)) }, by: \.id)
        var names: [String: String] = [:]
        for (directory, profile) in records {
            let path = Layout.profileFile(directory)
            let checked = directories?.contains(directory) ?? true
            let others = (holders[profile.id] ?? []).map(\.path).filter { $0 != path }
            if checked, !others.isEmpty {
                problems.append(FileProblem(path: path, message: "id \(profile.id) is also used by \(others.joined(separator: ", ")); a profile's id is unique"))
            }
            guard profile.deletedAt == nil else { continue }
            let name = Workload.normalizedName(profile.name)
            if let other = names[name] {
                if checked {
                    problems.append(
                        FileProblem(
                            path: path,
                            message: "name \"\(Violation.visible(profile.name))\" (spaces and case ignored) is already used by \(other)"))
                }
            } else {
                names[name] = path
            }
        }
    }

    /// One profile directory; returns its record when it could be read.
    private mutating func validateProfile(_ directory: TreeEntry, template: ProfileTemplate?, checked: Bool) throws(WorkspaceError) -> Profile? {
        let base = Layout.profileDirectory(directory.name)
        let entries = try git { () throws(GitError) in try workspace.repository.treeEntries(directory.id) }
        if let problem = Self.badName(directory.name), checked { problems.append(FileProblem(path: base, message: problem)) }
        guard let file = entries.first(where: { $0.name == Profile.fileName }) else {
            if checked { problems.append(FileProblem(path: base, message: "the profile directory has no \(Profile.fileName)")) }
            return nil
        }
        let path = Layout.profileFile(directory.name)
        guard checked else {
            return try? workspace.decode(Profile.self, from: try workspace.read(file, path: path), path: path)
        }
        guard let (profile, bytes) = try decode(Profile.self, entry: file, path: path) else { return nil }
        report(profile.violations(), path: path, bytes: bytes)
        var versionFiles: [String: TreeEntry] = [:]
        for entry in entries where entry.name != Profile.fileName {
            guard entry.name == Layout.profileVersionsDirectoryName, entry.kind == .tree else {
                problems.append(
                    FileProblem(
                        path: base + "/" + entry.name,
                        message: "unexpected \(Self.kindName(entry.kind)); a profile directory holds \(Profile.fileName) and versions/"))
                continue
            }
            for file in try git({ () throws(GitError) in try workspace.repository.treeEntries(entry.id) }) {
                let version = Layout.version(ofLensVersionFileName: file.name)
                guard file.name.hasSuffix(Layout.jsonExtension), profile.hasVersion(version) else {
                    problems.append(
                        FileProblem(
                            path: Layout.profileVersionsDirectory(directory.name) + "/" + file.name,
                            message: "not a version the profile lists (\(profile.versions.map(\.version).joined(separator: ", ")))"))
                    continue
                }
                versionFiles[version] = file
            }
        }
        for record in profile.versions where ProfileVersion.isValid(record.version) {
            let versionPath = Layout.profileVersion(directory.name, record.version)
            guard let file = versionFiles[record.version] else {
                problems.append(FileProblem(path: path, message: "version \(record.version) has no file \(versionPath)"))
                continue
            }
            guard let (version, versionBytes) = try decode(ProfileVersion.self, entry: file, path: versionPath) else { continue }
            // Older versions keep what they selected when the template changes; the latest must
            // stay answerable, so the template cannot drop what a profile still selects.
            if record.version == profile.latestVersion, let template {
                report(version.answers.violations(against: template, style: .document), path: versionPath, bytes: versionBytes)
            }
        }
        return profile
    }

    /// Why a workload's `profile` names nothing it may: a profile that does not exist, or a
    /// version it never published. Nil when it is fine.
    mutating func profileReferenceProblem(_ reference: ProfileReference) throws(WorkspaceError) -> String? {
        if profileIndex == nil {
            var index: [String: Profile] = [:]
            for entry in try workspace.directory(Layout.profiles) where entry.kind == .tree {
                let path = Layout.profileFile(entry.name)
                guard let file = try workspace.entry(path),
                    let profile = try? workspace.decode(Profile.self, from: try workspace.read(file, path: path), path: path)
                else { continue }
                if index[profile.id] == nil { index[profile.id] = profile }
            }
            profileIndex = index
        }
        guard let profile = profileIndex?[reference.id] else {
            return "no profile of this workspace has id \(reference.id)"
        }
        guard profile.hasVersion(reference.version) else {
            return "profile \"\(Violation.visible(profile.name))\" has no version \(Violation.visible(reference.version)) "
                + "(its versions: \(profile.versions.map(\.version).joined(separator: ", ")))"
        }
        return nil
    }

    /// Records `violations` of the file at `path`, each at the member its field names.
    private mutating func report(_ violations: [Violation], path: String, bytes: [UInt8]) {
        guard !violations.isEmpty else { return }
        let root = try? JSONParser.parse(bytes)
        for violation in violations {
            let key = String(violation.field.prefix { $0 != "[" && $0 != "." })
            let position = root?[key].map { SourcePosition(offset: $0.offset, in: bytes) }
            problems.append(FileProblem(path: path, position: position, message: violation.description))
        }
    }
}
