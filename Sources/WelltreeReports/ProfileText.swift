import WelltreeCore

/// Profiles for people: the template's questions and choices, one profile with its selections,
/// the list of profiles and the notifications. Everything from the repository is escaped for the
/// terminal (`TerminalText`, `TextTable`, `keyValueLines`).
package enum ProfileText {
    /// The template: each question with its selection bounds, each choice with its id (what
    /// `--answer` takes). `selected`, when given, marks a profile's choices.
    package static func questions(_ template: ProfileTemplate, selected: ProfileAnswers? = nil) -> String {
        var out = ""
        for question in template.questions {
            let bounds = TextRules.countPhrase(question.selectionRange, noun: "choice")
            out += "\n\(TerminalText.line(question.id))  (select \(bounds)\(question.fromAWS ? "; the AWS tool's question" : ""))\n"
            out += "  \(TerminalText.line(question.title))\n"
            let width = question.choices.map { displayWidth(TerminalText.line($0.id)) }.max() ?? 0
            for choice in question.choices {
                let id = TerminalText.line(choice.id)
                let mark = selected.map { $0[question.id].contains(choice.id) ? "[x] " : "[ ] " } ?? ""
                out += "    \(mark)\(id)\(String(repeating: " ", count: width - displayWidth(id)))  \(TerminalText.line(choice.title))\n"
            }
        }
        return out
    }

    /// `profile template`.
    package static func template(_ template: ProfileTemplate) -> String {
        var out = "Profile template: \(TerminalText.line(template.name))\n"
        if let about = template.about { out += TerminalText.block(about) + "\n" }
        return out + questions(template)
    }

    /// `profile show`: the record, the version shown and its selections.
    package static func profile(
        _ profile: Profile, version: String, answers: ProfileAnswers, template: ProfileTemplate, workloads: [String]
    ) -> String {
        var pairs: [(String, String)] = [
            ("Name", profile.name), ("Id", profile.id), ("Description", profile.description), ("Owner", profile.owner),
            ("Version", version + (profile.latestVersion == version ? " (latest)" : " (latest: \(profile.latestVersion ?? "none"))")),
            ("Versions", profile.versions.map { "\($0.version) \($0.createdAt)" }.joined(separator: "\n")),
            ("Created", profile.createdAt), ("Updated", profile.updatedAt),
        ]
        if let deletedAt = profile.deletedAt { pairs.append(("Deleted", deletedAt)) }
        pairs.append(("Workloads", workloads.isEmpty ? "none" : workloads.joined(separator: "\n")))
        return keyValueLines(pairs) + questions(template, selected: answers)
    }

    /// `profile list`.
    package static func list(_ profiles: [Profile]) -> String {
        guard !profiles.isEmpty else { return "No profiles yet: `welltree profile create` makes one.\n" }
        var table = TextTable(["NAME", "VERSION", "OWNER", "UPDATED", "ID"])
        for profile in profiles {
            let version = (profile.latestVersion ?? "-") + (profile.deletedAt == nil ? "" : " (deleted)")
            table.add([profile.name, version, profile.owner, profile.updatedAt, profile.id])
        }
        return table.render()
    }

    /// The profile part of `welltree notifications`.
    package static func notifications(_ notifications: [ProfileNotification]) -> String {
        guard !notifications.isEmpty else { return "Every workload with a profile uses its latest version.\n" }
        var table = TextTable(["WORKLOAD", "PROFILE", "NOTIFICATION TYPE", "VERSION IN USE", "LATEST VERSION"])
        for n in notifications {
            table.add([
                n.workloadName, n.profileName ?? n.profileId,
                n.type == .deleted ? "Profile deleted" : "Profile answers updated", n.currentVersion, n.latestVersion ?? "None",
            ])
        }
        return table.render()
    }
}
