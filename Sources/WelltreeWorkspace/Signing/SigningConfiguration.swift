import Foundation
import Git

/// The signing settings `git tag -s` and `git tag -v` read, taken from the same configuration
/// files through libgit2 so a milestone is signed and verified exactly as the user's own tags.
///
/// | key | meaning |
/// |-----|---------|
/// | `gpg.format` | `openpgp` (default), `ssh` or `x509` |
/// | `user.signingkey` | the key; for OpenPGP the default is the tagger's `Name <email>` |
/// | `gpg.program`, `gpg.openpgp.program` | the OpenPGP tool (`gpg`) |
/// | `gpg.x509.program` | the X.509 tool (`gpgsm`) |
/// | `gpg.ssh.program` | the SSH tool (`ssh-keygen`) |
/// | `gpg.ssh.defaultKeyCommand` | prints a key when `user.signingkey` is unset (ssh) |
/// | `gpg.ssh.allowedSignersFile`, `gpg.ssh.revocationFile` | whom SSH verification trusts |
/// | `gpg.minTrustLevel` | the least OpenPGP trust a good signature needs |
/// | `tag.gpgSign`, `tag.forceSignAnnotated` | sign annotated tags by default |
package struct SigningConfiguration: Sendable, Equatable {
    /// The signature formats git knows.
    package enum Format: String, Sendable {
        case openpgp, ssh, x509
    }

    package var format: Format
    package var signingKey: String?
    package var openpgpProgram: String
    package var x509Program: String
    package var sshProgram: String
    package var sshDefaultKeyCommand: String?
    package var allowedSignersFile: String?
    package var revocationFile: String?
    package var minTrustLevel: String?
    /// Whether annotated tags are signed without being asked (`tag.gpgSign` or `tag.forceSignAnnotated`).
    package var signsByDefault: Bool

    /// Reads the configuration git would use in `repository`.
    package init(repository: Repository) throws(WorkspaceError) {
        func string(_ key: String) throws(WorkspaceError) -> String? {
            try git { () throws(GitError) in try repository.configString(key).flatMap { $0.isEmpty ? nil : $0 } }
        }
        func path(_ key: String) throws(WorkspaceError) -> String? {
            try git { () throws(GitError) in try repository.configPath(key).flatMap { $0.isEmpty ? nil : $0 } }
        }
        func bool(_ key: String) throws(WorkspaceError) -> Bool {
            try git { () throws(GitError) in try repository.configBool(key) ?? false }
        }
        let formatName = try string("gpg.format")?.lowercased() ?? "openpgp"
        guard let format = Format(rawValue: formatName) else {
            throw .refused(
                "gpg.format has the unknown value \"\(formatName)\" (git accepts openpgp, ssh and x509)",
                code: .signing, subject: "gpg.format")
        }
        self.format = format
        signingKey = try string("user.signingkey")
        let genericProgram = try string("gpg.program")
        openpgpProgram = try string("gpg.openpgp.program") ?? genericProgram ?? "gpg"
        x509Program = try string("gpg.x509.program") ?? "gpgsm"
        sshProgram = try string("gpg.ssh.program") ?? "ssh-keygen"
        sshDefaultKeyCommand = try string("gpg.ssh.defaultKeyCommand")
        allowedSignersFile = try path("gpg.ssh.allowedSignersFile")
        revocationFile = try path("gpg.ssh.revocationFile")
        minTrustLevel = try string("gpg.minTrustLevel")?.lowercased()
        let gpgSign = try bool("tag.gpgSign")
        let forceSignAnnotated = try bool("tag.forceSignAnnotated")
        signsByDefault = gpgSign || forceSignAnnotated
    }

    /// The program for signatures of `format` (the configured format when signing; the format
    /// the signature's armor names when verifying, as git does).
    package func program(for format: Format) -> String {
        switch format {
        case .openpgp: openpgpProgram
        case .x509: x509Program
        case .ssh: sshProgram
        }
    }
}
