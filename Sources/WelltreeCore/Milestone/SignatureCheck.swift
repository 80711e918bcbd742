/// The outcome of checking a milestone tag's signature, in the terms `git tag -v` uses.
///
/// Only `good` is a pass: a signature by a key nobody listed as trusted proves nothing about who
/// saved the milestone, so it fails like a bad one, with the key named so the reader can decide.
package struct SignatureCheck: Sendable, Equatable {
    /// The verdict.
    package enum Status: String, Sendable, Codable, CaseIterable {
        /// Signed by a key the allowed signers file or keyring trusts.
        case good = "GOOD"
        /// The signature does not match the tag's content, or the key is expired or revoked.
        case bad = "BAD"
        /// Cryptographically valid, by a key that is not in the allowed signers file or keyring.
        case unknownKey = "UNKNOWN_KEY"
        /// The tag carries no signature.
        case unsigned = "UNSIGNED"
        /// Verification could not run (no allowed signers file configured, tool missing).
        case error = "ERROR"
    }

    package var status: Status
    /// `ssh`, `openpgp` or `x509`; nil for an unsigned tag.
    package var format: String?
    /// The signer: the SSH principal, or the OpenPGP user id.
    package var signer: String?
    /// The key: an SSH fingerprint (`SHA256:...`) or an OpenPGP key id or fingerprint.
    package var key: String?
    /// Why, in a sentence, for people.
    package var reason: String

    package init(status: Status, format: String? = nil, signer: String? = nil, key: String? = nil, reason: String) {
        self.status = status
        self.format = format
        self.signer = signer
        self.key = key
        self.reason = reason
    }

    /// True only for a good signature.
    package var isGood: Bool { status == .good }

    /// A short label for tables: `good (alice@example.com)`, `unsigned`, `unknown key`.
    package var label: String {
        switch status {
        case .good: "good" + (signer.map { " (\($0))" } ?? "")
        case .bad: "BAD"
        case .unknownKey: "unknown key"
        case .unsigned: "unsigned"
        case .error: "not verified"
        }
    }
}
