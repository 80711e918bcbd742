import Foundation
import Git

/// Signs tag payloads the way `git tag -s` does, with the user's own tools and keys.
///
/// Signing happens before anything is written, so a failure (no key, wrong passphrase, tool
/// missing) leaves no tag behind.
package struct TagSigner {
    package var configuration: SigningConfiguration

    package init(configuration: SigningConfiguration) {
        self.configuration = configuration
    }

    /// The armored signature of `payload`, ending in a newline, ready to be appended to it.
    /// `tagger` is the `Name <email>` OpenPGP signs as when no `user.signingkey` is set.
    package func sign(_ payload: [UInt8], tagger: String) throws(WorkspaceError) -> String {
        switch configuration.format {
        case .ssh: return try signSSH(payload)
        case .openpgp, .x509: return try signGPG(payload, tagger: tagger)
        }
    }

    /// `gpg --status-fd=2 -bsau KEY`: success needs exit 0 and a SIG_CREATED status line.
    private func signGPG(_ payload: [UInt8], tagger: String) throws(WorkspaceError) -> String {
        let program = configuration.program(for: configuration.format)
        let key = configuration.signingKey ?? tagger
        let result = try Subprocess.run(program, ["--status-fd=2", "-bsau", key], input: payload)
        guard result.status == 0, result.stderr.contains("[GNUPG:] SIG_CREATED "), result.stdout.contains("-----BEGIN ") else {
            throw .refused(
                "signing the milestone tag with \(program) failed (key \(key)); no tag was created:\n\(Self.diagnostics(result.stderr))",
                code: .signing, subject: key)
        }
        return Self.terminated(result.stdout)
    }

    /// `ssh-keygen -Y sign -n git -f KEY FILE`, reading FILE.sig; a literal key (`key::ssh-...`)
    /// is written to a file and used through the agent (`-U`), as git does.
    private func signSSH(_ payload: [UInt8]) throws(WorkspaceError) -> String {
        let program = configuration.sshProgram
        let scratch = try ScratchDirectory()
        var key: String
        if let configured = configuration.signingKey { key = configured } else { key = try defaultKey() }
        var arguments = ["-Y", "sign", "-n", "git"]
        if key.hasPrefix("key::") || key.hasPrefix("ssh-") {
            if key.hasPrefix("key::") { key = String(key.dropFirst(5)) }
            let keyFile = try scratch.write("key.pub", Array((key + "\n").utf8))
            arguments += ["-f", keyFile, "-U"]
        } else {
            arguments += ["-f", Self.expandingHome(key)]
        }
        let file = try scratch.write("payload", payload)
        let result = try Subprocess.run(program, arguments + [file])
        guard result.status == 0, let signature = scratch.read("payload.sig"), !signature.isEmpty else {
            var message = "signing the milestone tag with \(program) failed (key \(key)); no tag was created:\n\(Self.diagnostics(result.stderr))"
            if result.stderr.contains("incorrect passphrase") { message += "\nhint: is the key's passphrase correct, or is ssh-agent running?" }
            throw .refused(message, code: .signing, subject: key)
        }
        return Self.terminated(String(decoding: signature, as: UTF8.self))
    }

    /// `gpg.ssh.defaultKeyCommand`'s first line starting `ssh-`, as git takes it.
    private func defaultKey() throws(WorkspaceError) -> String {
        guard let command = configuration.sshDefaultKeyCommand else {
            throw .refused(
                "gpg.format is ssh but user.signingkey is not set (git config user.signingkey ~/.ssh/id_ed25519.pub); no tag was created",
                code: .signing, subject: "user.signingkey")
        }
        let result = try Subprocess.run("/bin/sh", ["-c", command])
        guard result.status == 0, let line = result.stdout.split(separator: "\n").first(where: { $0.hasPrefix("ssh-") }) else {
            throw .refused(
                "gpg.ssh.defaultKeyCommand printed no key (\(command)); no tag was created",
                code: .signing, subject: "gpg.ssh.defaultKeyCommand")
        }
        return "key::" + line
    }

    static func expandingHome(_ path: String) -> String {
        guard path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] else { return path }
        return home + String(path.dropFirst(1))
    }

    static func terminated(_ text: String) -> String {
        text.hasSuffix("\n") ? text : text + "\n"
    }

    /// A tool's stderr without gpg's machine-readable status lines, indented for the error.
    static func diagnostics(_ stderr: String) -> String {
        let lines = stderr.split(separator: "\n").filter { !$0.hasPrefix("[GNUPG:]") }
        return lines.isEmpty ? "  (no output)" : lines.map { "  " + $0 }.joined(separator: "\n")
    }
}
