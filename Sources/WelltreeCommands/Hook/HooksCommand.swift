import ArgumentParser

/// `welltree hooks ...`: installing git hooks.
struct HooksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hooks",
        abstract: "Install git hooks.",
        subcommands: [Install.self]
    )

    /// `welltree hooks install`.
    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Install hooks; --server PATH installs the pre-receive hook into a bare repository on the git server.")

        @OptionGroup var server: ServerHookOptions

        func run() throws {
            guard server.server != nil else {
                throw ValidationError("name the bare repository on the server with --server PATH")
            }
            try server.install()
        }
    }
}
