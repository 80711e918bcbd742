import WelltreeCore

/// Who is pushing, as the hosting layer authenticated them. The hook never takes the pusher's
/// word for it (no commit author, no `user.email`): only what the server itself established.
package struct Pusher: Sendable, Equatable {
    /// The principal every rule is judged for.
    package var principal: String
    /// How the server knows it, for the audit record: `GL_USER`, `REMOTE_USER` or
    /// `signed push certificate`.
    package var identifiedBy: String

    package init(principal: String, identifiedBy: String) {
        self.principal = principal
        self.identifiedBy = identifiedBy
    }

    /// How a pusher named only by a signed push is described in the audit record.
    package static let certificate = "signed push certificate"

    /// The pusher named by the environment git and the hosting layer give a hook:
    /// `GL_USER` (gitolite, from the SSH key), `REMOTE_USER` (git-http-backend behind HTTP
    /// authentication), or the signer of a signed push.
    ///
    /// A push certificate counts only when git verified it (`GIT_PUSH_CERT_STATUS=G`) with a
    /// key the server trusts for a principal (`GIT_PUSH_CERT_SIGNER`), and when its nonce is
    /// the one the server issued for this push (`GIT_PUSH_CERT_NONCE_STATUS=OK`): a recorded
    /// certificate sent again (`SLOP`, `STALE`, `BAD`, `MISSING`, `UNSOLICITED`) is refused, so
    /// a signed push cannot be replayed. Any certificate that does not pass refuses the push,
    /// even when the hosting layer also authenticated the pusher; and a certificate signed by
    /// someone other than the authenticated user refuses it too. A gpg signer `Name <email>`
    /// is reduced to the email.
    package static func identify(_ environment: [String: String]) -> Result<Pusher, PushIdentityError> {
        let identified = identifyAnyone(environment)
        if case .success(let pusher) = identified, UnsafeCharacter.occurs(in: pusher.principal) {
            return .failure(
                PushIdentityError(message: "the pusher's identity holds control or bidirectional characters; no principal does"))
        }
        return identified
    }

    private static func identifyAnyone(_ environment: [String: String]) -> Result<Pusher, PushIdentityError> {
        var authenticated: Pusher?
        for key in ["GL_USER", "REMOTE_USER"] {
            if let value = environment[key], !value.isEmpty {
                authenticated = Pusher(principal: value, identifiedBy: key)
                break
            }
        }
        guard environment["GIT_PUSH_CERT"].map({ !$0.isEmpty }) == true else {
            if let authenticated { return .success(authenticated) }
            return .failure(
                PushIdentityError(
                    message:
                        "the push carries no identity: the server must authenticate pushers (gitolite sets GL_USER, git-http-backend REMOTE_USER, `git push --signed` GIT_PUSH_CERT_SIGNER)"
                ))
        }
        let status = environment["GIT_PUSH_CERT_STATUS"] ?? ""
        guard status == "G" else {
            return .failure(
                PushIdentityError(
                    message:
                        "the push certificate does not verify (GIT_PUSH_CERT_STATUS=\(status.isEmpty ? "unset" : status)); push unsigned or with a key the server trusts"
                ))
        }
        let signer = environment["GIT_PUSH_CERT_SIGNER"] ?? ""
        guard !signer.isEmpty else {
            let key = environment["GIT_PUSH_CERT_KEY"].flatMap { $0.isEmpty ? nil : $0 }
            return .failure(
                PushIdentityError(
                    message:
                        "the push certificate is signed by a key the server does not trust\(key.map { " (\($0))" } ?? ""): add it to gpg.ssh.allowedSignersFile or the hook account's keyring, or push unsigned"
                ))
        }
        let nonce = environment["GIT_PUSH_CERT_NONCE_STATUS"] ?? ""
        guard nonce == "OK" else {
            return .failure(
                PushIdentityError(
                    message:
                        "the push certificate's nonce is \(nonce.isEmpty ? "unset" : nonce), not OK: it was not issued for this push (a certificate recorded and sent again, or one older than receive.certNonceSlop allows); push again"
                ))
        }
        var principal = signer
        if let open = signer.lastIndex(of: "<"), let close = signer.lastIndex(of: ">"), open < close {
            principal = String(signer[signer.index(after: open)..<close])
        }
        if let authenticated {
            guard authenticated.principal == principal else {
                return .failure(
                    PushIdentityError(
                        message:
                            "the push is authenticated as \(authenticated.principal) but its certificate is signed by \(principal); sign with your own key or push unsigned"
                    ))
            }
            return .success(authenticated)
        }
        return .success(Pusher(principal: principal, identifiedBy: Self.certificate))
    }
}

/// The hook could not tell who is pushing.
package struct PushIdentityError: Error, Sendable, Equatable {
    package var message: String
}
