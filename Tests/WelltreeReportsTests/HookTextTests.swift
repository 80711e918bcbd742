import Testing
import WelltreeReports

/// What `welltree hooks` and `welltree hooks --server` report having done.
@Suite("hook installation text")
struct HookTextTests {
    @Test func clientConfigurationThenHooks() {
        #expect(
            HookText.clientInstall(config: [(key: "merge.welltree.driver", value: "welltree merge-driver %O %A %B")], hooks: ["pre-commit"])
                == "config merge.welltree.driver = welltree merge-driver %O %A %B\nhook   pre-commit\n")
        #expect(HookText.clientInstall(config: [], hooks: []).isEmpty)
    }

    @Test func serverHooksSettingsBranchAndAdministrators() {
        #expect(
            HookText.serverInstall(
                hooks: [(path: "/srv/r.git/hooks/pre-receive", replaced: true), (path: "/srv/r.git/hooks/post-receive", replaced: false)],
                configured: ["receive.fsckObjects=true"], branch: "main", movedHead: true, administrators: ["alice", "bob"]) == """
                Replaced /srv/r.git/hooks/pre-receive
                Installed /srv/r.git/hooks/post-receive
                Configured receive.fsckObjects=true
                Review branch: main (HEAD now names it)
                Administrators: alice, bob

                """)
        #expect(
            HookText.serverInstall(hooks: [], configured: [], branch: "reviews", movedHead: false, administrators: [])
                == "Review branch: reviews (the branch HEAD names)\nAdministrators: none (add one with --admin)\n")
    }
}
