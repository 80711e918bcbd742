/// Who is pushing, as the hosting layer authenticated them. The hook never takes the pusher's
/// word for it (no commit author, no `user.email`): only what the server itself established.
package enum Pusher {
    /// The pusher named by the environment git and the hosting layer give a hook:
    /// `GL_USER` (gitolite, from the SSH key), `REMOTE_USER` (git-http-backend behind HTTP
    /// authentication), or the signer of a signed push (`GIT_PUSH_CERT_SIGNER` when
    /// `GIT_PUSH_CERT_STATUS` is `G`, good). A push certificate that does not verify refuses the
    /// push even when another identity is present. A gpg signer `Name <email>` is reduced to
    /// the email. Returns the principal or the reason there is none.
    package static func identify(_ environment: [String: String]) -> Result<String, PushIdentityError> {
        if environment["GIT_PUSH_CERT"].map({ !$0.isEmpty }) == true, let status = environment["GIT_PUSH_CERT_STATUS"], status != "G" {
            return .failure(
                PushIdentityError(
                    message:
                        "the push certificate does not verify (GIT_PUSH_CERT_STATUS=\(status)); push unsigned or with a key the server trusts"
                ))
        }
        for key in ["GL_USER", "REMOTE_USER"] {
            if let value = environment[key], !value.isEmpty { return .success(value) }
        }
        if environment["GIT_PUSH_CERT_STATUS"] == "G", let signer = environment["GIT_PUSH_CERT_SIGNER"], !signer.isEmpty {
            if let open = signer.lastIndex(of: "<"), let close = signer.lastIndex(of: ">"), open < close {
                return .success(String(signer[signer.index(after: open)..<close]))
            }
            return .success(signer)
        }
        return .failure(
            PushIdentityError(
                message:
                    "the push carries no identity: the server must authenticate pushers (gitolite sets GL_USER, git-http-backend REMOTE_USER, `git push --signed` GIT_PUSH_CERT_SIGNER)"
            ))
    }
}

/// The hook could not tell who is pushing.
package struct PushIdentityError: Error, Sendable, Equatable {
    package var message: String
}
