import Foundation
import Git
import WelltreeCore

/// Installs the server-side hook into a bare repository on the git server.
///
/// The hook is a two-line shell script that execs this same `welltree` binary (by absolute
/// path, so the server's PATH does not matter and hook and binary cannot drift apart): all the
/// logic is in `welltree hook pre-receive`. Installing also names the first administrators on
/// the shares ref, written directly on the server (nobody could push them: pushing access.json
/// needs an administrator), and sets `receive.certNonceSeed` so signed pushes can identify
/// pushers.
package struct ServerHookInstaller {
    /// What an installation did.
    package struct Outcome: Sendable, Equatable {
        package var hookPath: String
        package var administrators: [String]
        package var replacedHook: Bool
    }

    /// The marker that identifies a hook written by Welltree, so reinstalling may replace it.
    static let marker = "# welltree server hook"

    /// The hook script for `binary`.
    package static func script(binary: String) -> String {
        """
        #!/bin/sh
        \(marker): judges every pushed reference against the shares on refs/welltree/shares.
        # Installed by `welltree hooks install --server`; see docs/shares.md.
        exec '\(binary.replacingOccurrences(of: "'", with: "'\\''"))' hook pre-receive

        """
    }

    /// Installs `hooks/pre-receive` into the bare repository at `path`, and adds
    /// `administrators` to the shares ref's access file. An existing pre-receive hook not
    /// written by Welltree is left alone unless `force` is set.
    package static func install(at path: String, binary: String, administrators: [String], force: Bool) throws(WorkspaceError) -> Outcome {
        let repository: Repository
        do {
            repository = try Repository.open(at: path)
        } catch {
            if error.isNotFound { throw .notARepository(path) }
            throw .git(error)
        }
        guard repository.isBare else {
            throw .refused("\(path) has a work tree; the server hook goes into the bare repository clients push to")
        }
        var validator = Validator()
        for principal in administrators { ShareFile.checkPrincipal(principal, into: &validator) }
        do { try validator.check() } catch { throw .invalid(error) }

        let hooks = repository.gitDirectory + "hooks"
        let hook = hooks + "/pre-receive"
        let files = FileManager.default
        var replaced = false
        if let existing = files.contents(atPath: hook) {
            if !String(decoding: existing, as: UTF8.self).contains(marker), !force {
                throw .refused("\(hook) exists and was not written by welltree; chain it yourself or pass --force to replace it")
            }
            replaced = true
        }
        do {
            try files.createDirectory(atPath: hooks, withIntermediateDirectories: true)
            try Data(script(binary: binary).utf8).write(to: URL(fileURLWithPath: hook), options: .atomic)
            try files.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook)
        } catch {
            throw .io(path: hook, message: error.localizedDescription)
        }
        do {
            if try repository.configString("receive.certNonceSeed") == nil {
                try repository.setConfigString("receive.certNonceSeed", Share.newID())
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
        try store.write(
            changes, message: "Administrators: \(policy.administrators.joined(separator: ", "))", as: administrators.first ?? "welltree")
        return Outcome(hookPath: hook, administrators: policy.administrators, replacedHook: replaced)
    }
}
