import Testing

@testable import WelltreeWorkspace

/// Who a hook takes the pusher to be, from the environment git and the hosting layer give it.
@Suite("Server hook: identifying the pusher")
struct PusherTests {
    static let signed = [
        "GIT_PUSH_CERT": "0123456789abcdef0123456789abcdef01234567", "GIT_PUSH_CERT_STATUS": "G",
        "GIT_PUSH_CERT_SIGNER": "Alice Example <alice@example.com>", "GIT_PUSH_CERT_KEY": "SHA256:abc",
        "GIT_PUSH_CERT_NONCE_STATUS": "OK",
    ]

    @Test func theHostingLayerNamesThePusher() throws {
        #expect(
            try Pusher.identify(["REMOTE_USER": "bob@example.com"]).get()
                == Pusher(principal: "bob@example.com", identifiedBy: "REMOTE_USER"))
        #expect(try Pusher.identify(["GL_USER": "carol", "REMOTE_USER": "x"]).get().principal == "carol")
        #expect(throws: PushIdentityError.self) { try Pusher.identify([:]).get() }
        #expect(throws: PushIdentityError.self) { try Pusher.identify(["REMOTE_USER": "bob\u{1B}]52;c;x\u{7}"]).get() }
    }

    @Test func aGoodCertificateWithTheNonceOfThisPushNamesItsSigner() throws {
        #expect(try Pusher.identify(Self.signed).get() == Pusher(principal: "alice@example.com", identifiedBy: Pusher.certificate))
        var authenticated = Self.signed
        authenticated["REMOTE_USER"] = "alice@example.com"
        #expect(try Pusher.identify(authenticated).get().identifiedBy == "REMOTE_USER")
    }

    /// A recorded certificate sent again carries a nonce that is not this push's.
    @Test(arguments: ["SLOP", "STALE", "BAD", "MISSING", "UNSOLICITED", ""])
    func aCertificateWhoseNonceIsNotThisPushsIsRefused(_ nonce: String) {
        var environment = Self.signed
        environment["GIT_PUSH_CERT_NONCE_STATUS"] = nonce
        #expect(throws: PushIdentityError.self) { try Pusher.identify(environment).get() }
        environment["REMOTE_USER"] = "alice@example.com"
        #expect(throws: PushIdentityError.self) { try Pusher.identify(environment).get() }
    }

    @Test func anUntrustedOrForeignCertificateIsRefused() {
        for (key, value) in [("GIT_PUSH_CERT_STATUS", "B"), ("GIT_PUSH_CERT_STATUS", "E"), ("GIT_PUSH_CERT_SIGNER", "")] {
            var environment = Self.signed
            environment[key] = value
            #expect(throws: PushIdentityError.self) { try Pusher.identify(environment).get() }
        }
        var foreign = Self.signed
        foreign["REMOTE_USER"] = "mallory@example.com"
        #expect(throws: PushIdentityError.self) { try Pusher.identify(foreign).get() }
    }

    @Test func pushOptionsCarryAnOverrideWithAReason() {
        func options(_ values: [String]) -> PushOptions {
            var environment = ["GIT_PUSH_OPTION_COUNT": String(values.count)]
            for (index, value) in values.enumerated() { environment["GIT_PUSH_OPTION_\(index)"] = value }
            return PushOptions(environment)
        }
        #expect(options(["welltree.override=Remove a leaked secret"]).override == "Remove a leaked secret")
        #expect(options(["ci.skip", "welltree.override= Purge "]).override == "Purge")
        #expect(options([]).override == nil)
        #expect(options(["welltree.override="]).problem != nil)
        #expect(options(["welltree.overide=typo"]).problem != nil)
    }
}

/// What a tree entry of a review repository may be called and be.
@Suite("Tree entries a push may add")
struct TreeEntryRulesTests {
    @Test(arguments: ["", ".", "..", "a/b", ".git", ".GIT", ".Git.", ".git ", "git~1", "a\nb", "x\u{1B}y", ".g\u{200C}it"])
    func namesThatAreNoPlainPathStep(_ name: String) {
        #expect(TreeEntryRules.problem(name: name) != nil)
    }

    @Test(arguments: ["workload.json", "priorities.json", ".gitattributes", "answers", "wellarchitected", "é.json"])
    func plainNames(_ name: String) {
        #expect(TreeEntryRules.problem(name: name) == nil)
        #expect(TreeEntryRules.problem(name: name, kind: .blob) == nil)
    }

    @Test func onlyFilesAndDirectories() {
        #expect(TreeEntryRules.problem(name: "a.json", kind: .symlink) != nil)
        #expect(TreeEntryRules.problem(name: "a.json", kind: .submodule) != nil)
        #expect(TreeEntryRules.problem(name: "answers", kind: .tree) == nil)
    }
}
