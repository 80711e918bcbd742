import Foundation
import Git
import WelltreeCore

/// Installs the server-side hooks into a bare repository on the git server.
///
/// Each hook is a two-line shell script that execs this same `welltree` binary (by absolute
/// path, so the server's PATH does not matter and hook and binary cannot drift apart): all the
/// logic is in `welltree hook pre-receive` (judging a push) and `welltree hook post-receive`
/// (recording it on the audit record). Installing also names the first administrators on the
/// shares ref, written directly on the server (nobody could push them: pushing access.json
/// needs an administrator), and configures git's receiving side (`serverConfiguration`).
package struct ServerHookInstaller {
    /// What an installation did.
    package struct Outcome: Sendable, Equatable {
        package var hookPaths: [String]
        package var administrators: [String]
        package var replacedHooks: [String]
        /// Configuration values set, `key=value`.
        package var configured: [String]
        /// The branch the server's HEAD names: the review branch the hook protects as the
        /// default branch.
        package var defaultBranch: String
        /// Whether this installation pointed HEAD at it.
        package var movedHead: Bool

        /// The review branch's name, without `refs/heads/`.
        package var branchName: String { defaultBranch.replacingOccurrences(of: Repository.branchPrefix, with: "") }
    }

    /// The review branch when nobody names one: the branch `welltree init` creates.
    package static let defaultBranch = Repository.branchPrefix + "main"

    /// The marker that identifies a hook written by Welltree, so reinstalling may replace it.
    static let marker = "# welltree server hook"

    /// The hooks installed and what each runs.
    static let hooks = [
        ("pre-receive", "judges every pushed reference against the shares on refs/welltree/shares."),
        ("post-receive", "records every accepted push on refs/welltree/audit."),
    ]

    /// The receiving side's configuration, always set: git checks every pushed object
    /// (`receive.fsckObjects`), with the tree-name findings it only warns about by default made
    /// errors (an entry named `.git`, `..`, `.` or holding a `/` or nothing); push options are
    /// advertised, so an administrator can give `welltree.override=REASON`.
    static let serverConfiguration = [
        ("receive.fsckObjects", "true"), ("receive.fsck.hasDot", "error"), ("receive.fsck.hasDotdot", "error"),
        ("receive.fsck.hasDotgit", "error"), ("receive.fsck.fullPathname", "error"), ("receive.fsck.emptyName", "error"),
        ("receive.advertisePushOptions", "true"),
    ]

    /// Seconds a signed push's nonce stays good: over smart HTTP the nonce is issued by one
    /// request and checked by the next, so an exact match would refuse most honest pushes;
    /// a replayed certificate older than this is refused (`Pusher.identify`).
    static let certNonceSlop = "30"

    /// The hook script `name` for `binary`.
    package static func script(_ name: String, binary: String) -> String {
        let purpose = hooks.first { $0.0 == name }?.1 ?? ""
        return """
            #!/bin/sh
            \(marker): \(purpose)
            # Installed by `welltree hooks install --server`; see docs/shares.md.
            exec '\(binary.replacingOccurrences(of: "'", with: "'\\''"))' hook \(name)

            """
    }

    /// Installs `hooks/pre-receive` and `hooks/post-receive` into the bare repository at
    /// `path`, configures it and adds `administrators` to the shares ref's access file. An
    /// existing hook not written by Welltree is left alone unless `force` is set; nothing is
    /// written when one is in the way.
    ///
    /// The hook protects the branch the server's HEAD names as the default branch (it only moves
    /// forward; owners and ids are read from it). `branch` names it and points HEAD there; without
    /// it, a HEAD naming an existing branch (or set by an earlier installation) is kept, and an
    /// empty repository's HEAD is pointed at `main`, the branch `welltree init` creates (`git init --bare` names `master` or whatever
    /// `init.defaultBranch` says, and a pushed `main` would then be an ordinary branch).
    package static func install(
        at path: String, binary: String, administrators: [String], branch: String? = nil, force: Bool
    ) throws(WorkspaceError) -> Outcome {
        let repository: Repository
        do {
            repository = try Repository.open(at: path)
        } catch {
            if error.isNotFound { throw .notARepository(path) }
            throw .git(error)
        }
        guard repository.isBare else {
            throw .refused("\(path) has a work tree; the server hook goes into the bare repository clients push to", subject: path)
        }
        var validator = Validator()
        for principal in administrators { ShareFile.checkPrincipal(principal, into: &validator) }
        do { try validator.check() } catch { throw .invalid(error) }
        let requested = branch.map { $0.hasPrefix("refs/") ? $0 : Repository.branchPrefix + $0 }
        let head: Repository.Head
        do { head = try repository.head() } catch { throw .git(error) }
        let target: String
        switch head {
        case .branch(let name, let commit):
            // An empty repository's HEAD is git's choice, unless an earlier installation made it.
            let installedBefore = hooks.contains { hook in
                FileManager.default.contents(atPath: repository.gitDirectory + "hooks/" + hook.0)
                    .map { String(decoding: $0, as: UTF8.self).contains(marker) } ?? false
            }
            target = requested ?? (commit == nil && !installedBefore ? defaultBranch : name)
        case .detached: target = requested ?? defaultBranch
        }
        var movedHead = false
        if case .branch(target, _) = head {} else {
            do { try repository.attachHead(to: target) } catch { throw .git(error) }
            movedHead = true
        }

        let directory = repository.gitDirectory + "hooks"
        let files = FileManager.default
        var replaced: [String] = []
        for (name, _) in hooks {
            let hook = directory + "/" + name
            guard let existing = files.contents(atPath: hook) else { continue }
            if !String(decoding: existing, as: UTF8.self).contains(marker), !force {
                throw .refused(
                    "\(hook) exists and was not written by welltree; chain it yourself or pass --force to replace it",
                    code: .foreignFile, subject: hook)
            }
            replaced.append(hook)
        }
        var written: [String] = []
        for (name, _) in hooks {
            let hook = directory + "/" + name
            do {
                try files.createDirectory(atPath: directory, withIntermediateDirectories: true)
                try Data(script(name, binary: binary).utf8).write(to: URL(fileURLWithPath: hook), options: .atomic)
                try files.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook)
            } catch {
                throw .io(path: hook, message: error.localizedDescription)
            }
            written.append(hook)
        }
        var configured: [String] = []
        do {
            if try repository.configString("receive.certNonceSeed") == nil {
                try repository.setConfigString("receive.certNonceSeed", Share.newID())
                configured.append("receive.certNonceSeed=(a new random seed)")
            }
            if try repository.configString("receive.certNonceSlop") == nil {
                try repository.setConfigString("receive.certNonceSlop", certNonceSlop)
                configured.append("receive.certNonceSlop=\(certNonceSlop)")
            }
            for (key, value) in serverConfiguration {
                try repository.setConfigString(key, value)
                configured.append("\(key)=\(value)")
            }
        } catch {
            throw .git(error)
        }
        var store = try ShareStore(repository: repository)
        var policy = try store.access()
        for principal in administrators where !policy.administrators.contains(principal) {
            policy.administrators.append(principal)
        }
        var changes = ChangeSet()
        try changes.write(ShareStore.accessFile, json: policy)
        let before = store.commit
        let now = Int64(Date.now.timeIntervalSince1970)
        if try store.write(
            changes, message: "Administrators: \(policy.administrators.joined(separator: ", "))", as: administrators.first ?? "welltree"),
            let after = store.commit
        {
            // The record starts with what the installation itself wrote, so it accounts for
            // every value of the shares ref.
            var audit = try AuditStore(repository: repository)
            try audit.append(
                AuditEntry(
                    pushedAt: ISOTime.string(now), pusher: "welltree hooks install --server", identifiedBy: "the server's console",
                    updates: [AuditUpdate(reference: ShareStore.reference, old: before?.hex, new: after.hex)]),
                at: now)
        }
        return Outcome(
            hookPaths: written, administrators: policy.administrators, replacedHooks: replaced, configured: configured,
            defaultBranch: target, movedHead: movedHead)
    }
}
