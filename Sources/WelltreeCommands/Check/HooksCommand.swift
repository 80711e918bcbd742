import ArgumentParser
import Git
import WelltreeReports
import WelltreeWorkspace

/// `welltree hooks install`: configures this clone's drivers and hooks.
struct HooksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hooks",
        abstract: "Configure this clone: readable diffs, semantic merges and the pre-commit check.",
        subcommands: [Install.self])

    struct Install: ConsoleCommand, TextOnlyCommand {
        static let configuration = CommandConfiguration(
            commandName: "install",
            abstract: "Write the diff=welltree and merge=welltree drivers into .git/config and install hooks/pre-commit.",
            discussion: """
                The attributes are declared by the workspace's .gitattributes; the driver commands are \
                per clone because git never runs commands a repository asks for by itself. Run again after \
                moving the welltree binary.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var format: TextFormatOptions
        static let jsonInstead = "welltree audit --format json"
        @OptionGroup var server: ServerHookOptions
        @Flag(help: "Replace existing hooks that are not Welltree's.")
        var force = false

        func run(_ console: Console) throws {
            if server.isRequested { return try server.install(force: force, global: global, console: console) }
            let path = global.path(console)
            let repository = try git { () throws(GitError) in try Repository.open(searchingFrom: path) }
            let report = try ClientHooks.locate(environment: console.environment).install(in: repository, force: force)
            console.write(HookText.clientInstall(config: report.config, hooks: report.hooks))
        }
    }
}
