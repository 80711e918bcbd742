import Foundation
import Git
import WelltreeCore

/// Checks a tag's signature the way `git tag -v` does: the signature's armor picks the tool,
/// SSH signatures are judged against `gpg.ssh.allowedSignersFile` (principals found with
/// `ssh-keygen -Y find-principals`, then `-Y verify`), OpenPGP ones against the keyring gpg
/// uses (`gpg --status-fd=1 --verify SIG -`).
package struct SignatureVerifier {
    package var configuration: SigningConfiguration

    package init(configuration: SigningConfiguration) {
        self.configuration = configuration
    }

    /// Verifies `tag`; never throws for a bad or missing signature, only reports it.
    package func verify(_ tag: TagObject) -> SignatureCheck {
        guard let signature = tag.signature else {
            return SignatureCheck(status: .unsigned, reason: "the tag is not signed")
        }
        do {
            if signature.hasPrefix("-----BEGIN SSH SIGNATURE-----") {
                return try verifySSH(signature: signature, payload: tag.signedPayload, time: tag.taggerTime)
            }
            if signature.hasPrefix("-----BEGIN SIGNED MESSAGE-----") {
                return try verifyGPG(signature: signature, payload: tag.signedPayload, format: .x509)
            }
            return try verifyGPG(signature: signature, payload: tag.signedPayload, format: .openpgp)
        } catch {
            return SignatureCheck(status: .error, reason: error.description)
        }
    }

    private func verifySSH(signature: String, payload: [UInt8], time: Int64?) throws(WorkspaceError) -> SignatureCheck {
        let program = configuration.sshProgram
        guard let allowed = configuration.allowedSignersFile.map(TagSigner.expandingHome),
              FileManager.default.fileExists(atPath: allowed)
        else {
            return SignatureCheck(status: .error, format: "ssh",
                                  reason: "gpg.ssh.allowedSignersFile needs to be configured and exist for ssh signature verification")
        }
        let scratch = try ScratchDirectory()
        let signatureFile = try scratch.write("payload.sig", Array(signature.utf8))
        var options: [String] = []
        if let time { options.append("-Overify-time=" + Self.verifyTime(time)) }
        var revocation: [String] = []
        if let file = configuration.revocationFile { revocation = ["-r", TagSigner.expandingHome(file)] }

        let found = try Subprocess.run(program, ["-Y", "find-principals", "-f", allowed, "-s", signatureFile] + options)
        let principals = found.status == 0 ? found.stdout.split(separator: "\n").map(String.init).filter { !$0.isEmpty } : []
        if principals.isEmpty {
            // No trusted principal: say whether the signature is at least intact, and by which key.
            let check = try Subprocess.run(program, ["-Y", "check-novalidate", "-n", "git", "-s", signatureFile], input: payload)
            let key = Self.fingerprint(in: check.stdout + check.stderr)
            if check.status == 0 {
                return SignatureCheck(status: .unknownKey, format: "ssh", key: key,
                                      reason: "the signing key\(key.map { " \($0)" } ?? "") is not in the allowed signers file \(allowed)")
            }
            return SignatureCheck(status: .bad, format: "ssh", key: key, reason: "the signature does not match the tag: \(Self.firstLine(check.stderr))")
        }
        var lastError = ""
        for principal in principals {
            let result = try Subprocess.run(
                program, ["-Y", "verify", "-n", "git", "-f", allowed, "-I", principal, "-s", signatureFile] + revocation + options,
                input: payload)
            if result.status == 0, result.stdout.contains("Good \"git\" signature") {
                return SignatureCheck(status: .good, format: "ssh", signer: principal, key: Self.fingerprint(in: result.stdout),
                                      reason: "good signature for \(principal)")
            }
            lastError = Self.firstLine(result.stderr.isEmpty ? result.stdout : result.stderr)
        }
        return SignatureCheck(status: .bad, format: "ssh", signer: principals.first,
                              reason: "the signature does not verify for \(principals.joined(separator: ", ")): \(lastError)")
    }

    private func verifyGPG(signature: String, payload: [UInt8], format: SigningConfiguration.Format) throws(WorkspaceError) -> SignatureCheck {
        let program = configuration.program(for: format)
        let scratch = try ScratchDirectory()
        let signatureFile = try scratch.write("payload.sig", Array(signature.utf8))
        let result = try Subprocess.run(program, ["--status-fd=1", "--verify", signatureFile, "-"], input: payload)
        var status: [String: [String]] = [:]
        for line in result.stdout.split(separator: "\n") where line.hasPrefix("[GNUPG:] ") {
            let fields = line.dropFirst(9).split(separator: " ", maxSplits: 2).map(String.init)
            if let keyword = fields.first { status[keyword] = Array(fields.dropFirst()) }
        }
        let name = format.rawValue
        if let good = status["GOODSIG"] {
            let signer = good.count > 1 ? good[1] : nil
            let key = status["VALIDSIG"]?.first ?? good.first
            if let minimum = configuration.minTrustLevel, let trust = Self.trustLevel(status), trust < Self.trustRank(minimum) {
                return SignatureCheck(status: .bad, format: name, signer: signer, key: key,
                                      reason: "good signature, but the key's trust is below gpg.minTrustLevel \(minimum)")
            }
            return SignatureCheck(status: .good, format: name, signer: signer, key: key, reason: "good signature from \(signer ?? key ?? "unknown")")
        }
        for (keyword, why) in [("BADSIG", "the signature does not match the tag"), ("EXPKEYSIG", "the signing key has expired"),
                               ("EXPSIG", "the signature has expired"), ("REVKEYSIG", "the signing key was revoked")] {
            if let fields = status[keyword] {
                let signer = fields.count > 1 ? fields[1] : nil
                return SignatureCheck(status: .bad, format: name, signer: signer, key: fields.first, reason: why)
            }
        }
        if let missing = status["NO_PUBKEY"] ?? status["ERRSIG"] {
            return SignatureCheck(status: .unknownKey, format: name, key: missing.first,
                                  reason: "the signing key \(missing.first ?? "") is not in the keyring")
        }
        return SignatureCheck(status: .bad, format: name, reason: "\(program) could not verify the signature: \(Self.firstLine(result.stderr))")
    }

    /// Trust levels in gpg's order (`TRUST_UNDEFINED` ... `TRUST_ULTIMATE`), as git ranks them.
    private static let trustOrder = ["undefined", "never", "marginal", "fully", "ultimate"]

    private static func trustRank(_ name: String) -> Int { trustOrder.firstIndex(of: name) ?? 0 }

    private static func trustLevel(_ status: [String: [String]]) -> Int? {
        for (index, name) in trustOrder.enumerated().reversed() where status["TRUST_" + name.uppercased()] != nil { return index }
        return nil
    }

    /// `YYYYMMDDHHMMSS` in local time: git passes the tagger time so keys valid then still verify.
    private static func verifyTime(_ seconds: Int64) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = .current
        formatter.dateFormat = "yyyyMMddHHmmss"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    private static func fingerprint(in text: String) -> String? {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).first { $0.hasPrefix("SHA256:") }.map(String.init)
    }

    private static func firstLine(_ text: String) -> String {
        text.split(separator: "\n").first.map(String.init) ?? "no output"
    }
}
