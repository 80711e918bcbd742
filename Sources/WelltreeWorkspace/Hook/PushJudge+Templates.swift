import Git
import WelltreeCore

/// The server's rules for review templates: `templates/<dir>/**` is changed by the template's
/// owner (as the server's default branch records it) or an administrator; a new template
/// records its creator as owner. A workload's `template` is set only when the workload is
/// created, to a template of the server's default branch (or one the same push creates) that
/// is not deleted and that the pusher may apply. By anyone, administrators included: a
/// template's version rises whenever its answers, notes or lenses change, and never goes down.
extension PushJudge {
    func judgeTemplate(
        _ directory: String, paths: [String], before: Workspace?, after: Workspace, update: PushUpdate
    ) throws(WorkspaceError) -> [PushRefusal] {
        var refusals: [PushRefusal] = []
        // Judged against where the branch was, or for a new branch the server's default branch.
        if let earlier = before ?? server,
            let problem = try after.templateVersionProblem(directory, since: earlier, label: before == nil ? "the server's default branch" : "the branch's previous commit")
        {
            refusals.append(refusal(update, subject: "template \(Layout.templateDirectory(directory))", file: Layout.templateFile(directory), rule: problem))
        }
        return refusals + (try judgeTemplateOwner(directory, paths: paths, before: before, after: after, update: update))
    }

    /// Who may change the template's files: its owner (as the server or where the branch
    /// started knows it) or an administrator; a new template names its pusher as owner, and
    /// its id is its own.
    private func judgeTemplateOwner(
        _ directory: String, paths: [String], before: Workspace?, after: Workspace, update: PushUpdate
    ) throws(WorkspaceError) -> [PushRefusal] {
        if policy.isAdministrator(pusher) { return [] }
        for snapshot in [server, before].compactMap({ $0 }) {
            guard let entry = try snapshot.entry(Layout.templateDirectory(directory)), entry.kind == .tree else { continue }
            if try storedTemplate(directory, in: snapshot) == nil {
                return paths.map {
                    refusal(
                        update, subject: "template \(Layout.templateDirectory(directory))", file: $0,
                        rule: "the server cannot read \(Layout.templateFile(directory)), so it cannot tell who owns the template; only administrators (\(administratorList)) repair or remove it")
                }
            }
            break
        }
        var known = try storedTemplate(directory, in: server)
        if known == nil { known = try storedTemplate(directory, in: before) }
        // A template's id is its identity (workloads and share files name it): it never
        // changes, and a new template never takes an id another directory holds.
        if let pushed = try storedTemplate(directory, in: after) {
            if let known, pushed.id != known.id {
                return [
                    refusal(
                        update, subject: "template \"\(known.name)\" (owner \(known.owner))", file: Layout.templateFile(directory),
                        rule: "a template's id never changes (it was \(known.id))")
                ]
            }
            for snapshot in [server, before, after].compactMap({ $0 }) {
                for entry in try snapshot.directory(Layout.templates) where entry.kind == .tree && entry.name != directory {
                    guard let other = try storedTemplate(entry.name, in: snapshot), other.id == pushed.id else { continue }
                    return [
                        refusal(
                            update, subject: "template \"\(pushed.name)\"", file: Layout.templateFile(directory),
                            rule: "id \(pushed.id) is already used by \(Layout.templateFile(entry.name)); a template's id is unique")
                    ]
                }
            }
        }
        if let known {
            if known.owner == pusher { return [] }
            return paths.map {
                refusal(
                    update, subject: "template \"\(known.name)\" (owner \(known.owner))", file: $0,
                    rule: "only the template's owner \(known.owner) or an administrator changes it")
            }
        }
        guard let created = try storedTemplate(directory, in: after) else {
            return paths.map {
                refusal(
                    update, subject: "template \(Layout.templateDirectory(directory))", file: $0,
                    rule: "a template directory needs \(Layout.templateFile(directory)) naming its owner")
            }
        }
        if created.owner == pusher { return [] }
        return [
            refusal(
                update, subject: "new template \"\(created.name)\"", file: Layout.templateFile(directory),
                rule: "a new template must record its creator as owner; it names \(created.owner), the pusher is \(pusher)")
        ]
    }

    /// Why the `template` of a workload may not be what the push makes it. `old` is the
    /// workload as the server knew it (nil for a new one).
    func templateReferenceProblems(
        _ pushed: Workload, old: Workload?, file: String, after: Workspace, update: PushUpdate
    ) throws(WorkspaceError) -> [PushRefusal] {
        guard pushed.template != old?.template, !policy.isAdministrator(pusher) else { return [] }
        guard old == nil, let reference = pushed.template else {
            return [
                refusal(
                    update, subject: describe(pushed), file: file,
                    rule: "a workload's template is recorded when the workload is created and never changes")
            ]
        }
        var template = try templateById(reference.id, in: server)
        if template == nil, let created = try templateById(reference.id, in: after), created.owner == pusher {
            template = created  // created by the same push, by the pusher (judged by judgeTemplate)
        }
        guard let template else {
            return [
                refusal(
                    update, subject: describe(pushed), file: file,
                    rule: "template \(reference.id) is no template of the server's default branch")
            ]
        }
        if template.deletedAt != nil {
            return [
                refusal(
                    update, subject: describe(pushed), file: file,
                    rule: "template \"\(template.name)\" was deleted and can no longer be applied to new workloads")
            ]
        }
        if template.owner == pusher { return [] }
        let shared = try shares.file(.template(id: template.id)).shares.contains {
            $0.status(at: now) == .accepted && policy.reaches($0.principal, pusher)
        }
        if shared { return [] }
        return [
            refusal(
                update, subject: describe(pushed), file: file,
                rule:
                    "template \"\(template.name)\" is owned by \(template.owner) and not shared with \(pusher); its owner and accepted shares apply it")
        ]
    }

    private func storedTemplate(_ directory: String, in workspace: Workspace?) throws(WorkspaceError) -> ReviewTemplate? {
        guard let workspace, let entry = try workspace.entry(Layout.templateDirectory(directory)), entry.kind == .tree else { return nil }
        do {
            return try workspace.loadTemplate(TreeEntry(name: directory, id: entry.id, kind: .tree)).template
        } catch {
            if case .git = error { throw error }
            return nil
        }
    }

    func templateById(_ id: String, in workspace: Workspace?) throws(WorkspaceError) -> ReviewTemplate? {
        guard let workspace else { return nil }
        for entry in try workspace.directory(Layout.templates) where entry.kind == .tree {
            if let template = try storedTemplate(entry.name, in: workspace), template.id == id { return template }
        }
        return nil
    }
}
