import Foundation
import Git

/// Configures one clone for Welltree: the `diff=welltree` textconv, the `merge=welltree`
/// driver and the client hooks shipped in `hooks/`.
///
/// Drivers live in `.git/config`, not in the repository (git never runs commands a clone did
/// not ask for), so every clone installs them once. They name the absolute path of the
/// running binary, so they work without `welltree` on PATH.
package struct ClientHooks {
    /// The client-side hooks installed, by file name.
    package static let hookNames = ["pre-commit"]
    /// Marks a hook file as Welltree's, so installing again may replace it.
    package static let marker = "welltree"

    package let program: String
    package let hooksSource: String

    package init(program: String, hooksSource: String) {
        self.program = program
        self.hooksSource = hooksSource
    }

    /// The running binary's real path and the hooks directory shipped with it, or where it
    /// looked.
    ///
    /// Hooks are found like the workspace template, only through the installation
    /// (`Installation`): `$WELLTREE_HOOKS`, `<prefix>/share/welltree/hooks` beside an installed
    /// binary, or the source tree of a development build; never in the repository being
    /// configured.
    package static func locate(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(WorkspaceError) -> ClientHooks {
        let hooks = try Installation.shippedDirectory("hooks", marker: hookNames[0], variable: "WELLTREE_HOOKS", environment: environment)
        guard let program = Installation.executable else {
            throw .io(path: "welltree", message: "cannot tell where welltree is installed (no /proc/self/exe)")
        }
        return ClientHooks(program: program, hooksSource: hooks)
    }

    /// What `install` did, for the command to report.
    package struct Report: Sendable {
        package var config: [(key: String, value: String)] = []
        package var hooks: [String] = []
    }

    /// Writes the driver configuration and copies the hooks. An existing hook that is not
    /// Welltree's is kept unless `force` is set.
    package func install(in repository: Repository, force: Bool) throws(WorkspaceError) -> Report {
        var report = Report()
        let quoted = Self.shellQuoted(program)
        let config = [
            ("diff.welltree.textconv", "\(quoted) textconv"),
            ("merge.welltree.name", "Welltree: merge workspace files property by property"),
            ("merge.welltree.driver", "\(quoted) merge-driver %O %A %B %L %P"),
            ("welltree.program", program),
        ]
        var hooksDirectory = repository.commonDirectory + "hooks"
        if let custom = try? repository.configString("core.hooksPath"), !custom.isEmpty {
            hooksDirectory = custom.hasPrefix("/") ? custom : (repository.workdir ?? repository.commonDirectory) + custom
        }
        var copies: [(String, Data)] = []
        for name in Self.hookNames {
            let data = Data(try ShippedFiles.file(name, in: hooksSource))
            let target = hooksDirectory + "/" + name
            if let existing = FileManager.default.contents(atPath: target), existing != data, !force,
                !String(decoding: existing, as: UTF8.self).contains("Welltree")
            {
                throw .refused(
                    "\(target) exists and is not Welltree's; merge it by hand or run again with --force to replace it",
                    code: .foreignFile, subject: target)
            }
            copies.append((target, data))
        }
        for (key, value) in config {
            try git { () throws(GitError) in try repository.setConfigString(key, value) }
            report.config.append((key, value))
        }
        do {
            try FileManager.default.createDirectory(atPath: hooksDirectory, withIntermediateDirectories: true)
            for (target, data) in copies {
                try data.write(to: URL(fileURLWithPath: target))
                try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: target)
                report.hooks.append(target)
            }
        } catch {
            throw .io(path: hooksDirectory, message: error.localizedDescription)
        }
        return report
    }

    /// `'path'` with embedded single quotes escaped, for the commands git runs through the shell.
    package static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
