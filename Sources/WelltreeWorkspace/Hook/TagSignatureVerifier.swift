import Foundation

/// Checks that a milestone tag was signed by its owner, with the tools git itself uses:
/// `ssh-keygen -Y verify` against the allowed-signers file kept on the shares ref (so the keys
/// are as protected as the shares), or `gpg --verify` against the hook account's keyring,
/// accepting only a good signature whose user id carries the owner's principal.
package struct TagSignatureVerifier: Sendable {
    package init() {}

    /// Nil when `signature` is a good signature of `payload` by `principal`; otherwise why not.
    package func verify(payload: [UInt8], signature: String, principal: String, allowedSigners: [UInt8]?) -> String? {
        let directory = NSTemporaryDirectory() + "welltree-verify-" + UUID().uuidString
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            return "cannot create a temporary directory to verify the signature: \(error.localizedDescription)"
        }
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let signatureFile = directory + "/tag.sig"
        let payloadFile = directory + "/tag.payload"
        do {
            try Data(signature.utf8).write(to: URL(fileURLWithPath: signatureFile))
            try Data(payload).write(to: URL(fileURLWithPath: payloadFile))
        } catch {
            return "cannot write the signature to verify it: \(error.localizedDescription)"
        }
        if signature.hasPrefix("-----BEGIN SSH SIGNATURE-----") {
            guard let allowedSigners, !allowedSigners.isEmpty else {
                return "the shares ref has no allowed_signers file, so no SSH key is trusted to sign milestones"
            }
            let allowed = directory + "/allowed_signers"
            do {
                try Data(allowedSigners).write(to: URL(fileURLWithPath: allowed))
            } catch {
                return "cannot write the allowed signers: \(error.localizedDescription)"
            }
            let result = run("ssh-keygen", ["-Y", "verify", "-f", allowed, "-I", principal, "-n", "git", "-s", signatureFile], input: payloadFile)
            if result.status == 0 { return nil }
            return "the SSH signature is not a good signature by a key allowed_signers lists for \(principal) (\(result.output.trimmingCharacters(in: .whitespacesAndNewlines)))"
        }
        if signature.hasPrefix("-----BEGIN PGP SIGNATURE-----") {
            let result = run("gpg", ["--batch", "--status-fd=1", "--verify", signatureFile, payloadFile], input: nil)
            let good = result.output.split(separator: "\n").first { $0.hasPrefix("[GNUPG:] GOODSIG ") }
            guard result.status == 0, let good else {
                return "the PGP signature does not verify with the server's keyring"
            }
            guard good.contains("<\(principal)>") || good.hasSuffix(" \(principal)") else {
                return "the PGP signature is good but made by \(good.dropFirst(17)), not by \(principal)"
            }
            return nil
        }
        return "the signature is neither an SSH nor a PGP signature"
    }

    private func run(_ tool: String, _ arguments: [String], input: String?) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        if let input { process.standardInput = FileHandle(forReadingAtPath: input) }
        do {
            try process.run()
        } catch {
            return (127, "\(tool) cannot run: \(error.localizedDescription)")
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
